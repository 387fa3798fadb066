#!/usr/bin/env python3
"""Writes the DOCX fixtures of issue 17 (Word features hoso must draw), one or more per item.

Usage:  python3 make_fixtures.py [--lo] [OUTDIR]     (default: the folder of this script)

--lo also re-saves every fixture with LibreOffice (soffice --convert-to "docx:MS Word 2007 XML") into
OUTDIR/lo/: LibreOffice's own DOCX writing of the same documents, as a maintainer's edit in LibreOffice
leaves them. Their zip entries get fixed dates, paragraph properties are put back in schema order and an
empty duplicate <w:pBdr></w:pBdr> is dropped (LibreOffice 7.4 writes w:framePr after w:rPr, w:pStyle
after w:sectPr, and an empty w:pBdr before the real one in a framed paragraph, which the ISO schema and
Word's strict reader reject); nothing else is changed.

Every fixture is a short (1–3 page) Vietnamese administrative document on A4 with NĐ 30 margins
(top/bottom 20 mm, left 30 mm, right 20 mm), Times New Roman 13–14 pt, written as Microsoft Word
2016 writes WordprocessingML (docxkit.py): mc:AlternateContent with a VML fallback for shapes,
wp:anchor/wp:inline for pictures, numbering.xml with nine levels per list, footnotes.xml with
its separators. The same call gives the same bytes (fixed zip dates, no random ids).
Standard library only. The measurements made on them are in internal/pdf/internal/layout/WORD-FEATURES.md.
"""
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from docxkit import (NO_BORDERS, Package, STYLES_HEADING, STYLES_LIST, STYLES_NOTES, all_borders,
                     anchored_picture, border, inline_picture, jpeg, line_shape, p, png, r, rx, sect_pr,
                     tbl, tc, text_box, tr, vml_line)

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT_W = 11906 - 1701 - 1134          # 9071 tw: the text column of every fixture
HEAD_GRID = [3555, 5516]              # agency | quốc hiệu: 5516 − 216 tw of cell margins = 265 pt

SENT = [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2025 của Ủy ban nhân dân phường về tổ chức phong "
    "trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025, các cơ quan, đơn vị, tổ dân phố đã triển khai "
    "sâu rộng, thu hút đông đảo cán bộ, công chức và Nhân dân tham gia.",
    "Qua bình xét, Hội đồng Thi đua - Khen thưởng phường đã lựa chọn những tập thể, cá nhân có thành tích "
    "xuất sắc, tiêu biểu, được quần chúng tín nhiệm để đề nghị cấp trên xem xét khen thưởng theo quy định "
    "của Luật Thi đua, khen thưởng năm 2022.",
    "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 99,6%; việc tiếp nhận và trả kết quả qua "
    "dịch vụ bưu chính công ích được triển khai rộng rãi, góp phần giảm thời gian đi lại của người dân.",
    "Bên cạnh những kết quả đạt được, công tác thi đua, khen thưởng vẫn còn một số hạn chế như: việc phát "
    "hiện, bồi dưỡng điển hình tiên tiến chưa thường xuyên, hồ sơ đề nghị khen thưởng có lúc còn chậm.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách phường năm 2026 theo phân cấp hiện hành và các nguồn "
    "kinh phí hợp pháp khác, bảo đảm tiết kiệm, hiệu quả, đúng quy định của pháp luật.",
    "Ủy ban nhân dân phường giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường chủ trì, phối hợp "
    "với các đơn vị liên quan theo dõi, đôn đốc, tổng hợp tình hình thực hiện và báo cáo định kỳ hằng quý.",
]

NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc", "Phạm Minh Tuấn", "Võ Thị Thu Hà",
         "Đặng Quốc Việt", "Huỳnh Thanh Tâm", "Bùi Thị Kim Oanh", "Đỗ Văn Long", "Hồ Ngọc Ánh",
         "Ngô Thị Mỹ Linh", "Dương Văn Khoa", "Lý Thị Hồng Nhung", "Vũ Đức Thắng", "Trương Thị Lan",
         "Phan Văn Hùng", "Tạ Thị Thanh Xuân", "Châu Minh Khang", "Mai Thị Phương", "La Văn Đức"]

ACH = ["Hoàn thành xuất sắc nhiệm vụ năm 2024 và năm 2025; là Chiến sĩ thi đua cơ sở hai năm liền.",
       "Có sáng kiến “Số hóa hồ sơ hộ tịch” được áp dụng tại phường, rút ngắn 30% thời gian giải quyết.",
       "Tích cực vận động Nhân dân hiến đất mở rộng hẻm 12, đóng góp 120 ngày công lao động.",
       "Hoàn thành tốt nhiệm vụ.",
       "Tổ trưởng tổ dân phố 7: vận động 100% hộ gia đình đăng ký gia đình văn hóa; không có tội phạm, tệ "
       "nạn xã hội trên địa bàn; hoàn thành chỉ tiêu thu quỹ “Vì người nghèo” vượt 25%; tổ chức tốt các "
       "hoạt động văn hóa, thể thao nhân dịp Tết Nguyên đán và Quốc khánh 2/9."]


def sz(points, **kw):
    return dict(sz=points, **kw)


def body(text, **kw):
    """A body paragraph: 14 pt, justified, first line 1 cm, 6 pt before, 1.15 lines (the templates' body)."""
    props = dict(jc="both", before=120, line=276, ind={"firstLine": 567})
    props.update(kw)
    if isinstance(text, str):
        text = [text if text.startswith("<") else r(text, sz=14)]
    return p(*text, **props)


def centre(text, size=14, before=None, after=None, **rk):
    return p(r(text, sz=size, **rk), jc="center", before=before, after=after)


def header_block(top="ỦY BAN NHÂN DÂN", agency="PHƯỜNG TÂN SƠN HÒA", number="Số: 125/QĐ-UBND",
                 place_date="Tân Sơn Hòa, ngày 05 tháng 01 năm 2026", rule="border", ids=None,
                 qh_size=12, qh_spacing=None, agency_spacing=None, extra_left=""):
    """The NĐ 30 header: a borderless 2×2 table, agency | quốc hiệu and tiêu ngữ, Số | place and date.
    rule: 'border' (a short paragraph top border, as the templates do), 'shape' (DrawingML line in
    mc:AlternateContent, as Word users draw it), 'vml' (a bare v:line) or None."""
    name_len = 1850   # tw: the rule under the agency name
    motto_len = 3420  # tw: the rule under the tiêu ngữ, as long as the text
    left = p(r(top, sz=13), jc="center")
    right = p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sz=qh_size, b=True, spacing=qh_spacing), jc="center")
    if rule in ("shape", "vml"):
        draw = line_shape if rule == "shape" else vml_line
        # Word anchors the line in the paragraph above it: x from the cell's column, y from the paragraph.
        x_name = (HEAD_GRID[0] - 216 - name_len) // 2
        x_motto = (HEAD_GRID[1] - 216 - motto_len) // 2
        left += p(r(agency, sz=13, b=True, spacing=agency_spacing), draw(ids, "column", x_name, "paragraph",
                                                                          330, name_len), jc="center")
        right += p(r("Độc lập - Tự do - Hạnh phúc", sz=14, b=True),
                   draw(ids, "column", x_motto, "paragraph", 360, motto_len), jc="center")
        left += p(jc="center", mark=sz(13))
        right += p(jc="center", mark=sz(13))
    else:
        left += p(r(agency, sz=13, b=True, spacing=agency_spacing), jc="center")
        right += p(r("Độc lập - Tự do - Hạnh phúc", sz=14, b=True), jc="center")
        if rule == "border":
            left += p(jc="center", ind={"left": 760, "right": 760}, mark=sz(2),
                      pbdr=[border("top", "single", 6, 1)])
            right += p(jc="center", ind={"left": 832, "right": 832}, mark=sz(2),
                       pbdr=[border("top", "single", 6, 1)])
    left += extra_left
    row1 = tr(tc(left, HEAD_GRID[0]), tc(right, HEAD_GRID[1]))
    row2 = tr(tc(p(r(number, sz=13), jc="center", before=120), HEAD_GRID[0]),
              tc(p(r(place_date, sz=14, i=True), jc="center", before=120), HEAD_GRID[1]))
    return tbl(HEAD_GRID, [row1, row2], borders=NO_BORDERS, look="0000")


def signature_block(recipients=("Như trên;", "UBND Thành phố;", "Lưu: VT, VP."), role="TM. ỦY BAN NHÂN DÂN",
                    title="CHỦ TỊCH", name="Nguyễn Văn Bình", right_extra="", gap=4):
    grid = [4300, 4771]
    left = p(r("Nơi nhận:", sz=12, b=True, i=True), before=240)
    for item in recipients:
        left += p(r("- " + item, sz=11))
    right = p(r(role, sz=14, b=True), jc="center", before=240)
    right += p(r(title, sz=14, b=True), jc="center")
    right += right_extra
    for _ in range(gap):
        right += p(jc="center", mark=sz(14))
    right += p(r(name, sz=14, b=True), jc="center")
    return tbl(grid, [tr(tc(left, grid[0]), tc(right, grid[1]))], borders=NO_BORDERS, look="0000")


def save(pkg, name, outdir, **sect):
    path = os.path.join(outdir, name)
    pkg.save(path, sect_pr(**sect))
    return path


# ---------------------------------------------------------------- 1. character spacing, scale, kern, position

def f01_char_spacing(outdir):
    d = Package("Quyết định khen thưởng (giãn, nén ký tự)")
    # 13 pt quốc hiệu condensed by 0.3 pt: it fits the 265 pt column only condensed (271 pt natural)
    d.add(header_block(qh_size=13, qh_spacing=-6, agency_spacing=-4))
    d.add(p(r("QUYẾT ĐỊNH", sz=14, b=True, spacing=40), jc="center", before=360))
    d.add(p(r("Về việc khen thưởng thành tích trong phong trào thi đua “Dân vận khéo”", sz=14, b=True,
              spacing=-2), jc="center"))
    d.add(p(r("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA, THÀNH PHỐ HCM", sz=14, b=True, w=90),
            jc="center", before=240, after=120))
    d.add(body(r("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                 "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
                 "năm 2019;", sz=14, i=True, spacing=-2), before=60))
    d.add(body(r("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", sz=14, i=True), before=60))
    d.add(body(r("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
                 "một số điều của Luật Thi đua, khen thưởng;", sz=14, i=True, spacing=-4), before=60))
    d.add(body(r("Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng phường tại Tờ trình số 05/TTr-TĐKT.",
                 sz=14, i=True), before=60))
    d.add(p(r("QUYẾT ĐỊNH:", sz=14, b=True, spacing=20), jc="center", before=240, after=120))
    d.add(body([r("Điều 1. ", sz=14, b=True),
                r("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường cho ", sz=14),
                r("05 tập thể và 12 cá nhân", sz=14, b=True, spacing=10),
                r(" đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025 "
                  "(có danh sách kèm theo). " + SENT[1], sz=14)]))
    d.add(body([r("Điều 2. ", sz=14, b=True),
                r("Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng 1.000.000 đồng; mỗi cá nhân được tặng "
                  "Giấy khen kèm theo tiền thưởng 500.000 đồng. Kinh phí khen thưởng chi từ Quỹ Thi đua, khen "
                  "thưởng của phường năm 2026. ", sz=14),
                r("AVAWAY Tờ Võ Văn Tấn, Yên Vũ, WAVE: cặp chữ được bật kerning (w:kern).", sz=14, kern=14)]))
    d.add(body([r("Điều 3. ", sz=14, b=True),
                r("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, ", sz=14),
                r("Trưởng Ban Thi đua - Khen thưởng", sz=14, w=80),
                r(", các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này. Mức "
                  "thưởng", sz=14), r("(1)", sz=14, position=3), r(" ghi ở Điều 2; chữ hạ thấp", sz=14),
                r("(2)", sz=14, position=-3), r(" dùng w:position. ", sz=14),
                r("Chữ kéo giãn 150%", sz=14, w=150), r(" và chữ nén mạnh", sz=14),
                r(" Ban Thi đua - Khen thưởng", sz=14, spacing=-10), r(".", sz=14)]))
    d.add(signature_block(recipients=("Như Điều 3;", "Thường trực Đảng ủy phường;", "Lưu: VT, TĐKT."),
                          title="CHỦ TỊCH"))
    return save(d, "01-char-spacing.docx", outdir)


# ---------------------------------------------------------------- 2. superscript and subscript

def f02_vert_align(outdir):
    d = Package("Báo cáo thành tích (chỉ số trên, chỉ số dưới)")
    d.add(header_block(top="UBND PHƯỜNG TÂN SƠN HÒA", agency="TRƯỜNG TH LÊ VĂN THỌ",
                       number="", place_date="Tân Sơn Hòa, ngày 12 tháng 01 năm 2026"))
    d.add(p(r("BÁO CÁO THÀNH TÍCH", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", sz=14, b=True),
            r("(1)", sz=14, b=True, vert="superscript"), jc="center", after=240))
    d.add(p(r("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", sz=14, b=True), before=120, ind={"firstLine": 567}))
    sup = lambda t: r(t, sz=14, vert="superscript")
    sub = lambda t: r(t, sz=14, vert="subscript")
    t = lambda s: r(s, sz=14)
    d.add(body([t("Trường Tiểu học Lê Văn Thọ được thành lập năm 1985, có diện tích khuôn viên 8.450 m"), sup("2"),
                t(", trong đó diện tích sân chơi, bãi tập 3.200 m"), sup("2"),
                t(" và diện tích cây xanh 1.150 m"), sup("2"), t("; tổng khối tích các phòng học đạt 12.600 m"),
                sup("3"), t(". Nhà trường có 42 lớp với 1.615 học sinh"), sup("(2)"),
                t(", 68 cán bộ, giáo viên, nhân viên; 100% giáo viên đạt chuẩn trình độ đào tạo"), sup("(3)"),
                t(".")]))
    d.add(body([t("Hệ thống xử lý nước thải đạt chuẩn, lượng khí CO"), sub("2"),
                t(" phát thải giảm 18% nhờ lắp đặt 120 tấm pin mặt trời; nước uống H"), sub("2"),
                t("O được kiểm nghiệm định kỳ, chỉ số NO"), sub("3"), t(" và NH"), sub("4"),
                t(" đều dưới ngưỡng cho phép. Vốn đầu tư cơ sở vật chất đạt 2,5 × 10"), sup("9"),
                t(" đồng, trong đó xã hội hóa 1,2 × 10"), sup("9"), t(" đồng.")]))
    d.add(p(r("II. THÀNH TÍCH ĐẠT ĐƯỢC", sz=14, b=True), before=120, ind={"firstLine": 567}))
    for k in range(3):
        d.add(body([t(SENT[k] + " Kết quả xếp loại năm học 2024 - 2025"), sup("(%d)" % (k + 4)),
                    t(" đạt mức “Hoàn thành xuất sắc”; hiệu suất đào tạo đạt 99,8%"), sup("*"),
                    t(". " + SENT[k + 3])]))
    sm = lambda s, **k: r(s, sz=13, **k)
    grid = [700, 3871, 1500, 1500, 1500]
    hdr = tr(*[tc(p(sm(h, b=True), *extra, jc="center"), w) for (h, extra), w in zip(
        [("STT", ()), ("Hạng mục", ()), ("Diện tích (m", (sm("2", b=True, vert="superscript"), sm(")", b=True))),
         ("Năm 2024", ()), ("Năm 2025", ())], grid)], header=True)
    rows = [hdr]
    for k, (name, a, b1, b2) in enumerate([("Phòng học", "4.200", "38", "42"), ("Phòng bộ môn", "1.050", "6", "8"),
                                           ("Thư viện", "320", "1", "1"), ("Nhà thể chất", "900", "0", "1")]):
        rows.append(tr(tc(p(sm(str(k + 1)), jc="center"), grid[0]), tc(p(sm(name)), grid[1]),
                       tc(p(sm(a), jc="center"), grid[2]), tc(p(sm(b1), jc="center"), grid[3]),
                       tc(p(sm(b2), sm("(a)", vert="superscript"), jc="center"), grid[4])))
    d.add(p(before=120, mark=sz(14)))
    d.add(tbl(grid, rows, borders=all_borders(), style="TableGrid"))
    d.add(p(r("Ghi chú: ", sz=12, b=True, i=True), r("(1)", sz=12, i=True, vert="superscript"),
            r(" hình thức đề nghị; ", sz=12, i=True), r("(2)", sz=12, i=True, vert="superscript"),
            r(" số liệu đến ngày 31/12/2025; ", sz=12, i=True), r("*", sz=12, i=True, vert="superscript"),
            r(" theo Thông tư 27/2020/TT-BGDĐT.", sz=12, i=True), before=120, jc="both"))
    d.add(signature_block(recipients=("Phòng Văn hóa - Xã hội;", "Lưu: VT."), role="", title="HIỆU TRƯỞNG",
                          name="Trần Thị Mai"))
    return save(d, "02-vert-align.docx", outdir)


# ---------------------------------------------------------------- 3. table borders, shading, vMerge

def _cell_text(text, size=13, b=False, jc=None, **k):
    return p(r(text, sz=size, b=b), jc=jc, **k)


def excel_table(rows_data, grid, header_fill="D9D9D9", total_fill="F2F2F2"):
    """A table pasted from Excel: no table borders; each cell carries its own, interior cells with
    top="nil" and left="nil" (the rule comes from the upper row's bottom and the left cell's right)."""
    rows = []
    n = len(rows_data)
    for ri, cells in enumerate(rows_data):
        out = []
        for ci, text in enumerate(cells):
            bd = [border("top", "single", 4) if ri == 0 else border("top", "nil"),
                  border("left", "single", 4) if ci == 0 else border("left", "nil"),
                  border("bottom", "single", 4), border("right", "single", 4)]
            fill = header_fill if ri == 0 else (total_fill if ri == n - 1 else None)
            out.append(tc(_cell_text(text, 12, b=ri in (0, n - 1), jc="center" if ci != 1 else None),
                          grid[ci], borders=bd, shd=fill, valign="center"))
        rows.append(tr(*out, height=360))
    return tbl(grid, rows, borders=None, look="04A0", cellmar=(("left", 108), ("right", 108)))


def f03_table_borders(outdir):
    d = Package("Bảng tổng hợp (viền bảng, màu, tô nền, gộp ô)")
    d.add(header_block(number="Số: 18/BC-UBND"))
    d.add(p(r("BÁO CÁO", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Kết quả phong trào thi đua năm 2025", sz=14, b=True), jc="center", after=120))
    d.add(body("Bảng 1 được dán từ Excel: mỗi ô có viền riêng, viền trên của các hàng dưới là “nil” nên đường "
               "kẻ giữa hai hàng lấy từ viền dưới của hàng trên."))
    data = [["STT", "Đơn vị", "Số hộ", "Đạt chuẩn", "Tỷ lệ"]]
    for k, unit in enumerate(["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 5", "Khu phố 6"]):
        a = 410 + 37 * k
        b = a - 9 - 3 * k
        data.append([str(k + 1), unit, str(a), str(b), ("%.1f%%" % (100 * b / a)).replace(".", ",")])
    data.append(["", "Tổng cộng", "2.015", "1.942", "96,4%"])
    d.add(excel_table(data, [700, 3371, 1600, 1700, 1700]))
    d.add(body("Bảng 2 có viền ngoài đậm màu xanh, đường kẻ ngang màu đỏ, một đường kẻ trắng và các ô tô "
               "nền; hai ô kề nhau có viền khác bề dày (cái dày hơn thắng) và khác kiểu (đôi và đơn)."))
    g = [2600, 2200, 2200, 2071]
    outer = [border("top", "single", 12, 0, "1F3864"), border("left", "single", 12, 0, "1F3864"),
             border("bottom", "single", 12, 0, "1F3864"), border("right", "single", 12, 0, "1F3864"),
             border("insideH", "single", 4, 0, "FF0000"), border("insideV", "single", 4, 0, "auto")]
    rows = [tr(*[tc(_cell_text(h, 13, b=True, jc="center"), w, shd="1F3864" if i == 0 else "BDD7EE")
                 for i, (h, w) in enumerate(zip(["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"], g))],
               header=True),
            tr(tc(_cell_text("Thu ngân sách (tỷ đồng)"), g[0]), tc(_cell_text("12,5", jc="center"), g[1]),
               tc(_cell_text("13,1", jc="center"), g[2], borders=[border("bottom", "single", 12, 0, "auto")]),
               tc(_cell_text("Vượt", jc="center"), g[3], shd="E2EFDA")),
            tr(tc(_cell_text("Hộ nghèo giảm (hộ)"), g[0], borders=[border("bottom", "single", 4, 0, "FFFFFF")]),
               tc(_cell_text("25", jc="center"), g[1], borders=[border("bottom", "double", 4, 0, "auto")]),
               tc(_cell_text("31", jc="center"), g[2], borders=[border("top", "single", 4, 0, "auto")]),
               tc(_cell_text("Vượt", jc="center"), g[3], shd="E2EFDA")),
            tr(tc(_cell_text("Trẻ em đến trường (%)"), g[0]), tc(_cell_text("100", jc="center"), g[1],
                                                                   borders=[border("top", "single", 4, 0, "auto")]),
               tc(_cell_text("99,7", jc="center"), g[2]), tc(_cell_text("Chưa đạt", jc="center"), g[3],
                                                            shd="FFFF00"))]
    # the header row's text is white on the dark fill
    rows[0] = rows[0].replace('<w:b/><w:bCs/>', '<w:b/><w:bCs/><w:color w:val="FFFFFF"/>', 1)
    d.add(tbl(g, rows, borders=outer, look="04A0"))
    d.add(body("Bảng 3 có ô gộp theo chiều dọc (vMerge) căn giữa theo chiều dọc qua ba hàng và ô gộp hai "
               "hàng căn dưới."))
    g3 = [700, 2400, 4171, 1800]
    tb = all_borders()

    def c(text, w, **k):
        return tc(_cell_text(text, 13, jc="center" if w != g3[2] else None), w, **k)
    rows3 = [tr(c("STT", g3[0]), c("Đơn vị", g3[1]), c("Nội dung", g3[2]), c("Kết quả", g3[3]), header=True),
             tr(c("1", g3[0]), tc(_cell_text("Khu phố 1", 13, jc="center"), g3[1], vmerge="restart",
                                  valign="center"),
                c("Vận động hiến đất mở hẻm", g3[2]), c("Đạt", g3[3])),
             tr(c("2", g3[0]), tc(None, g3[1], vmerge="continue", valign="center"),
                c("Xây dựng tuyến đường văn minh, sạch đẹp, có cây xanh và đèn chiếu sáng", g3[2]), c("Đạt", g3[3])),
             tr(c("3", g3[0]), tc(None, g3[1], vmerge="continue", valign="center"),
                c("Mô hình “Camera an ninh”", g3[2]), c("Vượt", g3[3])),
             tr(c("4", g3[0]), tc(_cell_text("Khu phố 2", 13, jc="center"), g3[1], vmerge="restart",
                                  valign="bottom"),
                c("Tổ chức ngày hội đại đoàn kết toàn dân tộc, thu hút trên 500 người tham gia", g3[2]),
                c("Đạt", g3[3])),
             tr(c("5", g3[0]), tc(None, g3[1], vmerge="continue", valign="bottom"),
                c("Quỹ khuyến học", g3[2]), c("Đạt", g3[3]))]
    d.add(tbl(g3, rows3, borders=tb, style="TableGrid"))
    d.add(p(r("Tân Sơn Hòa, ngày 05 tháng 01 năm 2026", sz=14, i=True), jc="right", before=240))
    return save(d, "03-table-borders.docx", outdir)


def f03b_long_table(outdir):
    d = Package("Danh sách đề nghị khen thưởng (bảng dài qua trang)")
    d.add(p(r("DANH SÁCH", sz=14, b=True), jc="center"))
    d.add(p(r("Tập thể, cá nhân đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường", sz=14, b=True),
            jc="center"))
    d.add(p(r("(Kèm theo Tờ trình số 05/TTr-UBND ngày 05 tháng 01 năm 2026)", sz=14, i=True), jc="center",
            after=240))
    g = [800, 2500, 2071, 2500, 1200]

    def cell(text, w, center=False, bold=False):
        return tc(p(r(text, sz=13, b=bold), jc="center" if center else None), w)
    rows = [tr(*[cell(h, w, True, True) for h, w in zip(["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích",
                                                         "Ghi chú"], g)], header=True, cant_split=True),
            tr(*[tc(p(r("(%d)" % (k + 1), sz=12, i=True), jc="center"), w) for k, w in enumerate(g)],
               header=True)]
    units = ["Công chức Văn phòng - Thống kê", "Tổ trưởng Tổ dân phố 7", "Phó Chủ tịch Hội Phụ nữ phường",
             "Công an phường", "Giáo viên Trường Tiểu học Lê Văn Thọ", "Bí thư Đoàn phường"]
    for k in range(18):
        ach = ACH[k % len(ACH)]
        if k == 9:   # a row much taller than the room left on page 1: it splits
            ach = ACH[4] + " " + ACH[1]
        row = tr(cell(str(k + 1), g[0], True), cell(NAMES[k % len(NAMES)], g[1]),
                 cell(units[k % len(units)], g[2]), cell(ach, g[3]),
                 cell("Tái đề nghị" if k % 7 == 3 else "", g[4], True),
                 cant_split=(k == 13))
        rows.append(row)
    d.add(tbl(g, rows, borders=all_borders(), style="TableGrid"))
    d.add(p(r("Danh sách này có 18 cá nhân./.", sz=14, i=True), before=120))
    return save(d, "03b-long-table.docx", outdir)


# ---------------------------------------------------------------- 4. shapes, lines, text boxes

def f04_shapes(outdir):
    d = Package("Công văn (đường kẻ bằng hình vẽ, hộp văn bản DỰ THẢO)")
    ids = d.ids
    stamp = text_box(ids, "margin", 7171, "page", 227, 1900, 560,
                     p(r("DỰ THẢO", sz=14, b=True), jc="center"), line_pt=1.5)
    d.add(p(stamp, mark=sz(2)))
    d.add(header_block(number="Số: 37/UBND-VP", rule="shape", ids=ids,
                       extra_left=p(r("V/v đề nghị xác nhận nghĩa vụ thuế", sz=12), jc="center", before=120)))
    d.add(p(r("Kính gửi: Thuế cơ sở 3 Thành phố Hồ Chí Minh.", sz=14), jc="center", before=360, after=120))
    d.add(body(SENT[0]))
    photo = text_box(ids, "column", 0, "paragraph", 120, 1701, 2268,
                     p(r("Ảnh", sz=12), jc="center", before=600) + p(r("(3 x 4 cm)", sz=12), jc="center"),
                     line_pt=0.5, wrap='<wp:wrapSquare wrapText="bothSides"/>')
    d.add(body([photo, r("Ô ảnh bên trái là một hộp văn bản neo vào đoạn này (neo theo cột và đoạn, bao chữ "
                         "hình vuông), chữ của đoạn chạy vòng bên phải nó như ô ảnh của sơ yếu lý lịch. ", sz=14),
                r(SENT[2] + " " + SENT[1], sz=14)]))
    note = text_box(ids, "column", 0, "paragraph", 80, TEXT_W, 900,
                    p(r("Ghi chú: ", sz=12, b=True, i=True),
                      r("hộp văn bản này bao chữ kiểu trên-dưới (wrapTopAndBottom), nên đoạn sau nó bị đẩy "
                        "xuống bằng chiều cao của hộp.", sz=12, i=True), jc="both"),
                    line_pt=0.5, wrap="<wp:wrapTopAndBottom/>")
    d.add(body([note, r(SENT[3], sz=14)]))
    box = text_box(ids, "column", -108, "paragraph", -60, 9287, 1380, "", line_pt=0.75, behind=True)
    d.add(body([box, r("Khung chữ nhật không có chữ vẽ quanh đoạn này (nằm sau chữ). " + SENT[5], sz=14)]))
    d.add(signature_block(recipients=("Như trên;", "Lưu: VT, VP."), title="CHỦ TỊCH"))
    return save(d, "04-shapes.docx", outdir)


def f04b_shapes_vml(outdir):
    d = Package("Công văn (đường kẻ VML như Word 2003–2007)")
    ids = d.ids
    stamp = text_box(ids, "margin", 7171, "page", 227, 1900, 560, p(r("DỰ THẢO", sz=14, b=True), jc="center"),
                     line_pt=1.5, vml_only=True)
    d.add(p(stamp, mark=sz(2)))
    d.add(header_block(number="Số: 38/UBND-VP", rule="vml", ids=ids))
    d.add(p(r("THÔNG BÁO", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Về việc tổ chức Hội nghị biểu dương điển hình tiên tiến năm 2026", sz=14, b=True), jc="center"))
    line_title = vml_line(ids, "column", 3535, "paragraph", 80, 2000)
    d.add(p(line_title, jc="center", mark=sz(6), after=240))
    for k in range(4):
        d.add(body(SENT[k]))
    d.add(signature_block(recipients=("Như trên;", "Lưu: VT."), title="CHỦ TỊCH"))
    return save(d, "04b-shapes-vml.docx", outdir)


# ---------------------------------------------------------------- 5. footnotes

def f05_footnotes(outdir):
    styles = STYLES_NOTES.replace('<w:sz w:val="20"/><w:szCs w:val="20"/>', '<w:sz w:val="24"/><w:szCs w:val="24"/>')
    d = Package("Tờ trình (chú thích cuối trang)", styles_extra=styles)
    ref = lambda n: rx('<w:footnoteReference w:id="%d"/>' % n, style="FootnoteReference", sz=14)

    def note(text):
        return p(rx("<w:footnoteRef/>", style="FootnoteReference"), r(" " + text), style="FootnoteText",
                 jc="both")
    d.set_footnotes([
        (1, note("Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội khóa XV thông qua ngày 15 tháng 6 năm "
                 "2022, có hiệu lực từ ngày 01 tháng 01 năm 2024.")),
        (2, note("Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số "
                 "điều của Luật Thi đua, khen thưởng, thay thế Nghị định số 98/2023/NĐ-CP; các hồ sơ đã nộp "
                 "trước ngày Nghị định có hiệu lực tiếp tục được xét theo quy định cũ, trừ trường hợp quy định "
                 "mới có lợi hơn cho đối tượng được khen thưởng.")),
        (3, note("Số liệu do Văn phòng - Thống kê phường tổng hợp đến ngày 31 tháng 12 năm 2025.")),
    ])
    d.add(header_block(number="Số: 05/TTr-UBND"))
    d.add(p(r("TỜ TRÌNH", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", sz=14, b=True),
            jc="center", after=240))
    d.add(p(r("Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh.", sz=14), jc="center", after=120))
    d.add(body([r("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", sz=14), ref(1), r(";", sz=14)]))
    d.add(body([r("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ", sz=14), ref(2),
                r(";", sz=14)]))
    for k in range(6):
        d.add(body(SENT[k]))
    d.add(body("Các tập thể, cá nhân được đề nghị khen thưởng đã được Hội đồng Thi đua - Khen thưởng phường "
               "xét chọn tại cuộc họp ngày 28 tháng 12 năm 2025, đạt tỷ lệ phiếu đồng ý từ 90% trở lên; hồ sơ "
               "được công khai trên Cổng thông tin điện tử của phường trong thời hạn 05 ngày làm việc, không có "
               "ý kiến phản ánh."))
    d.add(body([r("Trong năm 2025, phường đã giải quyết 4.812 hồ sơ thủ tục hành chính, đạt tỷ lệ đúng hạn "
                  "99,6%", sz=14), ref(3), r("; không có hồ sơ trễ hạn do lỗi của cán bộ, công chức.", sz=14)]))
    d.add(body("Ủy ban nhân dân phường kính trình Ủy ban nhân dân Thành phố xem xét, quyết định./."))
    d.add(signature_block())
    return save(d, "05-footnotes.docx", outdir)


# ---------------------------------------------------------------- 6. numbering and bullets

def lvl(ilvl, fmt, text, left, hanging, font=None, suff=None, start=1, bold=False, jc="left", size=None,
        is_lgl=False, restart=None):
    """A w:lvl as Word writes it."""
    x = '<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>' % (ilvl, start, fmt)
    if restart is not None:
        x += '<w:lvlRestart w:val="%d"/>' % restart
    if is_lgl:
        x += "<w:isLgl/>"
    if suff:
        x += '<w:suff w:val="%s"/>' % suff
    x += '<w:lvlText w:val="%s"/><w:lvlJc w:val="%s"/>' % (text, jc)
    x += '<w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr>' % (left, hanging)
    rp = ""
    if font:
        rp += '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/>' % (font, font)
    if bold:
        rp += "<w:b/>"
    if size:
        rp += '<w:sz w:val="%d"/>' % (size * 2)
    if rp:
        x += "<w:rPr>%s</w:rPr>" % rp
    return x + "</w:lvl>"


def abstract(aid, nsid, levels, multi="hybridMultilevel"):
    return ('<w:abstractNum w:abstractNumId="%d" w15:restartNumberingAfterBreak="0"><w:nsid w:val="%s"/>'
            '<w:multiLevelType w:val="%s"/><w:tmpl w:val="%s"/>%s</w:abstractNum>'
            % (aid, nsid, multi, "0409000F", "".join(levels)))


def filler_levels(first, fmt_cycle=(("decimal", "%%%d."), ("lowerLetter", "%%%d."), ("lowerRoman", "%%%d."))):
    out = []
    for i in range(first, 9):
        fmt, text = fmt_cycle[i % 3]
        out.append(lvl(i, fmt, text % (i + 1), 720 * (i + 1), 360, jc="right" if fmt == "lowerRoman" else "left"))
    return out


def f06_numbering(outdir):
    d = Package("Kế hoạch (đánh số và dấu đầu dòng)", styles_extra=STYLES_LIST + STYLES_HEADING,
                fonts=("Times New Roman", "Symbol", "Wingdings", "Courier New"))
    absn = [
        # 0: I., II. headings (upperRoman, bold, tab suffix)
        abstract(0, "1A2B3C01", [lvl(0, "upperRoman", "%1.", 567, 567, bold=True, jc="left")] + filler_levels(1)),
        # 1: 1., 2. decimal; level 1 = a), b); level 2 = bullet en dash
        abstract(1, "1A2B3C02", [lvl(0, "decimal", "%1.", 927, 360), lvl(1, "lowerLetter", "%2)", 1287, 360),
                                 lvl(2, "bullet", "–", 1647, 360, font="Times New Roman")] + filler_levels(3)),
        # 2: Symbol bullet U+F0B7 (Word's round bullet), Courier "o", Wingdings square U+F0A7
        abstract(2, "1A2B3C03", [lvl(0, "bullet", "\uf0b7", 927, 360, font="Symbol"),
                                 lvl(1, "bullet", "o", 1647, 360, font="Courier New"),
                                 lvl(2, "bullet", "\uf0a7", 2367, 360, font="Wingdings")]
                 + [lvl(i, "bullet", "\uf0b7", 720 * (i + 1), 360, font="Symbol") for i in range(3, 9)]),
        # 3: multi-level 1. / 1.1. / 1.1.1. (legal numbering)
        abstract(3, "1A2B3C04", [lvl(0, "decimal", "%1.", 360, 360, bold=True),
                                 lvl(1, "decimal", "%1.%2.", 792, 432, bold=True),
                                 lvl(2, "decimal", "%1.%2.%3.", 1224, 504)] + filler_levels(3), multi="multilevel"),
        # 4: suffixes: space, nothing; dash bullet with space
        abstract(4, "1A2B3C05", [lvl(0, "decimal", "Điều %1.", 0, 0, suff="space", bold=True),
                                 lvl(1, "decimal", "%2.", 567, 0, suff="nothing"),
                                 lvl(2, "bullet", "-", 567, 0, suff="space", font="Times New Roman")]
                 + filler_levels(3)),
        # 5: Wingdings check-mark bullet (U+F0FC) and arrow (U+F0D8)
        abstract(5, "1A2B3C06", [lvl(0, "bullet", "\uf0fc", 927, 360, font="Wingdings"),
                                 lvl(1, "bullet", "\uf0d8", 1287, 360, font="Wingdings")] + filler_levels(2)),
    ]
    nums = "".join('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % (n, a)
                   for n, a in ((1, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5)))
    # numId 7: a second decimal list restarting at 1 (Word's "Restart at 1")
    nums += ('<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride '
             'w:val="1"/></w:lvlOverride></w:num>')
    # numId 8: decimal list starting at 5 (Set numbering value)
    nums += ('<w:num w:numId="8"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride '
             'w:val="5"/></w:lvlOverride></w:num>')
    d.set_numbering("".join(absn) + nums)
    L = lambda num, ilvl, text, **k: p(r(text, sz=14, b=k.pop("b", False)), style="ListParagraph",
                                       num=(num, ilvl), jc="both", before=60, line=276, contextual=False, **k)
    d.add(header_block(number="Số: 12/KH-UBND"))
    d.add(p(r("KẾ HOẠCH", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Tổ chức phong trào thi đua năm 2026", sz=14, b=True), jc="center", after=120))
    d.add(L(1, 0, "MỤC ĐÍCH, YÊU CẦU", b=True))
    d.add(L(2, 0, "Phát huy tinh thần yêu nước, ý chí tự lực, tự cường của cán bộ, công chức và Nhân dân."))
    d.add(L(2, 0, "Gắn phong trào thi đua với nhiệm vụ chính trị của từng cơ quan, đơn vị:"))
    d.add(L(2, 1, "Thi đua thực hiện tốt cải cách hành chính;"))
    d.add(L(2, 1, "Thi đua xây dựng đô thị văn minh, mỹ quan;"))
    d.add(L(2, 2, "Chỉnh trang 100% tuyến hẻm chính;"))
    d.add(L(2, 2, "Không để phát sinh điểm rác tự phát."))
    d.add(body("Đoạn văn thường chen giữa danh sách: danh sách sau tiếp tục đánh số (continuation)."))
    d.add(L(2, 0, "Khen thưởng kịp thời, chính xác, công khai, minh bạch."))
    d.add(L(1, 0, "NỘI DUNG THI ĐUA", b=True))
    d.add(L(7, 0, "Danh sách này dùng lại cùng kiểu số nhưng bắt đầu lại từ 1 (startOverride)."))
    d.add(L(7, 0, "Các tiêu chí được chấm theo thang 100 điểm."))
    d.add(L(3, 0, "Dấu đầu dòng Symbol (U+F0B7), như Word chèn khi bấm nút Bullets."))
    d.add(L(3, 1, "Dấu “o” phông Courier New ở cấp 2."))
    d.add(L(3, 2, "Dấu ô vuông Wingdings (U+F0A7) ở cấp 3."))
    d.add(L(6, 0, "Dấu tích Wingdings (U+F0FC)."))
    d.add(L(6, 1, "Dấu mũi tên Wingdings (U+F0D8)."))
    d.add(L(1, 0, "TỔ CHỨC THỰC HIỆN", b=True))
    d.add(L(4, 0, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", b=True))
    d.add(L(4, 1, "Chủ trì, phối hợp các đơn vị tổ chức phát động phong trào thi đua ngay từ đầu năm."))
    d.add(L(4, 1, "Tham mưu sơ kết, tổng kết và đề xuất khen thưởng."))
    d.add(L(4, 2, "Tổng hợp kết quả chấm điểm thi đua hằng quý."))
    d.add(L(4, 0, "Các khu phố", b=True))
    d.add(L(4, 1, "Triển khai đến từng tổ dân phố và hộ gia đình."))
    d.add(L(5, 0, "Điều khoản dùng hậu tố khoảng trắng (suff=space) và số “Điều 1.”."))
    d.add(L(5, 1, "hậu tố không có gì (suff=nothing): số dính liền chữ."))
    d.add(L(5, 2, "gạch đầu dòng với hậu tố khoảng trắng."))
    d.add(L(5, 0, "Hiệu lực thi hành."))
    d.add(L(8, 0, "Mục bắt đầu từ số 5 (startOverride 5)."))
    d.add(L(8, 0, "Mục tiếp theo là số 6."))
    d.add(signature_block(recipients=("UBND Thành phố;", "Lưu: VT."), title="CHỦ TỊCH", gap=3))
    return save(d, "06-numbering.docx", outdir)


# ---------------------------------------------------------------- 7. pictures

def _logo(x, y, n=240):
    cx = cy = n / 2
    rr = math.hypot(x - cx, y - cy)
    if rr > n / 2 - 2:
        return (0, 0, 0, 0)
    if rr > n / 2 - 16:
        return (200, 16, 46, 255)
    ang = math.atan2(y - cy, x - cx)
    star = 0.5 + 0.5 * math.cos(5 * (ang + math.pi / 2))
    if rr < (n / 2 - 40) * (0.45 + 0.55 * star):
        return (255, 205, 0, 255)
    return (200, 16, 46, 255)


def _seal(x, y, n=300):
    cx = cy = n / 2
    rr = math.hypot(x - cx, y - cy)
    red = (210, 30, 40, 200)
    if n / 2 - 10 < rr < n / 2 - 2 or n / 2 - 42 < rr < n / 2 - 36:
        return red
    if rr < 40 and abs(math.atan2(y - cy, x - cx)) < 3.2 and int(rr) % 9 < 4:
        return red
    return (0, 0, 0, 0)


def _signature(x, y, w=360, h=120):
    # a hand-like stroke: a few sine waves, dark blue ink on white paper
    for k, (a, f, ph, off) in enumerate(((28, 0.045, 0.3, 60), (18, 0.09, 1.2, 70), (10, 0.02, 2.0, 55))):
        yy = off + a * math.sin(f * x + ph) * (0.4 + 0.6 * x / w)
        if abs(y - yy) < 2.2 - k * 0.4 and 20 < x < w - 20:
            return (20, 30, 110)
    return (255, 255, 255)


def f07_pictures(outdir):
    d = Package("Công văn doanh nghiệp (logo, chữ ký, con dấu)")
    hdr_rels = d.part_rels("header1.xml")
    logo = d.image(png(240, 240, _logo), "png", rels_of=hdr_rels)
    hdr_grid = [1300, 7771]
    hdr = tbl(hdr_grid, [tr(tc(p(inline_picture(d.ids, logo, 1020, 1020, "logo.png"), jc="center"), hdr_grid[0],
                               valign="center"),
                            tc(p(r("CÔNG TY CỔ PHẦN XÂY DỰNG TÂN SƠN HÒA", sz=13, b=True, color="C8102E"))
                               + p(r("Mã số thuế: 0312840639 – Địa chỉ: 12 Phổ Quang, phường Tân Sơn Hòa, "
                                     "Thành phố Hồ Chí Minh", sz=11, i=True)), hdr_grid[1], valign="center"))],
              borders=[border("bottom", "single", 8, 0, "C8102E")], look="0000")
    hid = d.header(hdr + p(mark=sz(6)))
    sig = d.image(jpeg(360, 120, _signature), "jpeg")
    seal = d.image(png(300, 300, _seal), "png")
    photo = d.image(jpeg(96, 128, lambda x, y: (120 + x % 60, 140 + y % 50, 180 - (x + y) % 70)), "jpeg")
    d.add(header_block(top="CÔNG TY CỔ PHẦN", agency="XÂY DỰNG TÂN SƠN HÒA", number="Số: 21/2026/CV-TSH"))
    d.add(p(r("Kính gửi: Ủy ban nhân dân phường Tân Sơn Hòa.", sz=14), jc="center", before=360, after=120))
    d.add(body(SENT[0]))
    d.add(body([r("Ảnh chân dung cùng dòng (inline) làm dòng chứa nó cao lên bằng ảnh: ", sz=14),
                inline_picture(d.ids, photo, 1134, 1512, "chan-dung.jpg"),
                r(" người đề nghị: ông Nguyễn Văn An, Giám đốc Công ty.", sz=14)]))
    d.add(body(SENT[2]))
    d.add(body(SENT[4]))
    seal_run = anchored_picture(d.ids, seal, "column", 200, "paragraph", -200, 2268, 2268, "con-dau.png",
                                behind=True)
    right_extra = (p(inline_picture(d.ids, sig, 2268, 756, "chu-ky.jpg"), jc="center")
                   + p(seal_run, jc="center", mark=sz(2)))
    d.add(signature_block(recipients=("Như trên;", "Lưu: VT, HC."), role="", title="GIÁM ĐỐC",
                          name="Nguyễn Văn An", right_extra=right_extra, gap=0))
    return save(d, "07-pictures.docx", outdir, headers=[("default", hid)], header=567, top=1701)


# ---------------------------------------------------------------- 8. fonts

def f08_fonts(outdir):
    d = Package("Thông báo (phông chữ)", fonts=("Times New Roman", "Arial", "Tahoma", "Calibri", ".VnTime",
                                                 ".VnTimeH", "VNI-Times"))
    d.add(header_block(number="Số: 09/TB-UBND"))
    d.add(p(r("THÔNG BÁO", sz=14, font="Times New Roman Bold"), jc="center", before=360))
    d.add(p(r("Kết luận của Chủ tịch Ủy ban nhân dân phường tại cuộc họp giao ban", sz=14,
              font="Times New Roman Bold"), jc="center", after=120))
    d.add(body([r("Tên phông “Times New Roman Bold” (không có w:b): ", sz=14, font="Times New Roman Bold"),
                r("Word vẽ chữ đậm; tên phông này do các công cụ chuyển PDF sang Word viết ra.", sz=14)]))
    d.add(body(r("Đoạn phông Arial 13 pt: " + SENT[0], sz=13, font="Arial")))
    d.add(body(r("Đoạn phông Tahoma 12 pt: " + SENT[2], sz=12, font="Tahoma")))
    d.add(body(r("Đoạn phông Calibri 13 pt (phông mặc định của Word 2007–2019): " + SENT[1], sz=13,
                 font="Calibri")))
    # TCVN3 (ABC) bytes as Latin-1 characters, as a .VnTime document stores them
    d.add(body([r("Đoạn phông .VnTime (mã TCVN3): ", sz=14),
                r("Thùc hiÖn KÕ ho¹ch sè 45/KH-UBND cña ñy ban nh©n d©n ph­êng vÒ tæ chøc phong trµo thi ®ua.",
                  sz=14, font=".VnTime")]))
    d.add(p(r("Céng hoµ x· héi chñ nghÜa ViÖt Nam", sz=13, font=".VnTimeH", b=True), jc="center", before=120))
    d.add(body([r("Đoạn phông VNI-Times (mã VNI): ", sz=14),
                r("Thöïc hieän Keá hoaïch soá 45/KH-UBND cuûa UÛy ban nhaân daân phöôøng.", sz=14,
                  font="VNI-Times")]))
    d.add(body(SENT[5]))
    d.add(signature_block(recipients=("Các đơn vị;", "Lưu: VT."), role="TL. CHỦ TỊCH", title="CHÁNH VĂN PHÒNG",
                          name="Lê Thị Hoa"))
    return save(d, "08-fonts.docx", outdir)


# ---------------------------------------------------------------- 9. page-break cases

def f09a_trailing_empty(outdir):
    d = Package("Danh sách (đoạn trống sau bảng ở cuối trang)")
    d.add(p(r("DANH SÁCH", sz=14, b=True), jc="center"))
    d.add(p(r("Cá nhân đề nghị khen thưởng năm 2025", sz=14, b=True), jc="center", after=240))
    g = [700, 3000, 3371, 2000]
    rows = [tr(*[tc(p(r(h, sz=13, b=True), jc="center"), w) for h, w in zip(
        ["STT", "Họ và tên", "Đơn vị", "Hình thức"], g)], header=True)]
    for k in range(32):
        rows.append(tr(tc(p(r(str(k + 1), sz=13), jc="center"), g[0]), tc(p(r(NAMES[k % 20], sz=13)), g[1]),
                       tc(p(r("Khu phố %d" % (k % 6 + 1), sz=13)), g[2]),
                       tc(p(r("Giấy khen", sz=13), jc="center"), g[3])))
    d.add(tbl(g, rows, borders=all_borders(), style="TableGrid"))
    d.add(signature_block(recipients=("Lưu: VT.",), role="NGƯỜI LẬP BIỂU", title="", name="Võ Thị Thu Hà", gap=3))
    for _ in range(3):   # what users leave after the last table
        d.add(p(mark=sz(14)))
    return save(d, "09a-trailing-empty.docx", outdir)


def f09b_section_break(outdir):
    d = Package("Tờ trình và phụ lục (ngắt trang rồi ngắt phần)")
    d.add(header_block(number="Số: 05/TTr-UBND"))
    d.add(p(r("TỜ TRÌNH", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Về việc đề nghị khen thưởng", sz=14, b=True), jc="center", after=240))
    for k in range(3):
        d.add(body(SENT[k]))
    d.add(signature_block(gap=2))
    # case A: a page break in its own paragraph, then a paragraph carrying the next-page section break
    d.add(p(rx('<w:br w:type="page"/>')))
    d.add(p(sect=sect_pr(kind="nextPage")))
    d.add(p(r("PHỤ LỤC I", sz=14, b=True), jc="center"))
    d.add(p(r("Danh sách tập thể", sz=14, b=True), jc="center", after=240))
    for k in range(3, 5):
        d.add(body(SENT[k]))
    # case B: the page break and the section break in the same paragraph
    d.add(p(r("Hết phụ lục I.", sz=14, i=True), rx('<w:br w:type="page"/>'), sect=sect_pr(kind="nextPage")))
    d.add(p(r("PHỤ LỤC II", sz=14, b=True), jc="center"))
    d.add(p(r("Danh sách cá nhân", sz=14, b=True), jc="center", after=240))
    d.add(body(SENT[5]))
    return save(d, "09b-section-break.docx", outdir, kind="nextPage")


def f09c_keep_next(outdir):
    d = Package("Báo cáo (đề mục giữ với đoạn sau ở cuối trang)", styles_extra=STYLES_HEADING)
    d.add(header_block(number="Số: 18/BC-UBND"))
    d.add(p(r("BÁO CÁO", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Tổng kết công tác thi đua, khen thưởng năm 2025", sz=14, b=True), jc="center", after=120))
    d.add(p(r("I. KẾT QUẢ THỰC HIỆN", sz=14), style="Heading2"))
    for k in range(6):
        d.add(body(SENT[k]))
    d.add(body(SENT[0] + " " + SENT[2]))
    # this heading fits at the foot of page 1 with room for one line of its paragraph only: LibreOffice
    # moves it to page 2 (it wants two lines of the next paragraph after a keep-with-next paragraph)
    d.add(p(r("II. TỒN TẠI, HẠN CHẾ", sz=14), style="Heading2"))
    d.add(body(SENT[3] + " " + SENT[1]))
    d.add(p(r("III. PHƯƠNG HƯỚNG NĂM 2026", sz=14), style="Heading2"))
    d.add(p(r("1. Nhiệm vụ trọng tâm", sz=14, i=True), style="Heading2"))
    for k in (4, 5):
        d.add(body(SENT[k]))
    d.add(signature_block(gap=3))
    return save(d, "09c-keep-next.docx", outdir)


def f09d_adjacent_tables(outdir):
    d = Package("Báo cáo (hai bảng liền nhau)")
    d.add(header_block(number="Số: 19/BC-UBND"))
    d.add(p(r("BÁO CÁO", sz=14, b=True), jc="center", before=360))
    d.add(p(r("Kết quả khen thưởng năm 2025", sz=14, b=True), jc="center", after=120))
    d.add(body(SENT[1]))
    g = [700, 3400, 3171, 1800]
    row = lambda cells, **k: tr(*[tc(p(r(t, sz=13, b=k.get("b", False)), jc="center" if i != 1 else None), w)
                                  for i, (t, w) in enumerate(zip(cells, g))], header=k.get("header", False))
    t1 = [row(["STT", "Hình thức", "Cơ quan quyết định", "Số lượng"], b=True, header=True)]
    for k, (a, b, c) in enumerate([("Bằng khen", "Chủ tịch UBND Thành phố", "3"),
                                   ("Giấy khen", "Chủ tịch UBND phường", "17"),
                                   ("Danh hiệu Lao động tiên tiến", "Chủ tịch UBND phường", "42")]):
        t1.append(row([str(k + 1), a, b, c]))
    # two bordered tables with the same grid and nothing between them: Word draws one table
    t2 = [row(["", "Tổng cộng", "", "62"], b=True)]
    d.add(tbl(g, t1, borders=all_borders(), style="TableGrid"))
    d.add(tbl(g, t2, borders=all_borders(), style="TableGrid"))
    d.add(body(SENT[2]))
    d.add(body(SENT[5]))
    # the report's awards table touching the (borderless) signature table, as in the templates
    g2 = [700, 3400, 3171, 1800]
    t3 = [row(["1", "Tập thể lao động xuất sắc", "Chủ tịch UBND phường", "2"])]
    d.add(tbl(g2, t3, borders=all_borders(), style="TableGrid"))
    d.add(signature_block(gap=3))
    return save(d, "09d-adjacent-tables.docx", outdir)


# ---------------------------------------------------------------- 10. frames, side borders, non-breaking hyphen

def f10_frames_borders(outdir):
    d = Package("Công văn (khung, viền trái phải, gạch nối không ngắt)")
    d.add(header_block(number="Số: 40/UBND-KT"))
    # "Mẫu số 01" in a frame at the top right of the page, as old forms carry it. (Placed after the
    # header table: LibreOffice 7.4 drops a frame paragraph that directly precedes a table.)
    d.add(p(r("Mẫu số 01", sz=12, b=True), jc="center",
            frame=(("w", "1800"), ("h", "400"), ("hRule", "exact"), ("hSpace", "180"), ("wrap", "around"),
                   ("vAnchor", "page"), ("hAnchor", "page"), ("x", "9000"), ("y", "400")),
            pbdr=[border("top", "single", 4, 1), border("left", "single", 4, 4), border("bottom", "single", 4, 1),
                  border("right", "single", 4, 4)]))
    d.add(p(r("Kính gửi: Thuế cơ sở 3 Thành phố Hồ Chí Minh.", sz=14), jc="center", before=360, after=120))
    # The same sentence twice: the tax code falls at the end of line 2. With <w:noBreakHyphen/> it moves
    # whole to line 3; with a hyphen-minus LibreOffice (and Word) break after the hyphen: "0312840639-|002".
    lead = ("Ủy ban nhân dân phường đề nghị Thuế cơ sở 3 xác nhận nghĩa vụ thuế của Chi nhánh Công ty Cổ phần "
            "Xây dựng Tân Sơn Hòa, mã số thuế ")
    tail = ", địa chỉ 12 Phổ Quang, kỳ xác nhận từ năm 2023 đến năm 2025."
    d.add(body([r(lead + "0312840639", sz=14), rx("<w:noBreakHyphen/>", sz=14), r("002" + tail, sz=14)]))
    d.add(body([r(lead + "0312840639-002" + tail, sz=14)]))
    # a framed paragraph in the text flow: positioned relative to the margin, text wraps around it
    d.add(p(r("Khung (w:framePr) neo theo lề, chữ bao quanh.", sz=12, i=True), jc="center",
            frame=(("w", "2835"), ("hSpace", "180"), ("wrap", "around"), ("vAnchor", "text"),
                   ("hAnchor", "margin"), ("xAlign", "right"), ("y", "1")),
            pbdr=[border("top", "single", 4, 1), border("left", "single", 4, 4), border("bottom", "single", 4, 1),
                  border("right", "single", 4, 4)], shd="F2F2F2"))
    d.add(body(SENT[2] + " " + SENT[3]))
    # paragraph side borders: a boxed note, and a left bar
    box = [border("top", "single", 4, 1), border("left", "single", 4, 4), border("bottom", "single", 4, 1),
           border("right", "single", 4, 4)]
    d.add(p(r("Lưu ý: ", sz=13, b=True), r("hồ sơ gửi trước ngày 15 tháng 01 năm 2026; quá hạn, Ủy ban nhân dân "
                                          "phường không tổng hợp. Đoạn này có viền bốn phía.", sz=13),
            pbdr=box, jc="both", before=240, after=120, ind={"left": 284, "right": 284}))
    d.add(p(r("Đoạn này chỉ có viền trái dày 3 pt, cách chữ 8 pt, như ô trích dẫn. " + SENT[4], sz=13, i=True),
            pbdr=[border("left", "single", 24, 8, "808080")], jc="both", before=120, ind={"left": 567}))
    d.add(p(r("Viền phải và viền giữa hai đoạn (between): ", sz=13),
            r(SENT[5], sz=13), pbdr=[border("right", "single", 8, 4), border("between", "single", 4, 1)],
            jc="both", before=120))
    d.add(p(r("Đoạn thứ hai cùng viền: đường “between” được vẽ giữa hai đoạn.", sz=13),
            pbdr=[border("right", "single", 8, 4), border("between", "single", 4, 1)], jc="both"))
    d.add(signature_block(recipients=("Như trên;", "Lưu: VT, KT."), gap=3))
    return save(d, "10-frames-borders.docx", outdir)


FIXTURES = [f01_char_spacing, f02_vert_align, f03_table_borders, f03b_long_table, f04_shapes, f04b_shapes_vml,
            f05_footnotes, f06_numbering, f07_pictures, f08_fonts, f09a_trailing_empty, f09b_section_break,
            f09c_keep_next, f09d_adjacent_tables, f10_frames_borders]


PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]
TAG = re.compile(r"<(/?)w:([A-Za-z]+)[^>]*?(/?)>")


def schema_order(xml):
    """Puts the children of every w:pPr in the order of the schema's sequence (a stable sort)."""
    out, pos = [], 0
    for m in re.finditer(r"<w:pPr>", xml):
        if m.start() < pos:
            continue   # inside a pPr already handled (pPrChange)
        i, depth, children, start = m.end(), 0, [], None
        while True:
            t = TAG.search(xml, i)
            closing, name, empty = t.group(1), t.group(2), t.group(3)
            if depth == 0 and closing and name == "pPr":
                break
            if depth == 0 and not closing:
                start = t.start()
            if closing:
                depth -= 1
            elif not empty:
                depth += 1
            if depth == 0:
                children.append((PPR_ORDER.index(name) if name in PPR_ORDER else len(PPR_ORDER), xml[start:t.end()]))
            i = t.end()
        children.sort(key=lambda c: c[0])
        out.append(xml[pos:m.end()] + "".join(c[1] for c in children))
        pos = t.start()
    return "".join(out) + xml[pos:]


def lo_resave(paths, outdir):
    """Re-saves the fixtures with LibreOffice into outdir (see the module comment)."""
    os.makedirs(outdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="wf-resave-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "profile"), "--headless",
                        "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work] + paths,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for path in paths:
            name = os.path.basename(path)
            with zipfile.ZipFile(os.path.join(work, name)) as z:
                parts = {n: z.read(n) for n in z.namelist()}
            order = ["[Content_Types].xml"] + sorted(n for n in parts if n != "[Content_Types].xml")
            with zipfile.ZipFile(os.path.join(outdir, name), "w") as z:
                for n in order:
                    data = parts[n]
                    if n.startswith("word/") and n.endswith(".xml"):
                        data = schema_order(data.decode("utf-8").replace("<w:pBdr></w:pBdr>", "")).encode("utf-8")
                    info = zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, data)
            print(os.path.join(outdir, name))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    args = sys.argv[1:]
    resave = "--lo" in args
    args = [a for a in args if a != "--lo"]
    outdir = args[0] if args else HERE
    os.makedirs(outdir, exist_ok=True)
    paths = [f(outdir) for f in FIXTURES]
    for path in paths:
        print(path)
    if resave:
        lo_resave(paths, os.path.join(outdir, "lo"))


if __name__ == "__main__":
    main()
