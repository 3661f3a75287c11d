#!/usr/bin/env bash
# bench_roster.sh [N] — time `tongxin roster import` of N synthetic members (default 1,000,000)
# against the sqlite3 shell's `.import` of the same file into a 14-column TEXT table that has a
# UNIQUE index on the ID column (created before the import, so both sides maintain an index), then
# time `roster list --community`, `--search` on the resulting store.
#
# Builds Release into $BENCH_BUILD_DIR (default build/bench-release: not build/bench, which is the
# bench/ subdirectory of the developer tree build/ and gets overwritten whenever that tree
# regenerates), works in a temp dir (removed on exit; set KEEP=1 to keep it).
# Prints: rows, tongxin seconds, sqlite3 seconds, ratio (tongxin / sqlite3), tongxin peak RSS.
# Target (see bench/README.md): ratio <= 1.0 and peak < 300 MB, with every check still on.
set -euo pipefail

N="${1:-1000000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BENCH_BUILD_DIR:-$ROOT/build/bench-release}"

if [[ ! -x /usr/bin/time ]]; then
  echo "GNU time missing; installing it" >&2
  apt-get install -y time >/dev/null
fi
command -v sqlite3 >/dev/null || { echo "sqlite3 CLI not found" >&2; exit 1; }
if ! sqlite3 :memory: '.help import' 2>/dev/null | grep -q -- '--skip'; then
  echo "this sqlite3 ($(sqlite3 --version | cut -d' ' -f1)) has no .import --skip (needs >= 3.32)" >&2
  exit 1
fi

mkdir -p "$BUILD"
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$BUILD" -j2 --target tongxin gen_members; } >"$BUILD/bench_build.log" 2>&1; then
  tail -30 "$BUILD/bench_build.log" >&2
  exit 1
fi
TX="$BUILD/tongxin"
GEN="$BUILD/bench/gen_members"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bench_roster.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then
  trap 'rm -rf "$TMP"' EXIT
else
  echo "keeping $TMP" >&2
fi
cd "$TMP"

communities=""
for i in $(seq 1 20); do communities+="${communities:+,}c$i"; done
"$GEN" --count "$N" --communities "$communities" > members.csv

"$TX" init ws >/dev/null
mkdir -p ws/communities
for i in $(seq 1 20); do printf 'id: c%d\nname: 社区%d\n' "$i" "$i" > "ws/communities/c$i.yaml"; done

# seconds (wall) and peak RSS (KB) of a command, via GNU time; stdout of the command discarded.
timed() {
  local out="$1"; shift
  /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null
}

sync
timed tx_import.time "$TX" -C ws roster import ../members.csv
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

timed list_community.time "$TX" -C ws roster list --community c7 --format csv
timed list_search.time "$TX" -C ws roster list --search zhang --format csv
timed list_initials.time "$TX" -C ws roster list --search zs
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
