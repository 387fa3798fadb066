package main

import (
	"fmt"
	"io"

	"github.com/hoso-vn/hoso/internal/submission"
)

// schemaURL is where TOML editors find the schema of the files `hoso init`
// writes (its first line, "#:schema …", as Taplo and Even Better TOML read
// it): samples/ho-so.schema.json of the repository.
const schemaURL = "https://raw.githubusercontent.com/hoso-vn/hoso/main/samples/ho-so.schema.json"

// schemaCmd prints the JSON Schema of a submission file.
func schemaCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprint(stderr, "hoso schema: lệnh không nhận tham số; ghi ra tệp: hoso schema > ho-so.schema.json\n")
		return exitBadInput
	}
	b, err := submission.Schema()
	if err != nil {
		fmt.Fprintf(stderr, "hoso schema: %v\n", err)
		return exitFailed
	}
	if _, err := stdout.Write(b); err != nil {
		fmt.Fprintf(stderr, "hoso schema: %v\n", err)
		return exitFailed
	}
	return exitOK
}
