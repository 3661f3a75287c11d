-- Schema v1 of the tongxin store. Applied in one transaction; PRAGMA user_version records it.
-- Communities, standards and plans live in the workspace's YAML files; the store holds people
-- and events, and references communities by their id.

CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('roster', 'activity')),
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  rows_new    INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  undone_at   TEXT
);

-- A person in the register. Never hard-deleted: status moves to moved, archived or deceased.
CREATE TABLE member (
  id               INTEGER PRIMARY KEY,
  community        TEXT NOT NULL,
  name             TEXT NOT NULL,
  name_pinyin      TEXT,              -- full pinyin, lower-case ASCII, for search
  name_initials    TEXT,              -- pinyin initials, for search
  sex              TEXT,              -- sex code (schemas/codes/sex.yaml)
  birth_date       TEXT,              -- YYYY-MM-DD
  id_number        TEXT,              -- normalised 18-character 公民身份号码, upper-case X; unique
  phone            TEXT,
  employer         TEXT,
  position         TEXT,
  address          TEXT,
  political_status TEXT,              -- political_status code (GB/T 4762)
  key_contact      INTEGER NOT NULL DEFAULT 0 CHECK (key_contact IN (0, 1)),
  hardship         INTEGER NOT NULL DEFAULT 0 CHECK (hardship IN (0, 1)),
  contact_cadre    TEXT,
  greetings        TEXT,              -- festival codes, comma-separated, opt-in
  notes            TEXT,
  ethnicity        TEXT,              -- sensitive: only when the workspace enables it
  religion         TEXT,              -- sensitive: only when the workspace enables it
  status           TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'moved', 'archived', 'deceased')),
  status_date      TEXT,
  status_reason    TEXT,
  batch_id         INTEGER REFERENCES import_batch(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
-- A named index rather than a column constraint, so a bulk import can rebuild it (it checks
-- uniqueness itself, and recreating the index checks it again).
CREATE UNIQUE INDEX member_id_number ON member(id_number);
CREATE INDEX member_community ON member(community, status);

CREATE TABLE member_category (
  member_id INTEGER NOT NULL REFERENCES member(id),
  category  TEXT NOT NULL,           -- categories code
  PRIMARY KEY (member_id, category)
) WITHOUT ROWID;
CREATE INDEX member_category_by_category ON member_category(category);

-- Separate consent for sensitive fields (PIPL Art. 29): given, scope, withdrawn.
CREATE TABLE consent (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES member(id),
  field        TEXT NOT NULL CHECK (field IN ('ethnicity', 'religion', 'religious_figure',
                                              'ethnic_minority_figure')),
  given_on     TEXT NOT NULL,
  scope        TEXT NOT NULL,
  withdrawn_on TEXT
);

CREATE TABLE activity (
  id          INTEGER PRIMARY KEY,
  community   TEXT NOT NULL,
  type        TEXT NOT NULL,          -- activity_types code
  date        TEXT NOT NULL,          -- YYYY-MM-DD
  title       TEXT,
  duty        TEXT,                   -- plan duty id it fulfils, when named
  notes       TEXT,
  batch_id    INTEGER REFERENCES import_batch(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX activity_by_date ON activity(community, date);

CREATE TABLE activity_measure (
  activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,          -- measure key of the activity's type
  value       REAL NOT NULL CHECK (value >= 0),
  PRIMARY KEY (activity_id, key)
) WITHOUT ROWID;

CREATE TABLE activity_member (
  activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES member(id),
  PRIMARY KEY (activity_id, member_id)
) WITHOUT ROWID;
CREATE INDEX activity_member_by_member ON activity_member(member_id);

-- Append-only history of every write: who, when, what, before and after (JSON objects).
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,           -- member, activity, import_batch
  entity_id  INTEGER,
  action     TEXT NOT NULL,           -- create, update, move, archive, delete, import, undo
  before     TEXT,
  after      TEXT,
  batch_id   INTEGER
);
CREATE INDEX change_log_by_entity ON change_log(entity, entity_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

-- Append-only record of views, exports and reveals of personal data (tongxin-roster(1)).
CREATE TABLE access_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  command  TEXT NOT NULL,
  action   TEXT NOT NULL,             -- reveal, export
  rows     INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
