#!/usr/bin/env python3
"""Item 10 (continued) and item 3: where LibreOffice 7.4 draws the `between` border of a paragraph group,
the side borders of a group with spacing inside it, paragraph shading (w:shd) and shading patterns
(pctNN, solid) in paragraphs and cells, and where it breaks a hyphen-minus before a digit. 12 pt text,
no spacing unless a case says so; prints every distinct path (LibreOffice strokes each border twice) and
every text line."""
from lo import build, header, lines
from docxkit import border, p, r, tbl, tc, tr, NO_BORDERS


def b(side, sz=4, space=1, color="auto", val="single"):
    return border(side, val, sz, space, color)


BOX = [b("top"), b("left", space=4), b("bottom"), b("right", space=4)]


def shd_p(text, val, color, fill, **k):
    """A paragraph with a w:shd of any pattern (docxkit writes val="clear" only)."""
    x = p(r(text, sz=12), **k)
    tag = '<w:shd w:val="%s" w:color="%s" w:fill="%s"/>' % (val, color, fill)
    return x.replace("<w:pPr>", "<w:pPr>" + tag, 1) if "<w:pPr>" in x else x.replace("<w:p>", "<w:p><w:pPr>%s</w:pPr>" % tag, 1)


def shd_cell(text, val, color, fill):
    return tc(p(r(text, sz=12)), 2500).replace(
        "</w:tcPr>", '<w:shd w:val="%s" w:color="%s" w:fill="%s"/></w:tcPr>' % (val, color, fill), 1)


two = lambda bd, **k: [p(r("Đoạn 1.", sz=12), pbdr=bd, **k.get("p1", {})),
                       p(r("Đoạn 2.", sz=12), pbdr=bd, **k.get("p2", {}))]
cases = {
    "between_only_s4": two([b("between", space=4)]),
    "between_tb_s4": two([b("top"), b("bottom"), b("between", space=4)]),
    "between_bottom_only": two([b("bottom"), b("between", space=4)]),
    "between_top_only": two([b("top"), b("between", space=4)]),
    "between_three": two([b("between")]) + [p(r("Đoạn 3.", sz=12), pbdr=[b("between")])],
    "between_after240": two([b("top"), b("bottom"), b("between")], p1={"after": 240}),
    "box_group_after240": two(BOX, p1={"after": 240}),
    "left_group_after240": two([b("left", sz=24, space=8)], p1={"after": 240, "ind": {"left": 567}},
                               p2={"ind": {"left": 567}}),
    "left_before240": [p(r("Trước.", sz=12)),
                       p(r("Viền trái.", sz=12), pbdr=[b("left", sz=24, space=8)], before=240, after=240,
                         ind={"left": 567}),
                       p(r("Sau.", sz=12))],
    "shd_plain": [p(r("Trước.", sz=12)), p(r("Tô nền.", sz=12), shd="D9D9D9", before=240, after=240),
                  p(r("Sau.", sz=12))],
    "shd_ind": [p(r("Tô nền thụt lề.", sz=12), shd="D9D9D9", ind={"left": 567, "right": 567})],
    "shd_box": [p(r("Tô nền có viền.", sz=12), shd="D9D9D9", pbdr=BOX, ind={"left": 567, "right": 567})],
    "shd_group_after120": [p(r("Đoạn 1.", sz=12), shd="D9D9D9", after=120),
                           p(r("Đoạn 2.", sz=12), shd="D9D9D9")],
    "shd_pct25": [shd_p("pct25 auto trên FFFFFF.", "pct25", "auto", "FFFFFF")],
    "shd_pct50_red": [shd_p("pct50 FF0000 trên 0000FF.", "pct50", "FF0000", "0000FF")],
    "shd_solid": [shd_p("solid 00FF00.", "solid", "00FF00", "auto")],
    "shd_stripe": [shd_p("horzStripe.", "horzStripe", "000000", "FFFF00")],
    "cell_pct25": [tbl([2500, 2500], [tr(shd_cell("pct25", "pct25", "auto", "FFFFFF"),
                                         shd_cell("solid", "solid", "FF0000", "auto"))], borders=NO_BORDERS,
                       look=None)],
    "cell_clear_auto": [tbl([2500], [tr(shd_cell("auto", "clear", "auto", "auto"))], borders=NO_BORDERS,
                            look=None)],
}
PATTERNS = ("horzStripe vertStripe reverseDiagStripe diagStripe horzCross diagCross thinHorzStripe thinVertStripe "
            "thinReverseDiagStripe thinDiagStripe thinHorzCross thinDiagCross pct5 pct10 pct12 pct15 pct20 pct25 "
            "pct30 pct35 pct37 pct40 pct45 pct50 pct55 pct60 pct62 pct65 pct70 pct75 pct80 pct85 pct87 pct90 "
            "pct95").split()
# every pattern, black on white, one paragraph each (the fill colour gives LibreOffice's percentage)
cases["patterns"] = [shd_p(v, v, "000000", "FFFFFF", after=60) for v in PATTERNS]
# a hyphen-minus before a digit near the line end (14 pt): "2023-2025", "NĐ-2025", "số -2025"
HY_WORDS = ("2023-2025", "NĐ-2025", "số -2025")
for hw in HY_WORDS:
    for pad in range(30, 42, 2):
        cases["hy %s %d" % (hw, pad)] = [p(r("Mã số thuế của chi nhánh là " + "x" * pad + " " + hw + " là mã của đơn vị.",
                                            sz=14))]
pages = build(cases, size=12)


def dump(name):
    pg = pages[name][0]
    print("%s:" % name)
    for y, t, gs in lines(pg):
        print("   text %.2f x %.2f %s" % (y, gs[0]["x"], t[:50]))
    seen = set()
    for pth in pg.paths:
        key = (pth["op"], round(pth["lw"], 2), tuple(tuple(round(c, 2) for c in pt) for pt in pth["pts"][0]),
               tuple(round(c, 3) for c in pth["color"]))
        if key in seen:
            continue
        seen.add(key)
        print("   %s lw %.2f %s rgb %s" % (key[0], key[1], " ".join("(%.2f,%.2f)" % pt for pt in key[2]), key[3]))


header("10e. between borders, side borders of groups, paragraph and cell shading")
for name in cases:
    if name != "patterns" and not name.startswith("hy "):
        dump(name)
header("10f. shading patterns, black on white: the share of black LibreOffice paints")
fills = [pth["color"][0] for pth in pages["patterns"][0].paths if pth["op"].startswith("f")]
for v, c in zip(PATTERNS, fills):
    print("   %-22s %.1f %%" % (v, 100 * (1 - c)))
header("10g. hyphen-minus before a digit at the line end: the end of line 1 | the start of line 2")
for name in cases:
    if name.startswith("hy "):
        ls = [t.strip() for y, t, g in lines(pages[name][0])]
        print("   %-18s %14s | %s" % (name[3:], ls[0][-14:], ls[1][:14] if len(ls) > 1 else ""))
