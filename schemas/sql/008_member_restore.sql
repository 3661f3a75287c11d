-- Schema v8: an archive is reversible. `roster restore` puts an archived, moved-away or deceased
-- member back on the register; the day it took effect is a member_event of kind 'restored' (from
-- the member's status to active, in the same community), so the register as of a date counts
-- the member as away between the archive and the restore, and active after it. SQLite cannot
-- change a CHECK constraint in place: the table is rebuilt with its rows, ids and indexes.
CREATE TABLE member_event_v8 (
  id             INTEGER PRIMARY KEY,
  member_id      INTEGER NOT NULL,
  on_date        TEXT NOT NULL,         -- YYYY-MM-DD the change took effect
  kind           TEXT NOT NULL
                 CHECK (kind IN ('move', 'moved', 'archived', 'deceased', 'restored')),
  from_community TEXT NOT NULL,
  to_community   TEXT NOT NULL,
  from_status    TEXT NOT NULL,
  to_status      TEXT NOT NULL
);
INSERT INTO member_event_v8 (id, member_id, on_date, kind, from_community, to_community,
                             from_status, to_status)
SELECT id, member_id, on_date, kind, from_community, to_community, from_status, to_status
FROM member_event ORDER BY id;
DROP TABLE member_event;
ALTER TABLE member_event_v8 RENAME TO member_event;
CREATE INDEX member_event_by_member ON member_event(member_id, on_date);
CREATE INDEX member_event_by_date ON member_event(on_date);
