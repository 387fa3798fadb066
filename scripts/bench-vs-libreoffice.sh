#!/usr/bin/env bash
# Times hoso against LibreOffice on the same documents, in one run.
#
#   scripts/bench-vs-libreoffice.sh [SAMPLE.toml] [RUNS]
#
# 1. hoso builds the sample's dossier once: its DOCX files are the input of
#    both sides.
# 2. LibreOffice converts all those DOCX files to PDF in one call (the
#    fastest way to use it: one start-up shared by all documents), with a
#    fresh profile, RUNS times.
# 3. hoso builds the same dossier (DOCX and PDF of every document, plus
#    ho-so.pdf) from the TOML, RUNS times.
# Prints the median of each and the ratio. Needs soffice (LibreOffice) on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-samples/phuong-tan-son-hoa-2026.toml}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/hoso" ./cmd/hoso
"$work/hoso" build -q -o "$work/ref" "$sample"
docs=("$work"/ref/*/*.docx)
n=${#docs[@]}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

lo_times=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/lo" "$work/profile"
  t0=$(now)
  soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work/lo" "${docs[@]}" > /dev/null 2>&1
  t1=$(now)
  lo_times+=("$(echo "$t1 - $t0" | bc -l)")
done
hoso_times=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/out"
  t0=$(now)
  "$work/hoso" build -q -o "$work/out" "$sample"
  t1=$(now)
  hoso_times+=("$(echo "$t1 - $t0" | bc -l)")
done
lo=$(printf '%s\n' "${lo_times[@]}" | median)
ho=$(printf '%s\n' "${hoso_times[@]}" | median)
printf 'machine: %s, %s CPU(s); %s\n' "$(uname -m)" "$(nproc)" "$(soffice --version 2>/dev/null | head -1)"
printf 'documents: %d (%s)\n' "$n" "$sample"
printf 'LibreOffice, DOCX → PDF, one call:        median %.3f s  (%.3f s per document)\n' "$lo" "$(echo "$lo / $n" | bc -l)"
printf 'hoso, TOML → DOCX + PDF + ho-so.pdf:     median %.3f s  (%.4f s per document)\n' "$ho" "$(echo "$ho / $n" | bc -l)"
printf 'ratio: hoso is %.1f× faster\n' "$(echo "$lo / $ho" | bc -l)"
