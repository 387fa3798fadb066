#!/usr/bin/env python3
"""Item 7: pictures in LibreOffice 7.4: an inline picture's place on its line and the height it gives the
line; anchored (floating) pictures relative to column/paragraph/page/margin; pictures in a header.
Images are drawn as image XObjects: pdfparse records each placement (x, top y, w, h in pt)."""
import os

from lo import build, convert, header, lines, parse, WORK
from docxkit import anchored_picture, inline_picture, p, png, r
import make_fixtures as mf

IMG = png(40, 40, lambda x, y: (200, 30, 40, 255))


def with_image(blocks_fn):
    def setup(d):
        d.rid = d.image(IMG, "png")
    return [lambda d: blocks_fn(d)], dict(setup=setup)


def inline_case(h_tw, line=None, before=None, jc=None):
    def blocks(d):
        return (p(r("Trước", sz=14)) +
                p(r("Hx ", sz=14), inline_picture(d.ids, d.rid, h_tw, h_tw, "a.png"), r(" xH", sz=14),
                  line=line, before=before, jc=jc) +
                p(r("Sau", sz=14), line=line))
    return with_image(blocks)


def anchor_case(hrel, x_tw, vrel, y_tw):
    def blocks(d):
        return (p(r("Đoạn trước", sz=14), before=240) +
                p(r("Đoạn neo ảnh", sz=14), anchored_picture(d.ids, d.rid, hrel, x_tw, vrel, y_tw, 1134, 1134,
                                                                  "b.png"), before=240, ind={"left": 567}) +
                p(r("Đoạn sau", sz=14)))
    return with_image(blocks)


cases = {}
for h in (200, 400, 800, 1600):
    cases["inl_%d" % h] = inline_case(h)
    cases["inl_%d_115" % h] = inline_case(h, line=276)
cases["inl_800_exact"] = inline_case(800, line=360)
cases["inl_800_center"] = inline_case(800, jc="center")
for hrel in ("column", "margin", "page", "character"):
    for vrel in ("paragraph", "line", "margin", "page"):
        cases["anc_%s_%s" % (hrel, vrel)] = anchor_case(hrel, 1000, vrel, 400)
pages = build(cases)


def img(pg):
    return pg.images[0]


header("7a. inline picture (square, side h): picture box, text baseline, pitch to the next line")
print("case | pic top–bottom | baseline of its line | pic bottom − baseline | baseline before → of line → after "
      "| pitch prev→line, line→next")
for name in [k for k in cases if k.startswith("inl")]:
    pg = pages[name][0]
    im = img(pg)
    ls = {t.strip(): y for y, t, g in lines(pg)}
    line_y = [y for y, t, g in lines(pg) if "Hx" in t][0]
    prev, nxt = ls["Trước"], ls["Sau"]
    print("%-15s | %.2f–%.2f (x %.2f) | %.2f | %+.2f | %.2f → %.2f → %.2f | %.2f, %.2f"
          % (name, im["y"], im["y"] + im["h"], im["x"], line_y, im["y"] + im["h"] - line_y, prev, line_y, nxt,
             line_y - prev, nxt - line_y))

header("7b. anchored 56.7 pt picture, offset x 1000 tw (50 pt), y 400 tw (20 pt); anchor paragraph: before 12 pt, "
       "left indent 28.35 pt")
for name in [k for k in cases if k.startswith("anc")]:
    pg = pages[name][0]
    im = img(pg)
    ls = {t.strip(): y for y, t, g in lines(pg)}
    print("%-24s | picture x %.2f y %.2f | anchor paragraph baseline %.2f (its top incl. before %.2f)"
          % (name, im["x"], im["y"], ls["Đoạn neo ảnh"], ls["Đoạn neo ảnh"] - 13.1 - 12))

header("7c. fixture 07-pictures.docx: every image placement")
mf.f07_pictures(WORK)
pdf = convert([os.path.join(WORK, "07-pictures.docx")], WORK)[0]
for pi, pg in enumerate(parse(pdf)):
    for im in pg.images:
        print("p%d %s x %.2f y %.2f w %.2f h %.2f (pixels %s)" % (pi + 1, im["name"], im["x"], im["y"], im["w"],
                                                                 im["h"], im["px"]))
    for y, t, g in lines(pg):
        if any(k in t for k in ("CÔNG TY CỔ PHẦN XÂY", "Mã số thuế", "người đề nghị", "GIÁM ĐỐC", "Nguyễn Văn An")):
            print("   text %.2f x %.2f %s" % (y, g[0]["x"], t[:50]))
