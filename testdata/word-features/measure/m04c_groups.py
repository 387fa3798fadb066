#!/usr/bin/env python3
"""Item 4: groups of shapes (wpg:wgp, Word 2010 and later, in mc:AlternateContent with a VML v:group
fallback) in LibreOffice 7.4: where the group's lines and text box land, with the children's coordinates
equal to the group's (chExt = ext) and scaled (chExt = 2 × ext).

A group 200 × 50 pt anchored at (column + 50 pt, paragraph + 20 pt) in the paragraph whose top is at
84.8 pt (m04's anchor paragraph): a line from child (0, 0), 100 long; a line from child (100, 50), 100
long; a 100 × 30 text box "Hộp" at child (100, 0), its bodyPr empty (and, last, with Word's default insets
written out)."""
from lo import build, header, lines, strokes
from docxkit import A_NS, p, r

EMU = 12700  # per pt


def group(ids, scale, body="<wps:bodyPr/>"):
    n = ids.next()
    cx, cy = 200 * EMU, 50 * EMU

    def sp(x, y, w, h, geom, extra=""):
        return ('<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
                '<a:prstGeom prst="%s"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/>'
                '</a:solidFill></a:ln></wps:spPr>%s%s</wps:wsp>'
                % (x * scale * EMU, y * scale * EMU, w * scale * EMU, h * scale * EMU, geom, extra, body))
    box = ('<wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>Hộp</w:t></w:r></w:p>'
           '</w:txbxContent></wps:txbx>')
    children = sp(0, 0, 100, 0, "line") + sp(100, 50, 100, 0, "line") + sp(100, 0, 100, 30, "rect", box)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
            'distR="0" simplePos="0" relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>%d</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>%d</wp:posOffset></wp:positionV>'
            '<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="%d" name="Group %d"/><wp:cNvGraphicFramePr/><a:graphic %s><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp><wpg:cNvGrpSpPr/>'
            '<wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/><a:chOff x="0" y="0"/>'
            '<a:chExt cx="%d" cy="%d"/></a:xfrm></wpg:grpSpPr>%s</wpg:wgp></a:graphicData></a:graphic></wp:anchor>'
            '</w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>'
            % (n[2], 50 * EMU, 20 * EMU, cx, cy, n[0], n[0], A_NS, cx, cy, cx * scale, cy * scale, children))


def case(scale, body="<wps:bodyPr/>"):
    def blocks(d):
        return (p(r("Đoạn trước", sz=14), before=240) + p(r("Đoạn neo", sz=14), group(d.ids, scale, body), before=240,
                                                           ind={"left": 567}) + p(r("Đoạn sau", sz=14)))
    return [blocks]


header("m04c. a group of two lines and a text box at (column + 50, paragraph + 20) = (135.05, 104.8)")
pages = build({"unscaled": case(1), "scaled": case(2),
               "insets": case(1, '<wps:bodyPr lIns="91440" tIns="45720" rIns="91440" bIns="45720"/>')})
for name, pg in pages.items():
    pg = pg[0]
    print(name)
    for s in sorted(set((round(a[2], 2), round(a[3], 2), round(a[4], 2), round(a[5], 2), a[1]) for a in strokes(pg))):
        print("   stroke x %.2f–%.2f y %.2f–%.2f lw %.2f" % (min(s[0], s[2]), max(s[0], s[2]), min(s[1], s[3]),
                                                          max(s[1], s[3]), s[4]))
    print("   text", [(round(y, 2), round(g[0]["x"], 2)) for y, t, g in lines(pg) if t.strip() == "Hộp"])
