package testtool

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// WriteFiles writes every file of files under dir: the key is the file's
// slash-separated name below dir, the value its text; the folders it
// needs are made. The test fails on any error.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// CopyFS copies the files of fsys under root (a slash-separated path,
// "." for all) into a MapFS, each one's data passed through edit, which
// is given the file's path in fsys. The test fails if fsys cannot be read.
func CopyFS(t testing.TB, fsys fs.FS, root string, edit func(path string, data []byte) []byte) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		out[path] = &fstest.MapFile{Data: edit(path, data)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
