// Package pdftest checks PDFs in tests, independently of the code that
// wrote them: pdfcpu's strict validation, its page count and its reading
// of the outline. Only tests import it, so the checks stay out of the
// binary's path.
package pdftest

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var disableConfigDir sync.Once

// config returns a fresh pdfcpu configuration that never touches the
// user's configuration directory.
func config() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	return model.NewDefaultConfiguration()
}

// Validate runs pdfcpu's strict validation on a PDF. Before that it checks
// that the file starts with "%PDF-" and ends with "%%EOF" (within 1024
// bytes, as readers allow), because pdfcpu silently repairs truncated
// files, the most common damage of an upload or download.
func Validate(pdf []byte) error {
	if err := checkEnvelope(pdf); err != nil {
		return fmt.Errorf("invalid PDF: %w", err)
	}
	conf := config()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		return fmt.Errorf("invalid PDF: %w", err)
	}
	return nil
}

func checkEnvelope(pdf []byte) error {
	const window = 1024
	if len(pdf) == 0 {
		return errors.New("empty file")
	}
	if !bytes.Contains(pdf[:min(len(pdf), window)], []byte("%PDF-")) {
		return errors.New("no %PDF- header")
	}
	tail := bytes.TrimRight(pdf, " \t\r\n\x00")
	if !bytes.Contains(tail[max(0, len(tail)-window):], []byte("%%EOF")) {
		return errors.New("no %%EOF marker (truncated?)")
	}
	return nil
}

// PageCount returns the number of pages of a PDF as pdfcpu counts them.
func PageCount(pdf []byte) (int, error) {
	if len(pdf) == 0 {
		return 0, errors.New("empty file")
	}
	return api.PageCount(bytes.NewReader(pdf), config())
}

// Bookmarks returns a PDF's outline as pdfcpu reads it.
func Bookmarks(pdf []byte) ([]pdfcpu.Bookmark, error) {
	return api.Bookmarks(bytes.NewReader(pdf), config())
}

// Info returns a PDF's document information as pdfcpu reads it.
func Info(pdf []byte) (*pdfcpu.PDFInfo, error) {
	return api.PDFInfo(bytes.NewReader(pdf), "test.pdf", nil, false, config())
}
