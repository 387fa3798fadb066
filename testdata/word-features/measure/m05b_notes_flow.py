#!/usr/bin/env python3
"""Item 5, continued: how LibreOffice 7.4 flows footnotes that do not simply fit: a reference on the last
line that fits without its note, a note too long for the page foot (continued on the next page), a
reference in a table cell, notes with paragraph spacing and two paragraphs, the extra paragraph above a
leading table (where the reference is), and endnotes. Body: 12 pt one-line paragraphs (13.8 pt pitch),
A4, 56.7 pt margins: 52 lines without notes; notes 10 pt (11.5 pt pitch)."""
from lo import build, header, lines
from docxkit import ROOT_NS, STYLES_NOTES, p, r, rx, tbl, tc, tr
import make_fixtures as mf

NOTE = "Chú thích %d dòng %d, chữ đủ dài để lấp đầy một dòng của vùng chú thích cuối trang."


def note_par(k, nlines, before=None, after=None, first=True):
    text = " ".join([NOTE % (k, j + 1) for j in range(nlines)])
    runs = ([rx("<w:footnoteRef/>", style="FootnoteReference"), r(" ")] if first else []) + [r(text)]
    return p(*runs, style="FootnoteText", before=before, after=after)


def ref(k, tag="footnoteReference"):
    return rx('<w:%s w:id="%d"/>' % (tag, k), style="FootnoteReference", sz=12)


def doc(refs, n=60, notes=None, body_extra=None):
    """refs: {line index: note id}; notes: {id: paragraphs XML}."""
    def setup(d):
        d.set_footnotes(sorted(notes.items()))
    blocks = []
    for i in range(n):
        runs = [r("Dòng %d" % (i + 1), sz=12)]
        if i in refs:
            runs.append(ref(refs[i]))
        blocks.append(p(*runs))
    if body_extra:
        blocks = body_extra(blocks)
    return blocks, dict(setup=setup, styles_extra=STYLES_NOTES, size=12)


cases = {
    # the reference on line 52, the last line that fits without a note
    "ref_last": doc({51: 1}, notes={1: note_par(1, 1)}),
    "ref_51": doc({50: 1}, notes={1: note_par(1, 1)}),
    # a 40-line note referenced on line 10, and a 10-line note on line 46
    "long_40_at10": doc({9: 1}, notes={1: note_par(1, 40)}),
    "long_10_at46": doc({45: 1}, notes={1: note_par(1, 10)}),
    "long_70_at5": doc({4: 1}, notes={1: note_par(1, 70)}, n=120),
    # two notes, the second does not fit whole after the first
    "two_long": doc({30: 1, 40: 2}, notes={1: note_par(1, 12), 2: note_par(2, 12)}),
    # notes with paragraph spacing, and a note of two paragraphs
    "spacing": doc({5: 1, 6: 2}, notes={1: note_par(1, 1, before=120, after=240),
                                        2: note_par(2, 1, before=120, after=240)}),
    "two_paras": doc({5: 1}, notes={1: note_par(1, 1) + note_par(1, 1, first=False)}),
}


def in_table(blocks):
    # lines 1–45 as paragraphs, then a one-row table whose cell holds "Ô bảng" + the reference
    cell = p(r("Ô bảng", sz=12), ref(1))
    t = tbl([9071], [tr(tc(cell, 9071))])
    return blocks[:45] + [t] + blocks[45:]


cases["table_ref"] = doc({}, notes={1: note_par(1, 1)}, body_extra=in_table)


def first_table(where):
    """The NĐ 30 header table first; the reference in its cell, in the paragraph after it, or on page 2;
    or an endnote reference and no footnote."""
    def setup(d):
        d.set_footnotes([(1, note_par(1, 1))])
        if where == "endnote":
            endnote_part(d)
    hdr = mf.header_block()
    if where == "cell":
        hdr = hdr.replace("Số: 125/QĐ-UBND</w:t></w:r>",
                          "Số: 125/QĐ-UBND</w:t></w:r>" + ref(1), 1)
    blocks = [hdr]
    for i in range(70):
        runs = [r("Dòng %d" % (i + 1), sz=12)]
        if (where == "after" and i == 0) or (where == "page2" and i == 60):
            runs.append(ref(1))
        if where == "endnote" and i == 0:
            runs.append(ref(1, "endnoteReference"))
        blocks.append(p(*runs))
    return blocks, dict(setup=setup, styles_extra=STYLES_NOTES, size=12)


def endnote_part(d):
    d.parts["word/endnotes.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes %s>'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:endnote><w:endnote w:id="1">%s</w:endnote></w:endnotes>'
        % (ROOT_NS, p(rx("<w:endnoteRef/>", style="FootnoteReference"), r(" Chú thích cuối văn bản."),
                         style="FootnoteText")))


for w in ("cell", "after", "page2", "endnote"):
    cases["first_table_" + w] = first_table(w)


def endnote_doc():
    def setup(d):
        d.set_footnotes([])
        endnote_part(d)
    blocks = [p(r("Dòng %d" % (i + 1), sz=12), *([ref(1, "endnoteReference")] if i == 2 else []))
              for i in range(10)]
    return blocks, dict(setup=setup, styles_extra=STYLES_NOTES, size=12)


cases["endnote"] = endnote_doc()
pages = build(cases)


def summary(name):
    out = []
    for pi, pg in enumerate(pages[name]):
        ls = lines(pg)
        body = [(y, t) for y, t, g in ls if t.startswith("Dòng") or t.startswith("Ô bảng")]
        notes = [(round(y, 2), t[:24]) for y, t, g in ls if "Chú thích" in t or "cuối văn bản" in t]
        sep = [s for s in pg.paths if s["op"][0] in "Bf" and max(q[0] for q in s["pts"][0]) < 200]
        sep_s = ["%.2f–%.2f x %.2f–%.2f" % (min(q[1] for q in s["pts"][0]), max(q[1] for q in s["pts"][0]),
                                           min(q[0] for q in s["pts"][0]), max(q[0] for q in s["pts"][0]))
                 for s in sep]
        out.append("  p%d: body %d lines (%s … %s, last baseline %s); separator %s; notes %d lines %s … %s"
                   % (pi + 1, len(body), body[0][1] if body else "-", body[-1][1] if body else "-",
                      round(body[-1][0], 2) if body else "-", sep_s, len(notes), notes[:2], notes[-1:]))
    return "\n".join(out)


header("5d. notes that do not simply fit, notes in tables, spacing, endnotes")
for name in cases:
    if name.startswith("first_table"):
        continue
    print(name)
    print(summary(name))

header("5e. a leading table and where the reference is: first baselines of page 1")
for name in ("first_table_cell", "first_table_after", "first_table_page2", "first_table_endnote"):
    print("%-20s %s" % (name, [(round(y, 1), t[:22]) for y, t, g in lines(pages[name][0])[:2]]))
