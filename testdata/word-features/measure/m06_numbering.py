#!/usr/bin/env python3
"""Item 6: numbering and bullets from numbering.xml in LibreOffice 7.4: the label text, its font and size,
where the label and the text start (indent, hanging, tab, suffix), restarts and continuation.

Prints, for fixture 06 and for a few variants, each numbered line's label (glyphs before the text), its
font, x in twips from the margin, and the x where the text starts, with the model's prediction."""
import os

from lo import build, convert, header, lines, parse, WORK
from docxkit import p, r
import make_fixtures as mf
from make_fixtures import abstract, filler_levels, lvl

MARGIN = 85.05


def tw(x):
    return round((x - 0.1 - MARGIN) * 20)


def label_of(gs, text_start):
    """Splits a line's glyphs at the first glyph of the paragraph's own text."""
    s = "".join(g["ch"] for g in gs)
    i = s.index(text_start)
    return gs[:i], gs[i:]


def numbering(d, absn, nums):
    d.set_numbering("".join(absn) + "".join('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % x
                                            for x in nums))


VARIANTS = [
    # (name, lvl XML for level 0, paragraph text, expected label, expected label x tw, expected text x tw)
    ("wide_label_tab", lvl(0, "decimal", "Mục %1.", 720, 360, bold=True), "Nhãn rộng hơn thụt treo",
     "Mục 1.", 360, 1440),
    ("jc_right", lvl(0, "lowerRoman", "%1)", 720, 360, jc="right"), "Nhãn căn phải", "i)", None, 720),
    ("jc_center", lvl(0, "decimal", "(%1)", 1080, 720, jc="center"), "Nhãn căn giữa", "(1)", None, 1080),
    ("suff_space", lvl(0, "decimal", "%1.", 0, 0, suff="space"), "Hậu tố khoảng trắng", "1.", 0, None),
    ("suff_nothing", lvl(0, "decimal", "%1.", 0, 0, suff="nothing"), "Hậu tố không có gì", "1.", 0, None),
    ("bullet_symbol", lvl(0, "bullet", "\uf0b7", 720, 360, font="Symbol"), "Symbol F0B7", "\uf0b7", 360, 720),
    ("bullet_wd_a7", lvl(0, "bullet", "\uf0a7", 720, 360, font="Wingdings"), "Wingdings F0A7", "\uf0a7", 360, 720),
    ("bullet_wd_d8", lvl(0, "bullet", "\uf0d8", 720, 360, font="Wingdings"), "Wingdings F0D8", "\uf0d8", 360, 720),
    ("bullet_wd_fc", lvl(0, "bullet", "\uf0fc", 720, 360, font="Wingdings"), "Wingdings F0FC", "\uf0fc", 360, 720),
    ("bullet_wd_76", lvl(0, "bullet", "\uf076", 720, 360, font="Wingdings"), "Wingdings F076", "\uf076", 360, 720),
    ("bullet_bullet", lvl(0, "bullet", "•", 720, 360), "U+2022", "•", 360, 720),
    ("bullet_dash", lvl(0, "bullet", "-", 720, 360, font="Times New Roman"), "dash", "-", 360, 720),
    ("label_12pt", lvl(0, "decimal", "%1.", 720, 360, size=12), "nhãn 12 pt, chữ 14 pt", "1.", 360, 720),
]
cases = {}
for name, level, text, *_ in VARIANTS:
    def setup(d, level=level):
        numbering(d, [abstract(0, "0000AAAA", [level] + filler_levels(1))], [(1, 0)])
    cases[name] = ([p(r(text, sz=14), num=(1, 0)), p(r(text + " (2)", sz=14), num=(1, 0))],
                   dict(setup=setup, fonts=("Times New Roman", "Symbol", "Wingdings")))
pages = build(cases)

header("6a. variants: label glyphs (font, size), label x and text x in twips from the margin")
print("case | label | fonts | label x (model) | text x (model) | label advance pt")
for name, level, text, want, lx, txx in VARIANTS:
    y, t, gs = lines(pages[name][0])[0]
    lab, rest = label_of(gs, text[:3])
    lab_text = "".join(g["ch"] for g in lab).rstrip()
    fonts = sorted({g["font"].split("+")[-1] + "/%.1f" % g["size"] for g in lab if g["ch"].strip()})
    adv = (lab[-1]["x"] + lab[-1]["w"] - lab[0]["x"]) if lab else 0
    print("%-14s | %-8r | %s | %s (%s) | %s (%s) | %.2f" % (name, lab_text, fonts, tw(lab[0]["x"]) if lab else "-",
                                                             lx, tw(rest[0]["x"]), txx, adv))

header("6b. fixture 06-numbering.docx: every numbered line")
mf.f06_numbering(WORK)
pdf = convert([os.path.join(WORK, "06-numbering.docx")], WORK)[0]
for pi, pg in enumerate(parse(pdf)):
    for y, t, gs in lines(pg):
        if pi == 0 and y < 190 or y > 770 or pi == 1 and y > 100:
            continue
        first = gs[0]
        print("p%d %.1f x=%4d %-22s | %s" % (pi + 1, y, tw(first["x"]), first["font"].split("+")[-1][:20], t[:48]))
