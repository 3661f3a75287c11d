# county.sh — sourced by bench_audit.sh and bench_report.sh: make_county builds, in ./ws, a
# county-sized workspace from examples/yongdeng-2011: $COMMUNITIES communities (c0001…, townships
# of 20) written by awk from the example's complete community with gaps that vary by community,
# $MEMBERS members from gen_members through `tongxin roster import`, their registration dates,
# moves and departures (member_event) and $ACTIVITIES activities with their measures over 2011 and
# 2012, written by the sqlite3 shell with recursive CTEs (`activity import` is not used at this
# size). Needs $tongxin, $gen, $COMMUNITIES, $MEMBERS, $ACTIVITIES and step(); an optional
# function county_extra runs after the communities are written and before the store is migrated.

make_county() {
  step "workspace: $COMMUNITIES communities"
  "$tongxin" init ws --example yongdeng-2011 >/dev/null
  template=ws/communities/chengguan-dongjie.yaml
  [[ -f "$template" ]] || { echo "the yongdeng-2011 example has no $template" >&2; exit 1; }
  cp "$template" template.yaml
  rm -f ws/communities/*.yaml ws/tongxin.db ws/tongxin.db-wal ws/tongxin.db-shm

  # Community c0001..cNNNN in townships of 20 communities, from the example's complete community.
  # Gaps vary by number: no equipment (every 10th), no leading group (every 17th: a required item),
  # an unposted wall item (every 7th), a document not yet adopted by the as-of date (every 9th).
  awk -v n="$COMMUNITIES" '
    { lines[NR] = $0 }
    END {
      for (i = 1; i <= n; i++) {
        file = sprintf("ws/communities/c%04d.yaml", i)
        skip = 0
        for (l = 1; l <= NR; l++) {
          line = lines[l]
          if (line ~ /^#/) continue
          if (line ~ /^id: /) line = sprintf("id: c%04d", i)
          else if (line ~ /^name: /) line = sprintf("name: 社区%04d", i)
          else if (line ~ /^township: /) line = sprintf("township: 镇%03d", int((i - 1) / 20) + 1)
          else if (line ~ /^  equipment: / && i % 10 == 0) line = "  equipment: false"
          else if (line ~ /wall_publicity_materials/ && i % 7 == 0) continue
          else if (line ~ /sys_friendship_assoc/ && i % 9 == 0) sub(/2011-12-12/, "2012-06-01", line)
          if (line ~ /^  leading_group:/ && i % 17 == 0) { skip = 1; continue }
          if (skip && line ~ /^    /) continue
          skip = 0
          print line > file
        }
        close(file)
      }
    }' template.yaml

  if declare -F county_extra >/dev/null; then county_extra; fi
  "$tongxin" -C ws store migrate >/dev/null

  step "members: $MEMBERS (gen_members, roster import)"
  ids=$(seq -f 'c%04g' 1 "$COMMUNITIES" | paste -sd,)
  "$gen" --count "$MEMBERS" --communities "$ids" --born-to 1990 > members.csv  # adults in 2012
  "$tongxin" -C ws roster import ../members.csv >/dev/null
  rm members.csv

  step "register history and $ACTIVITIES activities (sqlite3)"
  # Registration dates over 2011-06..2012-07 (about a quarter after the as-of date); the import batch
  # dated 2011-12-01 (the register's last change); every 50th member gone (moved away) and every
  # 37th moved here from the next community, on days either side of the as-of date. Activities over
  # 2011 and 2012 (the period 2011-11..2012-03 holds about a fifth), six types, a visit's persons
  # and a meeting's attendees as measures.
  sqlite3 ws/tongxin.db <<SQL >/dev/null
  PRAGMA journal_mode = WAL;
  BEGIN;
  UPDATE import_batch SET created_at = '2011-12-01T10:00:00+08:00';
  UPDATE member SET registered_on = date('2011-06-01', '+' || ((id * 37) % 410) || ' days');
  INSERT INTO member_event (member_id, on_date, kind, from_community, to_community, from_status,
                            to_status)
  SELECT id, date('2011-09-01', '+' || ((id * 13) % 365) || ' days'), 'moved', community,
         community, 'active', 'moved'
    FROM member WHERE id % 50 = 0;
  UPDATE member SET status = 'moved',
         status_date = (SELECT on_date FROM member_event e WHERE e.member_id = member.id)
   WHERE id % 50 = 0;
  INSERT INTO member_event (member_id, on_date, kind, from_community, to_community, from_status,
                            to_status)
  SELECT id, date('2011-09-01', '+' || ((id * 17) % 365) || ' days'), 'move',
         printf('c%04d', CAST(substr(community, 2) AS INTEGER) % $COMMUNITIES + 1), community,
         'active', 'active'
    FROM member WHERE id % 37 = 0 AND id % 50 <> 0;
  DROP INDEX activity_by_date;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ACTIVITIES)
  INSERT INTO activity (id, community, type, date, title, created_at, updated_at)
  SELECT i, printf('c%04d', i % $COMMUNITIES + 1),
         CASE WHEN (i / $COMMUNITIES) % 70 < 19 THEN 'meeting'
              WHEN (i / $COMMUNITIES) % 70 < 39 THEN 'visit'
              WHEN (i / $COMMUNITIES) % 70 < 49 THEN 'publicity'
              WHEN (i / $COMMUNITIES) % 70 < 59 THEN 'service'
              WHEN (i / $COMMUNITIES) % 70 < 69 THEN 'study_training'
              ELSE 'report_upward' END,
         date('2011-01-01', '+' || ((i * 2654435761) % 730) || ' days'), '活动' || i,
         '2012-01-01T00:00:00+08:00', '2012-01-01T00:00:00+08:00'
    FROM n;
  CREATE INDEX activity_by_date ON activity(community, date);
  INSERT INTO activity_measure (activity_id, key, value)
  SELECT id, CASE type WHEN 'visit' THEN 'persons_visited' ELSE 'attendees' END, 1 + id % 9
    FROM activity WHERE type IN ('visit', 'meeting');
  COMMIT;
  ANALYZE;
SQL
  sqlite3 ws/tongxin.db "SELECT 'members', count(*) FROM member UNION ALL
    SELECT 'member events', count(*) FROM member_event UNION ALL
    SELECT 'activities', count(*) FROM activity UNION ALL
    SELECT 'activity measures', count(*) FROM activity_measure" | tr '|' ' ' >&2
}
