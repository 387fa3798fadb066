#!/bin/sh
# Reruns every measurement of WORD-FEATURES.md (about 2 minutes on 2 cores); each script prints what
# LibreOffice drew. Work files go to $WF_WORK (default: $TMPDIR/wf-measure). Needs soffice and qpdf.
set -e
cd "$(dirname "$0")"
for s in m01_char_spacing m01c_colour_fonts m02_vert_align m02b_portion_fit m03_tables m04_shapes m04b_wrap_cells m04c_groups m05_footnotes m05b_notes_flow m06_numbering m07_pictures \
         m08_fonts m09_page_breaks m10_frames_borders m03c_row_edges m10b_para_borders; do
    echo "######## $s"
    python3 "$s.py"
done
