// Package pdfmerge merges the PDFs of a dossier into one file with a
// bookmark per document (and per nominee), and validates PDFs strictly.
//
// All work is done in memory with pdfcpu (no temporary files). The package
// disables pdfcpu's configuration directory before first use and builds a
// fresh pdfcpu configuration for every call, so its functions are safe for
// concurrent use by several goroutines.
package pdfmerge

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/unicode/norm"
)

// Part is one document to merge, with its bookmark title (Vietnamese, may
// contain any Unicode) and its PDF bytes. Parts are grouped under bookmarks
// with Group.
type Part struct {
	// Title is the bookmark title of the document. It is normalised to NFC;
	// control characters (newlines, tabs, …) become spaces.
	Title string
	// PDF is the complete PDF file of the document.
	PDF []byte
}

// Group is a bookmark with child documents (e.g. "Báo cáo thành tích" with
// one child per nominee). A Group with one Part and no title uses the part's
// title.
type Group struct {
	// Title is the bookmark of the group; it points at its first part's
	// first page. If it is empty, every part of the group gets its own
	// top-level bookmark.
	Title string
	// Parts are the documents of the group, in output order.
	Parts []Part
}

// ErrNoInput is returned (wrapped) by Merge when there is nothing to merge.
var ErrNoInput = errors.New("không có tài liệu nào để ghép")

// ErrEmptyTitle is returned (wrapped) by Merge when a document would get a
// bookmark without a title.
var ErrEmptyTitle = errors.New("thiếu tiêu đề mục lục")

var disableConfigDir sync.Once

// newConfig returns a fresh pdfcpu configuration that never touches the
// user's configuration directory.
func newConfig() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	return model.NewDefaultConfiguration()
}

// Merge concatenates every part of every group in order and adds the
// bookmarks: one top-level bookmark per group, one child per part when the
// group has a Title and more than one part (otherwise the group's bookmark
// points directly at its single part). A group without a Title and with
// several parts contributes one top-level bookmark per part. It returns the
// merged PDF.
func Merge(groups []Group) ([]byte, error) {
	out, err := merge(groups)
	if err != nil {
		return nil, fmt.Errorf("không ghép được tệp PDF: %w", err)
	}
	return out, nil
}

// item is a bookmark to create; page is 1-based in the merged PDF.
type item struct {
	title string
	page  int
	kids  []item
}

func merge(groups []Group) ([]byte, error) {
	conf := newConfig()
	// As in api.MergeRaw: inputs are read leniently; Validate is strict.
	conf.Cmd = model.MERGECREATE
	conf.ValidationMode = model.ValidationRelaxed
	conf.CreateBookmarks = false

	var (
		dest  *model.Context
		items []item
		next  = 1 // first page of the next part in the merged PDF
	)
	for gi, g := range groups {
		if len(g.Parts) == 0 {
			return nil, fmt.Errorf("nhóm %d (%q) không có tài liệu nào", gi+1, g.Title)
		}
		groupTitle := cleanTitle(g.Title)
		kids := make([]item, 0, len(g.Parts))
		for pi, p := range g.Parts {
			label := partLabel(gi, pi, p.Title)
			title := cleanTitle(p.Title)
			if title == "" && (groupTitle == "" || len(g.Parts) > 1) {
				return nil, fmt.Errorf("%s: %w", label, ErrEmptyTitle)
			}
			n, err := appendPart(&dest, p.PDF, label, conf)
			if err != nil {
				return nil, err
			}
			kids = append(kids, item{title: title, page: next})
			next += n
		}
		switch {
		case groupTitle == "":
			items = append(items, kids...)
		case len(kids) == 1:
			items = append(items, item{title: groupTitle, page: kids[0].page})
		default:
			items = append(items, item{title: groupTitle, page: kids[0].page, kids: kids})
		}
	}
	if dest == nil {
		return nil, ErrNoInput
	}
	if dest.PageCount != next-1 {
		return nil, fmt.Errorf("số trang sau khi ghép là %d, cần %d", dest.PageCount, next-1)
	}

	if conf.OptimizeBeforeWriting {
		if err := api.OptimizeContext(dest); err != nil {
			return nil, fmt.Errorf("không tối ưu được tệp đã ghép: %w", err)
		}
	}
	if err := setOutline(dest, items); err != nil {
		return nil, fmt.Errorf("không thêm được mục lục: %w", err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(dest, &out); err != nil {
		return nil, fmt.Errorf("không ghi được tệp đã ghép: %w", err)
	}
	return out.Bytes(), nil
}

// appendPart reads pdf and appends its pages to *dest (or makes it *dest if
// it is the first part). It returns the number of pages of pdf. This is what
// api.MergeRaw does, one part at a time, so that the page count of every part
// is known without parsing it twice.
func appendPart(dest **model.Context, pdf []byte, label string, conf *model.Configuration) (n int, err error) {
	defer func() {
		// pdfcpu reports most problems as errors, but guard against panics
		// on malformed input so that one bad file cannot crash a server.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: lỗi khi đọc tệp PDF: %v", label, r)
		}
	}()
	if len(pdf) == 0 {
		return 0, fmt.Errorf("%s: tệp PDF rỗng", label)
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), conf)
	if err != nil {
		return 0, fmt.Errorf("%s: không đọc được tệp PDF: %w", label, err)
	}
	n = ctx.PageCount
	if n < 1 {
		return 0, fmt.Errorf("%s: tệp PDF không có trang nào", label)
	}
	if *dest == nil {
		ctx.EnsureVersionForWriting()
		*dest = ctx
		return n, nil
	}
	if (*dest).XRefTable.Version() < model.V20 && ctx.XRefTable.Version() == model.V20 {
		return 0, fmt.Errorf("%s: không ghép được tệp PDF 2.0 vào tệp PDF %s", label, (*dest).XRefTable.Version())
	}
	if err := pdfcpu.MergeXRefTables(label, ctx, *dest, false, false); err != nil {
		return 0, fmt.Errorf("%s: %w", label, err)
	}
	return n, nil
}

// setOutline replaces the document outline of ctx by items. Unlike
// pdfcpu.AddBookmarks, which keys a named destination by each title and so
// mixes up bookmarks with equal titles (two nominees with the same name),
// every outline item gets an explicit destination [page /Fit]. Titles are
// written as UTF-16BE text strings.
func setOutline(ctx *model.Context, items []item) error {
	root, err := ctx.Catalog()
	if err != nil {
		return err
	}
	outlines := types.Dict{"Type": types.Name("Outlines")}
	ir, err := ctx.IndRefForNewObject(outlines)
	if err != nil {
		return err
	}
	first, last, count, err := outlineItems(ctx, items, *ir)
	if err != nil {
		return err
	}
	outlines["First"], outlines["Last"], outlines["Count"] = *first, *last, types.Integer(count)
	root["Outlines"] = *ir
	root["PageMode"] = types.Name("UseOutlines")
	return nil
}

// outlineItems creates the linked outline items for items under parent and
// returns the first and last item and the number of visible descendants
// (all items are open).
func outlineItems(ctx *model.Context, items []item, parent types.IndirectRef) (first, last *types.IndirectRef, count int, err error) {
	var prev types.Dict
	for _, it := range items {
		pageRef, err := ctx.PageDictIndRef(it.page)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("mục %q, trang %d: %w", it.title, it.page, err)
		}
		if pageRef == nil {
			return nil, nil, 0, fmt.Errorf("mục %q: không có trang %d", it.title, it.page)
		}
		title, err := types.EscapedUTF16String(it.title)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("mục %q: %w", it.title, err)
		}
		d := types.Dict{
			"Title":  types.StringLiteral(*title),
			"Parent": parent,
			"Dest":   types.Array{*pageRef, types.Name("Fit")},
		}
		ir, err := ctx.IndRefForNewObject(d)
		if err != nil {
			return nil, nil, 0, err
		}
		count++
		if len(it.kids) > 0 {
			kf, kl, kc, err := outlineItems(ctx, it.kids, *ir)
			if err != nil {
				return nil, nil, 0, err
			}
			d["First"], d["Last"], d["Count"] = *kf, *kl, types.Integer(kc)
			count += kc
		}
		if first == nil {
			first = ir
		} else {
			d["Prev"] = *last
			prev["Next"] = *ir
		}
		prev, last = d, ir
	}
	return first, last, count, nil
}

// partLabel names a part in error messages.
func partLabel(gi, pi int, title string) string {
	if t := cleanTitle(title); t != "" {
		return fmt.Sprintf("tài liệu %q (nhóm %d, mục %d)", t, gi+1, pi+1)
	}
	return fmt.Sprintf("tài liệu nhóm %d, mục %d", gi+1, pi+1)
}

// cleanTitle normalises a bookmark title to NFC, turns control characters
// into spaces (pdfcpu drops them when reading outlines back) and trims it.
func cleanTitle(s string) string {
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// Validate runs pdfcpu's strict validation on a PDF. Before that it checks
// that the file starts with a "%PDF-" header and ends with "%%EOF" (both
// within 1024 bytes, as readers allow), because pdfcpu silently repairs
// truncated files, the most common damage of an upload or download.
func Validate(pdf []byte) error {
	if err := checkEnvelope(pdf); err != nil {
		return fmt.Errorf("tệp PDF không hợp lệ: %w", err)
	}
	conf := newConfig()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		return fmt.Errorf("tệp PDF không hợp lệ: %w", err)
	}
	return nil
}

// checkEnvelope checks the "%PDF-" header and the "%%EOF" marker.
func checkEnvelope(pdf []byte) error {
	const window = 1024
	if len(pdf) == 0 {
		return errors.New("tệp rỗng")
	}
	if !bytes.Contains(pdf[:min(len(pdf), window)], []byte("%PDF-")) {
		return errors.New("thiếu phần đầu %PDF-")
	}
	tail := bytes.TrimRight(pdf, " \t\r\n\x00")
	if !bytes.Contains(tail[max(0, len(tail)-window):], []byte("%%EOF")) {
		return errors.New("thiếu dấu kết thúc %%EOF (tệp bị cắt cụt?)")
	}
	return nil
}

// PageCount returns the number of pages of a PDF.
func PageCount(pdf []byte) (int, error) {
	return pageCount(pdf)
}

func pageCount(pdf []byte) (int, error) {
	if len(pdf) == 0 {
		return 0, errors.New("không đọc được số trang PDF: tệp rỗng")
	}
	n, err := api.PageCount(bytes.NewReader(pdf), newConfig())
	if err != nil {
		return 0, fmt.Errorf("không đọc được số trang PDF: %w", err)
	}
	return n, nil
}
