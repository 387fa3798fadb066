module github.com/nguyenthenguyen/docx

go 1.21

require github.com/klauspost/compress v1.18.0
