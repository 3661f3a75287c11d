// The store's append-only records: the change log (every write: who, when, what, before and
// after) and import batches (the access log: store/access_log.h). Every module
// that writes uses these, in the same transaction as its write.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace tongxin::store {

// The change log's INSERT, prepared once, for writers that log many changes (an import's updates,
// an undo's restores).
class ChangeLog {
 public:
  explicit ChangeLog(SQLite::Database& db);
  // Appends an entry; `before` and `after` are JSON objects, or "" for none.
  void add(const std::string& at, const std::string& actor, const std::string& entity,
           long entity_id, const std::string& action, const std::string& before,
           const std::string& after, long batch_id = 0);

 private:
  SQLite::Statement m_insert;
};

// Appends to the change log; `before` and `after` are JSON objects, or "" for none.
void log_change(SQLite::Database& db, const std::string& at, const std::string& actor,
                const std::string& entity, long entity_id, const std::string& action,
                const std::string& before, const std::string& after, long batch_id = 0);

struct BatchCounts {
  long added = 0;
  long updated = 0;
  long unchanged = 0;
  long rejected = 0;
};

struct Batch {
  std::string kind;       // roster | activity
  std::string file_name;  // as the user named it
  std::string actor;
  std::string at;
};

// Starts an import batch (inside the caller's transaction); returns its id.
long begin_batch(SQLite::Database& db, const Batch& batch);

// Records the batch's SHA-256 and counts, and logs the import in the change log.
void finish_batch(SQLite::Database& db, long batch_id, const Batch& batch,
                  const std::string& sha256, const BatchCounts& counts);

}  // namespace tongxin::store
