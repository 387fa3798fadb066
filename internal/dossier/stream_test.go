package dossier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/templates"
)

func readSample(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadSets(t *testing.T) []*formset.Set {
	t.Helper()
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// TestStreamedFolderIsTheInMemoryDossier builds each sample, and a
// submission of 120 nominees (more than one window of pages), twice: in
// memory (Build: every DOCX filled and kept, then RenderPDF, which reads
// them from their bytes) and as the command does (Prepare, then Write:
// filled and rendered a window at a time, each filled tree handed to the
// PDF stage without being parsed again). The folder written holds exactly
// the bytes held in memory: every DOCX, every PDF, ho-so.pdf and the
// manifest, page counts and warnings included.
func TestStreamedFolderIsTheInMemoryDossier(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	sets := loadSets(t)
	inputs := map[string][]byte{"synth-120.toml": []byte(synth.Submission(120, 3, 0))}
	samples, _ := filepath.Glob("../../samples/*.toml")
	if len(samples) < 3 {
		t.Fatalf("samples: %v", samples)
	}
	for _, s := range samples {
		inputs[s] = readSample(t, s)
	}
	for path, src := range inputs {
		mem, err := Build(path, src, sets)
		if err != nil {
			t.Fatal(err)
		}
		if err := mem.RenderPDF(); err != nil {
			t.Fatal(err)
		}
		streamed, err := Prepare(path, src, sets)
		if err != nil {
			t.Fatal(err)
		}
		dir, err := streamed.Write(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]byte{MergedName: mem.Merged}
		for _, doc := range mem.Documents {
			want[doc.DOCX], want[doc.PDF] = doc.Bytes, doc.PDFBytes
		}
		m, err := json.MarshalIndent(mem.Manifest(), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want[ManifestName] = append(m, '\n')
		got := snapshot(t, dir)
		if names(got) != names(stringsOf(want)) {
			t.Fatalf("%s: the folder holds %s, the dossier in memory %s", path, names(got), names(stringsOf(want)))
		}
		for name, b := range want {
			if !bytes.Equal([]byte(got[name]), b) {
				t.Errorf("%s: %s written differs from the one in memory", path, name)
			}
		}
		if streamed.Documents[0].Bytes != nil || streamed.Documents[0].PDFBytes != nil {
			t.Errorf("%s: the streamed dossier kept its files in memory", path)
		}
		if path == "synth-120.toml" && mem.pages() <= windowPagesOfStage {
			t.Errorf("the large dossier has %d pages: one window", mem.pages())
		}
	}
}

// windowPagesOfStage is the PDF stage's window (internal/pdf windowPages),
// which the large dossier of the test above must exceed.
const windowPagesOfStage = 256

func (d *Dossier) pages() int {
	n := 0
	for _, doc := range d.Documents {
		n += doc.Pages
	}
	return n
}

func stringsOf(m map[string][]byte) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

// TestWriteStopsWhenCancelled cancels a streamed Write as its first file
// is written: Write stops at the end of that window with the context's
// error, having written far fewer files than the dossier has, and leaves
// neither a dossier folder nor its staging folder.
func TestWriteStopsWhenCancelled(t *testing.T) {
	d, err := Prepare("synth.toml", []byte(synth.Submission(120, 3, 0)), loadSets(t))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var written atomic.Int32
	defer func() { write = writeFile }()
	write = func(path string, data []byte) error {
		written.Add(1)
		cancel()
		return writeFile(path, data)
	}
	if _, err := d.Write(ctx, out); !errors.Is(err, context.Canceled) {
		t.Fatalf("Write = %v, want the context's error", err)
	}
	if n, all := int(written.Load()), 2*len(d.Documents)+1; n >= all/2 {
		t.Errorf("%d files written of %d: the write did not stop at the first window", n, all)
	}
	es, _ := os.ReadDir(out)
	var left []string
	for _, e := range es {
		left = append(left, e.Name())
	}
	sort.Strings(left)
	if len(left) != 0 {
		t.Errorf("the output folder holds %v", left)
	}
}

// TestStreamedWriteFailureKeepsThePreviousDossier fails the streamed write
// at each file in turn, and at ho-so.pdf: each time the error is reported
// and the previous dossier is intact, as for a dossier rendered in memory
// (TestFailedWriteKeepsThePreviousDossier).
func TestStreamedWriteFailureKeepsThePreviousDossier(t *testing.T) {
	out := t.TempDir()
	dir, err := buildPDF(t, minSample, "", "").Write(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	src := readSample(t, "../../samples/toi-thieu.toml")
	src = bytes.Replace(src, []byte("Võ Thị Mỹ Duyên"), []byte("Võ Thị Mỹ Hạnh"), 1)
	errInjected := errors.New("đĩa đầy (lỗi giả lập)")
	defer func() { write, create = writeFile, createFile }()
	for fail := 1; fail < len(before); fail++ { // every file but ho-so.pdf goes through write
		second, err := Prepare("../../samples/toi-thieu.toml", src, loadSets(t))
		if err != nil {
			t.Fatal(err)
		}
		var n atomic.Int32
		write = func(path string, data []byte) error {
			if n.Add(1) == int32(fail) {
				return errInjected
			}
			return writeFile(path, data)
		}
		if _, err := second.Write(context.Background(), out); !errors.Is(err, errInjected) {
			t.Fatalf("failure at file %d: Write = %v", fail, err)
		}
		if after := snapshot(t, dir); names(after) != names(before) || after[ManifestName] != before[ManifestName] {
			t.Fatalf("failure at file %d: the previous dossier changed", fail)
		}
	}
	write = writeFile
	create = func(path string) (fileWriter, error) {
		f, err := createFile(path)
		return failingWriter{f, errInjected}, err
	}
	second, err := Prepare("../../samples/toi-thieu.toml", src, loadSets(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := second.Write(context.Background(), out); !errors.Is(err, errInjected) {
		t.Fatalf("failure in ho-so.pdf: Write = %v", err)
	}
	if after := snapshot(t, dir); names(after) != names(before) || after[MergedName] != before[MergedName] {
		t.Fatal("failure in ho-so.pdf: the previous dossier changed")
	}
	if es, _ := os.ReadDir(out); len(es) != 1 { // the dossier, no staging folder left
		var got []string
		for _, e := range es {
			got = append(got, e.Name())
		}
		t.Errorf("the output folder holds %v", got)
	}
}

// failingWriter is a file whose writes fail, as on a full disk.
type failingWriter struct {
	fileWriter
	err error
}

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }
