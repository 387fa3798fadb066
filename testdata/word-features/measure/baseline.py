#!/usr/bin/env python3
"""hoso's fidelity on the fixtures: a Markdown table of pages (hoso/LibreOffice), lines_same and
words_within_3mm from ../shared/tools/fidelity.py, the strokes, fills and images drawn (strokes.py: what
fidelity.py, which compares words only, cannot see), and hoso's warnings per fixture.

Usage:  baseline.py FIDELITY_PY OURS_DIR FIXTURE.docx...

OURS_DIR holds hoso's PDF of each fixture as NAME.pdf and its warnings as NAME.warnings.txt (one per line),
for LO-resaved fixtures (lo/NAME.docx) lo-NAME.pdf and lo-NAME.warnings.txt. hoso has no command that
renders an arbitrary DOCX, so they come from a throwaway Go test that calls the PDF stage (internal/pdf;
see WORD-FEATURES.md, "Baseline"). LibreOffice's PDFs are made once, in one batch, and passed to
fidelity.py with --ref."""
import os
import re
import subprocess
import sys

from lo import convert, WORK
import strokes


def short(msg, n=48):
    return msg if len(msg) <= n else msg[:n].rstrip() + "…"


def main():
    fidelity, ours = sys.argv[1], sys.argv[2]
    fixtures = sys.argv[3:]
    refdir = os.path.join(WORK, "baseline-ref")
    os.makedirs(refdir, exist_ok=True)
    by_dir = {}
    for f in fixtures:
        by_dir.setdefault(os.path.dirname(os.path.abspath(f)), []).append(f)
    refs = {}
    for d, fs in by_dir.items():
        out = os.path.join(refdir, os.path.basename(d))
        os.makedirs(out, exist_ok=True)
        for f, pdf in zip(fs, convert(fs, out)):
            refs[f] = pdf
    print("| fixture | pages hoso/LO | lines same | words within 3 mm | strokes drawn/LO | fills hoso/LO | "
          "images hoso/LO | hoso's warnings |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for f in fixtures:
        name = os.path.splitext(os.path.basename(f))[0]
        key = ("lo-" if os.path.basename(os.path.dirname(os.path.abspath(f))) == "lo" else "") + name
        res = subprocess.run([sys.executable, fidelity, os.path.join(ours, key + ".pdf"), f, "--ref", refs[f]],
                             capture_output=True, text=True).stdout.strip().splitlines()
        m = re.search(r"words_within_3mm=([\d.]+)% lines_same=([\d.]+)% pages=(\d+)/(\d+)", res[-1] if res else "")
        warn_path = os.path.join(ours, key + ".warnings.txt")
        warns = [w for w in open(warn_path, encoding="utf-8").read().splitlines() if w.strip()] \
            if os.path.exists(warn_path) else []
        kinds = sorted({short(re.sub(r"^.*?»: |^[^:]*: ", "", w)) for w in warns})
        label = ("lo/" if key.startswith("lo-") else "") + name
        ours_pages, ref_pages = strokes.pdfparse.parse(os.path.join(ours, key + ".pdf")), strokes.pdfparse.parse(refs[f])
        drawn = ref_n = 0
        for i, rp in enumerate(ref_pages):
            segs = strokes.segments(rp)
            mine = strokes.segments(ours_pages[i]) if i < len(ours_pages) else set()
            ref_n += len(segs)
            drawn += sum(1 for sg in segs if strokes.covered(sg, mine) == "drawn")
        fills = "%d/%d" % (sum(strokes.fills(pg) for pg in ours_pages), sum(strokes.fills(pg) for pg in ref_pages))
        images = "%d/%d" % (sum(len(pg.images) for pg in ours_pages), sum(len(pg.images) for pg in ref_pages))
        if m:
            print("| %s | %s/%s | %s %% | %s %% | %d/%d | %s | %s | %d: %s |"
                  % (label, m.group(3), m.group(4), m.group(2), m.group(1), drawn, ref_n, fills, images, len(warns),
                     "; ".join(kinds) if kinds else "none"))
        else:
            print("| %s | (fidelity.py failed: %s) | | | |" % (label, " ".join(res[-1:])))


if __name__ == "__main__":
    main()
