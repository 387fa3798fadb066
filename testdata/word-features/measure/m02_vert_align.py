#!/usr/bin/env python3
"""Item 2: w:vertAlign superscript/subscript in LibreOffice 7.4: the glyph size, the baseline shift,
the advance, and what it does to the line height. Also checks the model on fixture 02."""
import os

from lo import build, convert, face, header, lines, parse, WORK
from docxkit import p, r
import make_fixtures as mf

F = face()
SIZES = (10, 11, 12, 13, 14, 16, 20)
cases = {}
for s in SIZES:
    cases["va_%d" % s] = [p(r("Hx", sz=s), r("2", sz=s, vert="superscript"), r("Hx", sz=s),
                            r("2", sz=s, vert="subscript"), r("Hx|", sz=s)), p(r("Next", sz=s))]
    cases["ref_%d" % s] = [p(r("Hx2Hx2Hx|", sz=s)), p(r("Next", sz=s))]
cases["only_sup"] = [p(r("Hx", sz=14), r("2", sz=14, vert="superscript")), p(r("Next", sz=14))]
cases["only_sub"] = [p(r("Hx", sz=14), r("2", sz=14, vert="subscript")), p(r("Next", sz=14))]
cases["sup_big"] = [p(r("Hx", sz=12), r("2", sz=28, vert="superscript")), p(r("Next", sz=12))]
pages = build(cases)

header("2a. superscript/subscript: size, shift (+ = up), advance, line pitch")
print("size | sup size | sup raise | sub size | sub drop | sup adv/font adv | first baseline (ref) | pitch (ref)")
model = {}
for s in SIZES:
    ls = lines(pages["va_%d" % s][0])
    gs = ls[0][2] if "Hx" in ls[0][1] else None
    allg = [g for y, t, g in ls if "Next" not in t for g in g]
    base = [y for y, t, g in ls if "Hx" in t][0]
    nxt = [y for y, t, g in ls if "Next" in t][0]
    twos = [g for g in allg if g["ch"] == "2"]
    sup, sub = sorted(twos, key=lambda g: g["x"])
    ref = lines(pages["ref_%d" % s][0])
    rbase = ref[0][0]
    rnext = ref[1][0]
    after_sup = [g for g in allg if g["x"] > sup["x"]][0]
    adv = after_sup["x"] - sup["x"]
    print("%4d | %6.2f | %+6.2f | %6.2f | %+6.2f | %.3f (%.2f/%.2f) | %.2f (%.2f) | %.2f (%.2f)"
          % (s, sup["size"], sup["y"] and base - sup["y"], sub["size"], base - sub["y"],
             adv / F.width("2", s), adv, F.width("2", s), base, rbase, nxt - base, rnext - rbase))
    model[s] = (sup["size"] / s, (base - sup["y"]) / s, (sub["y"] - base) / s)
print("ratios: size/size, raise/size, drop/size:", {k: tuple(round(x, 3) for x in v) for k, v in model.items()})
for name in ("only_sup", "only_sub", "sup_big"):
    ls = lines(pages[name][0])
    ys = [(round(y, 2), t) for y, t, g in ls]
    print(name, ys)

header("2b. fixture 02-vert-align.docx: superscripts in justified 14 pt text")
mf.f02_vert_align(WORK)
pdf = convert([os.path.join(WORK, "02-vert-align.docx")], WORK)[0]
P = parse(pdf)
for pi, pg in enumerate(P):
    small = [g for g in pg.glyphs if g["size"] < 10]
    print("page %d: %d glyphs below 10 pt (sizes %s)" % (pi + 1, len(small), sorted(set(round(g["size"], 2)
                                                                                     for g in small))))
