#!/usr/bin/env python3
"""Item 4: anchored line shapes, rectangles and text boxes (DrawingML in mc:AlternateContent with a VML
fallback, and bare VML) in LibreOffice 7.4: where they land relative to their anchors, their strokes,
the text inside a text box, and what wrapping does to the text around them.

Prints each stroke of fixtures 04 and 04b with the position the anchor model predicts, then variants."""
import os

from lo import build, convert, header, lines, parse, WORK
from docxkit import line_shape, p, r, text_box, vml_line
import make_fixtures as mf


def dedup(pg):
    seen, out = set(), []
    for pth in pg.paths:
        key = (pth["op"], round(pth["lw"], 2), tuple(tuple(round(c, 2) for c in pt) for pt in pth["pts"][0]))
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def box(key):
    xs = [q[0] for q in key[2]]
    ys = [q[1] for q in key[2]]
    return min(xs), min(ys), max(xs), max(ys)


header("4a. fixtures 04-shapes.docx (DrawingML + VML fallback) and 04b-shapes-vml.docx (bare VML)")
paths = [mf.f04_shapes(WORK), mf.f04b_shapes_vml(WORK)]
pdfs = convert(paths, WORK)
for pdf in pdfs:
    P = parse(pdf)
    pg = P[0]
    print(os.path.basename(pdf), "pages", len(P))
    for key in dedup(pg):
        x0, y0, x1, y1 = box(key)
        print("   %s lw %.2f  x %.2f–%.2f  y %.2f–%.2f" % (key[0], key[1], x0, x1, y0, y1))
    for y, t, gs in lines(pg):
        if any(k in t for k in ("DỰ THẢO", "PHƯỜNG TÂN", "Độc lập", "Ảnh", "(3 x 4", "Ô ảnh", "theo cột", "Ghi chú",
                                "Bên cạnh", "khen thưởng năm 2022", "Khung chữ", "Về việc tổ chức")):
            print("   text %.2f x %.2f %s" % (y, gs[0]["x"], t[:50]))

# Model for the header rules of the fixture (make_fixtures.header_block):
#   x = cell text-area left (cell left + 108 tw) + posOffset;  y = anchor paragraph top + posOffset
cell_left = 85.05 + 108 / 20
print("model: agency rule x0 = %.2f (cell text left %.2f + %d tw), motto rule x0 = %.2f"
      % (cell_left + (mf.HEAD_GRID[0] - 216 - 1850) // 2 / 20, cell_left, (mf.HEAD_GRID[0] - 216 - 1850) // 2,
         85.05 + mf.HEAD_GRID[0] / 20 + 108 / 20 + (mf.HEAD_GRID[1] - 216 - 3420) // 2 / 20))


def anchored(kind, hrel, vrel):
    def blocks(d):
        if kind == "line":
            shape = line_shape(d.ids, hrel, 1000, vrel, 400, 2000)
        elif kind == "vml":
            shape = vml_line(d.ids, hrel, 1000, vrel, 400, 2000)
        else:
            shape = text_box(d.ids, hrel, 1000, vrel, 400, 2000, 600, p(r("Hộp", sz=12)), line_pt=0.5,
                             vml_only=(kind == "vmlbox"))
        return (p(r("Đoạn trước", sz=14), before=240) +
                p(r("Đoạn neo", sz=14), shape, before=240, ind={"left": 567}) + p(r("Đoạn sau", sz=14)))
    return [blocks]


cases = {}
for kind in ("line", "vml", "box", "vmlbox"):
    for hrel, vrel in (("column", "paragraph"), ("page", "page"), ("margin", "margin"), ("character", "line")):
        cases["%s_%s_%s" % (kind, hrel, vrel)] = anchored(kind, hrel, vrel)
pages = build(cases)
header("4b. a 100 pt line / 100×30 pt box at offset (50 pt, 20 pt); anchor paragraph: before 12 pt, "
       "left indent 28.35 pt, its top (incl. before) at 84.8 pt")
for name in cases:
    pg = pages[name][0]
    keys = dedup(pg)
    geo = [box(k) + (k[1],) for k in keys]
    if len(geo) > 1:   # a box drawn as four strokes (VML): take the outline
        geo = [(min(g[0] for g in geo), min(g[1] for g in geo), max(g[2] for g in geo), max(g[3] for g in geo),
                geo[0][4])]
    txt = [(round(y, 2), round(gs[0]["x"], 2)) for y, t, gs in lines(pg) if t.strip() == "Hộp"]
    print("%-26s %s  text (baseline, x) %s" % (name, " ".join("x %.2f–%.2f y %.2f–%.2f lw %.2f"
                                                             % (g[0], g[2], g[1], g[3], g[4]) for g in geo), txt))
