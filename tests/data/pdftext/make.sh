#!/usr/bin/env bash
# Remake the PDF-text fixtures: the text poppler's pdftotext extracts from each PDF of
# ../pdf, in its three modes (reading order, -layout, -raw), and what pdfplumber and
# pdfminer.six extract. Needs poppler-utils and the [pdf] extra.
# Run from this folder: bash make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for pdf in "$here"/../pdf/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftotext -enc UTF-8 "$pdf" "$here/$name.txt"
    pdftotext -enc UTF-8 -layout "$pdf" "$here/$name-layout.txt"
    pdftotext -enc UTF-8 -raw "$pdf" "$here/$name-raw.txt"
done

# The same PDFs through the Python tools researchers use: pdfplumber's extract_text (plain
# and layout=True) and pdfminer.six's extract_text (pip install 'govdisclosure[pdf]').
python - "$here" <<'PY'
import sys
from pathlib import Path

import pdfplumber
from pdfminer.high_level import extract_text

here = Path(sys.argv[1])
for pdf in sorted((here / ".." / "pdf").glob("*.pdf")):
    with pdfplumber.open(pdf) as document:
        plain = "\n".join(page.extract_text() or "" for page in document.pages)
        layout = "\n".join(page.extract_text(layout=True) or "" for page in document.pages)
    (here / f"{pdf.stem}-plumber.txt").write_text(plain + "\n", "utf-8")
    (here / f"{pdf.stem}-plumber-layout.txt").write_text(layout + "\n", "utf-8")
    (here / f"{pdf.stem}-pdfminer.txt").write_text(extract_text(pdf), "utf-8")
PY
ls -l "$here"/*.txt
