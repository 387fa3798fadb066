module github.com/hoso-vn/hoso/internal/gofpdf

go 1.24

require github.com/klauspost/compress v1.18.0
