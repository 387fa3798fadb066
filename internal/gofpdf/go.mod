module github.com/phpdave11/gofpdf

go 1.21

require github.com/klauspost/compress v1.18.0
