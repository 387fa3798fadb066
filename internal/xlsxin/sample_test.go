package xlsxin

import (
	"bytes"
	"flag"
	"os"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "write samples/danh-sach-de-nghi.xlsx again")

const sampleSheet = "../../samples/danh-sach-de-nghi.xlsx"

// wardList is the sample list of phường Tân Sơn Hòa, made the way clerks
// make it: the agency and the national motto over merged cells, a title
// naming both kinds, blank rows, a header over two rows ("Ngày sinh" over
// "Nam" and "Nữ", the date written under the nominee's gender), a row of
// column numbers, section rows "I. TẬP THỂ" and "II. CÁ NHÂN", one unit
// merged over two people, dates as Excel dates (two formats) and as text,
// a "Ghi chú" column the submission has no key for, a total and the
// signatures under the table.
func wardList(t *testing.T) *book {
	b := newBook(t, "Danh sách")
	b.row(1, "ỦY BAN NHÂN DÂN", nil, nil, nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	b.merge("A1", "D1")
	b.merge("F1", "I1")
	b.row(2, "PHƯỜNG TÂN SƠN HÒA", nil, nil, nil, nil, "Độc lập - Tự do - Hạnh phúc")
	b.merge("A2", "D2")
	b.merge("F2", "I2")
	b.row(4, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG")
	b.merge("A4", "I4")
	b.row(5, "(Kèm theo Tờ trình số     /TTr-UBND ngày    tháng 02 năm 2026 của Ủy ban nhân dân phường Tân Sơn Hòa)")
	b.merge("A5", "I5")
	b.row(7, "STT", "Họ và tên\n(Tên tập thể)", "Ngày sinh", nil, "Dân tộc", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị", "Ghi chú")
	b.row(8, nil, nil, "Nam", "Nữ")
	for _, c := range []string{"A", "B", "E", "F", "G", "H", "I"} {
		b.merge(c+"7", c+"8")
	}
	b.merge("C7", "D7")
	b.row(9, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)")
	b.row(10, "I. TẬP THỂ")
	b.merge("A10", "I10")
	b.row(11, 1, "Tổ dân phố 12", nil, nil, nil, nil, nil, "Giấy khen của Chủ tịch UBND phường")
	b.row(12, 2, "Trường Tiểu học Tân Sơn Hòa", nil, nil, nil, nil, nil, "Bằng khen của Chủ tịch UBND Thành phố", "Đã có Giấy khen năm 2024")
	b.row(13, "II. CÁ NHÂN")
	b.merge("A13", "I13")
	b.row(14, 1, "Nguyễn Văn Hùng", date(1980, time.April, 15), nil, "Kinh", "Tổ trưởng Tổ dân phố 12", "Tổ dân phố 12", "Giấy khen của Chủ tịch UBND phường")
	b.row(15, 2, "Lê Thị Thanh Hương", nil, "02/09/1990", "Kinh", "Giáo viên", "Trường Tiểu học Tân Sơn Hòa", "giay-khen-chu-tich-ubnd")
	b.row(16, 3, "Mã Quốc Vinh", date(1985, time.December, 3), nil, "Hoa", "Công chức Văn phòng - Thống kê", "Ủy ban nhân dân phường Tân Sơn Hòa", "Giấy khen của Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa")
	b.style("C16", b.short)
	b.row(17, 4, "Đỗ Thị Mai", nil, date(1992, time.June, 30), "Kinh", "Công chức Địa chính - Xây dựng", nil, "Giấy khen của Chủ tịch UBND phường")
	b.merge("G16", "G17")
	b.row(18, 5, "Trần Minh Khôi", date(1991, time.March, 2), nil, "Kinh", "Công chức Văn hóa - Xã hội", "Ủy ban nhân dân phường Tân Sơn Hòa", "Bằng khen của Chủ tịch UBND Thành phố", "Đã trình trong Tờ trình số 05")
	b.row(20, nil, "Tổng cộng: 02 tập thể, 05 cá nhân")
	b.row(22, nil, "NGƯỜI LẬP BIỂU", nil, nil, nil, nil, "TM. ỦY BAN NHÂN DÂN")
	b.row(23, nil, nil, nil, nil, nil, nil, "KT. CHỦ TỊCH")
	b.row(26, nil, "Đặng Thùy Trang", nil, nil, nil, nil, "Phạm Quốc Bảo")
	return b
}

// The sample in samples/ is what wardList makes now (go test
// ./internal/xlsxin -run TestSampleSheetInStep -update writes it).
func TestSampleSheetInStep(t *testing.T) {
	made := wardList(t).bytes()
	if again := wardList(t).bytes(); !bytes.Equal(made, again) {
		t.Fatal("the sample workbook is not the same twice")
	}
	if *update {
		if err := os.WriteFile(sampleSheet, made, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shipped, err := os.ReadFile(sampleSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, made) {
		t.Errorf("%s is not what wardList makes: go test ./internal/xlsxin -run TestSampleSheetInStep -update", sampleSheet)
	}
}
