#!/usr/bin/env python3
"""Items 4 and 7, what the renderer needed beyond m04/m07: where LibreOffice 7.4 sets the first line of a
paragraph moved below a wrapTopAndBottom box (spacing before, the paragraph above's spacing after and line
spacing, the line's own spacing), how objects anchored in a table cell are kept in it (pictures are, line
shapes are not), and the height of a line that holds an inline picture and no text.

Prints the numbers WORD-FEATURES.md §4 and §7 quote (m04b-a … m04b-e)."""
from lo import build, header, lines, strokes
from docxkit import inline_picture, line_shape, p, png, r, tbl, tc, text_box, tr, anchored_picture
from make_fixtures import sz

RED = png(30, 30, lambda x, y: (200, 0, 0, 255))


def with_image(blocks_fn):
    def setup(d):
        d.rid = d.image(RED, "png")
    return [lambda d: blocks_fn(d)], dict(setup=setup)


def below_case(prev_line=None, line=None, prev_after=0, before=0, size=14):
    """A 200 × 45 pt wrapTopAndBottom box 4 pt below the anchor paragraph's top, 0.5 pt outline."""
    def blocks(d):
        box = text_box(d.ids, "column", 0, "paragraph", 80, 4000, 900, p(r("Hộp", sz=12)), line_pt=0.5,
                       wrap="<wp:wrapTopAndBottom/>")
        kw = {"line": line} if line else {}
        pk = {"line": prev_line} if prev_line else {}
        return (p(r("Đoạn trước", sz=size), before=240, after=prev_after, **pk) +
                p(box, r("Neo một hai ba", sz=size), before=before, **kw) + p(r("Đoạn sau", sz=size)))
    return [blocks]


header("m04b-a. wrapTopAndBottom: the first line below the box (baseline − box bottom − B, B = 13.1 at 14 pt)")
cases = {"single": below_case(), "anchor 1.15": below_case(line=276), "above 1.15": below_case(prev_line=276),
         "both 1.15": below_case(276, 276), "above 1.5": below_case(prev_line=360), "anchor 1.5": below_case(line=360),
         "anchor 2.0": below_case(line=480), "above after 6": below_case(prev_after=120),
         "before 6": below_case(before=120), "after 3 before 6": below_case(prev_after=60, before=120)}
pages = build(cases)
for name, pg in pages.items():
    pg = pg[0]
    an = [y for y, t, g in lines(pg) if "Neo" in t][0]
    bottom = max(s[3] for s in strokes(pg))
    print("%-18s box bottom %.2f  first baseline %.2f  minus box bottom and B: %.2f" % (name, bottom, an, an - bottom - 13.1))


def cell_picture(off_tw, h_tw):
    """A picture anchored at (column + 10 pt, paragraph + off) in the tiny last-but-one paragraph of a cell."""
    def blocks(d):
        run = anchored_picture(d.ids, d.rid, "column", 200, "paragraph", off_tw, h_tw, h_tw, "x.png", behind=True)
        content = "".join(p(r("Dòng %d" % i, sz=14)) for i in range(4)) + p(run, mark=sz(2)) + p(r("Cuối", sz=14))
        return (p(r("Trước", sz=14)) + tbl([4000, 5071], [tr(tc(p(r("Trái", sz=14)), 4000), tc(content, 5071))]) +
                p(r("Sau bảng", sz=14)))
    return with_image(blocks)


header("m04b-b. a picture anchored in a table cell (cell 72.75–155.6; the anchor paragraph's top at 137.2)")
cases = {"113 pt, -10 pt": cell_picture(-200, 2268), "113 pt, +10 pt": cell_picture(200, 2268),
         "113 pt, -100 pt": cell_picture(-2000, 2268), "20 pt, -10 pt": cell_picture(-200, 400),
         "20 pt, +10 pt": cell_picture(200, 400), "20 pt, +20 pt": cell_picture(400, 400),
         "20 pt, -100 pt": cell_picture(-2000, 400)}
pages = build(cases)
for name, pg in pages.items():
    im = pg[0].images[0]
    print("%-16s picture y %.2f–%.2f" % (name, im["y"], im["y"] + im["h"]))


def cell_line(off_tw, more):
    def blocks(d):
        content = (p(r("CÔNG TY", sz=13), line_shape(d.ids, "column", 1000, "paragraph", off_tw, 2000)) +
                   "".join(p(r("Thêm %d" % i, sz=13)) for i in range(more)))
        return (p(r("Trước", sz=14)) + tbl([3000, 6071], [tr(tc(p(r("Logo", sz=13)), 3000), tc(content, 6071))]) +
                p(r("Sau", sz=14)))
    return [blocks]


header("m04b-c. a line shape anchored in a cell of one 13 pt line (72.8–87.8): not kept in the cell")
cases = {"+20 pt": cell_line(400, 0), "+5 pt": cell_line(100, 0), "-20 pt": cell_line(-400, 0),
         "+20 pt, two lines": cell_line(400, 1)}
pages = build(cases)
for name, pg in pages.items():
    print("%-18s line at y %.2f" % (name, strokes(pg[0])[0][3]))


def picture_line(text, line=None, cell=False):
    def blocks(d):
        kw = {"line": line} if line else {}
        para = p(inline_picture(d.ids, d.rid, 800, 800, "x.png"), *([r(" chữ", sz=14)] if text else []), **kw)
        if cell:
            para = tbl([4000, 5071], [tr(tc(para, 4000), tc(p(r("Phải", sz=14)), 5071))])
        return p(r("Trước", sz=14)) + para + p(r("Sau", sz=14))
    return with_image(blocks)


header("m04b-d. a 40 pt inline picture: next baseline below the picture (B 13.1, descent 3.0 at 14 pt)")
cases = {"alone": picture_line(False), "with text": picture_line(True), "alone 1.15": picture_line(False, 276),
         "with text 1.15": picture_line(True, 276), "alone in a cell": picture_line(False, cell=True)}
pages = build(cases)
for name, pg in pages.items():
    pg = pg[0]
    im = pg.images[0]
    after = [y for y, t, g in lines(pg) if t.strip() == "Sau"][0]
    print("%-16s picture %.2f–%.2f  next baseline %.2f (+%.2f)" % (name, im["y"], im["y"] + im["h"], after,
                                                                  after - im["y"] - im["h"]))
