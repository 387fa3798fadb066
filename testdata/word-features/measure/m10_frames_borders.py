#!/usr/bin/env python3
"""Item 10: frames (w:framePr), paragraph left/right/between borders, and the non-breaking hyphen in a
tax code, in LibreOffice 7.4. Prints every stroke and text line of fixture 10 and of small variants."""
import os

from lo import build, convert, header, lines, parse, WORK
from docxkit import border, p, r, rx, tbl, tc, tr
import make_fixtures as mf

BOX = [border("top", "single", 4, 1), border("left", "single", 4, 4), border("bottom", "single", 4, 1),
       border("right", "single", 4, 4)]
TAX_WORDS = "Mã số thuế của chi nhánh là"


def tax(kind, pad):
    lead = TAX_WORDS + " " + "x" * pad + " "
    if kind == "one":    # hyphen-minus inside one run
        return [p(r(lead + "0312840639-002 là mã của đơn vị phụ thuộc.", sz=14))]
    hy = rx("<w:noBreakHyphen/>", sz=14) if kind == "nbh" else r("-", sz=14)
    return [p(r(lead + "0312840639", sz=14), hy, r("002 là mã của đơn vị phụ thuộc.", sz=14))]


cases = {
    "frame_page": [p(r("Đoạn thường.", sz=12)),
                   p(r("Mẫu số 01", sz=12, b=True), jc="center", pbdr=BOX,
                     frame=(("w", "1800"), ("h", "400"), ("hRule", "exact"), ("wrap", "around"), ("vAnchor", "page"),
                            ("hAnchor", "page"), ("x", "9000"), ("y", "400"))),
                   p(r("Đoạn sau khung.", sz=12))],
    "frame_page_auto": [p(r("Đoạn thường.", sz=12)),
                        p(r("Mẫu số 01", sz=12, b=True), jc="center",
                          frame=(("w", "1800"), ("wrap", "around"), ("vAnchor", "page"), ("hAnchor", "page"),
                                 ("x", "9000"), ("y", "400"))),
                        p(r("Đoạn sau khung.", sz=12))],
    "frame_before_table": [p(r("Mẫu số 01", sz=12, b=True), frame=(("w", "1800"), ("wrap", "around"),
                                                                     ("vAnchor", "page"), ("hAnchor", "page"),
                                                                     ("x", "9000"), ("y", "400"))),
                           tbl([4000], [tr(tc(p(r("Bảng", sz=12)), 4000))])],
    "side_box": [p(r("Hộp bốn viền. " + mf.SENT[0], sz=12), pbdr=BOX, ind={"left": 284, "right": 284})],
    "side_box_noind": [p(r("Hộp bốn viền, không thụt lề. " + mf.SENT[0], sz=12), pbdr=BOX)],
    "left_bar": [p(r("Viền trái. " + mf.SENT[1], sz=12), pbdr=[border("left", "single", 24, 8, "808080")],
                   ind={"left": 567})],
    "between": [p(r("Đoạn 1.", sz=12), pbdr=[border("top", "single", 4, 1), border("bottom", "single", 4, 1),
                                               border("between", "single", 4, 1)]),
                p(r("Đoạn 2.", sz=12), pbdr=[border("top", "single", 4, 1), border("bottom", "single", 4, 1),
                                               border("between", "single", 4, 1)])],
}
KINDS = ("nbh", "hy", "one")
for pad in range(30, 46, 3):
    for kind in KINDS:
        cases["%s_%d" % (kind, pad)] = tax(kind, pad)
pages = build(cases)


def dump(name):
    pg = pages[name][0]
    print("%s:" % name)
    for y, t, gs in lines(pg):
        print("   text %.2f x %.2f–%.2f %s" % (y, gs[0]["x"], gs[-1]["x"] + gs[-1]["w"], t[:60]))
    seen = set()
    for pth in pg.paths:
        key = (pth["op"], round(pth["lw"], 2), tuple(tuple(round(c, 2) for c in pt) for pt in pth["pts"][0]))
        if key in seen:
            continue   # LibreOffice strokes every border twice
        seen.add(key)
        print("   %s lw %.2f %s" % (key[0], key[1], " ".join("(%.2f,%.2f)" % pt for pt in key[2])))


header("10a. frames")
for name in ("frame_page", "frame_page_auto", "frame_before_table"):
    dump(name)
header("10b. paragraph side borders and between")
for name in ("side_box", "side_box_noind", "left_bar", "between"):
    dump(name)
header("10c. '0312840639‑002' near the line end: non-breaking hyphen vs hyphen-minus")
print("kinds: nbh = <w:noBreakHyphen/>, hy = '-' in its own run, one = '-' inside the run; '|' = line end")
for pad in range(30, 46, 3):
    for kind in KINDS:
        ls = lines(pages["%s_%d" % (kind, pad)][0])
        hy = [g["ch"] for y, t, gs in ls for g in gs if g["ch"] in "-\u2011"]
        text = " | ".join(t.strip() for y, t, g in ls).replace("x" * pad, "x…")
        print("pad %d %-3s: %s   (hyphen drawn as %r)" % (pad, kind, text.replace(TAX_WORDS, "…"), hy))

header("10d. fixture 10-frames-borders.docx")
mf.f10_frames_borders(WORK)
convert([os.path.join(WORK, "10-frames-borders.docx")], WORK)
pages["fixture"] = parse(os.path.join(WORK, "10-frames-borders.pdf"))
dump("fixture")
