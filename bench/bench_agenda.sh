#!/usr/bin/env bash
# bench_agenda.sh — time `tongxin schedule` on a county-sized workspace: 1,000 communities in 50
# townships, the Yongdeng example's plan (ten duties of every rule kind), 100,000 activities,
# 100,000 members (10% key contacts, 5% opted in to greetings, 2% moved away) and 20,000 member
# visits. Times (best of 3, wall milliseconds) an agenda over 2012 as CSV (target < 1 s), the
# phase report, and the festival calendar over 1901-2100 (target: milliseconds).
#
# Builds Release into $BENCH_BUILD_DIR (default build/bench-release) unless TONGXIN names a
# binary; works in a temp dir (removed on exit; set KEEP=1 to keep it). Rows are generated inside
# SQLite with recursive CTEs in one transaction, so only bash, sqlite3 and the binary are needed;
# the data are a pure function of this script. See bench/README.md ("schedule").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
bench_tools
bench_binaries
bench_workdir bench_agenda
communities=1000
townships=50
activities=100000
members=100000
"$tongxin" init ws --example yongdeng-2011 >/dev/null
rm -f ws/communities/*.yaml ws/tongxin.db ws/tongxin.db-wal ws/tongxin.db-shm

# Community files: c0001 .. c1000, township t01 .. t50.
for ((i = 1; i <= communities; i++)); do
  printf 'id: c%04d\nname: 社区%04d\ntownship: 镇%02d\ncounty: 永登县\nactivity_room: {files: true, rules: %s}\n' \
    "$i" "$i" $(( (i - 1) % townships + 1 )) $([ $((i % 3)) -eq 0 ] && echo false || echo true) \
    >"ws/communities/c$(printf %04d "$i").yaml"
done
"$tongxin" -C ws store migrate >/dev/null

sqlite3 ws/tongxin.db <<SQL >/dev/null
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $members)
INSERT INTO member (community, name, key_contact, greetings, status)
SELECT printf('c%04d', (i * 7919) % $communities + 1), '成员' || i,
       CASE WHEN i % 10 = 0 THEN 1 ELSE 0 END,
       CASE WHEN i % 20 = 0 THEN 'spring_festival,mid_autumn' END,
       CASE WHEN i % 50 = 0 THEN 'moved' ELSE 'active' END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $activities)
INSERT INTO activity (community, type, date, title, created_at, updated_at)
SELECT printf('c%04d', (i * 104729) % $communities + 1),
       CASE i % 6 WHEN 0 THEN 'meeting' WHEN 1 THEN 'visit' WHEN 2 THEN 'publicity'
                  WHEN 3 THEN 'report_upward' WHEN 4 THEN 'service' ELSE 'visit' END,
       date('2011-10-01', '+' || ((i * 31) % 820) || ' days'), '活动' || i,
       '2012-01-01T00:00:00+0800', '2012-01-01T00:00:00+0800'
FROM n;
-- Visits reach key contacts and greeted members: each such member gets two linked visits.
INSERT INTO activity_member (activity_id, member_id)
SELECT a.id, m.id FROM member m
JOIN activity a ON a.id = ((m.id * 6 + 1) % $activities) + 1 OR a.id = ((m.id * 12 + 5) % $activities) + 1
WHERE m.key_contact = 1 OR m.greetings IS NOT NULL;
COMMIT;
SQL
sqlite3 ws/tongxin.db "SELECT 'members', count(*) FROM member UNION ALL SELECT 'activities', count(*) FROM activity UNION ALL SELECT 'links', count(*) FROM activity_member" | tr '|' ' '

time_it() {  # prints the best wall time of 3 runs in milliseconds
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

export TONGXIN_TODAY=2012-07-01
rows=$("$tongxin" -C ws schedule agenda --from 2012-01-01 --to 2012-12-31 --format csv | wc -l)
echo "agenda rows (with header): $rows"
echo "schedule agenda --from 2012-01-01 --to 2012-12-31 --format csv: $(time_it "$tongxin" -C ws schedule agenda --from 2012-01-01 --to 2012-12-31 --format csv) ms"
echo "schedule phases --format csv: $(time_it "$tongxin" -C ws schedule phases --format csv) ms"
echo "schedule festivals --from 1901 --to 2100 --format csv: $(time_it "$tongxin" schedule festivals --from 1901 --to 2100 --format csv) ms"
