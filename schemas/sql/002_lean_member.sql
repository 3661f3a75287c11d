-- Schema v2: a leaner member table, for registers of a million (bench/README.md).
--
-- Members no longer carry created_at and updated_at. When a member was added is the import
-- batch's time (import_batch.created_at) or the change log's create entry; when it last changed,
-- the change log's latest entry. The two columns were a fifth of the table and of its import
-- time, and said nothing the log does not.
ALTER TABLE member DROP COLUMN created_at;
ALTER TABLE member DROP COLUMN updated_at;

-- No index of member_category by category. Filtering by category scans the table instead (about
-- 35 MB at a million members: the whole register's non-party members in 0.76 s against 0.61 s,
-- one community's in 0.12 s against 0.07 s), while rebuilding the index cost 0.6 s of every
-- bulk import of a million members.
DROP INDEX member_category_by_category;
