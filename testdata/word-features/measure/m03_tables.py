#!/usr/bin/env python3
"""Item 3: table borders between rows (upper row's bottom vs lower row's top), top="nil", colours,
shading, vertical merges with vAlign, and where a long table breaks, in LibreOffice 7.4.

Every case is a 2×2 table (grid 2500/2500, 12 pt text, cell margins 108) after one paragraph; the script
prints each horizontal stroke (y centre, x range, width, colour), each filled rectangle and the text
baselines, then the reading of it."""
import os

from lo import build, convert, header, lines, parse, strokes, WORK
from docxkit import border, p, r, tbl, tc, tr, all_borders, NO_BORDERS
import make_fixtures as mf

G = [2500, 2500]


def cell(text, bd=None, shd=None, **k):
    return tc(p(r(text, sz=12)), 2500, borders=bd, shd=shd, **k)


def two_rows(r1=None, r2=None, tb=None, r1shd=None):
    return [p(r("Before", sz=12)),
            tbl(G, [tr(cell("A1", r1, r1shd), cell("B1", r1, r1shd)), tr(cell("A2", r2), cell("B2", r2))],
                borders=tb, look=None),
            p(r("After", sz=12))]


S4 = lambda side, **k: border(side, k.get("val", "single"), k.get("sz", 4), 0, k.get("color", "auto"))
box = lambda **k: [S4("top", **k), S4("left", **k), S4("bottom", **k), S4("right", **k)]
cases = {
    # Excel paste: no table borders; row 2 cells have top="nil", the upper row has a bottom border
    "excel": two_rows(box(), [S4("top", val="nil"), S4("left"), S4("bottom"), S4("right")]),
    # row 2 says nothing about its top; row 1 has a bottom
    "upper_only": two_rows([S4("bottom")], None, NO_BORDERS),
    # row 1 says nothing; row 2 has a top
    "lower_only": two_rows(None, [S4("top")], NO_BORDERS),
    # table insideH single, row 2 cells top="nil" (what hoso's per-row top stroke loses)
    "insideH_top_nil": two_rows(None, [S4("top", val="nil")], all_borders()),
    # table insideH single, row 1 cells bottom="nil"
    "insideH_bottom_nil": two_rows([S4("bottom", val="nil")], None, all_borders()),
    # both nil
    "insideH_both_nil": two_rows([S4("bottom", val="nil")], [S4("top", val="nil")], all_borders()),
    # width conflict: bottom sz 4 vs top sz 12, and the other way round
    "w_4_12": two_rows([S4("bottom", sz=4)], [S4("top", sz=12)], NO_BORDERS),
    "w_12_4": two_rows([S4("bottom", sz=12)], [S4("top", sz=4)], NO_BORDERS),
    # style conflict at equal size: double vs single
    "double_single": two_rows([S4("bottom", val="double")], [S4("top")], NO_BORDERS),
    "single_double": two_rows([S4("bottom")], [S4("top", val="double")], NO_BORDERS),
    # colour conflict at equal width and style
    "red_blue": two_rows([S4("bottom", color="FF0000")], [S4("top", color="0000FF")], NO_BORDERS),
    "blue_red": two_rows([S4("bottom", color="0000FF")], [S4("top", color="FF0000")], NO_BORDERS),
    # cell border over the table's insideH
    "cell_over_insideH": two_rows([S4("bottom", sz=12)], None,
                                  all_borders(sides=("top", "left", "bottom", "right")) +
                                  [border("insideH", "single", 4, 0, "FF0000"), border("insideV", "single", 4)]),
    # colours and white
    "colours": two_rows(None, None, [border(s, "single", 8, 0, c) for s, c in
                                     (("top", "1F3864"), ("left", "1F3864"), ("bottom", "1F3864"),
                                      ("right", "1F3864"), ("insideH", "FF0000"), ("insideV", "FFFFFF"))]),
    # shading on row 1 with and without borders
    "shading_borders": two_rows(None, None, all_borders(), r1shd="D9D9D9"),
    "shading_none": two_rows(None, None, NO_BORDERS, r1shd="D9D9D9"),
}
# vertical merge: 4 rows, column 1 merged over rows 1–3 with vAlign center / bottom / top
for va in ("center", "bottom", "top"):
    rows = [tr(tc(p(r("M", sz=12)), 2500, vmerge="restart", valign=va), cell("r1")),
            tr(tc(None, 2500, vmerge="continue", valign=va), tc(p(r("r2a", sz=12)) + p(r("r2b", sz=12)), 2500)),
            tr(tc(None, 2500, vmerge="continue", valign=va), cell("r3")),
            tr(cell("x4"), cell("y4"))]
    cases["vmerge_" + va] = [p(r("Before", sz=12)), tbl(G, rows, borders=all_borders(), look=None)]
pages = build(cases, size=12)


def show(name):
    pg = pages[name][0]
    hs = sorted({(round(y1, 2), round(x1, 2), round(x2, 2), lw, tuple(round(c, 2) for c in col))
                 for op, lw, x1, y1, x2, y2, col in
                 ((q[0], q[1], q[2], q[3], q[4], q[5], c) for q, c in _with_colour(pg))
                 if op.startswith("S") and abs(y1 - y2) < 0.01 and abs(x2 - x1) > 1})
    fills = [(tuple(round(c, 2) for c in pth["color"]), [(round(a, 2), round(b, 2)) for a, b in pth["pts"][0][:3]])
             for pth in pg.paths if pth["op"].startswith("f")]
    base = [(round(y, 2), t) for y, t, g in lines(pg)]
    print("%s:" % name)
    for h in hs:
        print("   H-stroke y=%.2f x %.2f–%.2f lw %.2f rgb %s" % h)
    for f in fills[:3]:
        print("   fill rgb %s corners %s" % f)
    print("   text:", base)


def _with_colour(pg):
    for pth in pg.paths:
        for sub in pth["pts"]:
            for a, b in zip(sub, sub[1:]):
                yield (pth["op"], round(pth["lw"], 3), a[0], a[1], b[0], b[1]), pth["color"]


header("3a. the rule between two rows")
for name in ("excel", "upper_only", "lower_only", "insideH_top_nil", "insideH_bottom_nil", "insideH_both_nil",
             "w_4_12", "w_12_4", "double_single", "single_double", "red_blue", "blue_red", "cell_over_insideH"):
    show(name)
header("3b. colours, white borders, shading")
for name in ("colours", "shading_borders", "shading_none"):
    show(name)
header("3c. vertical merge with vAlign (rows 1–3 merged in column 1)")
for va in ("center", "bottom", "top"):
    show("vmerge_" + va)

header("3d. fixture 03b-long-table.docx: page breaks, repeated header rows, split rows")
mf.f03b_long_table(WORK)
pdf = convert([os.path.join(WORK, "03b-long-table.docx")], WORK)[0]
for pi, pg in enumerate(parse(pdf)):
    ls = lines(pg)
    hs = sorted({round(y1, 2) for op, lw, x1, y1, x2, y2 in strokes(pg) if abs(y1 - y2) < 0.01 and x2 - x1 > 300})
    print("page %d: full-width rules at %s" % (pi + 1, hs))
    for y, t, g in ls[:5] + [(None, "…", None)] + ls[-4:]:
        print("   %s %s" % ("%.1f" % y if y else "  ", t[:70]))
