#!/usr/bin/env bash
# The report's HTML rendered by headless Chromium: tongxin report quarterly --period 2012-Q1
# --format html on the Yongdeng example, printed to an A4 PDF and a PNG. The HTML holds its three
# SVG charts and nothing fetched from outside; the PDF shows the drafted summary's title and
# headings, a figure of the period and the charts' titles.
#   test_report_html.sh TONGXIN
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 TONGXIN" >&2; exit 2; }
tongxin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export TONGXIN_TODAY=2026-11-21 LC_ALL=C.UTF-8 TZ=UTC
"$tongxin" init w --example yongdeng-2011 > /dev/null
"$tongxin" -C w roster import data/roster.csv > /dev/null
"$tongxin" -C w activity import data/activities.csv > /dev/null
"$tongxin" -C w report quarterly --period 2012-Q1 --community chengguan-dongjie --format html \
  --out "$work/report.html"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
charts=$(grep -o '<svg class="chart"' report.html | wc -l)
[ "$charts" = 3 ] || fail "$charts SVG charts in the HTML, expected 3"
grep -q '<rect ' report.html || fail "no bars in the charts"
grep -Eq '<(script|link|img)' report.html && fail "the HTML loads something"
grep -Eo 'https?://[^"]*' report.html | grep -v '^http://www.w3.org/2000/svg$' && fail "a URL"
pages=$(bash "$(dirname "$0")/render_html.sh" report.html "$work")
[ "$pages" -ge 2 ] || fail "$pages PDF pages, expected the summary and the tables"
text=$(pdftotext report.pdf - | tr -d ' \n')
for want in 东街社区2012年第一季度统战工作总结 一、基本情况 三、存在的问题 四、下一步工作打算 \
    本季度共开展统战工作活动7次 活动按类型 活动按月 统战成员按类别; do
  [[ "$text" == *"$want"* ]] || fail "the PDF does not show $want"
done
pdfinfo report.pdf | grep -q 'A4' || fail "the PDF is not A4"
[ -s report.png ] || fail "no PNG"
[ "$failures" = 0 ] && echo "ok: 3 charts, $pages A4 pages"
exit "$failures"
