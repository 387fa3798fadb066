// Package docxtpl fills DOCX templates that maintainers edit in Word or
// LibreOffice. It knows nothing of what the documents say: the data is any
// Go value, and fields are found by their `tpl` (else `toml`) struct tags.
//
// Tags are written in the document text:
//
//	{{ten_truong}}                 prints a field; {{a.b.c}} a nested one
//	{{ten_truong | hoa}}           applies a formatter (see Filters)
//	{{x | mac_dinh:"Không"}}       formatter with an argument
//	{{for x in danh_sach}} … {{end}}   repeats what is between, x = each item,
//	                               {{stt}} = its 1-based number
//	{{if truong}} … {{else}} … {{end}}  keeps one branch; also "if not x",
//	                               "if x == \"giá trị\"", "if x != 3"
//
// Word splits what a person types into several runs (spell-check marks,
// rsids, language tags, bookmarks); tags are found in the joined text of a
// paragraph and the tag's run keeps the formatting of the run where "{{"
// starts. Smart quotes typed by autocorrect are accepted.
//
// What a for or if repeats or keeps is decided by where its tags sit:
// both in one paragraph → the text between them; in different paragraphs
// of one body, cell or text box → the paragraphs (and tables) between them;
// in cells of one table → the rows from the opening tag's row to the
// closing tag's row. A paragraph or table row that holds nothing but
// control tags disappears from the output, so loops can sit on lines of
// their own.
//
// Values are text: escaped once by the XML writer, never read as template
// code; a newline becomes a line break and a tab a tab inside the run.
// Every problem of a template (unknown field, formatter given a kind of
// value it does not take, unbalanced loop, malformed tag, tag in a header)
// is reported at once — Compile checks the fields even past a broken block
// — with the template file, a location a person can find in Word (part,
// section, table, row, cell, paragraph number and the start of its text)
// and a fix; Explain prints them for a person. Headers, footers and notes
// are not filled, so a tag there is an error rather than a leftover. What
// is allowed but worth a look (a landscape page, a tag whose letters are
// formatted unevenly) is kept as the template's Notes.
//
// A struct may hold free fields in a map tagged `tpl:",extra"`: a name the
// struct has no field for is looked up there when filling, and Compile
// accepts it when Schema.Extra declares it. Template.Fields lists every
// field a template reads.
//
// Templates may come from other offices: before anything is read, Parse
// refuses a file that is not a DOCX (naming what it is), an archive over
// the size, entry count or compression ratio limits or with unsafe entry
// names, malformed XML or DOCTYPE declarations, unreached parts, and
// active, embedded or external content (macros, ActiveX, OLE objects,
// external relationships other than web hyperlinks, fields that run or
// fetch something); see ooxml.CheckPackage, which templates check
// applies too.
package docxtpl
