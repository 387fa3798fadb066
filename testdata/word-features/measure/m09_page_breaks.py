#!/usr/bin/env python3
"""Item 9: page-break cases in LibreOffice 7.4.
a) empty paragraphs after a table that ends at the page foot;
b) a page break followed by a next-page section break (separate paragraphs, same paragraph);
c) a keep-with-next heading near the page foot;
d) two tables with no paragraph between them.
Body: 12 pt single-spaced one-line paragraphs (13.8 pt pitch, 52 lines a page)."""
import os

from lo import build, convert, header, lines, parse, strokes, WORK
from docxkit import all_borders, NO_BORDERS, p, r, rx, sect_pr, tbl, tc, tr
import make_fixtures as mf


def fill(n, tag="Dòng"):
    return [p(r("%s %d" % (tag, i + 1), sz=12)) for i in range(n)]


def table(rows, borders=None, grid=(3000, 3000), tag="Ô", style=None):
    return tbl(list(grid), [tr(*[tc(p(r("%s %d.%d" % (tag, k + 1, j + 1), sz=12)), g) for j, g in enumerate(grid)])
                            for k in range(rows)], borders=borders or all_borders(), look=None, style=style)


cases = {}
# a) n filler lines + a 3-row table (3 × 13.8 + 4 × 0.5 = 43.4 pt) + 3 empty 12 pt paragraphs
for n in range(44, 50):
    cases["trail_%d" % n] = fill(n) + [table(3)] + [p(mark=dict(sz=12)) for _ in range(3)]
# the same with the last empty paragraph carrying nothing at all (<w:p/>)
for n in (47, 48):
    cases["trailbare_%d" % n] = fill(n) + [table(3), "<w:p/>", "<w:p/>", "<w:p/>"]
# b) page break then next-page section break
sec = sect_pr(kind="nextPage")
cases["brk_sep"] = fill(3) + [p(rx('<w:br w:type="page"/>')), p(sect=sec)] + fill(3, "Phần 2")
cases["brk_same"] = fill(3) + [p(r("Cuối phần 1", sz=12), rx('<w:br w:type="page"/>'), sect=sec)] + fill(3, "Phần 2")
cases["brk_textpara"] = fill(3) + [p(r("Cuối phần 1", sz=12), rx('<w:br w:type="page"/>')),
                                   p(r("Đoạn mang ngắt phần", sz=12), sect=sec)] + fill(3, "Phần 2")
cases["sect_only"] = fill(3) + [p(sect=sec)] + fill(3, "Phần 2")
cases["brk_before"] = fill(3) + [p(rx('<w:br w:type="page"/>'))] + fill(3, "Trang 2")
cases["pbb_sect"] = fill(3) + [p(sect=sec)] + [p(r("Phần 2 (pageBreakBefore)", sz=12), page_break_before=True)]
# c) keepNext heading (12 pt) then a 4-line paragraph (4 line breaks) after n filler lines
for n in range(46, 52):
    cases["keep_%d" % n] = fill(n) + [p(r("TIÊU ĐỀ GIỮ VỚI ĐOẠN SAU", sz=12, b=True), keep_next=True),
                                      p(r("Đoạn sau dòng 1\nĐoạn sau dòng 2\nĐoạn sau dòng 3\nĐoạn sau dòng 4", sz=12))]
# d) adjacent tables
cases["adj_same"] = fill(2) + [table(2, tag="A"), table(2, tag="B")] + fill(1, "Sau")
cases["adj_grid"] = fill(2) + [table(2, tag="A"), table(2, grid=(2000, 4000), tag="B")] + fill(1, "Sau")
cases["adj_noborder"] = fill(2) + [table(2, tag="A"), table(2, borders=NO_BORDERS, tag="B")] + fill(1, "Sau")
cases["adj_cols3"] = fill(2) + [table(2, tag="A"), table(2, grid=(2000, 2000, 2000), tag="B")] + fill(1, "Sau")
cases["adj_noborder_first"] = fill(2) + [table(2, borders=NO_BORDERS, tag="A"), table(2, tag="B")] + fill(1, "Sau")
cases["adj_red_blue"] = fill(2) + [table(2, borders=all_borders(color="FF0000"), tag="A"),
                                   table(2, borders=all_borders(color="0000FF"), tag="B")] + fill(1, "Sau")
cases["adj_style_noborder"] = fill(2) + [table(2, tag="A", style="TableGrid"), table(2, borders=NO_BORDERS, tag="B")] \
    + fill(1, "Sau")
cases["adj_para"] = fill(2) + [table(2, tag="A"), p(mark=dict(sz=12)), table(2, tag="B")] + fill(1, "Sau")
pages = build(cases, size=12)


def summary(name):
    out = []
    for pi, pg in enumerate(pages[name]):
        ls = lines(pg)
        out.append("p%d: %s" % (pi + 1, ("%d lines, last %.1f %r" % (len(ls), ls[-1][0], ls[-1][1]))
                                if ls else "(blank)"))
    return "; ".join(out)


header("9a. n filler lines + 3-row table + 3 empty paragraphs (page body ends at 785.2 pt)")
for name in [k for k in cases if k.startswith("trail")]:
    pg = pages[name][0]
    hs = sorted(y1 for op, lw, x1, y1, x2, y2 in strokes(pg) if abs(y1 - y2) < 0.01)
    print("%-13s pages %d | table bottom rule %.2f | room left %.2f pt (an empty 12 pt paragraph is 13.8) | %s"
          % (name, len(pages[name]), hs[-1], 785.2 - hs[-1] - 0.25, summary(name)))

header("9b. page break + next-page section break")
for name in ("brk_sep", "brk_same", "brk_textpara", "sect_only", "brk_before", "pbb_sect"):
    print("%-13s pages %d | %s" % (name, len(pages[name]), summary(name)))

header("9c. keepNext heading after n filler lines (line n+1 = heading, then 4 lines)")
for n in range(46, 52):
    name = "keep_%d" % n
    where = [(pi + 1, round(y, 1)) for pi, pg in enumerate(pages[name]) for y, t, g in lines(pg) if "TIÊU ĐỀ" in t]
    nxt = [(pi + 1, round(y, 1)) for pi, pg in enumerate(pages[name]) for y, t, g in lines(pg) if "Đoạn sau" in t]
    print("n=%d: heading on %s; its paragraph's lines on %s; lines free after the heading on page 1: %d"
          % (n, where, nxt, 52 - n - 1))

header("9d. two tables with no paragraph between")
for name in ("adj_same", "adj_grid", "adj_cols3", "adj_noborder", "adj_noborder_first", "adj_red_blue",
             "adj_style_noborder", "adj_para"):
    pg = pages[name][0]
    hs = sorted({(round(y1, 2), round(lw, 2)) for op, lw, x1, y1, x2, y2 in strokes(pg) if abs(y1 - y2) < 0.01})
    cols = sorted({tuple(round(c, 2) for c in pth["color"]) for pth in pg.paths})
    base = [(round(y, 1), t, [round(g["x"], 1) for g in gs if g["ch"] in "AB"]) for y, t, gs in lines(pg)
            if t[:1] in "AB"]
    print("%-18s horizontal rules (y, width) %s colours %s\n%19s text (baseline, cells' x) %s"
          % (name, hs, cols, "", base))

header("9e. fixtures 09a–09d")
for f in (mf.f09a_trailing_empty, mf.f09b_section_break, mf.f09c_keep_next, mf.f09d_adjacent_tables):
    path = f(WORK)
    pdf = convert([path], WORK)[0]
    P = parse(pdf)
    print("%s: %d pages; %s" % (os.path.basename(path), len(P),
                                "; ".join("p%d last %r at %.1f" % (i + 1, lines(pg)[-1][1][:30], lines(pg)[-1][0])
                                          if lines(pg) else "p%d blank" % (i + 1) for i, pg in enumerate(P))))
