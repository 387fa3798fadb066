#!/usr/bin/env python3
"""What fidelity.py cannot see: the drawing. Compares the strokes (rules, borders, shape outlines), the
filled areas (shading, footnote separators) and the images of OURS.pdf with LibreOffice's PDF.

Usage:  strokes.py OURS.pdf REF.pdf

A reference stroke counts as drawn when OURS has a stroke of the same orientation within 1 pt of it
that covers at least 80 % of its length, in the same colour (±0.05 per channel); shown per page:
reference strokes, drawn, drawn in another colour, missing; filled areas and images in each."""
import sys

import pdfparse


def segments(page):
    out = set()
    for pth in page.paths:
        if not pth["op"].startswith(("S", "s", "B", "b")):
            continue
        for sub in pth["pts"]:
            for a, b in zip(sub, sub[1:]):
                if abs(a[1] - b[1]) < 0.05 and abs(a[0] - b[0]) > 0.5:
                    out.add(("H", round(a[1], 1), round(min(a[0], b[0]), 1), round(max(a[0], b[0]), 1),
                             tuple(round(c, 2) for c in pth["color"])))
                elif abs(a[0] - b[0]) < 0.05 and abs(a[1] - b[1]) > 0.5:
                    out.add(("V", round(a[0], 1), round(min(a[1], b[1]), 1), round(max(a[1], b[1]), 1),
                             tuple(round(c, 2) for c in pth["color"])))
    return out


def covered(seg, ours):
    kind, at, lo, hi, col = seg
    need = 0.8 * (hi - lo)
    best_col = None
    total = 0.0
    for o in ours:
        if o[0] != kind or abs(o[1] - at) > 1.0:
            continue
        ov = min(hi, o[3]) - max(lo, o[2])
        if ov > 0:
            total += ov
            if all(abs(x - y) <= 0.05 for x, y in zip(col, o[4])):
                best_col = True
            elif best_col is None:
                best_col = False
    if total < need:
        return "missing"
    return "drawn" if best_col else "colour"


def fills(page):
    return sum(1 for pth in page.paths if pth["op"].startswith(("f", "F", "B", "b")))


def main():
    ours, ref = pdfparse.parse(sys.argv[1]), pdfparse.parse(sys.argv[2])
    tot = {"ref": 0, "drawn": 0, "colour": 0, "missing": 0}
    for i, rp in enumerate(ref):
        op = ours[i] if i < len(ours) else None
        rs = segments(rp)
        os_ = segments(op) if op else set()
        res = {"drawn": 0, "colour": 0, "missing": 0}
        for s in rs:
            res[covered(s, os_)] += 1
        for k in res:
            tot[k] += res[k]
        tot["ref"] += len(rs)
        print("page %d: reference strokes %d: drawn %d, other colour %d, missing %d | fills ref %d ours %d | images "
              "ref %d ours %d" % (i + 1, len(rs), res["drawn"], res["colour"], res["missing"], fills(rp),
                                  fills(op) if op else 0, len(rp.images), len(op.images) if op else 0))
    print("strokes: reference %d, drawn %d, other colour %d, missing %d"
          % (tot["ref"], tot["drawn"], tot["colour"], tot["missing"]))


if __name__ == "__main__":
    main()
