#!/usr/bin/env bash
# Remake the PDF-text fixtures: the text poppler's pdftotext extracts from each PDF of
# ../pdf, in its three modes (reading order, -layout, -raw). Needs poppler-utils.
# Run from this folder: bash make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for pdf in "$here"/../pdf/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftotext -enc UTF-8 "$pdf" "$here/$name.txt"
    pdftotext -enc UTF-8 -layout "$pdf" "$here/$name-layout.txt"
    pdftotext -enc UTF-8 -raw "$pdf" "$here/$name-raw.txt"
done
ls -l "$here"/*.txt
