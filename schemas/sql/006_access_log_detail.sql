-- The access log says what each export was (tongxin-store(1), store access-log): its format,
-- whether ID numbers and phones were shown in full, and the file it went to ('' for standard
-- output). One entry per command: a revealed export is one 'export' entry with revealed = 1.
-- Older entries are backfilled: a 'reveal' entry was revealed; their format and file are unknown.
DROP TRIGGER access_log_no_update;
ALTER TABLE access_log ADD COLUMN format TEXT NOT NULL DEFAULT '';
ALTER TABLE access_log ADD COLUMN revealed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE access_log ADD COLUMN destination TEXT NOT NULL DEFAULT '';
UPDATE access_log SET revealed = 1 WHERE action = 'reveal';
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
