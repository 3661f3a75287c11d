#!/usr/bin/env bash
# bench_report.sh [COMMUNITIES [MEMBERS [ACTIVITIES]]] — time `tongxin report monthly --all
# --format json` (every community, every township and the county: 2,000 + 100 + 1 reports by
# default) of a county-sized workspace (default 2,000 communities, 1,000,000 members, 5,000,000
# activities with their measures) against the sqlite3 shell running the equivalent aggregate SQL
# in one run: for the month, the month before and the same month a year earlier, the register as
# of the period's end by community and by category (through member_event), key contacts visited,
# registrations and register events in the period, activities by community, type and month and
# measure sums; the notable activities (first 20 titled ones and their count) of each community;
# and the audit figures at the month's end (the workspace has the example's standard). Prints both
# times (best of $REPEAT, default 3), the ratio tongxin / sqlite3 (target <= 1.5), tongxin's peak
# RSS (target <= 300 MB) and the CPU seconds of each. Before timing, the county report's members
# at the month's end and activities in the month are checked against the shell's.
#
# The workspace is bench/county.sh's (see there). Builds Release into $BENCH_BUILD_DIR (default
# build/bench-release) unless TONGXIN names a binary (then GEN_MEMBERS must name gen_members);
# works in a temp dir (removed on exit; KEEP=1 keeps it): bench/common.sh. See bench/README.md ("report").
set -euo pipefail

COMMUNITIES="${1:-2000}"
MEMBERS="${2:-1000000}"
ACTIVITIES="${3:-5000000}"
REPEAT="${REPEAT:-3}"
PERIOD=2012-03
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$ROOT/bench/common.sh"
bench_tools jq
bench_binaries gen_members
bench_workdir bench_report
export TONGXIN_TODAY=2012-04-15
step() { echo "$(date +%T) $*" >&2; }

source "$ROOT/bench/county.sh"
make_county

# The figures of one period (FROM, TO; the register as of TO), as lib/report/records.cpp reads them.
period_sql() {
  local tag="$1" from="$2" to="$3"
  cat <<SQL
WITH register_at AS (
  SELECT m.id AS member_id, coalesce(e.from_community, m.community) AS community,
         coalesce(e.from_status, m.status) AS status
    FROM member m LEFT JOIN member_event e ON e.id = (
      SELECT x.id FROM member_event x WHERE x.member_id = m.id AND x.on_date > '$to'
       ORDER BY x.on_date, x.id LIMIT 1)
   WHERE m.registered_on IS NULL OR m.registered_on <= '$to'),
asof AS (SELECT m.id, r.community, m.key_contact, m.hardship, m.contact_cadre
           FROM register_at r JOIN member m ON m.id = r.member_id WHERE r.status = 'active')
SELECT '$tag members', community, count(*), sum(key_contact), sum(hardship),
       sum(key_contact = 1 AND coalesce(contact_cadre, '') <> '') FROM asof GROUP BY community;
WITH register_at AS (
  SELECT m.id AS member_id, coalesce(e.from_community, m.community) AS community,
         coalesce(e.from_status, m.status) AS status
    FROM member m LEFT JOIN member_event e ON e.id = (
      SELECT x.id FROM member_event x WHERE x.member_id = m.id AND x.on_date > '$to'
       ORDER BY x.on_date, x.id LIMIT 1)
   WHERE m.registered_on IS NULL OR m.registered_on <= '$to')
SELECT '$tag category', r.community, mc.category, count(*) FROM register_at r
  JOIN member_category mc ON mc.member_id = r.member_id WHERE r.status = 'active'
 GROUP BY r.community, mc.category;
WITH register_at AS (
  SELECT m.id AS member_id, coalesce(e.from_community, m.community) AS community,
         coalesce(e.from_status, m.status) AS status
    FROM member m LEFT JOIN member_event e ON e.id = (
      SELECT x.id FROM member_event x WHERE x.member_id = m.id AND x.on_date > '$to'
       ORDER BY x.on_date, x.id LIMIT 1)
   WHERE m.registered_on IS NULL OR m.registered_on <= '$to')
SELECT '$tag visited', r.community, count(DISTINCT r.member_id) FROM register_at r
  JOIN member m ON m.id = r.member_id JOIN activity_member am ON am.member_id = r.member_id
  JOIN activity a ON a.id = am.activity_id
 WHERE r.status = 'active' AND m.key_contact = 1 AND a.type = 'visit'
   AND a.date BETWEEN '$from' AND '$to' GROUP BY r.community;
SELECT '$tag registered', coalesce((SELECT e.from_community FROM member_event e
         WHERE e.member_id = m.id ORDER BY e.on_date, e.id LIMIT 1), m.community), count(*)
  FROM member m WHERE m.registered_on BETWEEN '$from' AND '$to' GROUP BY 2;
SELECT '$tag events', kind, from_community, to_community, count(*) FROM member_event
 WHERE on_date BETWEEN '$from' AND '$to' GROUP BY 2, 3, 4;
SELECT '$tag activities', community, type, substr(date, 1, 7), count(*) FROM activity
 WHERE date BETWEEN '$from' AND '$to' GROUP BY 2, 3, 4;
SELECT '$tag measures', a.community, a.type, m.key, sum(m.value) FROM activity a
  JOIN activity_measure m ON m.activity_id = a.id
 WHERE a.date BETWEEN '$from' AND '$to' GROUP BY 2, 3, 4;
SQL
}

{
  echo ".output reference.out"
  period_sql current 2012-03-01 2012-03-31
  period_sql previous 2012-02-01 2012-02-29
  period_sql year_ago 2011-03-01 2011-03-31
  cat <<'SQL'
SELECT 'notable', date, community, type, title FROM (
  SELECT date, community, type, title,
         row_number() OVER (PARTITION BY community ORDER BY date, id) AS n
    FROM activity WHERE date BETWEEN '2012-03-01' AND '2012-03-31' AND coalesce(title, '') <> '')
 WHERE n <= 20;
SELECT 'titled', community, count(*) FROM activity
 WHERE date BETWEEN '2012-03-01' AND '2012-03-31' AND coalesce(title, '') <> ''
 GROUP BY community;
SELECT 'audit last_change', community, max(day) FROM (
  SELECT m.community, substr(l.at, 1, 10) AS day
    FROM change_log l JOIN member m ON l.entity = 'member' AND l.entity_id = m.id
  UNION ALL
  SELECT m.community, substr(b.created_at, 1, 10)
    FROM member m JOIN import_batch b ON b.id = m.batch_id AND b.undone_at IS NULL)
 WHERE day <= '2012-03-31' GROUP BY community;
SELECT 'audit count', community, type, count(*) FROM activity
 WHERE date BETWEEN '2011-04-01' AND '2012-03-31' GROUP BY community, type;
SQL
} > reference.sql

report=("$tongxin" -C ws report monthly --all --period "$PERIOD" --format json)

step "checking tongxin against the shell"
"${report[@]}" > report.json
sqlite3 -batch -bail ws/tongxin.db ".read reference.sql"
documents=$(jq -s 'length' report.json)
# The county's report: members at the month's end and activities in it.
tx=$(jq -s -r '.[] | select(.scope.level == "jurisdiction") | [.sections.register.members.value, .sections.work.activities.value] | join(" ")' report.json)
sq=$(awk -F'|' '$1 == "current members" { m += $3 } $1 == "current activities" { a += $5 }
                END { print m, a }' reference.out)
if [[ "$tx" != "$sq" ]]; then
  echo "tongxin and the shell disagree (members, activities): $tx vs $sq" >&2
  exit 1
fi

timed() {
  local out="$1"; shift
  /usr/bin/time -f '%e %M %U %S' -o "$out" "$@" >/dev/null 2>&1
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
best_tx="" best_sq="" cpu_tx="" cpu_sq="" peak_tx=0
for ((r = 1; r <= REPEAT; r++)); do
  step "run $r of $REPEAT"
  timed tx.time "${report[@]}"
  timed sq.time sqlite3 -batch -bail ws/tongxin.db ".read reference.sql"
  read -r tx_s tx_kb tx_u tx_k < <(tail -1 tx.time)
  read -r sq_s _ sq_u sq_k < <(tail -1 sq.time)
  best_tx=$(best "$best_tx" "$tx_s")
  best_sq=$(best "$best_sq" "$sq_s")
  cpu_tx=$(best "$cpu_tx" "$(awk -v u="$tx_u" -v k="$tx_k" 'BEGIN { print u + k }')")
  cpu_sq=$(best "$cpu_sq" "$(awk -v u="$sq_u" -v k="$sq_k" 'BEGIN { print u + k }')")
  peak_tx=$(( tx_kb > peak_tx ? tx_kb : peak_tx ))
done

awk -v c="$COMMUNITIES" -v m="$MEMBERS" -v a="$ACTIVITIES" -v t="$best_tx" -v s="$best_sq" \
    -v kb="$peak_tx" -v d="$documents" -v f="$tx" -v n="$REPEAT" -v ct="$cpu_tx" -v cs="$cpu_sq" '
BEGIN {
  split(f, figures, " ")
  printf "communities, members, activities  %d, %d, %d\n", c, m, a
  printf "reports written                   %d\n", d
  printf "county: members, activities       %d, %d\n", figures[1], figures[2]
  printf "tongxin report monthly --all      %.2f s  (best of %d)\n", t, n
  printf "sqlite3 shell, same aggregates    %.2f s  (best of %d)\n", s, n
  printf "ratio tongxin/sqlite3             %.2f  (target <= 1.50)\n", (s > 0) ? t / s : 0
  printf "CPU (user + sys), tongxin, sqlite3 %.2f s, %.2f s  (best of %d; ratio %.2f)\n", ct, cs, n, (cs > 0) ? ct / cs : 0
  printf "tongxin peak RSS                  %.0f MB  (target <= 300)\n", kb / 1024
}'
