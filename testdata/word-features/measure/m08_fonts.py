#!/usr/bin/env python3
"""Item 8: font substitution in LibreOffice 7.4 on this machine. For each font name a Word file uses:
fontconfig's answer (fc-match), the face LibreOffice embedded, whether the run widths match that face's
advance widths, and the single line pitch the face gives (so the metric model of the reference applies
to it). Also the legacy .VnTime/VNI text as it reaches the PDF."""
import os
import subprocess

from lo import build, convert, face, header, lines, parse, WORK
from docxkit import p, r
import make_fixtures as mf

NAMES = [("Times New Roman", "Serif"), ("Times New Roman Bold", "DejaVuSans"), ("Arial", "Sans"),
         ("Tahoma", "DejaVuSans"), ("Calibri", "Carlito"), ("Cambria", None), ("Verdana", "DejaVuSans"),
         (".VnTime", "DejaVuSans"), (".VnTimeH", "DejaVuSans"), ("VNI-Times", "DejaVuSans"),
         ("Symbol", None), ("Wingdings", None), ("Courier New", None)]
TEXT = "Hồ sơ đề nghị khen thưởng 2026"
cases = {}
for name, _ in NAMES:
    key = name.replace(" ", "_").replace(".", "")
    for size in (12, 14):
        cases["%s_%d" % (key, size)] = [p(r(TEXT, sz=size, font=name)) for _ in range(3)]
pages = build(cases)

header("8a. font name → fontconfig → the face in LibreOffice's PDF; width and pitch vs that face's metrics")
print("name | fc-match | PDF font | width pt (model from the face's hmtx) | pitch 12 / 14 pt | first baseline 14 pt")
for name, fam in NAMES:
    key = name.replace(" ", "_").replace(".", "")
    fc = subprocess.run(["fc-match", name], capture_output=True, text=True).stdout.strip()
    res = []
    for size in (12, 14):
        ls = lines(pages["%s_%d" % (key, size)][0])
        gs = ls[0][2]
        width = gs[-1]["x"] + gs[-1]["w"] - gs[0]["x"]
        res.append((ls[1][0] - ls[0][0], ls[0][0], width, sorted({g["font"].split("+")[-1] for g in gs})))
    model = "%.2f" % face(fam).width(TEXT, 14) if fam else "-"
    print("%-20s | %-42s | %s | %.2f (%s) | %.2f / %.2f | %.2f"
          % (name, fc, res[1][3], res[1][2], model, res[0][0], res[1][0], res[1][1]))

header("8b. the single line pitch each face's hhea metrics give with the reference's integer procedure")
for fam in ("Serif", "Sans", "Carlito", "DejaVuSans"):
    f = face(fam)
    for size in (12, 14):
        h = size * 120
        A, D, G = (round(v * h / f.upem) for v in (f.ascender, -f.descender, f.lineGap))
        L = round((A + D) / 6) + round(G / 6)
        print("%-10s %d pt: hhea %d/%d/%d upem %d → L = %d tw = %.2f pt, B = %.2f pt"
              % (fam, size, f.ascender, f.descender, f.lineGap, f.upem, L, L / 20, (round(A / 6) + round(G / 6)) / 20))

header("8c. fixture 08-fonts.docx: the faces per line")
mf.f08_fonts(WORK)
pdf = convert([os.path.join(WORK, "08-fonts.docx")], WORK)[0]
for pi, pg in enumerate(parse(pdf)):
    for y, t, gs in lines(pg):
        fonts = sorted({g["font"].split("+")[-1] for g in gs})
        if fonts != ["LiberationSerif"]:
            print("p%d %.2f %s %s" % (pi + 1, y, fonts, t[:60]))
