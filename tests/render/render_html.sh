#!/usr/bin/env bash
# Renders an HTML file with headless Chromium to PDF (print CSS, A4 from the page's @page rule)
# and to a PNG screenshot (screen CSS), and prints the PDF's page count on stdout.
#   render_html.sh FILE.html OUTDIR      → OUTDIR/NAME.pdf, OUTDIR/NAME.png; stdout: pages
# Needs Debian's chromium, fonts-noto-cjk (Chinese glyphs) and poppler-utils (pdfinfo); all are in
# scripts/install-deps. Chromium runs with a throw-away profile and no network services.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 FILE.html OUTDIR" >&2; exit 2; }
html=$(realpath "$1")
outdir=$(realpath "$2")
name=$(basename "$html" .html)
for tool in chromium pdfinfo; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found (run scripts/install-deps)" >&2; exit 1; }
done
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium_run() {
  # Chromium prints progress lines ("… bytes written to file …") and harmless D-Bus noise on
  # stderr; keep it only for when it fails.
  local log="$profile/chromium.log"
  if ! timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --disable-dev-shm-usage --user-data-dir="$profile" "$@" "file://$html" >"$log" 2>&1; then
    cat "$log" >&2
    echo "$0: chromium failed on $html" >&2
    exit 1
  fi
}
chromium_run --no-pdf-header-footer --print-to-pdf="$outdir/$name.pdf"
chromium_run --window-size=1000,1400 --screenshot="$outdir/$name.png"
[ -s "$outdir/$name.pdf" ] || { echo "$0: no PDF written for $html" >&2; exit 1; }
[ -s "$outdir/$name.png" ] || { echo "$0: no PNG written for $html" >&2; exit 1; }
pdfinfo "$outdir/$name.pdf" | sed -n 's/^Pages: *//p'
