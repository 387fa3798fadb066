#!/usr/bin/env bash
# Rebuilds giay-moi.docx from giay-moi.fodt with LibreOffice, as a maintainer
# would save it (File > Save As > Word 2007-365). LibreOffice writes the DOCX;
# nothing edits it afterwards.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$profile" "$out"' EXIT
soffice --headless "-env:UserInstallation=file://$profile" \
  --convert-to "docx:MS Word 2007 XML" --outdir "$out" giay-moi.fodt > /dev/null 2>&1
mv "$out/giay-moi.docx" giay-moi.docx
echo "wrote $(pwd)/giay-moi.docx"
