#!/usr/bin/env bash
# bench_export.sh [N] — time the exports of a register of N synthetic members (default 1,000,000)
# against the sqlite3 shell exporting the same columns as CSV, in one run on the same store:
#   - the shell: `sqlite3 -csv -header` of the columns `roster list --format csv` writes (id, every
#     non-sensitive field, the categories joined as tongxin joins them, status), active members
#     ordered by name and id, into a file;
#   - tongxin `roster list --format csv`, `--format tsv` (the query and the rows without any
#     file format to speak of: what every export costs before its writer), `--format json`
#     (stdout into a file), `--format xlsx --out` (tongxin's own streaming XLSX writer), and the
#     terminal table of every member, both `roster list` and `roster list --search %` (the
#     command of issue #12 item 9; --search takes % literally now, it matches no one, and its
#     row count says so).
# Prints each command's wall seconds, its ratio to the shell's (target <= 2), its CPU seconds
# (user + system, steadier than wall time on a shared machine) and their ratio, its peak RSS
# (target <= 100 MB, GNU time's maximum resident set size), the shell's time and peak, and checks
# that the CSV and the workbook have as many rows as the shell's; and the load average before and
# after.
#
# Builds Release into $BENCH_BUILD_DIR (default build/bench-release) unless TONGXIN names a binary
# (then GEN_MEMBERS must name gen_members); works in a temp dir (removed on exit; KEEP=1 keeps
# it): bench/common.sh.
# See bench/README.md ("export").
set -euo pipefail

N="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$ROOT/bench/common.sh"
bench_tools
bench_binaries gen_members
bench_workdir bench_export
bench_members "$N" members.csv
bench_twenty_communities
"$tongxin" -C ws roster import "$work/members.csv" >/dev/null
rm members.csv

# timed NAME OUTPUT COMMAND...: runs COMMAND with stdout into OUTPUT; NAME.time gets the wall
# seconds, the peak RSS in KB and the user and system CPU seconds (GNU time).
timed() {
  local name="$1" output="$2"; shift 2
  sync
  /usr/bin/time -f '%e %M %U %S' -o "$name.time" "$@" > "$output"
}

# The columns of `roster list --format csv`, in its order; the shell sorts by the name's bytes
# where tongxin sorts by pinyin (an ICU collation key per name).
cat > export.sql <<'SQL'
SELECT m.id, m.name, m.sex, m.id_number, m.birth_date, m.political_status,
  (SELECT group_concat(category, ',') FROM (SELECT category FROM member_category
     WHERE member_id = m.id ORDER BY category)) AS categories,
  m.employer, m.position, m.phone, m.address, m.community, m.key_contact, m.hardship,
  m.contact_cadre, m.greetings, m.notes, m.registered_on, m.status
FROM member m WHERE m.status = 'active' ORDER BY m.name, m.id;
SQL
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
timed sqlite3 ref.csv sqlite3 -init /dev/null -batch -bail -csv -header -readonly ws/tongxin.db \
  ".read export.sql"

timed csv out.csv "$tongxin" -C ws roster list --format csv
timed tsv out.tsv "$tongxin" -C ws roster list --format tsv
timed json out.json "$tongxin" -C ws roster list --format json
timed xlsx /dev/null "$tongxin" -C ws roster list --format xlsx --out "$work/out.xlsx"
timed table out.txt "$tongxin" -C ws roster list
timed search out_search.txt "$tongxin" -C ws roster list --search %

header="$(head -1 ref.csv | tr -d '\r')"
if [[ "$(head -1 out.csv | tr -d '\r')" != "$header" ]]; then
  echo "columns differ: tongxin $(head -1 out.csv), sqlite3 $header" >&2
  exit 1
fi
ref_rows=$(($(wc -l < ref.csv) - 1))
csv_rows=$(($(wc -l < out.csv) - 1))
if [[ "$ref_rows" != "$N" || "$csv_rows" != "$N" ]]; then
  echo "row counts differ: asked $N, sqlite3 $ref_rows, tongxin csv $csv_rows" >&2
  exit 1
fi
table_rows=$(($(wc -l < out.txt) - 1))
# Rows of the workbook's sheet, header included, read as a stream.
xlsx_rows=$(python3 - out.xlsx <<'PY'
import sys, zipfile
count, tail = 0, b""
with zipfile.ZipFile(sys.argv[1]).open("xl/worksheets/sheet1.xml") as sheet:
    while chunk := sheet.read(1 << 20):
        data = tail + chunk
        count += data.count(b"<row ")
        tail = data[-4:]
print(count - 1)
PY
)
if [[ "$xlsx_rows" != "$N" ]]; then
  echo "row counts differ: asked $N, tongxin xlsx $xlsx_rows" >&2
  exit 1
fi
# Lines under the header; a table with no rows prints nothing at all off a terminal.
search_lines=$(wc -l < out_search.txt)
search_rows=$((search_lines > 0 ? search_lines - 1 : 0))

read -r sq_s sq_kb sq_user sq_sys < sqlite3.time
sq_cpu="$(awk -v u="$sq_user" -v s="$sq_sys" 'BEGIN { print u + s }')"
printf 'members                          %d  (load average before: %s)\n' "$N" "$LOAD_BEFORE"
printf 'sqlite3 -csv (same columns)      %6.2f s              cpu %6.2f s              peak %4.0f MB  (%d MB file)\n' \
  "$sq_s" "$sq_cpu" "$((sq_kb / 1024))" "$(($(stat -c %s ref.csv) / 1048576))"
line() {
  local name="$1" label="$2" file="$3" rows="$4" s kb user sys
  read -r s kb user sys < "$name.time"
  awk -v label="$label" -v s="$s" -v q="$sq_s" -v c="$(awk -v u="$user" -v y="$sys" \
      'BEGIN { print u + y }')" -v qc="$sq_cpu" -v kb="$kb" -v bytes="$(stat -c %s "$file")" \
      -v rows="$rows" 'BEGIN {
    printf "%-32s %6.2f s  ratio %5.2f  cpu %6.2f s  ratio %5.2f  peak %4.0f MB  (%d MB file, %d rows)\n",
           label, s, (q > 0 ? s / q : 0), c, (qc > 0 ? c / qc : 0), kb / 1024, bytes / 1048576, rows }'
}
line csv "roster list --format csv" out.csv "$csv_rows"
line tsv "roster list --format tsv" out.tsv "$(($(wc -l < out.tsv) - 1))"
line json "roster list --format json" out.json "$(grep -c '^  {' out.json || true)"
line xlsx "roster list --format xlsx --out" out.xlsx "$xlsx_rows"
line table "roster list (terminal table)" out.txt "$table_rows"
line search "roster list --search %" out_search.txt "$search_rows"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets: ratio <= 2, peak <= 100 MB"
