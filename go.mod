module github.com/hoso-vn/hoso

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/beevik/etree v1.8.1
	github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db
	golang.org/x/text v0.44.0
)
