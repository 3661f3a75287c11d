#!/usr/bin/env bash
# bench_audit.sh [COMMUNITIES [MEMBERS [ACTIVITIES]]] — time `tongxin audit --format json` of every
# community of a county-sized workspace (default 1,000 communities, 1,000,000 members, 5,000,000
# activities) against the sqlite3 shell computing the same per-community figures in one run:
# members registered and active as of the date (through member_event), key contacts and those
# without a cadre, records with the checked fields filled, the register's last change, activities
# per type in the period and measure sums. Prints both times (best of $REPEAT, default 3), the
# ratio tongxin / sqlite3 (target <= 1.5), tongxin's peak RSS (target <= 200 MB) and the CPU
# seconds of each (less swayed than wall time by whatever else runs on a shared machine). Before
# timing, tongxin's registered members, visits and persons visited per community are checked
# against the shell's.
#
# The standard is examples/yongdeng-2011's (35 field, institution, wall and activity items) plus a
# group of register checks (members, filled, key-contact cadres, changed within) and size-scaled,
# banded, measure-sum and deduct activity targets, so every figure the audit reads is used.
# Community files are written by awk from the example's complete community with gaps that vary by
# community; members come from gen_members through `tongxin roster import`; their registration
# dates, moves and departures (member_event) and the 5M activities with their measures are
# written by the sqlite3 shell with recursive CTEs (`activity import` is not used at this size).
#
# Builds Release into $BENCH_BUILD_DIR (default build/bench-release) unless TONGXIN names a
# binary (then GEN_MEMBERS must name gen_members); works in a temp dir (removed on exit; KEEP=1
# keeps it). See bench/README.md ("audit").
set -euo pipefail

COMMUNITIES="${1:-1000}"
MEMBERS="${2:-1000000}"
ACTIVITIES="${3:-5000000}"
REPEAT="${REPEAT:-3}"
AS_OF=2012-03-31
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$ROOT/bench/common.sh"
bench_tools
bench_binaries gen_members
bench_workdir bench_audit
export TONGXIN_TODAY=2012-04-15
step() { echo "$(date +%T) $*" >&2; }

# The example's standard with one more group: register checks and scaled, banded, measure-sum and
# deduct activity targets (points beyond the 100 of the example; the pass mark is a percentage).
county_extra() {
sed 's/^id: yongdeng-2011$/id: bench-2011/' ws/standards/yongdeng-2011.yaml > ws/standards/bench.yaml
cat >> ws/standards/bench.yaml <<'YAML'
  - code: bench
    title: {zh: 信息库与活动目标（基准测试）, en: Register and activity targets (benchmark)}
    items:
      - code: reg_members
        title: {zh: 登记统战对象不少于 500 人, en: At least 500 members registered}
        points: 4
        check: {roster: members, minimum: 500}
      - code: reg_complete
        title: {zh: 统战对象信息完整, en: Member records complete}
        points: 4
        check: {roster: filled, fields: [phone, political_status, categories], share: 95}
      - code: reg_key_cadres
        title: {zh: 重点联系对象均有联系人, en: Every key contact has a contact cadre}
        points: 4
        check: {roster: key_contact_cadres}
      - code: reg_changed
        title: {zh: 信息库半年内有更新, en: Register changed within half a year}
        points: 4
        check: {roster: changed_within, days: 180}
      - code: act_meetings_scaled
        title: {zh: 例会次数按人数确定, en: Meetings by register size}
        points: 4
        check: {activity: meeting, target: {base: 200, add: 1, per: 10, max: 400}}
      - code: act_visits_bands
        title: {zh: 走访次数按人数分档, en: Visits by register band}
        points: 4
        check: {activity: visit, target: {bands: [{members: 0, target: 200}, {members: 800, target: 400}, {members: 1200, target: 600}]}}
      - code: act_persons_visited
        title: {zh: 走访慰问人数, en: Persons visited}
        points: 4
        check: {activity: visit, measure: persons_visited, target: {base: 500, add: 1, per: 1}}
      - code: act_service
        title: {zh: 服务活动（每缺一次扣 1 分）, en: Service (1 point off per missing one)}
        points: 4
        check: {deduct: {activity: service, target: 150, points_per_miss: 1}}
YAML
}
source "$ROOT/bench/county.sh"
make_county

# The same figures tongxin's audit reads (lib/audit/records.cpp), in one run of the shell.
cat > reference.sql <<SQL
.output reference.out
WITH state AS (
  SELECT m.id AS member_id, coalesce(e.from_community, m.community) AS community,
         coalesce(e.from_status, m.status) AS status
    FROM member m LEFT JOIN member_event e ON e.id = (
      SELECT x.id FROM member_event x WHERE x.member_id = m.id AND x.on_date > '$AS_OF'
       ORDER BY x.on_date, x.id LIMIT 1)
   WHERE m.registered_on IS NULL OR m.registered_on <= '$AS_OF')
SELECT 'members', s.community, count(*), sum(m.key_contact),
       sum(m.key_contact AND coalesce(m.contact_cadre, '') = ''),
       sum(CASE WHEN coalesce(m.phone, '') <> '' AND coalesce(m.political_status, '') <> ''
                 AND EXISTS (SELECT 1 FROM member_category c WHERE c.member_id = m.id)
            THEN 1 ELSE 0 END)
  FROM state s JOIN member m ON m.id = s.member_id
 WHERE s.status = 'active' GROUP BY s.community;
SELECT 'last_change', community, max(day) FROM (
  SELECT m.community, substr(l.at, 1, 10) AS day
    FROM change_log l JOIN member m ON l.entity = 'member' AND l.entity_id = m.id
  UNION ALL
  SELECT m.community, substr(b.created_at, 1, 10)
    FROM member m JOIN import_batch b ON b.id = m.batch_id AND b.undone_at IS NULL)
 WHERE day <= '$AS_OF' GROUP BY community;
SELECT 'count', community, type, count(*) FROM activity
 WHERE date BETWEEN '2011-11-01' AND '$AS_OF' GROUP BY community, type;
SELECT 'sum', a.community, a.type, v.key, sum(v.value) FROM activity a
  JOIN activity_measure v ON v.activity_id = a.id
 WHERE a.date BETWEEN '2011-11-01' AND '$AS_OF' GROUP BY a.community, a.type, v.key;
SQL

audit=("$tongxin" -C ws audit --standard standards/bench.yaml --as-of "$AS_OF" --format json)

# One run of each first: warms the page cache, and the two must agree on the registered members.
step "checking tongxin against the shell"
"${audit[@]}" > audit.json 2>audit.err || [[ $? -eq 1 ]]  # exit 1: some community fails
sqlite3 -batch -bail ws/tongxin.db ".read reference.sql"
# Per community: registered and active members, visits counted and persons visited (the first
# number of the work_visits and act_persons_visited evidence).
jq -r '.communities[] | [.id, .registered_members,
         (.groups[].items[] | select(.code == "work_visits" or .code == "act_persons_visited")
          | .evidence | capture("(?<n>[0-9]+)").n)] | join("|")' audit.json | sort > tongxin.figures
awk -F'|' '$1 == "members" { m[$2] = $3; c[$2] = 1 }
           $1 == "count" && $3 == "visit" { v[$2] = $4; c[$2] = 1 }
           $1 == "sum" && $3 == "visit" && $4 == "persons_visited" { p[$2] = $5 + 0; c[$2] = 1 }
           END { for (k in c) printf "%s|%d|%d|%d\n", k, m[k], v[k], p[k] }' reference.out |
  sort > reference.figures
if ! cmp -s tongxin.figures reference.figures; then
  echo "tongxin and the shell disagree (community|members|visits|persons visited):" >&2
  diff tongxin.figures reference.figures | head -10 >&2
  exit 1
fi
tx_members=$(awk -F'|' '{ s += $2 } END { print s }' tongxin.figures)
verdicts=$(jq -r '.communities[].verdict' audit.json | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')

# Wall seconds, peak RSS (KB) and CPU seconds (user + system) of a command via GNU time; exit 1
# (a failing community) is fine. On a shared machine the wall time follows the load; the CPU time
# much less, so both are printed.
timed() {
  local out="$1"; shift
  /usr/bin/time -f '%e %M %U %S' -o "$out" "$@" >/dev/null 2>&1 || [[ $? -eq 1 ]]
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
best_tx="" best_sq="" cpu_tx="" cpu_sq="" peak_tx=0
for ((r = 1; r <= REPEAT; r++)); do
  step "run $r of $REPEAT"
  timed tx.time "${audit[@]}"
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
    -v kb="$peak_tx" -v reg="$tx_members" -v v="$verdicts" -v n="$REPEAT" \
    -v ct="$cpu_tx" -v cs="$cpu_sq" '
BEGIN {
  printf "communities, members, activities  %d, %d, %d\n", c, m, a
  printf "registered and active (as of)     %d\n", reg
  printf "verdicts                          %s\n", v
  printf "tongxin audit --format json       %.2f s  (best of %d)\n", t, n
  printf "sqlite3 shell, same figures       %.2f s  (best of %d)\n", s, n
  printf "ratio tongxin/sqlite3             %.2f  (target <= 1.50)\n", (s > 0) ? t / s : 0
  printf "CPU (user + sys), tongxin, sqlite3 %.2f s, %.2f s  (best of %d; ratio %.2f)\n", ct, cs, n, (cs > 0) ? ct / cs : 0
  printf "tongxin peak RSS                  %.0f MB  (target <= 200)\n", kb / 1024
}'
