#!/usr/bin/env python3
"""Item 2, the fit of a line that holds a superscript: LibreOffice 7.4's width of such a line, found by
narrowing the column 1 tw at a time until the last word no longer fits, against models of it.

The exact sum of hmtx advances (the reference's model, right for plain lines) is 0.05–0.1 pt short on
these lines; measuring each run (portion) on the reference device (6 units per twip, every glyph's advance
rounded there) and rounding each run up to whole twips fits every threshold. WORD-FEATURES.md §2 quotes
this output.
"""
import math

from lo import build, face, header, lines
from docxkit import p, r

F = face()
COL = 9071  # tw, the fixtures' column


def units(ch):
    return round(F.width(ch, 14) * 2048 / 14)


def device(text, tw):
    """The text's width on the reference device, in device units (tw·6), each glyph rounded."""
    h = tw * 6
    return sum(round(units(ch) * h / 2048) for ch in text)


def model(runs, how):
    """runs: [(text, size in tw)]; the line's width in pt by one of the models. Neighbouring runs of
    the same formatting are one portion, as LibreOffice makes them."""
    if how == "exact":
        return sum(F.width(t, tw / 20) for t, tw in runs)
    portions = []
    for t, tw in runs:
        if portions and portions[-1][1] == tw:
            portions[-1] = (portions[-1][0] + t, tw)
        else:
            portions.append((t, tw))
    return sum(math.ceil(device(t, tw) / 6 - 1e-9) for t, tw in portions) / 20


A = "thưởng năm 2022. Kết quả xếp loại năm học 2024 - 2025"
C = " đạt mức “Hoàn thành"
SUP = {14: 162, 13: 150, 12: 139}  # 58 % of the size in twips, rounded down
variants = {
    "none": (14, []),
    "(5)": (14, ["(5)"]),
    "5": (14, ["5"]),
    "(": (14, ["("]),
    "30×5 12pt": (12, ["5" * 30]),
    "30×5 13pt": (13, ["5" * 30]),
    "30×5 14pt": (14, ["5" * 30]),
}
cases, meta = {}, {}
for name, (size, sups) in variants.items():
    a, c = (A, C) if size == 14 else ("Kết quả năm học 2024", " đạt mức “Hoàn thành")
    runs_ = [(a, size * 20)] + [(s, SUP[size]) for s in sups] + [(c, size * 20)]
    guess = model(runs_, "exact")
    for k in range(-8, 9):
        right = COL - round(guess * 20) - k
        key = "fit_%s_%d" % (name.replace("×", "x").replace(" ", "_").replace("(", "p"), k)
        body = [r(a, sz=size)] + [r(s, sz=size, vert="superscript") for s in sups] + [r(c + " xong", sz=size)]
        cases[key] = [p(*body, ind={"right": right})]
        meta[key] = (name, (COL - right) / 20, runs_)
pages = build(cases)

header("2c. the width LibreOffice gives a line with a superscript (threshold of the column, 1 tw steps)")
print("line | LibreOffice's width | exact sum | runs on the device, each rounded up")
found = {}
for key, (name, avail, runs_) in sorted(meta.items(), key=lambda kv: (kv[1][0], kv[1][1])):
    first = [t for _, t, _ in lines(pages[key][0]) if "Kết" in t][0]
    fits = first.rstrip().endswith("thành")
    lo_, hi = found.get(name, (None, None))
    if fits and hi is None:
        found[name] = (lo_, avail)
    elif not fits:
        found[name] = (avail, None)
for name, (size, _) in variants.items():
    key = [k for k, v in meta.items() if v[0] == name][0]
    runs_ = meta[key][2]
    lo_, hi = found[name]
    print("%-10s | (%.2f, %.2f] | %.3f | %.3f" % (name, lo_, hi, model(runs_, "exact"), model(runs_, "device")))
