#!/usr/bin/env python3
"""Items 1, 2 and 8, the rest: text colour (w:color, theme colours), highlight and run shading, kerning
around spaces, hidden text, and the height of a line that mixes fonts, in LibreOffice 7.4.

Prints, per case, what LibreOffice's PDF shows; WORD-FEATURES.md §1 and §8 quote it.
"""
from lo import build, find, face, header, lines
from docxkit import p, r

F = face()
C = face("Carlito")
D = face("DejaVuSans")
THEME = '<w:r><w:rPr><w:color %s/><w:sz w:val="28"/></w:rPr><w:t>Theme</w:t></w:r>'

cases = {
    "colour": [p(r("Red ", sz=14, color="FF0000"), r("Blue ", sz=14, color="1F3864"), r("Auto", sz=14, color="auto"))],
    "theme_val": [p(THEME % 'w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"')],
    "theme_noval": [p(THEME % 'w:themeColor="accent2"')],
    "highlight": [p(r("Hx ", sz=14), r("Yellow text", sz=14, highlight="yellow"), r(" Hx", sz=14)),
                  p(r("Hx ", sz=12), r("Green", sz=12, highlight="green"), r(" Hx", sz=12))],
    "shd": [p(r("Hx ", sz=14), r("Shaded text", sz=14, shd="D9D9D9"), r(" Hx", sz=14))],
    "shd_15": [p(r("Hx ", sz=14), r("Shaded wide", sz=14, shd="D9D9D9"), r(" Hx", sz=14), line=360)],
    "kern_space": [p(r("A To AT", sz=14, kern=14), r("|", sz=14))],
    "hidden": [p(r("Before ", sz=14), '<w:r><w:rPr><w:vanish/><w:sz w:val="28"/></w:rPr><w:t>HIDDEN</w:t></w:r>',
                 r(" after|", sz=14))],
    "mixed": [p(r("Serif ", sz=14), r("Calibri", sz=14, font="Calibri"), r(" serif", sz=14)), p(r("Next", sz=14))],
    "mixed_dv": [p(r("Serif ", sz=14), r("Tahoma", sz=14, font="Tahoma"), r(" serif", sz=14)), p(r("Next", sz=14))],
    "calibri_only": [p(r("Calibri", sz=14, font="Calibri")), p(r("Next", sz=14))],
    "soft_hyphen": [p(r("ph\u00adêng|", sz=14, font=".VnTime"))],
}
pages = build(cases)

header("1h. w:color: the fill colour of the glyphs (rgb 0–1)")
for name, word in (("colour", "Red"), ("colour", "Blue"), ("colour", "Auto"), ("theme_val", "Theme"),
                   ("theme_noval", "Theme")):
    _, _, text, gs = find(pages[name], word)
    g = gs[text.index(word)]
    print("%-12s %-6s %s" % (name, word, tuple(round(c, 3) for c in g["color"])))

header("1i. highlight and run shading: the filled rectangles (x0, x1, top, bottom) against the glyphs")
for name, word in (("highlight", "Yellow"), ("highlight", "Green"), ("shd", "Shaded"), ("shd_15", "Shaded")):
    pg = pages[name][0]
    _, y, text, gs = find(pages[name], word)
    first = [g for g in gs if g["ch"] == word[0]][0]
    last_word = {"Yellow": "Yellow text", "Green": "Green", "Shaded": "Shaded text"}.get(word, word)
    for path in pg.paths:
        if not path["op"].lower().startswith("f"):
            continue
        for pts in path["pts"]:
            xs = [x for x, _ in pts]
            ys = [yy for _, yy in pts]
            if min(ys) <= y <= max(ys):
                print("%-9s %-7s baseline %.2f size %.1f: fill x %.2f–%.2f (first glyph %.2f), y %.2f–%.2f "
                      "(above baseline %.2f, below %.2f) colour %s"
                      % (name, word, y, first["size"], min(xs), max(xs), first["x"], min(ys), max(ys), y - min(ys),
                         max(ys) - y, tuple(round(c, 3) for c in path["color"])))

header("1j. kerning across spaces: 'A To AT' + '|' at 14 pt (kern on)")
_, _, _, gs = find(pages["kern_space"], "A To")
for a, b in zip(gs, gs[1:]):
    print("  %r→%r advance %.3f, font %.3f" % (a["ch"], b["ch"], b["x"] - a["x"], F.width(a["ch"], 14)))

header("1k. hidden text (w:vanish)")
print("  line:", find(pages["hidden"], "Before")[2])

header("8d. a line mixing faces: baselines (first line, next paragraph)")
for name in ("mixed", "mixed_dv", "calibri_only"):
    ls = lines(pages[name][0])
    print("  %-12s %s" % (name, ["%.2f %s" % (y, t) for y, t, _ in ls]))

header("8e. a soft hyphen (TCVN3 ư) in a .VnTime run")
_, _, text, gs = find(pages["soft_hyphen"], "ph")
print("  text %r, advances %s" % (text, ["%s %.2f" % (a["ch"], b["x"] - a["x"]) for a, b in zip(gs, gs[1:])]))
