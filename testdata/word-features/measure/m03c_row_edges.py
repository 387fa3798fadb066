#!/usr/bin/env python3
"""Item 3 (continued): which border LibreOffice 7.4 strokes where a table breaks between two rows (the
foot of one page, the top of the next) when the upper row's bottom and the lower row's top differ; a
cell border against a wider table insideH; a vertically merged, centred cell whose rows break across
a page; a header row at a page foot with room for 2, 1 or no line of the first row (which may not
split); the text of a continued merged cell. 12 pt text; each table row holds 6 lines so that the break
falls between rows 4 and 5."""
from lo import build, header, lines
from docxkit import border, p, r, tbl, tc, tr, all_borders, NO_BORDERS

G = [2500, 2500]
S = lambda side, sz=4, color="auto", val="single": border(side, val, sz, 0, color)


def tall(name, k, bd=None):
    return tc("".join(p(r("%s%d dòng %d" % (name, k, i), sz=12)) for i in range(6)), 2500, borders=bd)


def rows(upper_bottom=None, lower_top=None, n=8, at=4, cant=False):
    """n rows; row `at` gets upper_bottom, row at+1 lower_top (and cantSplit with cant: the break then
    falls between the two rows instead of inside row at+1)."""
    out = []
    for k in range(1, n + 1):
        bd = upper_bottom if k == at else (lower_top if k == at + 1 else None)
        out.append(tr(tall("A", k, bd), tall("B", k, bd), cant_split=cant and k == at + 1))
    return out


# 4 rows of 6 lines (83.3 pt each) take 333 pt: a lead-in of 24 lines puts the break between rows 4 and 5
lead = [p(r("Dòng dẫn %d" % i, sz=12)) for i in range(24)]
cases = {
    # the break between rows 4 and 5; row 4 bottom nil, row 5 top single red (no table insideH)
    "brk_lower_top": lead + [tbl(G, rows([S("bottom", val="nil")], [S("top", color="FF0000")]),
                                 borders=[S("top"), S("left"), S("bottom", color="0000FF"), S("right"),
                                          border("insideH", "nil"), S("insideV")], look=None)],
    # row 4 bottom single red, row 5 top nil
    "brk_upper_bottom": lead + [tbl(G, rows([S("bottom", color="FF0000")], [S("top", val="nil")]),
                                    borders=[S("top"), S("left"), S("bottom", color="0000FF"), S("right"),
                                             border("insideH", "nil"), S("insideV")], look=None)],
    # row 4 bottom 1.5 pt green, row 5 top 0.5 pt red, table insideH black
    "brk_conflict": lead + [tbl(G, rows([S("bottom", 12, "00FF00")], [S("top", 4, "FF0000")]),
                                borders=all_borders(), look=None)],
    # no border at all between rows 4 and 5, the table's bottom border blue
    "brk_none": lead + [tbl(G, rows([S("bottom", val="nil")], [S("top", val="nil")]),
                            borders=[S("top"), S("left"), S("bottom", color="0000FF"), S("right"),
                                     border("insideH", "nil"), S("insideV")], look=None)],
    # the same three with row 5 cantSplit: the break falls between rows 4 and 5
    "between_lower_top": lead + [tbl(G, rows([S("bottom", val="nil")], [S("top", color="FF0000")], cant=True),
                                     borders=[S("top"), S("left"), S("bottom", color="0000FF"), S("right"),
                                              border("insideH", "nil"), S("insideV")], look=None)],
    "between_upper_bottom": lead + [tbl(G, rows([S("bottom", color="FF0000")], [S("top", val="nil")], cant=True),
                                        borders=[S("top"), S("left"), S("bottom", color="0000FF"), S("right"),
                                                 border("insideH", "nil"), S("insideV")], look=None)],
    "between_conflict": lead + [tbl(G, rows([S("bottom", 12, "00FF00")], [S("top", 4, "FF0000")], cant=True),
                                    borders=all_borders(), look=None)],
    # a cell's own top (0.5 pt red) against the upper row's insideH of 1.5 pt (Word: the cell border wins)
    "cell_vs_wide_insideH": [p(r("Trước", sz=12)),
                             tbl(G, [tr(tc(p(r("A1", sz=12)), 2500), tc(p(r("B1", sz=12)), 2500)),
                                     tr(tc(p(r("A2", sz=12)), 2500, borders=[S("top", 4, "FF0000")]),
                                        tc(p(r("B2", sz=12)), 2500, borders=[S("top", 4, "FF0000")]))],
                                 borders=all_borders(sides=("top", "left", "bottom", "right", "insideV")) +
                                 [border("insideH", "single", 12, 0, "auto")], look=None)],
}
# a vMerge (center) over rows 3–6 of 6-line rows: the merged rows break across the page
vm = []
for k in range(1, 9):
    if k == 3:
        a = tc(p(r("GỘP", sz=12)), 2500, vmerge="restart", valign="center")
    elif 3 < k <= 6:
        a = tc(None, 2500, vmerge="continue", valign="center")
    else:
        a = tall("A", k)
    vm.append(tr(a, tall("B", k)))
cases["vmerge_across_break"] = lead + [tbl(G, vm, borders=all_borders(), look=None)]


def hdr_table(cant):
    """A header row, a first row of 3 lines (cantSplit with cant), a second row."""
    return tbl([4000], [tr(tc(p(r("TIÊU ĐỀ", sz=12)), 4000), header=True),
                        tr(tc(p(r("h1a", sz=12)) + p(r("h1b", sz=12)) + p(r("h1c", sz=12)), 4000), cant_split=cant),
                        tr(tc(p(r("h2", sz=12)), 4000))], borders=all_borders(), look=None)


# 52 lines of 12 pt fill a page: after 49, 50, 51 lines the header row leaves room for 2, 1, 0 lines
for n in (49, 50, 51):
    cases["hdr_%d" % n] = [p(r("Dòng dẫn %d" % i, sz=12)) for i in range(n)] + [hdr_table(False)]
cases["hdr_cant_49"] = [p(r("Dòng dẫn %d" % i, sz=12)) for i in range(49)] + [hdr_table(True)]
# a continued cell of a vertical merge that has text of its own
cases["vmerge_continued_text"] = [tbl(G, [tr(tc(p(r("ĐẦU", sz=12)), 2500, vmerge="restart"), tc(p(r("b1", sz=12)), 2500)),
                                          tr(tc(p(r("TIẾP", sz=12)), 2500, vmerge="continue"),
                                             tc(p(r("b2", sz=12)), 2500))], borders=all_borders(), look=None)]
pages = build(cases, size=12)


def hstrokes(pg):
    seen = set()
    for pth in pg.paths:
        if not pth["op"].startswith("S"):
            continue
        for sub in pth["pts"]:
            for a, b in zip(sub, sub[1:]):
                if abs(a[1] - b[1]) < 0.01 and abs(a[0] - b[0]) > 1:
                    seen.add((round(a[1], 2), round(min(a[0], b[0]), 2), round(max(a[0], b[0]), 2),
                              round(pth["lw"], 2), tuple(round(c, 2) for c in pth["color"])))
    return sorted(seen)


def dump(name):
    print("%s:" % name)
    for pi, pg in enumerate(pages[name]):
        ls = [(y, t) for y, t, g in lines(pg) if not t.startswith("Dòng dẫn")]
        print("  page %d: %d lines; first %s; last %s" % (pi + 1, len(ls), ls[:2], ls[-2:]))
        for y, t, g in lines(pg):
            if "GỘP" in t:
                print("   GỘP at baseline %.2f" % y)
        for h in hstrokes(pg):
            print("   H y=%.2f x %.2f–%.2f lw %.2f rgb %s" % h)


header("3e. a table breaking between rows whose borders differ; cell top vs a wider insideH; vMerge across a break")
for name in cases:
    dump(name)
