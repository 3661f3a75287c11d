-- Schema v5: the register as of a date (reports count the register at a period's end, and the
-- schedule judges a past period against the register of that period, not today's).
--
-- member.registered_on: the day a member was registered (登记日期): the 登记日期 column of an import
-- or `roster add --registered_on`, else the import or add date. NULL only for members this
-- migration could not date (no batch and no create entry in the change log): they count as
-- registered from the start.
ALTER TABLE member ADD COLUMN registered_on TEXT;

-- member_event: each move, archive and death with the day it took effect, and the member's
-- community and status before and after. The member row holds the state now; the state at a
-- date D is the "before" of the member's first event after D (by date, then id), or the row
-- itself when there is none. Members removed by an import undo take their events with them.
CREATE TABLE member_event (
  id             INTEGER PRIMARY KEY,
  member_id      INTEGER NOT NULL,
  on_date        TEXT NOT NULL,         -- YYYY-MM-DD the change took effect
  kind           TEXT NOT NULL CHECK (kind IN ('move', 'moved', 'archived', 'deceased')),
  from_community TEXT NOT NULL,
  to_community   TEXT NOT NULL,
  from_status    TEXT NOT NULL,
  to_status      TEXT NOT NULL
);
CREATE INDEX member_event_by_member ON member_event(member_id, on_date);
CREATE INDEX member_event_by_date ON member_event(on_date);

-- Fill what the store knows. Imported members: their batch's day (created_at is local time
-- with its offset, so its first ten characters are the local date).
UPDATE member SET registered_on = (SELECT substr(b.created_at, 1, 10) FROM import_batch b
                                   WHERE b.id = member.batch_id)
WHERE batch_id IS NOT NULL;
-- Members added one by one: the day of their create entry.
UPDATE member SET registered_on = (SELECT substr(min(c.at), 1, 10) FROM change_log c
                                   WHERE c.entity = 'member' AND c.entity_id = member.id
                                     AND c.action = 'create')
WHERE registered_on IS NULL;

-- Moves between communities, from the change log (the move entry's after carries the date).
INSERT INTO member_event (member_id, on_date, kind, from_community, to_community, from_status,
                          to_status)
SELECT entity_id, json_extract(after, '$.community_date'), 'move',
       json_extract(before, '$.community'), json_extract(after, '$.community'), 'active', 'active'
FROM change_log
WHERE entity = 'member' AND action = 'move' AND json_valid(before) AND json_valid(after)
  AND json_extract(after, '$.community_date') IS NOT NULL
ORDER BY id;
-- Archives, moves away and deaths, from the member's status date.
INSERT INTO member_event (member_id, on_date, kind, from_community, to_community, from_status,
                          to_status)
SELECT id, status_date, status, community, community, 'active', status
FROM member
WHERE status <> 'active' AND status_date IS NOT NULL
ORDER BY id;
