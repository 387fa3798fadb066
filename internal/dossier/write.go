package dossier

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hoso-vn/hoso/internal/parallel"
)

// Manifest is manifest.json, the contract other tools rely on.
type Manifest struct {
	Slug      string      `json:"ho_so"`
	Source    string      `json:"nguon"`
	FormSet   string      `json:"bo_mau"`
	MergedPDF string      `json:"ho_so_pdf,omitempty"`
	Documents []*Document `json:"tai_lieu"`
}

// MergedName is the file name of the merged PDF, ManifestName that of
// the manifest.
const (
	MergedName   = "ho-so.pdf"
	ManifestName = "manifest.json"
)

// Manifest describes the dossier.
func (d *Dossier) Manifest() *Manifest {
	m := &Manifest{Slug: d.Slug, Source: d.Source, FormSet: d.FormSet.ID, Documents: d.Documents}
	if d.Merged != nil {
		m.MergedPDF = MergedName
	}
	return m
}

// FolderSource tells whether outDir/<slug> exists and, when it holds a
// dossier, the submission file it was built from (its manifest's nguon);
// "" for a folder without a readable manifest.
func FolderSource(outDir, slug string) (source string, exists bool) {
	dir := filepath.Join(outDir, slug)
	if _, err := os.Stat(dir); err != nil {
		return "", false
	}
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return "", true
	}
	var m Manifest
	if json.Unmarshal(b, &m) != nil {
		return "", true
	}
	return m.Source, true
}

// Write puts the dossier in outDir/<slug>/ atomically: everything is
// written into a hidden folder beside it, flushed to disk, then renamed into place,
// so a reader sees the old dossier or the new one, never half of one. A
// failure at any point leaves the previous dossier as it was and removes
// what was written. Every name must be a plain file name (no path, no
// leading dot, not a device name), so nothing lands outside outDir.
// It returns the folder's path.
func (d *Dossier) Write(outDir string) (string, error) {
	files, err := d.files()
	if err != nil {
		return "", err
	}
	if err := d.checkNames(files); err != nil {
		return "", err
	}
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
	// The files are written several at a time (where each is synced, the
	// syncs wait for the disk, not for the processor), then flushed.
	err = parallel.DoN(len(files), writers, func(i int) error {
		return write(filepath.Join(tmp, files[i].name), files[i].data)
	})
	if err != nil {
		return "", err
	}
	if err := flush(tmp); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	if err := replaceDir(tmp, final); err != nil {
		return "", err
	}
	ok = true
	syncDir(outDir)
	return final, nil
}

// write writes one file of the dossier and flush makes the written files
// durable; tests replace them to inject failures.
var (
	write = writeFile
	flush = syncFolder
)

// writers is how many files of a dossier are written at once.
const writers = 8

// dossierFile is one file of a dossier folder.
type dossierFile struct {
	name string
	data []byte
}

// files lists the dossier folder's files: manifest.json, ho-so.pdf, then
// each document's DOCX and PDF.
func (d *Dossier) files() ([]dossierFile, error) {
	m, err := json.MarshalIndent(d.Manifest(), "", "  ")
	if err != nil {
		return nil, err
	}
	files := []dossierFile{{ManifestName, append(m, '\n')}}
	if d.Merged != nil {
		files = append(files, dossierFile{MergedName, d.Merged})
	}
	for _, doc := range d.Documents {
		files = append(files, dossierFile{doc.DOCX, doc.Bytes})
		if doc.PDF != "" {
			files = append(files, dossierFile{doc.PDF, doc.PDFBytes})
		}
	}
	return files, nil
}

// checkNames refuses a folder or file name that is not a plain name, or a
// file name used twice (whatever its case), before anything is written.
func (d *Dossier) checkNames(files []dossierFile) error {
	if !plainName(d.Slug) {
		return fmt.Errorf("tên thư mục hồ sơ không hợp lệ: %q", d.Slug)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if !plainName(f.name) || seen[strings.ToLower(f.name)] {
			return fmt.Errorf("tên tệp không hợp lệ hoặc trùng: %q", f.name)
		}
		seen[strings.ToLower(f.name)] = true
	}
	return nil
}

// plainName reports whether name is a file name safe on every system: not
// empty, no path separator, no leading dot, no character Windows refuses,
// not a Windows device name (CON, NUL, COM1… with any extension).
func plainName(name string) bool {
	if name == "" || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") ||
		len(name) > 200 || strings.ContainsAny(name, `/\:*?"<>|`) || filepath.Base(name) != name {
		return false
	}
	for _, r := range name {
		if r < 0x20 {
			return false
		}
	}
	stem, _, _ := strings.Cut(strings.ToUpper(name), ".")
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return false
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && stem[3] >= '0' && stem[3] <= '9' {
		return false
	}
	return true
}

// syncDir flushes a folder's entries (the renames) to disk where the
// system allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// writeFile writes a file, and syncs it where syncEach says so, reporting
// every error (a full disk shows up at Sync or Close, not at Write).
func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if syncEach {
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// replaceDir moves tmp to final, replacing an existing final: the old one
// is renamed aside first (to tmp + ".old") and removed only once the new
// one is in place. Should the process die between the two renames, the
// next LockOutput puts the old one back (see removeStale).
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
