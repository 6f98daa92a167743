#!/usr/bin/env bash
# Remake the PDF fixtures: real PDFs as agencies publish them, made once from the bundled
# sample and the corpus pages. Needs LibreOffice, headless Chromium and fonts-noto-cjk
# (see the README beside this script). Run from this folder: bash make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/../corpus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A word-processor PDF: the sample rendered as Word, printed by LibreOffice.
python - "$work" <<'PY'
import sys
from pathlib import Path

import govdisclosure as gd

work = Path(sys.argv[1])
report = gd.examples.load("qijiang-psb-2023")
gd.dump(report, work / "qijiang-psb-2023.docx")
gd.dump(report, work / "qijiang-psb-2023-web.html")
PY
soffice --headless --convert-to pdf --outdir "$work" "$work/qijiang-psb-2023.docx" >/dev/null
cp "$work/qijiang-psb-2023.pdf" "$here/qijiang-psb-2023.pdf"

# Browser-printed pages: the sample's web page and two published pages of the corpus.
print_page() {
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}
print_page "$work/qijiang-psb-2023-web.html" "$here/qijiang-psb-2023-web.pdf"
print_page "$corpus/shuyang-fgj-2023.html" "$here/shuyang-fgj-2023.pdf"
print_page "$corpus/shanghai-bgt-2019.html" "$here/shanghai-bgt-2019.pdf"
ls -l "$here"/*.pdf
