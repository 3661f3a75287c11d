-- Tamper-evident history (lib/store/chain.h): each change_log and access_log entry carries a
-- hash chained to the previous entry's, tongxin_chain_hash(previous hash, fields...), a function
-- the program registers on its connections. Existing entries are chained here in id order; the
-- field lists are the ones of lib/store/chain.h (a unit test checks that `store check` accepts
-- what this migration wrote).
DROP TRIGGER change_log_no_update;
DROP TRIGGER access_log_no_update;
ALTER TABLE change_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
ALTER TABLE access_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

CREATE TEMP TABLE chain AS
WITH RECURSIVE link(id, hash) AS (
  SELECT id, tongxin_chain_hash('', at, actor, entity, entity_id, action, before, after, batch_id)
  FROM change_log WHERE id = (SELECT min(id) FROM change_log)
  UNION ALL
  SELECT l.id, tongxin_chain_hash(link.hash, l.at, l.actor, l.entity, l.entity_id, l.action,
                                  l.before, l.after, l.batch_id)
  FROM link JOIN change_log l ON l.id = (SELECT min(id) FROM change_log WHERE id > link.id)
)
SELECT id, hash FROM link;
UPDATE change_log SET hash = chain.hash FROM temp.chain WHERE chain.id = change_log.id;
DROP TABLE temp.chain;

CREATE TEMP TABLE chain AS
WITH RECURSIVE link(id, hash) AS (
  SELECT id, tongxin_chain_hash('', at, actor, command, action, rows, format, revealed,
                                destination)
  FROM access_log WHERE id = (SELECT min(id) FROM access_log)
  UNION ALL
  SELECT l.id, tongxin_chain_hash(link.hash, l.at, l.actor, l.command, l.action, l.rows, l.format,
                                  l.revealed, l.destination)
  FROM link JOIN access_log l ON l.id = (SELECT min(id) FROM access_log WHERE id > link.id)
)
SELECT id, hash FROM link;
UPDATE access_log SET hash = chain.hash FROM temp.chain WHERE chain.id = access_log.id;
DROP TABLE temp.chain;

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
