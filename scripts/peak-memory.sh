#!/usr/bin/env bash
# Measures the peak memory (maximum resident set size) and the time of
# "hoso build" on synthetic submissions of N nominees.
#
#   scripts/peak-memory.sh [N ...]        (default: 50 1000 4250)
#
# 4250 nominees give a 5,228,976-byte submission, just under the 5 MiB a
# submission may hold: about the largest accepted. The README's figures
# ("Tốc độ") come from this script. Each N is built RUNS
# times (default 3; RUNS=5 scripts/peak-memory.sh …) and the median and
# the largest peak are printed, with the median wall-clock time. Needs GNU
# time (/usr/bin/time, package "time" on Debian). It measures; it asserts
# nothing (the machine may be busy): compare figures of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 1000 4250)
[ -x /usr/bin/time ] || { echo "cần GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/hoso" ./cmd/hoso
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%8s %10s %14s %14s %10s\n' "nominees" "file (MB)" "peak RSS med." "peak RSS max" "time med."
for n in "${sizes[@]}"; do
  "$work/hoso" sample -n "$n" -o "$work/s$n.toml" > /dev/null
  size=$(awk -v b="$(stat -c %s "$work/s$n.toml")" 'BEGIN {printf "%.1f", b/1e6}')
  rss=() secs=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out"
    /usr/bin/time -f '%M %e' -o "$work/time" "$work/hoso" build -q -o "$work/out" "$work/s$n.toml"
    read -r kb s < "$work/time"
    rss+=("$kb") secs+=("$s")
  done
  med=$(printf '%s\n' "${rss[@]}" | median)
  max=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  t=$(printf '%s\n' "${secs[@]}" | median)
  printf '%8s %10s %11.0f MB %11.0f MB %8.2f s\n' "$n" "$size" "$(echo "$med / 1024" | bc -l)" "$(echo "$max / 1024" | bc -l)" "$t"
done
