#!/usr/bin/env bash
# bench_roster.sh [N] — time `tongxin roster import` of N synthetic members (default 1,000,000)
# against the sqlite3 shell's `.import` of the same file into a 14-column TEXT table that has a
# UNIQUE index on the ID column (created before the import, so both sides maintain an index), then
# time `roster list --community`, `--search` on the resulting store.
#
# Builds Release into $BENCH_BUILD_DIR (default build/bench-release) unless TONGXIN names a binary
# (then GEN_MEMBERS must name gen_members); works in a temp dir (removed on exit; KEEP=1 keeps it):
# bench/common.sh.
# Prints: rows, tongxin seconds, sqlite3 seconds, ratio (tongxin / sqlite3), tongxin peak RSS.
# Target (see bench/README.md): ratio <= 1.0 and peak < 300 MB, with every check still on.
set -euo pipefail

N="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
bench_tools
if ! sqlite3 :memory: '.help import' 2>/dev/null | grep -q -- '--skip'; then
  echo "this sqlite3 ($(sqlite3 --version | cut -d' ' -f1)) has no .import --skip (needs >= 3.32)" >&2
  exit 1
fi
bench_binaries gen_members
bench_workdir bench_roster
bench_members "$N" members.csv
bench_twenty_communities

# seconds (wall) and peak RSS (KB) of a command, via GNU time; stdout of the command discarded.
timed() {
  local out="$1"; shift
  /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null
}

sync
timed tx_import.time "$tongxin" -C ws roster import ../members.csv
read -r tx_s tx_kb < tx_import.time

# Same columns as the CSV header (14), all TEXT; the unique index exists before the import.
cat > import.sql <<'SQL'
CREATE TABLE t (
  name TEXT, sex TEXT, id_number TEXT, political_status TEXT, categories TEXT, employer TEXT,
  position TEXT, phone TEXT, address TEXT, community TEXT, key_contact TEXT, hardship TEXT,
  contact_cadre TEXT, notes TEXT);
CREATE UNIQUE INDEX t_id_number ON t(id_number);
.mode csv
.import --skip 1 members.csv t
SQL
sync
timed sq_import.time sqlite3 ref.db -init /dev/null -batch -bail ".read import.sql"
read -r sq_s sq_kb < sq_import.time

tx_rows="$(sqlite3 ws/tongxin.db 'SELECT count(*) FROM member')"
sq_rows="$(sqlite3 ref.db 'SELECT count(*) FROM t')"
if [[ "$tx_rows" != "$N" || "$sq_rows" != "$N" ]]; then
  echo "row counts differ: asked $N, tongxin $tx_rows, sqlite3 $sq_rows" >&2
  exit 1
fi

timed list_community.time "$tongxin" -C ws roster list --community c7 --format csv
timed list_search.time "$tongxin" -C ws roster list --search zhang --format csv
timed list_initials.time "$tongxin" -C ws roster list --search zs
read -r lc_s lc_kb < list_community.time
read -r ls_s ls_kb < list_search.time
read -r li_s li_kb < list_initials.time

awk -v n="$N" -v t="$tx_s" -v s="$sq_s" -v kb="$tx_kb" -v skb="$sq_kb" \
    -v lc="$lc_s" -v lckb="$lc_kb" -v ls="$ls_s" -v lskb="$ls_kb" -v li="$li_s" -v likb="$li_kb" '
BEGIN {
  ratio = (s > 0) ? t / s : 0
  printf "rows                     %d\n", n
  printf "tongxin roster import    %.2f s\n", t
  printf "sqlite3 .import          %.2f s  (peak %.0f MB)\n", s, skb / 1024
  printf "ratio tongxin/sqlite3    %.2f  (target <= 1.00)\n", ratio
  printf "tongxin peak RSS         %.0f MB  (target < 300)\n", kb / 1024
  printf "list --community c7      %.2f s  (peak %.0f MB)\n", lc, lckb / 1024
  printf "list --search zhang      %.2f s  (peak %.0f MB)\n", ls, lskb / 1024
  printf "list --search zs         %.2f s  (peak %.0f MB)\n", li, likb / 1024
}'
