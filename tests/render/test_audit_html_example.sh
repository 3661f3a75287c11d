#!/usr/bin/env bash
# The printable HTML of a real standard: tongxin audit --format html on the Yongdeng example
# (32 items, six communities) rendered by headless Chromium must still give one A4 page per
# community plus the summary page, each showing its community's totals (test_audit_html.sh).
#   test_audit_html_example.sh TONGXIN
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 TONGXIN" >&2; exit 2; }
tongxin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export TONGXIN_TODAY=2012-03-31 HOME="$work"
"$tongxin" init w --example yongdeng-2011 > /dev/null
"$tongxin" -C w roster import data/roster.csv > /dev/null
"$tongxin" -C w activity import data/activities.csv > /dev/null
# Exit 1 is expected: some example communities fail the standard.
"$tongxin" -C w audit --format json > audit.json || [ $? -eq 1 ]
"$tongxin" -C w audit --format html > audit.html || [ $? -eq 1 ]
bash "$(dirname "$(realpath "$0")")/test_audit_html.sh" audit.json audit.html
