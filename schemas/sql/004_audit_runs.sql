-- Schema v4: recorded audit runs (tongxin audit --record), so `audit history` shows scores and
-- stars over time and a run can name what was fixed since the last one (整改完成).
--
-- A run is one standard (id and the SHA-256 of the file as read) applied as of a date over a
-- period; each community's totals and each item's result are kept. Append-only, like the logs.

CREATE TABLE audit_run (
  id              INTEGER PRIMARY KEY,
  recorded_at     TEXT NOT NULL,       -- ISO 8601 local time with offset
  actor           TEXT NOT NULL,
  standard_id     TEXT NOT NULL,
  standard_sha256 TEXT NOT NULL,
  as_of           TEXT NOT NULL,       -- YYYY-MM-DD
  period          TEXT NOT NULL        -- period code (lib/core/period.h)
);

CREATE TABLE audit_result (
  run_id          INTEGER NOT NULL REFERENCES audit_run(id),
  community       TEXT NOT NULL,
  members         INTEGER NOT NULL,
  points_earned   REAL NOT NULL,
  points_possible REAL NOT NULL,
  percent         REAL NOT NULL,
  stars           INTEGER,             -- NULL when the standard has no star bands
  verdict         TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'pending')),
  PRIMARY KEY (community, run_id)
) WITHOUT ROWID;

CREATE TABLE audit_item (
  run_id          INTEGER NOT NULL REFERENCES audit_run(id),
  community       TEXT NOT NULL,
  item            TEXT NOT NULL,
  status          TEXT NOT NULL
                  CHECK (status IN ('pass', 'fail', 'waived', 'not_applicable', 'not_assessed')),
  points_earned   REAL NOT NULL,
  points_possible REAL NOT NULL,
  PRIMARY KEY (run_id, community, item)
) WITHOUT ROWID;

CREATE TRIGGER audit_run_no_update BEFORE UPDATE ON audit_run
BEGIN
  SELECT RAISE(ABORT, 'audit_run is append-only');
END;
CREATE TRIGGER audit_result_no_update BEFORE UPDATE ON audit_result
BEGIN
  SELECT RAISE(ABORT, 'audit_result is append-only');
END;
CREATE TRIGGER audit_item_no_update BEFORE UPDATE ON audit_item
BEGIN
  SELECT RAISE(ABORT, 'audit_item is append-only');
END;
