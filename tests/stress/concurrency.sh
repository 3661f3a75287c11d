#!/usr/bin/env bash
# Concurrency test: 4 writer processes each add 100 members (`roster add`, one process per
# write) while a reader lists the register over and over, and a bulk import of 20,000 members
# starts when the writers are half way. Every command must succeed (none may give up on the lock:
# the store's busy timeout makes them wait), no write may be lost (every member added is there),
# and the change log must hold exactly one entry per write (400 adds and the import's batch).
#
# usage: concurrency.sh TONGXIN [WRITERS] [WRITES]   (ctest: 4 × 100)
set -euo pipefail
binary=$(realpath "$1")
writers=${2:-4}
writes=${3:-100}
here=$(cd "$(dirname "$0")" && pwd)
bulk_rows=${TONGXIN_STRESS_BULK_ROWS:-20000}

work=$(mktemp -d)
# The writers and the reader stop with the script, whatever ends it.
trap 'kill $(jobs -p) 2>/dev/null || true; wait || true; rm -rf "$work"' EXIT
tongxin() {
  env -i PATH=/usr/bin:/bin HOME="$work" TZ=UTC LC_ALL=C.UTF-8 USER=tester \
    TONGXIN_TODAY=2026-11-21 TONGXIN_NOW=2026-11-21T09:00:00+0800 \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
    "$binary" --lang en -C "$work/w" "$@"
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
count() {
  sqlite3 "$work/w/tongxin.db" "$1"
}

tongxin init "$work/w" --example yongdeng-2011 >/dev/null
tongxin roster import "$work/w/data/roster.csv" >/dev/null
python3 "$here/make_roster.py" "$bulk_rows" 批量 >"$work/bulk.csv"
members_before=$(count "SELECT count(*) FROM member")
log_before=$(count "SELECT count(*) FROM change_log")

# Writer $1: adds members 并发$1-1 .. 并发$1-$writes; a failed command is logged with its
# stderr and exit status. Writer 1 says when it is half way, for the import to start.
writer() {
  local w=$1
  for n in $(seq 1 "$writes"); do
    tongxin roster add --community chengguan-dongjie --name "并发$w-$n" --categories other \
      >/dev/null 2>"$work/err-$w-$n" ||
      echo "writer $w write $n: exit $?: $(cat "$work/err-$w-$n")" >>"$work/failures"
    if [ "$w" = 1 ] && [ "$n" = $((writes / 2)) ]; then
      touch "$work/half-way"
    fi
  done
}
reader() {
  local reads=0
  while [ ! -e "$work/done" ]; do
    tongxin roster list --format csv >/dev/null 2>"$work/err-reader" ||
      echo "reader read $reads: exit $?: $(cat "$work/err-reader")" >>"$work/failures"
    reads=$((reads + 1))
  done
  echo "$reads" >"$work/reads"
}

start=$(date +%s)
reader &
reader_pid=$!
pids=()
for w in $(seq 1 "$writers"); do
  writer "$w" &
  pids+=($!)
done
while [ ! -e "$work/half-way" ]; do sleep 0.05; done
tongxin roster import "$work/bulk.csv" >/dev/null 2>"$work/err-import" ||
  echo "bulk import: exit $?: $(cat "$work/err-import")" >>"$work/failures"
import_done=$(date +%s)
for pid in "${pids[@]}"; do wait "$pid"; done
touch "$work/done"
wait "$reader_pid"
echo "$writers writers × $writes adds, $(cat "$work/reads") reads and a $bulk_rows-row import" \
  "in $(($(date +%s) - start)) s (import done after $((import_done - start)) s)"

if [ -s "$work/failures" ]; then
  echo "failures: $(wc -l <"$work/failures")" >&2
  head -20 "$work/failures" >&2
  fail "commands failed while others wrote"
fi
tongxin store check >/dev/null || fail "store check: $(tongxin store check 2>&1)"
adds=$((writers * writes))
added=$(count "SELECT count(*) FROM member WHERE name LIKE '并发%'")
[ "$added" = "$adds" ] || fail "$added of $adds added members are in the store: writes were lost"
distinct=$(count "SELECT count(DISTINCT name) FROM member WHERE name LIKE '并发%'")
[ "$distinct" = "$adds" ] || fail "$distinct distinct names among $adds added members"
members=$(count "SELECT count(*) FROM member")
[ "$members" = $((members_before + adds + bulk_rows)) ] ||
  fail "$members members; expected $members_before + $adds + $bulk_rows"
logged=$(($(count "SELECT count(*) FROM change_log") - log_before))
[ "$logged" = $((adds + 1)) ] || fail "$logged change log entries for $adds adds and one import"
creates=$(count "SELECT count(*) FROM change_log WHERE entity = 'member' AND action = 'create'
  AND entity_id IN (SELECT id FROM member WHERE name LIKE '并发%')")
[ "$creates" = "$adds" ] || fail "$creates change log creates for $adds added members"
echo "concurrency test passed: 0 failures, 0 lost writes, $logged change log entries"
