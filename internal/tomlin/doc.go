// Package tomlin reads the TOML files that ward clerks write and turns them
// into Go structs, reporting every problem in the input at once, in
// Vietnamese, with the field path and the line and column it concerns.
//
// The work is done in three steps:
//
//  1. The file is checked to be at most [MaxFileSize] bytes, to be UTF-8 (a
//     leading byte order mark is dropped; otherwise the message names the
//     encoding it seems to be in: UTF-16, Windows-1258, TCVN3…), to end
//     its lines with LF or CR LF, and, by a linear pre-scan, to have keys
//     of at most [MaxKeyLen] characters, values nested at most [MaxDepth]
//     deep (header parts, dotted key parts, arrays and inline tables) and at
//     most [MaxTables] tables: the parser's work grows faster than the text
//     on all three. Then it is parsed with github.com/BurntSushi/toml into a
//     generic map[string]any, so that parsing only fails on syntax errors.
//     A syntax error becomes a single [Problem] with a Vietnamese message
//     and hint; the parser's English never reaches the clerk.
//  2. A small, lenient scanner walks the (known valid) TOML text and records
//     where every key, table header and array element is defined; see
//     [Index].
//  3. A reflective decoder fills the caller's struct from the generic map,
//     collecting every type error, range error and unknown key instead of
//     stopping at the first one. Strings are normalised to Unicode NFC and
//     trimmed before they are stored, and refused when longer than
//     [MaxTextLen] or holding characters a document cannot carry (control
//     characters, invisible format characters such as zero-width spaces and
//     bidirectional controls, U+FFFD, stacked combining marks; see
//     [KeyControlChar]).
//
// Field paths use dots between keys and 1-based indices for array elements,
// because clerks count from one: de_nghi[2].khen_thuong[1].nam is the year of
// the first commendation of the second request. Keys that are not made of
// letters, digits, '_' and '-' are quoted, as in TOML: a."b.c".
//
// Struct fields are matched by their `toml:"name"` tag; fields without a tag
// (except embedded structs, whose fields are promoted) or with `toml:"-"` are
// ignored. A type whose pointer implements [Unmarshaler] receives the raw
// TOML value and decides for itself; this is how callers implement dates
// written either as TOML dates or as "dd/mm/yyyy" strings, or enumerations.
//
// Problems are data, not errors: [Decode] returns them as [Problems], which
// callers may extend with their own validation ([Problems.Add], using
// [Index.Find] for positions) and finally print with [Problems.Render].
package tomlin
