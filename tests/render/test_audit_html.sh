#!/usr/bin/env bash
# The printable HTML of an audit (tests/unit/data/audit_sample.html, which the unit tests keep
# equal to write_audit_html of audit_sample.json) rendered by headless Chromium: one PDF page per
# community plus the summary page, and each page shows its community's name and totals.
#   test_audit_html.sh AUDIT.json AUDIT.html
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 AUDIT.json AUDIT.html" >&2; exit 2; }
json=$1
html=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pages=$(bash "$(dirname "$0")/render_html.sh" "$html" "$out")
pdf="$out/$(basename "$html" .html).pdf"

# What each page must show, one line per page: community name, points earned, points possible,
# percent; then the summary page's title when there are several communities.
expected=$(python3 - "$json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
def num(v):
    return str(int(v)) if float(v).is_integer() else repr(float(v))
for c in doc["communities"]:
    t = c["totals"]
    print("\t".join([c["name"], num(t["points_earned"]), num(t["points_possible"]),
                     num(t["percent"]) + "%", c["verdict_label"]]))
if len(doc["summary"]["rows"]) > 1:
    print(doc["labels"]["text"]["summary_title"])
PY
)
want=$(printf '%s\n' "$expected" | wc -l)
if [ "$pages" != "$want" ]; then
  echo "FAIL: $pages PDF pages, expected $want (one per community plus the summary)" >&2
  exit 1
fi
failures=0
page=0
while IFS= read -r line; do
  page=$((page + 1))
  text=$(pdftotext -layout -f "$page" -l "$page" "$pdf" -)
  IFS=$'\t' read -r -a wanted <<<"$line"
  for word in "${wanted[@]}"; do
    # Whole words of the page's text (pdftotext separates table cells by spaces).
    if ! grep -qF -- "$word" <<<"$text"; then
      echo "FAIL: page $page does not show '$word'" >&2
      failures=$((failures + 1))
    fi
  done
done <<<"$expected"
[ "$failures" -eq 0 ] || exit 1
echo "ok: $pages pages, each with its community's totals"
