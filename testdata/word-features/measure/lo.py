"""Shared helpers of the measurement scripts: build variant documents with docxkit, convert them with
LibreOffice (a fresh profile per batch, like fidelity.py), read glyph positions back with pdfparse.

Standard library only; needs soffice and qpdf. Every script prints what it measured; the numbers quoted in
internal/pdf/internal/layout/WORD-FEATURES.md are these outputs.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
sys.path.insert(0, FIXTURES)
sys.path.insert(0, HERE)

import docxkit  # noqa: E402  (after the path is set)
import pdfparse  # noqa: E402
import ttf  # noqa: E402

WORK = os.environ.get("WF_WORK") or os.path.join(tempfile.gettempdir(), "wf-measure")
os.makedirs(WORK, exist_ok=True)


def convert(paths, outdir=None):
    """Converts DOCX files to PDF in one soffice call with a fresh profile; returns the PDF paths."""
    outdir = outdir or os.path.dirname(os.path.abspath(paths[0]))
    prof = tempfile.mkdtemp(prefix="wf-lo-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", outdir] + list(paths), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return [os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + ".pdf") for p in paths]


def build(cases, sect=None, **pkg):
    """cases: {name: [block XML, …]} or {name: (blocks, package kwargs)}; writes WORK/name.docx, converts
    them all, returns {name: [pdfparse.Page]}."""
    paths = []
    for name, spec in cases.items():
        blocks, kw = (spec if isinstance(spec, tuple) else (spec, {}))
        args = dict(pkg)
        args.update(kw)
        setup = args.pop("setup", None)
        d = docxkit.Package(name, **args)
        if setup:
            setup(d)
        d.add(*[b(d) if callable(b) else b for b in blocks])
        path = os.path.join(WORK, name + ".docx")
        d.save(path, sect or docxkit.sect_pr())
        paths.append(path)
    pdfs = convert(paths, WORK)
    return {name: pdfparse.parse(pdf) for name, pdf in zip(cases, pdfs)}


def parse(pdf):
    return pdfparse.parse(pdf)


def lines(page):
    """[(baseline y, text, glyphs)] of a page, top to bottom."""
    return [(y, "".join(g["ch"] for g in gs), gs) for y, gs in pdfparse.lines(page)]


def find(pages, needle, page=None):
    """The first line containing needle: (page index, y, text, glyphs)."""
    for pi, pg in enumerate(pages):
        if page is not None and pi != page:
            continue
        for y, text, gs in lines(pg):
            if needle in text:
                return pi, y, text, gs
    raise KeyError(needle)


def glyphs_of(gs, text):
    """The glyphs of the first occurrence of text in a line's glyphs."""
    s = "".join(g["ch"] for g in gs)
    i = s.index(text)
    return gs[i:i + len(text)]


def strokes(page, min_len=0.0):
    """Every stroked or filled path segment: (op, lw, x1, y1, x2, y2) in pt from the top-left."""
    out = []
    for pth in page.paths:
        for sub in pth["pts"]:
            for a, b in zip(sub, sub[1:]):
                if abs(a[0] - b[0]) + abs(a[1] - b[1]) >= min_len:
                    out.append((pth["op"], round(pth["lw"], 3), a[0], a[1], b[0], b[1]))
    return out


def face(family="Serif", bold=False, italic=False):
    """A Liberation/Carlito/DejaVu face as a ttf.TTF (for advance widths)."""
    style = {(0, 0): "Regular", (1, 0): "Bold", (0, 1): "Italic", (1, 1): "BoldItalic"}[(int(bold), int(italic))]
    paths = {"Serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-%s.ttf",
             "Sans": "/usr/share/fonts/truetype/liberation2/LiberationSans-%s.ttf",
             "Carlito": "/usr/share/fonts/truetype/crosextra/Carlito-%s.ttf"}
    if family == "DejaVuSans":
        name = {"Regular": "DejaVuSans", "Bold": "DejaVuSans-Bold", "Italic": "DejaVuSans-Oblique",
                "BoldItalic": "DejaVuSans-BoldOblique"}[style]
        path = "/usr/share/fonts/truetype/dejavu/%s.ttf" % name
    else:
        path = paths[family] % style
    key = (path,)
    if key not in _faces:
        _faces[key] = ttf.TTF(path)
    return _faces[key]


_faces = {}


def tw(pt):
    return pt * 20


def header(title):
    print("\n== " + title)
