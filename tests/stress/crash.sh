#!/usr/bin/env bash
# Crash test: kill -9 a 100,000-row roster import, its undo and a store backup at random moments,
# then check that `store check` passes and that the import happened whole or not at all (the
# member count is the one before or the one after, never between, and so is the count of live
# batches). A killed backup leaves the store intact and either no backup file or a complete one.
#
# usage: crash.sh TONGXIN [ITERATIONS]   (ctest runs 10; scripts/stress more)
# TONGXIN_STRESS_SEED fixes the random moments (the seed is printed, to replay a failure).
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
iterations=${2:-10}
seed=${TONGXIN_STRESS_SEED:-$$}
RANDOM=$seed
echo "crash test: $iterations iterations, seed $seed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# exec: in a background job the process whose id $! gives is tongxin itself, not a subshell that
# waits for it, so kill -9 reaches the command under test.
tongxin() {
  (exec_tongxin "$@")
}
exec_tongxin() {
  exec env -i PATH=/usr/bin:/bin HOME="$work" TZ=UTC LC_ALL=C.UTF-8 USER=tester \
    TONGXIN_TODAY=2026-11-21 TONGXIN_NOW=2026-11-21T09:00:00+0800 \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
    "$binary" --lang en -C "$work/w" "$@"
}
fail() {
  echo "FAIL (seed $seed): $*" >&2
  exit 1
}

tongxin init "$work/w" --example yongdeng-2011 >/dev/null
tongxin roster import "$work/w/data/roster.csv" >/dev/null
store="$work/w/tongxin.db"

# 100,000 members with valid, distinct ID numbers, generated in a second.
python3 "$here/make_roster.py" 100000 >"$work/big.csv"

members() {
  tongxin store info --format csv | tr -d '\r' | sed -n 's/^rows\.member,//p'
}
live_batches() {
  sqlite3 "$store" "SELECT count(*) FROM import_batch WHERE kind = 'roster' AND undone_at IS NULL"
}
last_batch() {
  sqlite3 "$store" "SELECT max(id) FROM import_batch WHERE kind = 'roster' AND undone_at IS NULL"
}
check_store() {
  tongxin store check >/dev/null 2>&1 || fail "store check failed after $1: $(tongxin store check 2>&1)"
}
# Runs tongxin "$@" in the background and kills it with SIGKILL after a random delay of 0 to $1
# milliseconds; prints "killed" or "finished".
kill_within() {
  local limit_ms=$1
  shift
  local delay_ms=$((RANDOM * 32768 + RANDOM))
  delay_ms=$((delay_ms % (limit_ms + 1)))
  exec_tongxin "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    echo "killed after ${delay_ms} ms"
  else
    wait "$pid" || fail "$* failed without being killed"
    echo "finished before ${delay_ms} ms"
  fi
}
elapsed_ms() {
  local start=$1
  echo $((($(date +%s%N) - start) / 1000000))
}

before=$(members)
batches_before=$(live_batches)
after=$((before + 100000))

# One uninterrupted run of each, to know how long the random moments may be.
start=$(date +%s%N)
tongxin roster import "$work/big.csv" >/dev/null
import_ms=$(elapsed_ms "$start")
[ "$(members)" = "$after" ] || fail "the import did not add 100000 members"
start=$(date +%s%N)
tongxin store backup "$work/backup-0.db" >/dev/null
backup_ms=$(elapsed_ms "$start")
start=$(date +%s%N)
tongxin roster import --undo "$(last_batch)" >/dev/null
undo_ms=$(elapsed_ms "$start")
[ "$(members)" = "$before" ] || fail "the undo did not remove the 100000 members"
echo "uninterrupted: import ${import_ms} ms, backup ${backup_ms} ms, undo ${undo_ms} ms"

# Kills an import, an undo and a backup in turn. An import is killed with the big file out of
# the store and an undo with it in, so the state is first set by an uninterrupted run when a
# killed import left nothing (or a killed undo left everything).
imported=0 # whether the big file is in the store now
for i in $(seq 1 "$iterations"); do
  case $((i % 3)) in
  1)
    if [ "$imported" = 1 ]; then
      tongxin roster import --undo "$(last_batch)" >/dev/null
    fi
    what="import"
    result=$(kill_within "$import_ms" roster import "$work/big.csv")
    ;;
  2)
    if [ "$imported" = 0 ]; then
      tongxin roster import "$work/big.csv" >/dev/null
    fi
    what="undo"
    result=$(kill_within "$undo_ms" roster import --undo "$(last_batch)")
    ;;
  0)
    target="$work/backup-$i.db"
    what="backup"
    result=$(kill_within "$backup_ms" store backup "$target")
    ;;
  esac
  check_store "$what ($result)"
  count=$(members)
  batches=$(live_batches)
  if [ "$count" = "$before" ] && [ "$batches" = "$batches_before" ]; then
    imported=0
  elif [ "$count" = "$after" ] && [ "$batches" = $((batches_before + 1)) ]; then
    imported=1
  else
    fail "$what ($result) left $count members in $batches batches: neither $before nor $after"
  fi
  if [ "$what" = backup ] && [ -s "$target" ]; then
    # A backup file that is there is whole: the store's members, every one.
    copy=$(sqlite3 "$target" "PRAGMA integrity_check; SELECT count(*) FROM member" 2>&1 | tr '\n' ' ')
    [ "$copy" = "ok $count " ] || fail "backup ($result) left a partial $target: $copy"
  fi
  echo "$i: $what $result: $count members"
done
echo "crash test passed"
