"""docxkit: writes WordprocessingML packages the way Microsoft Word writes them.

A small builder for the fixtures of issue 17 (make_fixtures.py) and the measurement variants
(measure/*.py). Standard library only. Element order follows the ISO/IEC 29500 schema, namespace
declarations and part names follow Word 2016+ output, and the zip is written with a fixed date so
the same call gives the same bytes.
"""
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# The namespaces Word 2016 declares on every story root (document, header, footer, footnotes).
ROOT_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 wp14"')

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
EMU_PER_TWIP = 635
EMU_PER_PT = 12700


# ---------------------------------------------------------------- runs and paragraphs

def rpr(b=False, i=False, u=None, sz=None, font=None, spacing=None, w=None, kern=None, position=None,
        vert=None, color=None, caps=False, style=None, noproof=False, highlight=None, shd=None, bcs=True):
    """A w:rPr in schema order; sz in points (13, 13.5), spacing in twips, w in percent,
    kern in points (the threshold), position in points (positive raises)."""
    x = []
    if style:
        x.append('<w:rStyle w:val="%s"/>' % style)
    if font:
        f = quoteattr(font)
        x.append('<w:rFonts w:ascii=%s w:hAnsi=%s w:cs=%s/>' % (f, f, f))
    if b:
        x.append("<w:b/>" + ("<w:bCs/>" if bcs else ""))
    if i:
        x.append("<w:i/>" + ("<w:iCs/>" if bcs else ""))
    if caps:
        x.append("<w:caps/>")
    if noproof:
        x.append("<w:noProof/>")
    if color:
        x.append('<w:color w:val="%s"/>' % color)
    if spacing is not None:
        x.append('<w:spacing w:val="%d"/>' % spacing)
    if w is not None:
        x.append('<w:w w:val="%d"/>' % w)
    if kern is not None:
        x.append('<w:kern w:val="%d"/>' % round(kern * 2))
    if position is not None:
        x.append('<w:position w:val="%d"/>' % round(position * 2))
    if sz is not None:
        x.append('<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (round(sz * 2), round(sz * 2)))
    if highlight:
        x.append('<w:highlight w:val="%s"/>' % highlight)
    if u:
        x.append('<w:u w:val="%s"/>' % u)
    if shd:
        x.append('<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shd)
    if vert:
        x.append('<w:vertAlign w:val="%s"/>' % vert)
    return "<w:rPr>%s</w:rPr>" % "".join(x) if x else ""


def r(text, **props):
    """A run of text; a '\\n' in text becomes <w:br/>, a '\\t' a <w:tab/>."""
    out = []
    for k, piece in enumerate(text.split("\n")):
        if k:
            out.append("<w:br/>")
        for j, seg in enumerate(piece.split("\t")):
            if j:
                out.append("<w:tab/>")
            if seg:
                sp = ' xml:space="preserve"' if seg != seg.strip() or "  " in seg else ""
                out.append("<w:t%s>%s</w:t>" % (sp, escape(seg)))
    return "<w:r>%s%s</w:r>" % (rpr(**props), "".join(out))


def rx(inner, **props):
    """A run holding raw content (w:br, w:drawing, w:footnoteReference…)."""
    return "<w:r>%s%s</w:r>" % (rpr(**props), inner)


def border(side, val="single", sz=4, space=0, color="auto"):
    if val in ("nil", "none"):
        return '<w:%s w:val="%s"/>' % (side, val)
    return '<w:%s w:val="%s" w:sz="%d" w:space="%d" w:color="%s"/>' % (side, val, sz, space, color)


def ppr(style=None, keep_next=False, keep_lines=False, page_break_before=False, frame=None, widow=None,
        num=None, pbdr=None, shd=None, tabs=None, before=None, after=None, line=None, rule="auto",
        ind=None, contextual=False, jc=None, outline=None, mark=None, sect=None):
    """A w:pPr in schema order. ind: dict(left=, right=, firstLine=, hanging=); num: (numId, ilvl);
    pbdr: list of border() strings in order top, left, bottom, right, between; mark: dict for rpr()."""
    x = []
    if style:
        x.append('<w:pStyle w:val="%s"/>' % style)
    if keep_next:
        x.append("<w:keepNext/>")
    if keep_lines:
        x.append("<w:keepLines/>")
    if page_break_before:
        x.append("<w:pageBreakBefore/>")
    if frame:
        x.append("<w:framePr %s/>" % " ".join('w:%s="%s"' % kv for kv in frame))
    if widow is not None:
        x.append('<w:widowControl w:val="%d"/>' % (1 if widow else 0))
    if num:
        x.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0]))
    if pbdr:
        x.append("<w:pBdr>%s</w:pBdr>" % "".join(pbdr))
    if shd:
        x.append('<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shd)
    if tabs:
        x.append("<w:tabs>%s</w:tabs>" % "".join('<w:tab w:val="%s" w:pos="%d"/>' % t for t in tabs))
    if before is not None or after is not None or line is not None:
        s = "<w:spacing"
        if before is not None:
            s += ' w:before="%d"' % before
        if after is not None:
            s += ' w:after="%d"' % after
        if line is not None:
            s += ' w:line="%d" w:lineRule="%s"' % (line, rule)
        x.append(s + "/>")
    if ind:
        x.append("<w:ind %s/>" % " ".join('w:%s="%d"' % (k, ind[k]) for k in
                                          ("left", "right", "hanging", "firstLine") if k in ind))
    if contextual:
        x.append("<w:contextualSpacing/>")
    if jc:
        x.append('<w:jc w:val="%s"/>' % jc)
    if outline is not None:
        x.append('<w:outlineLvl w:val="%d"/>' % outline)
    if mark:
        x.append(rpr(**mark))
    if sect:
        x.append(sect)
    return "<w:pPr>%s</w:pPr>" % "".join(x) if x else ""


def p(*runs, **props):
    """A paragraph: runs are strings of run XML (see r()) or plain text (a run with no rPr)."""
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return "<w:p>%s%s</w:p>" % (ppr(**props), body)


# ---------------------------------------------------------------- tables

def tc(content, w, span=1, vmerge=None, borders=None, shd=None, mar=None, valign=None):
    """A cell: content is paragraph XML; borders a list of border() strings in schema order."""
    x = ['<w:tcW w:w="%d" w:type="dxa"/>' % w]
    if span > 1:
        x.append('<w:gridSpan w:val="%d"/>' % span)
    if vmerge == "restart":
        x.append('<w:vMerge w:val="restart"/>')
    elif vmerge:
        x.append("<w:vMerge/>")
    if borders:
        x.append("<w:tcBorders>%s</w:tcBorders>" % "".join(borders))
    if shd:
        x.append('<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shd)
    if mar:
        x.append("<w:tcMar>%s</w:tcMar>" % "".join('<w:%s w:w="%d" w:type="dxa"/>' % kv for kv in mar))
    if valign:
        x.append('<w:vAlign w:val="%s"/>' % valign)
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % ("".join(x), content or "<w:p/>")


def tr(*cells, height=None, hrule=None, header=False, cant_split=False):
    x = []
    if cant_split:
        x.append("<w:cantSplit/>")
    if height:
        x.append('<w:trHeight w:val="%d"%s/>' % (height, ' w:hRule="%s"' % hrule if hrule else ""))
    if header:
        x.append("<w:tblHeader/>")
    return "<w:tr>%s%s</w:tr>" % ("<w:trPr>%s</w:trPr>" % "".join(x) if x else "", "".join(cells))


def tbl(grid, rows, borders=None, style=None, jc=None, ind=None, layout="fixed", look="04A0", cellmar=None):
    """A table; borders: list of border() strings for tblBorders (schema order), None = none given."""
    x = []
    if style:
        x.append('<w:tblStyle w:val="%s"/>' % style)
    x.append('<w:tblW w:w="%d" w:type="dxa"/>' % sum(grid))
    if jc:
        x.append('<w:jc w:val="%s"/>' % jc)
    if ind is not None:
        x.append('<w:tblInd w:w="%d" w:type="dxa"/>' % ind)
    if borders:
        x.append("<w:tblBorders>%s</w:tblBorders>" % "".join(borders))
    if layout:
        x.append('<w:tblLayout w:type="%s"/>' % layout)
    if cellmar:
        x.append("<w:tblCellMar>%s</w:tblCellMar>" % "".join('<w:%s w:w="%d" w:type="dxa"/>' % kv for kv in cellmar))
    if look:
        x.append('<w:tblLook w:val="%s" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                 'w:noHBand="0" w:noVBand="1"/>' % look)
    return ("<w:tbl><w:tblPr>%s</w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>"
            % ("".join(x), "".join('<w:gridCol w:w="%d"/>' % g for g in grid), "".join(rows)))


def all_borders(val="single", sz=4, color="auto", sides=("top", "left", "bottom", "right", "insideH", "insideV")):
    return [border(s, val, sz, 0, color) for s in sides]


NO_BORDERS = all_borders("nil")


# ---------------------------------------------------------------- sections

def sect_pr(top=1134, bottom=1134, left=1701, right=1134, header=567, footer=567, w=11906, h=16838,
            headers=(), footers=(), title_pg=False, kind=None, pgnum_start=None):
    """headers/footers: (type, rId) pairs."""
    x = ['<w:headerReference w:type="%s" r:id="%s"/>' % hv for hv in headers]
    x += ['<w:footerReference w:type="%s" r:id="%s"/>' % fv for fv in footers]
    if kind:
        x.append('<w:type w:val="%s"/>' % kind)
    x.append('<w:pgSz w:w="%d" w:h="%d"/>' % (w, h))
    x.append('<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>'
             % (top, right, bottom, left, header, footer))
    if pgnum_start is not None:
        x.append('<w:pgNumType w:start="%d"/>' % pgnum_start)
    x.append('<w:cols w:space="720"/>')
    if title_pg:
        x.append("<w:titlePg/>")
    x.append('<w:docGrid w:linePitch="360"/>')
    return "<w:sectPr>%s</w:sectPr>" % "".join(x)


# ---------------------------------------------------------------- drawings (DrawingML + VML fallback)

class Ids:
    """Document-wide counters for drawing ids and VML shape ids, as Word keeps them."""
    def __init__(self):
        self.docpr = 0
        self.spid = 1024
        self.z = 251658240

    def next(self):
        self.docpr += 1
        self.spid += 1
        self.z += 1024
        return self.docpr, self.spid, self.z


def _pos(axis, rel, offset_emu=None, align=None):
    tag = "positionH" if axis == "H" else "positionV"
    inner = "<wp:align>%s</wp:align>" % align if align else "<wp:posOffset>%d</wp:posOffset>" % offset_emu
    return '<wp:%s relativeFrom="%s">%s</wp:%s>' % (tag, rel, inner, tag)


def _vml_pos_style(hrel, vrel, left_pt, top_pt, w_pt, h_pt, z, behind=False):
    vmap = {"paragraph": "text", "line": "line", "page": "page", "margin": "margin",
            "topMargin": "top-margin-area", "bottomMargin": "bottom-margin-area"}
    hmap = {"column": "text", "character": "char", "page": "page", "margin": "margin",
            "leftMargin": "left-margin-area", "rightMargin": "right-margin-area"}
    return ("position:absolute;margin-left:%gpt;margin-top:%gpt;width:%gpt;height:%gpt;z-index:%d;"
            "visibility:visible;mso-wrap-style:square;mso-wrap-distance-left:9pt;mso-wrap-distance-top:0;"
            "mso-wrap-distance-right:9pt;mso-wrap-distance-bottom:0;mso-position-horizontal:absolute;"
            "mso-position-horizontal-relative:%s;mso-position-vertical:absolute;mso-position-vertical-relative:%s"
            % (left_pt, top_pt, w_pt, h_pt, -z if behind else z, hmap[hrel], vmap[vrel]))


def _anchor_open(ids, hrel, x_emu, vrel, y_emu, cx, cy, behind=False, wrap="<wp:wrapNone/>", name="Shape",
                 eff=(0, 0, 0, 0)):
    docpr, _, z = ids
    return ('<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="%d" '
            'behindDoc="%d" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>%s%s<wp:extent cx="%d" cy="%d"/>'
            '<wp:effectExtent l="%d" t="%d" r="%d" b="%d"/>%s<wp:docPr id="%d" name="%s %d"/>'
            % (z, 1 if behind else 0, _pos("H", hrel, x_emu), _pos("V", vrel, y_emu), cx, cy,
               eff[0], eff[1], eff[2], eff[3], wrap, docpr, name, docpr))


A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
WPS_STYLE = ('<wps:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0">'
             '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/>'
             '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></wps:style>')


def line_shape(ids, hrel, x_tw, vrel, y_tw, length_tw, weight_pt=0.5, color="000000"):
    """A horizontal straight connector, anchored, no wrap: Word's Insert > Shapes > Line.
    Returns the run XML (mc:AlternateContent, DrawingML choice, VML v:line fallback)."""
    n = ids.next()
    cx = length_tw * EMU_PER_TWIP
    lw = round(weight_pt * EMU_PER_PT)
    half = lw // 2
    dml = (_anchor_open(n, hrel, x_tw * EMU_PER_TWIP, vrel, y_tw * EMU_PER_TWIP, cx, 0,
                        name="Straight Connector", eff=(0, 0, half, half))
           + '<wp:cNvGraphicFramePr/><a:graphic %s><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/>'
           '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="0"/></a:xfrm>'
           '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="%d"><a:solidFill><a:srgbClr val="%s"/>'
           '</a:solidFill></a:ln></wps:spPr>%s<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
           % (A_NS, cx, lw, color, WPS_STYLE))
    x0, y0 = x_tw / 20, y_tw / 20
    vml = ('<w:pict><v:line id="Straight Connector %d" o:spid="_x0000_s%d" style="%s" from="%gpt,%gpt" '
           'to="%gpt,%gpt" strokecolor="#%s" strokeweight="%gpt"><v:stroke joinstyle="miter"/></v:line></w:pict>'
           % (n[0], n[1], _vml_pos_style(hrel, vrel, 0, 0, 0, 0, n[2]).replace(
               "margin-left:0pt;margin-top:0pt;width:0pt;height:0pt;", ""),
              x0, y0, x0 + length_tw / 20, y0, color, weight_pt))
    return ('<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>%s'
            '</w:drawing></mc:Choice><mc:Fallback>%s</mc:Fallback></mc:AlternateContent></w:r>' % (dml, vml))


def vml_line(ids, hrel, x_tw, vrel, y_tw, length_tw, weight_pt=0.5, color="000000"):
    """The same line as Word 2003–2007 wrote it: a bare w:pict/v:line."""
    n = ids.next()
    x0, y0 = x_tw / 20, y_tw / 20
    style = _vml_pos_style(hrel, vrel, 0, 0, 0, 0, n[2]).replace(
        "margin-left:0pt;margin-top:0pt;width:0pt;height:0pt;", "")
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:pict><v:line id="_x0000_s%d" style="%s" from="%gpt,%gpt" '
            'to="%gpt,%gpt" strokecolor="#%s" strokeweight="%gpt"/></w:pict></w:r>'
            % (n[1], style, x0, y0, x0 + length_tw / 20, y0, color, weight_pt))


def text_box(ids, hrel, x_tw, vrel, y_tw, w_tw, h_tw, paras, line_pt=0.75, line_color="000000", fill=None,
             inset_tw=(144, 72, 144, 72), behind=False, wrap="<wp:wrapNone/>", vml_only=False, anchor="t"):
    """A text box (or a rectangle when paras is empty): wps:wsp with wps:txbx, VML v:rect with v:textbox
    as the fallback. inset_tw: left, top, right, bottom (Word's default 0.1in/0.05in)."""
    n = ids.next()
    cx, cy = w_tw * EMU_PER_TWIP, h_tw * EMU_PER_TWIP
    lw = round(line_pt * EMU_PER_PT)
    ln = ('<a:ln w="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:ln>' % (lw, line_color)
          if line_pt else "<a:ln><a:noFill/></a:ln>")
    fill_x = '<a:solidFill><a:srgbClr val="%s"/></a:solidFill>' % fill if fill else "<a:noFill/>"
    ins = tuple(v * EMU_PER_TWIP for v in inset_tw)
    txbx = ("<wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx>" % paras) if paras else ""
    dml = (_anchor_open(n, hrel, x_tw * EMU_PER_TWIP, vrel, y_tw * EMU_PER_TWIP, cx, cy, behind, wrap,
                        name="Text Box" if paras else "Rectangle")
           + '<wp:cNvGraphicFramePr/><a:graphic %s><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>%s'
           '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>%s%s</wps:spPr>%s%s'
           '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="%d" tIns="%d" rIns="%d" bIns="%d" anchor="%s" '
           'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
           % (A_NS, '<wps:cNvSpPr txBox="1"/>' if paras else "<wps:cNvSpPr/>", cx, cy, fill_x, ln,
              WPS_STYLE if not paras else "", txbx, ins[0], ins[1], ins[2], ins[3], anchor))
    style = _vml_pos_style(hrel, vrel, x_tw / 20, y_tw / 20, w_tw / 20, h_tw / 20, n[2], behind)
    vstroke = ('strokecolor="#%s" strokeweight="%gpt"' % (line_color, line_pt)) if line_pt else 'stroked="f"'
    vfill = ('fillcolor="#%s"' % fill) if fill else 'filled="f"'
    vtext = ('<v:textbox inset="%gpt,%gpt,%gpt,%gpt"><w:txbxContent>%s</w:txbxContent></v:textbox>'
             % (inset_tw[0] / 20, inset_tw[1] / 20, inset_tw[2] / 20, inset_tw[3] / 20, paras)) if paras else ""
    vwrap = ' type="square"' if "wrapSquare" in wrap else (' type="topAndBottom"' if "TopAndBottom" in wrap else "")
    vml = ('<w:pict><v:rect id="%s %d" o:spid="_x0000_s%d" style="%s" %s %s>%s<w10:wrap%s anchorx="%s"/></v:rect>'
           '</w:pict>' % ("Text Box" if paras else "Rectangle", n[0], n[1], style, vfill, vstroke, vtext, vwrap,
                          "page" if hrel == "page" else "margin"))
    if vml_only:
        return '<w:r><w:rPr><w:noProof/></w:rPr>%s</w:r>' % vml.replace(' o:spid="_x0000_s%d"' % n[1], "")
    return ('<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>%s'
            '</w:drawing></mc:Choice><mc:Fallback>%s</mc:Fallback></mc:AlternateContent></w:r>' % (dml, vml))


def _pic(docpr, rid, cx, cy, name):
    return ('<a:graphic %s><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
            '<pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%s">'
            '</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode="auto"><a:xfrm>'
            '<a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom><a:noFill/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            % (A_NS, docpr, name, rid, cx, cy))


def inline_picture(ids, rid, w_tw, h_tw, name):
    """An inline picture (Insert > Pictures, In Line with Text)."""
    n = ids.next()
    cx, cy = w_tw * EMU_PER_TWIP, h_tw * EMU_PER_TWIP
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:docPr id="%d" name="Picture %d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks %s '
            'noChangeAspect="1"/></wp:cNvGraphicFramePr>%s</wp:inline></w:drawing></w:r>'
            % (cx, cy, n[0], n[0], name, A_NS, _pic(n[0], rid, cx, cy, name)))


def anchored_picture(ids, rid, hrel, x_tw, vrel, y_tw, w_tw, h_tw, name, behind=True):
    """A floating picture, Behind Text (behindDoc) or In Front of Text, as a seal is placed."""
    n = ids.next()
    cx, cy = w_tw * EMU_PER_TWIP, h_tw * EMU_PER_TWIP
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>%s<wp:cNvGraphicFramePr><a:graphicFrameLocks %s '
            'noChangeAspect="1"/></wp:cNvGraphicFramePr>%s</wp:anchor></w:drawing></w:r>'
            % (_anchor_open(n, hrel, x_tw * EMU_PER_TWIP, vrel, y_tw * EMU_PER_TWIP, cx, cy, behind,
                            name="Picture"), A_NS, _pic(n[0], rid, cx, cy, name)))


# ---------------------------------------------------------------- images (stdlib encoders)

def png(width, height, pixel):
    """An 8-bit RGBA PNG; pixel(x, y) -> (r, g, b, a)."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    phys = struct.pack(">IIB", 5906, 5906, 1)  # 150 dpi
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"pHYs", phys)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


_ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
           14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39,
           46, 53, 60, 61, 54, 47, 55, 62, 63]
_QL = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29,
       51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121,
       120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
_QC = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99,
       99, 99, 99, 99] + [99] * 32
# Annex K standard Huffman tables: (bits[1..16], values)
_DC_L = ([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], list(range(12)))
_DC_C = ([0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], list(range(12)))
_AC_L = ([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d], bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738"
    "393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5"
    "a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa"))
_AC_C = ([0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77], bytes.fromhex(
    "000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738"
    "393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4"
    "a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa"))


def _huff(spec):
    bits, vals = spec
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


def jpeg(width, height, pixel, quality=85):
    """A baseline JFIF JPEG, YCbCr 4:4:4; pixel(x, y) -> (r, g, b). A plain DCT-II encoder."""
    import math
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    ql = [max(1, min(255, (q * scale + 50) // 100)) for q in _QL]
    qc = [max(1, min(255, (q * scale + 50) // 100)) for q in _QC]
    cos = [[math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)] for u in range(8)]
    cu = [1 / math.sqrt(2)] + [1.0] * 7
    hdc = [_huff(_DC_L), _huff(_DC_C)]
    hac = [_huff(_AC_L), _huff(_AC_C)]
    out = bytearray()
    acc, nacc = 0, 0

    def put(code, length):
        nonlocal acc, nacc
        acc = (acc << length) | code
        nacc += length
        while nacc >= 8:
            b = (acc >> (nacc - 8)) & 0xFF
            out.append(b)
            if b == 0xFF:
                out.append(0)
            nacc -= 8
        acc &= (1 << nacc) - 1

    def magnitude(v):
        n = abs(v).bit_length()
        return n, (v if v >= 0 else v + (1 << n) - 1)

    pred = [0, 0, 0]
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            blk = [[], [], []]
            for y in range(8):
                for x in range(8):
                    rr, gg, bb = pixel(min(bx + x, width - 1), min(by + y, height - 1))
                    blk[0].append(0.299 * rr + 0.587 * gg + 0.114 * bb - 128)
                    blk[1].append(-0.168736 * rr - 0.331264 * gg + 0.5 * bb)
                    blk[2].append(0.5 * rr - 0.418688 * gg - 0.081312 * bb)
            for c in range(3):
                q = ql if c == 0 else qc
                coef = [0] * 64
                for v in range(8):
                    for u in range(8):
                        s = 0.0
                        for y in range(8):
                            cy = cos[v][y]
                            row = blk[c][8 * y:8 * y + 8]
                            s += cy * sum(row[x] * cos[u][x] for x in range(8))
                        coef[8 * v + u] = round(0.25 * cu[u] * cu[v] * s / q[8 * v + u])
                zz = [coef[_ZIGZAG[k]] for k in range(64)]
                t = 0 if c == 0 else 1
                diff = zz[0] - pred[c]
                pred[c] = zz[0]
                n, bitsv = magnitude(diff)
                put(*hdc[t][n])
                if n:
                    put(bitsv, n)
                run = 0
                last = max([k for k in range(1, 64) if zz[k]] or [0])
                for k in range(1, last + 1):
                    if zz[k] == 0:
                        run += 1
                        continue
                    while run > 15:
                        put(*hac[t][0xF0])
                        run -= 16
                    n, bitsv = magnitude(zz[k])
                    put(*hac[t][(run << 4) | n])
                    put(bitsv, n)
                    run = 0
                if last < 63:
                    put(*hac[t][0x00])
    if nacc:
        put((1 << (8 - nacc)) - 1, 8 - nacc)

    def seg(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data
    dqt = bytes([0]) + bytes(ql[_ZIGZAG[k]] for k in range(64)) + bytes([1]) + bytes(qc[_ZIGZAG[k]] for k in range(64))
    sof = struct.pack(">BHHB", 8, height, width, 3) + bytes([1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1])
    dht = b""
    for cls_id, spec in ((0x00, _DC_L), (0x10, _AC_L), (0x01, _DC_C), (0x11, _AC_C)):
        dht += bytes([cls_id]) + bytes(spec[0]) + bytes(spec[1])
    sos = bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0])
    app0 = b"JFIF\x00\x01\x01\x01" + struct.pack(">HH", 150, 150) + b"\x00\x00"
    return (b"\xff\xd8" + seg(0xE0, app0) + seg(0xDB, dqt) + seg(0xC0, sof) + seg(0xC4, dht) + seg(0xDA, sos)
            + bytes(out) + b"\xff\xd9")


# ---------------------------------------------------------------- the package

STYLES_COMMON = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph '
    'Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority '
    'w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top '
    'w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" '
    'w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority '
    'w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>'
    '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" '
    'w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right '
    'w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" '
    'w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>'
    '</w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
    '<w:link w:val="HeaderChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab '
    'w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="HeaderChar"><w:name w:val="Header Char"/><w:basedOn '
    'w:val="DefaultParagraphFont"/><w:link w:val="Header"/><w:uiPriority w:val="99"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab '
    'w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>')

STYLES_NOTES = (
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/>'
    '</w:rPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text '
    'Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/>'
    '<w:semiHidden/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn '
    'w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr>'
    '<w:vertAlign w:val="superscript"/></w:rPr></w:style>')

STYLES_LIST = (
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn '
    'w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/>'
    '</w:pPr></w:style>')

STYLES_HEADING = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing '
    'w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:keepLines/><w:spacing w:before="120" w:after="60"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>')


def styles_xml(size=14, font="Times New Roman", after=0, line=240, extra=""):
    f = quoteattr(font)
    return (XML_HEAD + '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="%s" xmlns:w="%s" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=%s w:eastAsia=%s w:hAnsi=%s w:cs=%s/>'
            '<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="%d" w:line="%d" w:lineRule="auto"/>'
            '</w:pPr></w:pPrDefault></w:docDefaults>%s%s</w:styles>'
            % (R, W, f, f, f, f, round(size * 2), round(size * 2), after, line, STYLES_COMMON, extra))


def settings_xml(footnotes=False, extra=""):
    notes = ('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
             '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>') if footnotes else ""
    return (XML_HEAD + '<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="%s" '
            'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
            'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
            'xmlns:w="%s" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
            '<w:zoom w:percent="100"/>%s<w:defaultTabStop w:val="720"/><w:characterSpacingControl '
            'w:val="doNotCompress"/>%s<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/><w:compatSetting '
            'w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="1"/><w:compatSetting w:name="enableOpenTypeFeatures" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting '
            'w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat><w:themeFontLang w:val="vi-VN"/><w:clrSchemeMapping w:bg1="light1" w:t1="dark1" '
            'w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" '
            'w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
            'w:followedHyperlink="followedHyperlink"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
            '</w:settings>' % (R, W, extra, notes))


FONT_INFO = {
    "Times New Roman": ("00000500000000000000", "roman", "variable", "02020603050405020304",
                        "E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"),
    "Arial": ("00000500000000000000", "swiss", "variable", "020B0604020202020204",
              "E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"),
    "Tahoma": ("00000500000000000000", "swiss", "variable", "020B0604030504040204",
               "E1002EFF", "C000605B", "00000029", "00000000", "000101FF", "00000000"),
    "Calibri": ("00000500000000000000", "swiss", "variable", "020F0502020204030204",
                "E4002EFF", "C000247B", "00000009", "00000000", "000001FF", "00000000"),
    "Symbol": ("02", "roman", "variable", "05050102010706020507", "00000000", "10000000", "00000000",
               "00000000", "80000000", "00000000"),
    "Wingdings": ("02", "auto", "variable", "05000000000000000000", "00000000", "10000000", "00000000",
                  "00000000", "80000000", "00000000"),
    "Courier New": ("00000500000000000000", "modern", "fixed", "02070309020205020404",
                    "E0002EFF", "C0007843", "00000009", "00000000", "000001FF", "00000000"),
}


def font_table_xml(fonts):
    out = []
    for name in fonts:
        if name in FONT_INFO:
            cs, fam, pitch, panose, *sig = FONT_INFO[name]
            out.append('<w:font w:name=%s><w:panose1 w:val="%s"/><w:charset w:val="%s"/><w:family w:val="%s"/>'
                       '<w:pitch w:val="%s"/><w:sig w:usb0="%s" w:usb1="%s" w:usb2="%s" w:usb3="%s" w:csb0="%s" '
                       'w:csb1="%s"/></w:font>' % (quoteattr(name), panose, cs[:2], fam, pitch, *sig))
        else:  # a font Word does not know the details of (legacy Vietnamese fonts)
            out.append('<w:font w:name=%s><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch '
                       'w:val="variable"/></w:font>' % quoteattr(name))
    return (XML_HEAD + '<w:fonts xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="%s" xmlns:w="%s" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">%s</w:fonts>'
            % (R, W, "".join(out)))


THEME = (
    XML_HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
    '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2>'
    '<a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr '
    'val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr '
    'val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr '
    'val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr '
    'val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin '
    'typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin '
    'typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme '
    'name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill>'
    '<a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '</a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
    '<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill>'
    '<a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle>'
    '<a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>'
    '</a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml."


class Package:
    """A Word document being assembled: add parts, then save()."""

    def __init__(self, title, size=14, font="Times New Roman", styles_extra="", fonts=("Times New Roman",),
                 after=0, line=240):
        self.title = title
        self.styles = styles_xml(size, font, after, line, styles_extra)
        self.fonts = list(fonts)
        self.body = []
        self.ids = Ids()
        self.rels = []            # (rId, type, target)
        self.parts = {}           # name -> bytes/str
        self.overrides = {}       # part name -> content type
        self.defaults = {}        # extension -> content type
        self.numbering = None
        self.footnotes = None
        self.settings_extra = ""

    def rel(self, kind, target):
        rid = "rId%d" % (len(self.rels) + 10)
        self.rels.append((rid, kind, target))
        return rid

    def add(self, *xml):
        self.body.extend(xml)

    def header(self, xml, kind="header"):
        n = sum(1 for k in self.parts if k.startswith("word/" + kind)) + 1
        name = "%s%d.xml" % (kind, n)
        root = "hdr" if kind == "header" else "ftr"
        self.parts["word/" + name] = XML_HEAD + "<w:%s %s>%s</w:%s>" % (root, ROOT_NS, xml, root)
        self.overrides["/word/" + name] = CT_MAIN + kind + "+xml"
        return self.rel(REL + kind, name)

    def footer(self, xml):
        return self.header(xml, "footer")

    def image(self, data, ext, rels_of=None):
        """Adds a media part; returns its rId in document.xml.rels (or in rels_of's rels when given)."""
        n = sum(1 for k in self.parts if k.startswith("word/media/")) + 1
        name = "media/image%d.%s" % (n, ext)
        self.parts["word/" + name] = data
        self.defaults[ext] = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}[ext]
        if rels_of:
            return rels_of(REL + "image", name)
        return self.rel(REL + "image", name)

    def part_rels(self, part):
        """A relationship collector for a header part: returns add(kind, target) -> rId."""
        store = self.parts.setdefault("word/_rels/%s.rels" % part, [])

        def add(kind, target):
            rid = "rId%d" % (len(store) + 1)
            store.append((rid, kind, target))
            return rid
        return add

    def set_numbering(self, xml):
        self.numbering = xml

    def set_footnotes(self, notes):
        """notes: list of (id, paragraphs XML) — the separators are added as Word writes them."""
        sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
               'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
        self.footnotes = sep + "".join('<w:footnote w:id="%d">%s</w:footnote>' % n for n in notes)

    def _rels_xml(self, rels):
        return (XML_HEAD + '<Relationships xmlns="%s">%s</Relationships>'
                % (PKG_R, "".join('<Relationship Id="%s" Type="%s" Target="%s"/>' % x for x in rels)))

    def save(self, path, sect):
        rels = [("rId1", REL + "styles", "styles.xml"), ("rId2", REL + "settings", "settings.xml"),
                ("rId3", REL + "webSettings", "webSettings.xml"), ("rId4", REL + "fontTable", "fontTable.xml"),
                ("rId5", REL + "theme", "theme/theme1.xml")]
        ov = {"/word/document.xml": CT_MAIN + "document.main+xml", "/word/styles.xml": CT_MAIN + "styles+xml",
              "/word/settings.xml": CT_MAIN + "settings+xml", "/word/webSettings.xml": CT_MAIN + "webSettings+xml",
              "/word/fontTable.xml": CT_MAIN + "fontTable+xml",
              "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
              "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
              "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml"}
        parts = {}
        if self.numbering:
            rels.append(("rId6", REL + "numbering", "numbering.xml"))
            ov["/word/numbering.xml"] = CT_MAIN + "numbering+xml"
            parts["word/numbering.xml"] = (
                XML_HEAD + "<w:numbering %s>%s</w:numbering>" % (ROOT_NS, self.numbering))
        if self.footnotes:
            rels.append(("rId7", REL + "footnotes", "footnotes.xml"))
            rels.append(("rId8", REL + "endnotes", "endnotes.xml"))
            ov["/word/footnotes.xml"] = CT_MAIN + "footnotes+xml"
            ov["/word/endnotes.xml"] = CT_MAIN + "endnotes+xml"
            parts["word/footnotes.xml"] = XML_HEAD + "<w:footnotes %s>%s</w:footnotes>" % (ROOT_NS, self.footnotes)
            parts["word/endnotes.xml"] = (
                XML_HEAD + '<w:endnotes %s><w:endnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing '
                'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:endnote>'
                '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
                'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>'
                '</w:endnotes>' % ROOT_NS)
        rels += self.rels
        ov.update(self.overrides)
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        defaults.update(self.defaults)
        ct = (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">%s%s</Types>'
              % ("".join('<Default Extension="%s" ContentType="%s"/>' % kv for kv in sorted(defaults.items())),
                 "".join('<Override PartName="%s" ContentType="%s"/>' % kv for kv in sorted(ov.items()))))
        root_rels = [("rId3", REL + "extended-properties", "docProps/app.xml"),
                     ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml"), ("rId1", REL + "officeDocument", "word/document.xml")]
        core = (XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/'
                'terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/'
                'XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>hoso fixtures</dc:creator>'
                '<cp:lastModifiedBy>hoso fixtures</cp:lastModifiedBy><cp:revision>1</cp:revision>'
                '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created>'
                '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:modified>'
                '</cp:coreProperties>' % escape(self.title))
        app = (XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
               'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
               '<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>Microsoft Office Word'
               '</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false'
               '</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
               '<AppVersion>16.0000</AppVersion></Properties>')
        document = XML_HEAD + "<w:document %s><w:body>%s%s</w:body></w:document>" % (ROOT_NS, "".join(self.body), sect)
        web = (XML_HEAD + '<w:webSettings xmlns:r="%s" xmlns:w="%s"><w:optimizeForBrowser/><w:allowPNG/>'
               '</w:webSettings>' % (R, W))
        parts.update({"[Content_Types].xml": ct, "_rels/.rels": self._rels_xml(root_rels),
                      "docProps/core.xml": core, "docProps/app.xml": app, "word/document.xml": document,
                      "word/_rels/document.xml.rels": self._rels_xml(rels), "word/styles.xml": self.styles,
                      "word/settings.xml": settings_xml(bool(self.footnotes), self.settings_extra),
                      "word/webSettings.xml": web, "word/fontTable.xml": font_table_xml(self.fonts),
                      "word/theme/theme1.xml": THEME})
        for k, v in self.parts.items():
            parts[k] = self._rels_xml(v) if isinstance(v, list) else v
        order = ["[Content_Types].xml", "_rels/.rels"] + sorted(k for k in parts if k.startswith("word/")) + \
                sorted(k for k in parts if k.startswith("docProps/"))
        with zipfile.ZipFile(path, "w") as z:
            for name in order:
                data = parts[name]
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_STORED if name.startswith("word/media/") else zipfile.ZIP_DEFLATED
                info.create_system = 0
                z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))
