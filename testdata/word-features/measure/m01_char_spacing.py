#!/usr/bin/env python3
"""Item 1: w:spacing (character spacing), w:w (scale), w:kern, w:position in LibreOffice 7.4.

Prints, per case, what LibreOffice's PDF shows against the model written in WORD-FEATURES.md §1.
"""
from lo import build, find, face, header, lines
from docxkit import p, r, tbl, tr, tc, NO_BORDERS
import make_fixtures as mf

F = face()
FB = face(bold=True)
SPACINGS = [-40, -20, -10, -6, -4, -2, -1, 1, 2, 3, 10, 20, 40, 100]
SCALES = [50, 66, 80, 90, 110, 150, 200]
T = "Hxa Hxa"


def gaps(gs, f, size):
    """Per glyph: pen advance in the PDF minus the font advance (pt)."""
    return [b["x"] - a["x"] - f.width(a["ch"], size) for a, b in zip(gs, gs[1:])]


cases = {}
for s in SPACINGS:
    cases["sp_%d" % s] = [p(r(T, sz=14, spacing=s), r("|", sz=14))]
    cases["spc_%d" % s] = [p(r("HHHH", sz=14, spacing=s), jc="center")]
    cases["spr_%d" % s] = [p(r("HHHH", sz=14, spacing=s), jc="right")]
for n in (2, 4, 8):
    for sp in (-40, 40):
        cases["cn_%d_%d" % (n, sp)] = [p(r("H" * n, sz=14, spacing=sp), jc="center")]
for w in SCALES:
    cases["w_%d" % w] = [p(r(T, sz=14, w=w), r("|", sz=14))]
cases["w80_sp20"] = [p(r(T, sz=14, w=80, spacing=20), r("|", sz=14))]
cases["kern"] = [p(r("AVAWAY To", sz=14, kern=14), r("|", sz=14)), p(r("AVAWAY To", sz=14), r("|", sz=14))]
cases["kern_sp"] = [p(r("AVAWAY To", sz=14, kern=14, spacing=20), r("|", sz=14))]
long_text = " ".join(mf.SENT[:3])
for s in (-10, -4, -2, 10, 20):
    cases["just_%d" % s] = [p(r(long_text, sz=14, spacing=s), jc="both", ind={"firstLine": 567})]
    cases["left_%d" % s] = [p(r(long_text, sz=14, spacing=s), ind={"firstLine": 567})]
cases["jx_20"] = [p(r(" ".join(mf.SENT[:2]), sz=14, spacing=20), jc="both")]
for pos in (-6, -3, 3, 6):
    cases["pos_%d" % pos] = [p(r("Dòng một của đoạn văn bản có chữ nâng hạ, đủ dài để xuống dòng: " + mf.SENT[0][:60],
                                   sz=14), r("X", sz=14, position=pos), r(" " + mf.SENT[1][:150], sz=14))]
for size in (12, 14):
    for pos in (1, 2, 3, 4, 6, 10, -3):
        cases["pz_%d_%d" % (size, pos)] = [p(r("Hx ", sz=size), r("X", sz=size, position=pos), r(" Hx", sz=size)),
                                           p(r("Next", sz=size))]
cases["pos_ref"] = [p(r("Dòng một của đoạn văn bản có chữ nâng hạ, đủ dài để xuống dòng: " + mf.SENT[0][:60], sz=14),
                      r("X", sz=14), r(" " + mf.SENT[1][:150], sz=14))]
# the quốc hiệu in the fixture's 265 pt cell: natural 271.2 pt; condensed by -6 tw per character
for s in (0, -2, -4, -5, -6):
    cases["qh_%d" % s] = [tbl(mf.HEAD_GRID, [tr(tc(p("x"), mf.HEAD_GRID[0]), tc(p(
        r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sz=13, b=True, spacing=s), jc="center"), mf.HEAD_GRID[1]))],
        borders=NO_BORDERS)]
pages = build(cases)

header("1a. w:spacing on a left-aligned run 'Hxa Hxa' + '|' (14 pt): PDF advance − font advance, pt")
print("spacing tw | per glyph (H x a ' ' H x a) | after the run's last glyph | expected s/20")
for s in SPACINGS:
    _, y, text, gs = find(pages["sp_%d" % s], "Hxa")
    g = gaps(gs, F, 14)
    print("%4d | %s | %+.3f | %+.3f" % (s, " ".join("%+.3f" % v for v in g[:6]), g[6], s / 20))

header("1b. centred and right-aligned 'HHHH' with spacing: line start vs the model")
W = (11906 - 1701 - 1134) / 20
h4 = F.width("HHHH", 14)
print("spacing | centred x0 | model A (4 gaps counted) | model B (3 gaps) | right x1 (last glyph end) | right edge")
for s in SPACINGS:
    _, _, _, gc = find(pages["spc_%d" % s], "HHHH")
    _, _, _, gr = find(pages["spr_%d" % s], "HHHH")
    a = 85.05 + (W - (h4 + 4 * s / 20)) / 2
    b = 85.05 + (W - (h4 + 3 * s / 20)) / 2
    x1 = gr[-1]["x"] + F.width("H", 14)
    print("%4d | %.2f | %.2f | %.2f | %.2f | %.2f" % (s, gc[0]["x"] - 0.1, a, b, x1 - 0.1, 85.05 + W))

print("centring width = natural + k·s: (n = number of characters)")
for n in (2, 4, 8):
    for sp in (-40, 40):
        _, _, _, gs = find(pages["cn_%d_%d" % (n, sp)], "HH")
        wc = 2 * (85.05 + W / 2 - (gs[0]["x"] - 0.1))
        print("  n=%d s=%+d: k = %.2f" % (n, sp, (wc - F.width("H" * n, 14)) / (sp / 20)))

header("1c. w:w scale: PDF advance / font advance per glyph, and the drawing (Tm horizontal scale)")
for w in SCALES:
    _, _, _, gs = find(pages["w_%d" % w], "Hxa")
    ratios = [(b["x"] - a["x"]) / F.width(a["ch"], 14) for a, b in zip(gs, gs[1:])]
    print("w=%3d  ratios %s" % (w, " ".join("%.3f" % v for v in ratios)))
_, _, _, gs = find(pages["w80_sp20"], "Hxa")
print("w=80 spacing=20: advance − 0.8·font advance:",
      " ".join("%+.3f" % (b["x"] - a["x"] - 0.8 * F.width(a["ch"], 14)) for a, b in zip(gs, gs[1:])))

header("1d. w:kern: 'AVAWAY To' widths (pt) with and without, vs the kern table")
for name, idx in (("kern", 0), ("kern", 1), ("kern_sp", 0)):
    pg = pages[name][0]
    ln = [x for x in lines(pg) if "AVAWAY" in x[1]][idx]
    gs = ln[2]
    bar = [g for g in gs if g["ch"] == "|"][0]
    print("%-8s line %d: width to '|' %.3f  (unkerned %.3f, kerned %.3f)"
          % (name, idx, bar["x"] - gs[0]["x"], F.width("AVAWAY To", 14), F.width("AVAWAY To", 14, kern=True)))

header("1e. w:spacing and line breaking/justification (14 pt, 453.55 pt column, firstLine 567)")


def greedy(words, widths, space, avail_first, avail, last=0.0):
    """last: what the line's last glyph's spacing counts in the fit test (subtracted)."""
    out, cur, wcur = [], [], 0.0
    for wd, wi in zip(words, widths):
        need = wi if not cur else wcur + space + wi
        lim = avail_first if not out else avail
        if cur and need - last > lim + 1e-6:
            out.append(cur)
            cur, wcur = [wd], wi
        else:
            cur.append(wd)
            wcur = need
    out.append(cur)
    return out


for s in (-10, -4, -2, 10, 20):
    for kind in ("left", "just"):
        pg = pages["%s_%d" % (kind, s)][0]
        got = [t.split() for _, t, _ in lines(pg)]
        words = long_text.split()
        # model: every character (spaces too) advances by font advance + s; the line fits when the
        # sum up to its last visible glyph, spacing of that glyph included, is within the width
        widths = [F.width(wd, 14) + len(wd) * s / 20 for wd in words]
        pred = greedy(words, widths, F.width(" ", 14) + s / 20, W - 567 / 20, W)
        pred2 = greedy(words, widths, F.width(" ", 14) + s / 20, W - 567 / 20, W, last=s / 20)
        print("spacing %4d %-4s: %d/%d lines as model A (last glyph's spacing counted), %d/%d as model B (not)"
              % (s, kind, sum(a == b for a, b in zip(got, pred)), len(got),
                 sum(a == b for a, b in zip(got, pred2)), len(got)))
        if kind == "just":
            _, _, _, gs = find(pages["just_%d" % s], got[1][0])
            letters = [b["x"] - a["x"] - F.width(a["ch"], 14) for a, b in zip(gs, gs[1:]) if a["ch"] != " "]
            spaces = [b["x"] - a["x"] - F.width(" ", 14) for a, b in zip(gs, gs[1:]) if a["ch"] == " "]
            line = got[1]
            text = " ".join(line)
            nat = sum(F.width(c, 14) + s / 20 for c in text)
            before = [b["x"] - a["x"] - F.width(a["ch"], 14) - s / 20 for a, b in zip(gs, gs[1:-1])
                      if a["ch"] != " " and b["ch"] == " "]
            spaces = [b["x"] - a["x"] - F.width(" ", 14) - s / 20 for a, b in zip(gs, gs[1:]) if a["ch"] == " "]
            print("     line 2: slack per space %.3f; extra on the glyph before each space %.3f, on the space %.3f"
                  % ((W - nat) / text.count(" "), sum(before) / len(before), sum(spaces) / len(spaces)))

print("jx_20 (no indent): each line's width with every glyph's spacing counted, minus the column:")
for y, t, gs in lines(pages["jx_20"][0])[:-1]:
    t = t.rstrip()
    print("   %+.2f pt  %s" % (sum(F.width(c, 14) + 1.0 for c in t) - W, t[-30:]))

header("1f. w:position: raise = round(100·pos/size) % of the single line height L; the line grows by it")
L = {12: 13.8, 14: 16.1}
for size in (12, 14):
    for pos in (1, 2, 3, 4, 6, 10, -3):
        pg = pages["pz_%d_%d" % (size, pos)][0]
        ls = lines(pg)
        base = [y for y, t, gs in ls if "Hx" in t][0]
        xy = [y for y, t, gs in ls if t == "X"][0]
        nxt = [y for y, t, gs in ls if "Next" in t][0]
        model = round(100 * pos / size) / 100 * L[size]
        print("  %d pt, position %+d pt: raise %.2f (model %.2f); first baseline %.2f; pitch to next line %.2f"
              % (size, pos, base - xy, model, base, nxt - base))
header("1f'. the same in a long paragraph (line 2 holds the shifted 'X')")
for name in ("pos_ref", "pos_-6", "pos_-3", "pos_3", "pos_6"):
    pg = pages[name][0]
    ls = lines(pg)
    main = [y for y, t, gs in ls if len(t) > 10]
    xs = [(y, t) for y, t, gs in ls if t == "X"]
    print("%-7s line baselines %s   shifted X at %s" % (name, " ".join("%.2f" % y for y in main[:3]),
                                                        "%.2f" % xs[0][0] if xs else "(in line)"))

header("1g. quốc hiệu 13 pt bold in a 265 pt cell: lines used per spacing")
for s in (0, -2, -4, -5, -6):
    ls = [t for y, t, gs in lines(pages["qh_%d" % s][0]) if t != "x"]
    natural = FB.width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13) + 34 * s / 20
    print("spacing %3d: %d line(s); model width with 34 spacings %.2f pt (33: %.2f)"
          % (s, len(ls), natural, natural - s / 20))
