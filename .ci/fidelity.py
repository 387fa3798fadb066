#!/usr/bin/env python3
"""Runs ../shared/tools/fidelity.py on every DOCX/PDF pair under the given
folders and enforces the thresholds of the PDF issue: the same page count for
every document, median lines_same >= 97 % and median words_within_3mm >= 95 %
over all documents, and no document below 85 % words_within_3mm (--each).
Two options name the documents whose layout follows Word instead of
LibreOffice on purpose: --word-pages NAME=N (Word's page count, N, is
checked instead of LibreOffice's, and the words are not), --follows-word
NAME (the same page count as LibreOffice is checked, the words are not:
Word draws the text elsewhere, e.g. a font name LibreOffice does not read
as Word does). Both are marked in the table and still count in the medians.
Prints the per-document table (the figures quoted in the README)."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tools", required=True)
    ap.add_argument("--each", type=float, default=85,
                    help="every document must reach this words_within_3mm percentage (default 85)")
    ap.add_argument("--word-pages", action="append", default=[], metavar="NAME=N",
                    help="a document whose page count follows Word, not LibreOffice: N pages expected")
    ap.add_argument("--follows-word", action="append", default=[], metavar="NAME",
                    help="a document whose words follow Word, not LibreOffice: only its page count is checked")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    rows = []
    for d in a.dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if not f.endswith(".docx"):
                    continue
                docx = os.path.join(root, f)
                pdf = docx[:-5] + ".pdf"
                with tempfile.NamedTemporaryFile(suffix=".json") as j:
                    r = subprocess.run([sys.executable, os.path.join(a.tools, "fidelity.py"), pdf, docx, "--json", j.name],
                                       capture_output=True, text=True)
                    if r.returncode != 0:
                        print("fidelity could not run on %s:\n%s%s" % (docx, r.stdout, r.stderr))
                        return 1
                    m = json.load(open(j.name))
                rows.append((os.path.relpath(docx, d), m))
    if not rows:
        print("no documents found")
        return 1
    print("%-70s %6s %8s %9s" % ("document", "pages", "lines%", "words3mm%"))
    bad = []
    word_pages = dict(x.split("=", 1) for x in a.word_pages)
    follows_word = set(a.follows_word)
    seen = {os.path.basename(name) for name, _ in rows}
    for name in sorted((set(word_pages) | follows_word) - seen):
        bad.append("%s: named in --word-pages or --follows-word, but not found" % name)
    for name, m in rows:
        base = os.path.basename(name)
        want = word_pages.get(base)
        mark = "  (Word: %s pages)" % want if want is not None else "  (follows Word)" if base in follows_word else ""
        print("%-70s %3d/%-2d %8.1f %9.1f%s" % (name[:70], m["pages_ours"], m["pages_ref"], m["lines_same_pct"], m["within_3mm_pct"], mark))
        if want is not None:
            if m["pages_ours"] != int(want):
                bad.append("%s: %d pages, Word %s" % (name, m["pages_ours"], want))
            continue  # the layout differs from LibreOffice's on purpose
        if m["pages_ours"] != m["pages_ref"]:
            bad.append("%s: %d pages, LibreOffice %d" % (name, m["pages_ours"], m["pages_ref"]))
        if base in follows_word:
            continue  # the words are placed as Word places them, on purpose
        if m["within_3mm_pct"] < a.each:
            bad.append("%s: words_within_3mm %.1f%% < %g%%" % (name, m["within_3mm_pct"], a.each))
    med_lines = statistics.median(m["lines_same_pct"] for _, m in rows)
    med_words = statistics.median(m["within_3mm_pct"] for _, m in rows)
    print("median over %d documents: lines_same %.1f%%, words_within_3mm %.1f%%" % (len(rows), med_lines, med_words))
    if med_lines < 97:
        bad.append("median lines_same %.1f%% < 97%%" % med_lines)
    if med_words < 95:
        bad.append("median words_within_3mm %.1f%% < 95%%" % med_words)
    if bad:
        print("FIDELITY FAILED:\n  " + "\n  ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
