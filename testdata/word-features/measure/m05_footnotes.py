#!/usr/bin/env python3
"""Item 5: footnotes in LibreOffice 7.4: the reference mark, the separator, where the footnote text goes
and how much the body area shrinks. Body: 12 pt single-spaced one-line paragraphs (13.8 pt pitch) on
A4 with 56.7 pt top/bottom margins, so the page holds 52 lines without notes."""
import os

from lo import build, convert, header, lines, parse, WORK
from docxkit import STYLES_NOTES, p, r, rx
import make_fixtures as mf


def doc(note_lines=1, note_size=10, nnotes=1, ref_at=0, n=60, exact=None):
    def setup(d):
        notes = []
        for k in range(nnotes):
            text = " ".join(["Chú thích %d dòng %d, chữ đủ dài để lấp đầy một dòng của vùng chú thích cuối trang."
                             % (k + 1, j + 1) for j in range(note_lines)])
            notes.append((k + 1, p(rx("<w:footnoteRef/>", style="FootnoteReference"), r(" " + text),
                                   style="FootnoteText", line=exact, rule="exact")))
        d.set_footnotes(notes)
    styles = STYLES_NOTES.replace('<w:sz w:val="20"/><w:szCs w:val="20"/>',
                                  '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (note_size * 2, note_size * 2))
    blocks = []
    for i in range(n):
        runs = [r("Dòng %d" % (i + 1), sz=12)]
        for k in range(nnotes):
            if i == ref_at + k:
                runs.append(rx('<w:footnoteReference w:id="%d"/>' % (k + 1), style="FootnoteReference", sz=12))
        blocks.append(p(*runs))
    return blocks, dict(setup=setup, styles_extra=styles, size=12)


cases = {"none": ([p(r("Dòng %d" % (i + 1), sz=12)) for i in range(60)], dict(size=12)),
         "n1_10": doc(), "n2_10": doc(note_lines=2), "n1_12": doc(note_size=12), "n3_10_3notes": doc(nnotes=3),
         "ref_late": doc(ref_at=50), "ref_p2": doc(ref_at=55)}
def first_table(with_ref, para_first=False):
    def setup(d):
        d.set_footnotes([(1, p(rx("<w:footnoteRef/>", style="FootnoteReference"), r(" Chú thích."),
                               style="FootnoteText"))])
    ref = [rx('<w:footnoteReference w:id="1"/>', style="FootnoteReference", sz=14)] if with_ref else []
    blocks = ([mf.body("Đoạn đầu.")] if para_first else []) + [mf.header_block(), mf.body([r("Văn bản", sz=14)] + ref)]
    return blocks, dict(setup=setup, styles_extra=STYLES_NOTES)


cases["table_first_ref"] = first_table(True)
cases["table_first_noref"] = first_table(False)
cases["para_first_ref"] = first_table(True, para_first=True)
for ex in list(range(200, 500, 20)) + list(range(362, 380, 2)):
    cases["exact_%d" % ex] = doc(exact=ex)
pages = build(cases)

header("5a. body lines on page 1, the separator and the footnote text")
print("case | body lines p1 | last body baseline | separator (y, x range, thickness) | note baselines p1 | p2 notes")
for name in ("none", "n1_10", "n2_10", "n1_12", "n3_10_3notes", "ref_late", "ref_p2"):
    P = pages[name]
    body = [(y, t) for y, t, g in lines(P[0]) if t.startswith("Dòng")]
    notes = [(round(y, 2), t[:12]) for y, t, g in lines(P[0]) if "Chú thích" in t or (len(t) < 3 and y > 600)]
    sep = [pth for pth in P[0].paths if pth["op"].startswith("B") or pth["op"].startswith("f")]
    sep_s = ["y %.2f–%.2f x %.2f–%.2f" % (min(q[1] for q in s["pts"][0]), max(q[1] for q in s["pts"][0]),
                                          min(q[0] for q in s["pts"][0]), max(q[0] for q in s["pts"][0])) for s in sep]
    p2 = [(round(y, 2), t[:14]) for y, t, g in lines(P[1]) if "Chú thích" in t] if len(P) > 1 else []
    print("%-12s | %d | %.2f | %s | %s | %s" % (name, len(body), body[-1][0], sep_s, notes, p2))

header("5a'. a one-line note of exact height h: body lines, separator top, last body line bottom")
print("h pt | body lines | separator top | last body line bottom | separator top − that bottom")
def first_table(with_ref, para_first=False):
    def setup(d):
        d.set_footnotes([(1, p(rx("<w:footnoteRef/>", style="FootnoteReference"), r(" Chú thích."),
                               style="FootnoteText"))])
    ref = [rx('<w:footnoteReference w:id="1"/>', style="FootnoteReference", sz=14)] if with_ref else []
    blocks = ([mf.body("Đoạn đầu.")] if para_first else []) + [mf.header_block(), mf.body([r("Văn bản", sz=14)] + ref)]
    return blocks, dict(setup=setup, styles_extra=STYLES_NOTES)


cases["table_first_ref"] = first_table(True)
cases["table_first_noref"] = first_table(False)
cases["para_first_ref"] = first_table(True, para_first=True)
for ex in list(range(200, 500, 20)) + list(range(362, 380, 2)):
    P = pages["exact_%d" % ex]
    body = [y for y, t, g in lines(P[0]) if t.startswith("Dòng")]
    sep = [s for s in P[0].paths if s["op"][0] in "Bf"][0]
    top = min(q[1] for q in sep["pts"][0])
    bottom = 56.7 + len(body) * 13.8
    print("%5.1f | %d | %.2f | %.2f | %.2f" % (ex / 20, len(body), top, bottom, top - bottom))

header("5b. the reference mark in the body and in the note")
for y, t, gs in lines(pages["n1_10"][0])[:2]:
    print(round(y, 2), t, [(g["ch"], round(g["size"], 2), round(g["x"], 2)) for g in gs if g["size"] < 12])
for y, t, gs in lines(pages["n1_10"][0]):
    if y > 700:
        print(round(y, 2), t[:40], [(g["ch"], round(g["size"], 2), round(g["x"], 2)) for g in gs][:3])

header("5b'. a document that begins with a table (the NĐ 30 header) and has a footnote reference")
for name in ("table_first_ref", "table_first_noref", "para_first_ref"):
    print("%-18s first lines %s" % (name, [(round(y, 1), t[:22]) for y, t, g in lines(pages[name][0])[:2]]))

header("5c. fixture 05-footnotes.docx")
pdf = os.path.join(WORK, "05-footnotes.pdf")
mf.f05_footnotes(WORK)
convert([os.path.join(WORK, "05-footnotes.docx")], WORK)
for pi, pg in enumerate(parse(pdf)):
    ls = lines(pg)
    marks = [(round(y, 2), t) for y, t, g in ls if len(t) <= 2]
    print("page %d: marks/labels %s; last lines %s" % (pi + 1, marks, [(round(y, 2), t[:30]) for y, t, g in ls[-3:]]))
