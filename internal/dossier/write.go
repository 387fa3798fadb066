package dossier

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Manifest is manifest.json, the contract other tools rely on.
type Manifest struct {
	Slug      string      `json:"ho_so"`
	Source    string      `json:"nguon"`
	FormSet   string      `json:"bo_mau"`
	MergedPDF string      `json:"ho_so_pdf,omitempty"`
	Documents []*Document `json:"tai_lieu"`
}

// MergedName is the file name of the merged PDF.
const MergedName = "ho-so.pdf"

// Manifest describes the dossier.
func (d *Dossier) Manifest() *Manifest {
	m := &Manifest{Slug: d.Slug, Source: d.Source, FormSet: d.FormSet.ID, Documents: d.Documents}
	if d.Merged != nil {
		m.MergedPDF = MergedName
	}
	return m
}

// Write puts the dossier in outDir/<slug>/ atomically: everything is
// written into a hidden folder beside it, synced, then renamed into place,
// so a reader sees the old dossier or the new one, never half of one.
// It returns the folder's path.
func (d *Dossier) Write(outDir string) (string, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	final := filepath.Join(outDir, d.Slug)
	tmp, err := os.MkdirTemp(outDir, "."+d.Slug+".tmp-")
	if err != nil {
		return "", err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	for _, doc := range d.Documents {
		if err := writeFile(filepath.Join(tmp, doc.DOCX), doc.Bytes); err != nil {
			return "", err
		}
		if doc.PDF != "" {
			if err := writeFile(filepath.Join(tmp, doc.PDF), doc.PDFBytes); err != nil {
				return "", err
			}
		}
	}
	if d.Merged != nil {
		if err := writeFile(filepath.Join(tmp, MergedName), d.Merged); err != nil {
			return "", err
		}
	}
	m, err := json.MarshalIndent(d.Manifest(), "", "  ")
	if err != nil {
		return "", err
	}
	if err := writeFile(filepath.Join(tmp, "manifest.json"), append(m, '\n')); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	if err := replaceDir(tmp, final); err != nil {
		return "", err
	}
	ok = true
	return final, nil
}

// writeFile writes and syncs a file, reporting every error (a full disk
// shows up at Sync or Close, not at Write).
func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceDir moves tmp to final, replacing an existing final: the old one
// is renamed aside first and removed only once the new one is in place.
func replaceDir(tmp, final string) error {
	old := ""
	if _, err := os.Stat(final); err == nil {
		old = tmp + ".old"
		if err := os.Rename(final, old); err != nil {
			return fmt.Errorf("không thay được hồ sơ cũ %s: %w", final, err)
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		if old != "" {
			os.Rename(old, final)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
