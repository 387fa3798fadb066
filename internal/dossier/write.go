package dossier

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/safefs"
)

// Manifest is manifest.json, the contract other tools rely on.
type Manifest struct {
	Slug   string `json:"ho_so"`
	Source string `json:"nguon"` // the submission file as it was named
	// SourcePath is the submission file's cleaned absolute path: a folder
	// belongs to the file with this path. SourceBytes holds the same path
	// byte for byte when it is not UTF-8 (JSON would replace such bytes).
	SourcePath  string      `json:"nguon_day_du"`
	SourceBytes []byte      `json:"nguon_day_du_byte,omitempty"`
	FormSet     string      `json:"bo_mau"`
	MergedPDF   string      `json:"ho_so_pdf,omitempty"`
	Documents   []*Document `json:"tai_lieu"`
	// Hashes is the SHA-256 (hex) of every file hoso wrote but
	// manifest.json, by name: a rebuild tells a file the clerk edited
	// since (in Word, or appended to) from hoso's own, and keeps it.
	Hashes map[string]string `json:"sha256,omitempty"`
}

// MergedName is the file name of the merged PDF, ManifestName that of
// the manifest.
const (
	MergedName   = "ho-so.pdf"
	ManifestName = "manifest.json"
)

// maxManifest bounds the manifest read back from a dossier folder (a
// 5 000-nominee dossier's is under 2 MB).
const maxManifest = 16 << 20

// Manifest describes the dossier; the hashes of its files are known once
// it is rendered in memory (RenderPDF) or written.
func (d *Dossier) Manifest() *Manifest {
	key := sourceKey(d.Source)
	m := &Manifest{Slug: d.Slug, Source: d.Source, SourcePath: key, FormSet: d.FormSet.ID, Documents: d.Documents, Hashes: d.hashes}
	if m.Hashes == nil && d.Merged != nil {
		m.Hashes = map[string]string{}
		m.Hashes[MergedName] = hexSum(d.Merged)
		for _, doc := range d.Documents {
			m.Hashes[doc.DOCX], m.Hashes[doc.PDF] = hexSum(doc.Bytes), hexSum(doc.PDFBytes)
		}
	}
	if !utf8.ValidString(key) {
		m.SourceBytes = []byte(key)
	}
	m.MergedPDF = MergedName
	return m
}

// sourceKey is the form of a submission file's path that ownership
// compares: absolute and cleaned, byte for byte.
func sourceKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// sourceKey is the key of the file the manifest's dossier was built from;
// a manifest written before hoso recorded the full path gives the path as
// named, taken from the working folder.
func (m *Manifest) sourceKey() string {
	switch {
	case len(m.SourceBytes) > 0:
		return string(m.SourceBytes)
	case m.SourcePath != "":
		return m.SourcePath
	}
	return sourceKey(m.Source)
}

// readManifest reads the manifest of the dossier folder dir.
func readManifest(dir string) (*Manifest, error) {
	b, err := safefs.ReadOwn(filepath.Join(dir, ManifestName), maxManifest)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if json.Unmarshal(b, &m) != nil {
		return nil, fmt.Errorf("tệp %s hỏng (không phải JSON của hoso)", safefs.Quote(filepath.Join(dir, ManifestName)))
	}
	return &m, nil
}

// FolderFree tells whether the dossier of the submission file source may
// be written to outDir/<slug>: nothing is there, or the folder holds a
// dossier built from the same file (the same cleaned absolute path, or
// the same file on disk). Otherwise held says in words what is there.
func FolderFree(outDir, slug, source string) (free bool, held string) {
	dir := filepath.Join(outDir, slug)
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true, ""
	case err != nil:
		return false, "không xem được: " + safefs.Explain(err)
	case st.Mode()&fs.ModeSymlink != 0:
		return false, "là liên kết tượng trưng (hoso không ghi qua liên kết)"
	case !st.IsDir():
		return false, "là một tệp, không phải thư mục hồ sơ"
	}
	m, err := readManifest(dir)
	if err != nil {
		return false, "không phải hồ sơ do hoso lập (không có manifest.json đọc được)"
	}
	if sameFile(m.sourceKey(), sourceKey(source)) {
		return true, ""
	}
	shown := m.SourcePath
	if shown == "" {
		shown = m.Source
	}
	return false, "là hồ sơ của tệp " + safefs.Quote(shown)
}

// sameFile tells whether two cleaned absolute paths name one file: the
// same bytes, or, where the system folds case or a link joins them, the
// same file on disk.
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// Write puts the dossier in outDir/<slug>/ atomically: everything is
// written into a work folder in the output folder's staging folder,
// flushed to disk, then renamed into place, so a reader sees the old
// dossier or the new one, never half of one. A failure at any point, or
// ctx ending before the folder is complete, leaves the previous dossier as
// it was and removes what was written.
//
// Documents rendered in memory (RenderPDF) are written as they are; the
// others are filled and rendered here, a window of documents at a time,
// each file written as soon as it is made and then forgotten, ho-so.pdf
// appended to window by window: however large the dossier, about one
// window of it is in memory at a time.
//
// A folder is replaced only if it holds a dossier of the same submission
// file (FolderFree), and what the clerk added to it — a signed scan, an
// annex folder, anything the previous manifest does not list as hoso's —
// is carried over into the new folder; a name the new dossier also uses
// stops the write before anything is written, with the names.
//
// Every name must be a plain file name (no path, no leading dot, not a
// device name), so nothing lands outside outDir; every file is created
// new, never through a link. It returns the folder's path.
func (d *Dossier) Write(ctx context.Context, outDir string) (string, error) {
	names := d.fileNames()
	if err := d.checkNames(names); err != nil {
		return "", err
	}
	if err := safefs.MkdirAll(outDir); err != nil {
		return "", err
	}
	final := filepath.Join(outDir, d.Slug)
	replacing, err := d.checkReplace(outDir, names)
	if err != nil {
		return "", err
	}
	stage, leave, err := enterStaging(outDir)
	if err != nil {
		return "", err
	}
	defer leave()
	work, err := os.MkdirTemp(stage, d.Slug+"-")
	if err != nil {
		return "", safefs.Wrap("không tạo được thư mục tạm trong", stage, err)
	}
	keep := false // the work folder holds the clerk's files
	defer func() {
		if !keep {
			os.RemoveAll(work)
		}
	}()
	fresh := filepath.Join(work, freshName)
	if err := safefs.EnsureDir(fresh); err != nil {
		return "", err
	}
	if err := d.writeFiles(ctx, fresh); err != nil {
		return "", err
	}
	if err := flush(work); err != nil {
		return "", safefs.Wrap("không đẩy được hồ sơ xuống đĩa", outDir, err)
	}
	keep, err = swap(fresh, final, filepath.Join(work, asideName), replacing)
	if err != nil {
		return "", err
	}
	syncDir(outDir)
	return final, nil
}

// The work folder's two folders: the new dossier, and the previous one
// once renamed aside.
const (
	freshName = "moi"
	asideName = "cu"
)

// write writes one file of the dossier, create creates the merged PDF
// written window by window, and flush makes the written files durable;
// tests replace them to inject failures.
var (
	write  = writeFile
	create = createFile
	flush  = syncFolder
)

// writers is how many files of a dossier rendered in memory are written at
// once (where each is synced, the syncs wait for the disk, not for the
// processor).
const writers = 8

// fileNames lists the dossier folder's files: manifest.json, ho-so.pdf,
// then each document's DOCX and PDF.
func (d *Dossier) fileNames() []string {
	names := []string{ManifestName, MergedName}
	for _, doc := range d.Documents {
		names = append(names, doc.DOCX, doc.PDF)
	}
	return names
}

// writeFiles writes the dossier's files into the folder dir: the documents
// and ho-so.pdf (see Write), then manifest.json, which their page counts
// and warnings go into.
func (d *Dossier) writeFiles(ctx context.Context, dir string) error {
	sums := &hashes{m: map[string]string{}}
	put := func(name string, data []byte) error {
		sums.add(name, hexSum(data))
		return write(filepath.Join(dir, name), data)
	}
	if d.Merged != nil { // rendered in memory
		err := parallel.DoN(2*len(d.Documents)+1, writers, func(i int) error {
			if i == 2*len(d.Documents) {
				return put(MergedName, d.Merged)
			}
			doc := d.Documents[i/2]
			if i%2 == 0 {
				return put(doc.DOCX, doc.Bytes)
			}
			return put(doc.PDF, doc.PDFBytes)
		})
		if err != nil {
			return err
		}
	} else if err := d.stream(ctx, dir, put, sums); err != nil {
		return err
	}
	d.hashes = sums.m
	m, err := json.MarshalIndent(d.Manifest(), "", "  ")
	if err != nil {
		return err
	}
	return write(filepath.Join(dir, ManifestName), append(m, '\n'))
}

// hashes collects the SHA-256 of the files written, from several
// goroutines.
type hashes struct {
	mu sync.Mutex
	m  map[string]string // by file name
}

// add records the hash (hex) of the file name.
func (h *hashes) add(name, sum string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.m[name] = sum
}

// hexSum is the SHA-256 of data, in hex as manifest.json keeps it.
func hexSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashFile is the SHA-256 (hex) of the regular file path, read as it
// streams.
func hashFile(path string) (string, error) {
	f, err := safefs.OpenRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", safefs.Wrap("không đọc được", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// stream fills and renders the documents into the folder dir, a window at
// a time, appending to ho-so.pdf as it goes; put writes each document's
// file, and ho-so.pdf's hash goes into sums.
func (d *Dossier) stream(ctx context.Context, dir string, put func(name string, data []byte) error, sums *hashes) error {
	path := filepath.Join(dir, MergedName)
	f, err := create(path)
	if err != nil {
		return err
	}
	sum := sha256.New()
	merged := bufio.NewWriterSize(io.MultiWriter(f, sum), 64<<10)
	err = d.render(ctx,
		func(i int, docx []byte) error { return put(d.Documents[i].DOCX, docx) },
		func(i int, pdf []byte) error { return put(d.Documents[i].PDF, pdf) }, merged)
	if err == nil {
		err = merged.Flush()
	}
	if err == nil {
		sums.add(MergedName, hex.EncodeToString(sum.Sum(nil)))
	}
	if err == nil && syncEach {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil && ctx.Err() == nil {
		return safefs.Wrap("không ghi được tệp", path, err)
	}
	return err
}

// checkNames refuses a folder or file name that is not a plain name, or a
// file name used twice (whatever its case), before anything is written.
func (d *Dossier) checkNames(names []string) error {
	if !plainName(d.Slug) {
		return fmt.Errorf("tên thư mục hồ sơ không hợp lệ: %q", d.Slug)
	}
	seen := map[string]bool{}
	for _, name := range names {
		if !plainName(name) || seen[strings.ToLower(name)] {
			return fmt.Errorf("tên tệp không hợp lệ hoặc trùng: %q", name)
		}
		seen[strings.ToLower(name)] = true
	}
	return nil
}

// checkReplace tells whether the dossier replaces a folder, and refuses
// to write when the folder is not this submission's dossier, or when an
// entry of the clerk's there has the name of a file the new dossier
// writes (whatever its case): one the clerk added, or a file of hoso's
// the clerk edited since. It would be lost, so the clerk is asked to
// rename or move it first.
func (d *Dossier) checkReplace(outDir string, names []string) (replacing bool, err error) {
	final := filepath.Join(outDir, d.Slug)
	free, held := FolderFree(outDir, d.Slug, d.Source)
	if !free {
		return false, fmt.Errorf("thư mục %s %s: hoso không ghi đè; hãy chọn thư mục đầu ra khác hoặc tự chuyển thư mục đó đi",
			safefs.Quote(final), held)
	}
	kept, edited, err := clerkEntries(final)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	writes := map[string]bool{}
	for _, name := range names {
		writes[strings.ToLower(name)] = true
	}
	var added, changed []string
	for _, name := range kept {
		switch {
		case !writes[strings.ToLower(name)]:
		case edited[name]:
			changed = append(changed, safefs.Quote(name))
		default:
			added = append(added, safefs.Quote(name))
		}
	}
	switch {
	case len(changed) > 0:
		return false, fmt.Errorf("trong thư mục hồ sơ %s, %s đã được sửa sau khi hoso ghi (nội dung khác bản hoso ghi): lập lại sẽ thay mất phần sửa nên hoso dừng, hồ sơ cũ được giữ nguyên; "+
			"muốn giữ bản sửa thì đổi tên tệp (ví dụ thêm «-da-sua» trước đuôi tệp): tệp mang tên khác được chuyển nguyên vẹn sang hồ sơ mới; không cần bản sửa thì xóa tệp; rồi chạy lại",
			safefs.Quote(final), strings.Join(changed, ", "))
	case len(added) > 0:
		return false, fmt.Errorf("trong thư mục hồ sơ %s có %s không do hoso ghi nhưng trùng tên với tệp hồ sơ mới: hãy đổi tên hoặc chuyển chúng đi rồi chạy lại (hồ sơ cũ được giữ nguyên)",
			safefs.Quote(final), strings.Join(added, ", "))
	}
	return true, nil
}

// clerkEntries lists what in the dossier folder dir is the clerk's: every
// entry but the regular files the folder's manifest names as hoso's with
// the content hoso wrote (a folder or a link is never hoso's). edited
// says which of them are files of hoso's the clerk changed since: their
// content differs from the hash the manifest keeps (a manifest of a hoso
// that kept none tells no edit). Without a readable manifest it fails.
func clerkEntries(dir string) (kept []string, edited map[string]bool, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, safefs.Wrap("không đọc được thư mục", dir, err)
	}
	m, err := readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	hoso := map[string]bool{ManifestName: true}
	if m.MergedPDF != "" {
		hoso[m.MergedPDF] = true
	}
	for _, doc := range m.Documents {
		hoso[doc.DOCX] = true
		if doc.PDF != "" {
			hoso[doc.PDF] = true
		}
	}
	edited = map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		switch {
		case !hoso[name] || !e.Type().IsRegular():
			kept = append(kept, name)
		case m.Hashes[name] != "":
			sum, err := hashFile(filepath.Join(dir, name))
			if err != nil {
				return nil, nil, err
			}
			if sum != m.Hashes[name] {
				kept, edited[name] = append(kept, name), true
			}
		}
	}
	return kept, edited, nil
}

// swap puts the new folder fresh in final's place. A previous folder is
// renamed aside first (into the work folder), and the clerk's entries in
// it are moved into the new one; it is removed with the work folder.
// Should the process die in between, the next LockOutput puts the
// previous folder back or finishes the move (recoverStaging). keep says
// the work folder still holds entries of the clerk's, which must stay.
func swap(fresh, final, aside string, replacing bool) (keep bool, err error) {
	if replacing {
		if err := os.Rename(final, aside); err != nil {
			return false, safefs.Wrap("không chuyển được hồ sơ cũ", final, err)
		}
	}
	if err := os.Rename(fresh, final); err != nil {
		if replacing {
			os.Rename(aside, final)
		}
		return false, safefs.Wrap("không đưa được hồ sơ mới vào", final, err)
	}
	if !replacing {
		return false, nil
	}
	if left := carryOver(aside, final); len(left) > 0 {
		return true, fmt.Errorf("hồ sơ mới đã ghi vào %s nhưng %s của bạn chưa chuyển sang được (tên đã có): chúng vẫn ở %s; hãy tự chuyển chúng",
			safefs.Quote(final), strings.Join(left, ", "), safefs.Quote(aside))
	}
	syncDir(final)
	return false, nil
}

// carryOver moves every entry of the previous dossier folder old that
// hoso did not write into the new folder dir, and returns those it could
// not move (a name taken in dir). Without old's manifest nothing in it is
// known to be hoso's, so everything is moved where the name is free; a
// folder that cannot be listed at all is left whole (it may hold the
// clerk's files), and says so.
func carryOver(old, dir string) (left []string) {
	kept, _, err := clerkEntries(old)
	if err != nil {
		entries, err := os.ReadDir(old)
		if err != nil {
			return []string{"mọi tệp trong thư mục cũ (không đọc được: " + err.Error() + ")"}
		}
		for _, e := range entries {
			kept = append(kept, e.Name())
		}
	}
	for _, name := range kept {
		to := filepath.Join(dir, name)
		if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) || os.Rename(filepath.Join(old, name), to) != nil {
			left = append(left, safefs.Quote(name))
		}
	}
	return left
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

// writeFile writes a new file of the dossier, synced where syncEach says
// so (see safefs.WriteNew).
func writeFile(path string, data []byte) error {
	return safefs.WriteNew(path, data, syncEach)
}

// fileWriter is a new file being written.
type fileWriter interface {
	io.Writer
	Sync() error
	Close() error
}

// createFile creates a new file of the dossier (see safefs.Create).
func createFile(path string) (fileWriter, error) { return safefs.Create(path) }
