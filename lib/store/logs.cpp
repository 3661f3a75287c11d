#include "store/logs.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/chain.h"

namespace tongxin::store {

ChangeLog::ChangeLog(SQLite::Database& db)
    : m_insert(db, chained_insert("change_log", k_change_log_fields)) {}

void ChangeLog::add(const std::string& at, const std::string& actor, const std::string& entity,
                    long entity_id, const std::string& action, const std::string& before,
                    const std::string& after, long batch_id) {
  SQLite::Statement& q = m_insert;
  q.bind(1, at);
  q.bind(2, actor);
  q.bind(3, entity);
  q.bind(4, static_cast<int64_t>(entity_id));
  q.bind(5, action);
  before.empty() ? q.bind(6) : q.bind(6, before);
  after.empty() ? q.bind(7) : q.bind(7, after);
  batch_id > 0 ? q.bind(8, static_cast<int64_t>(batch_id)) : q.bind(8);
  q.exec();
  q.reset();
}

void log_change(SQLite::Database& db, const std::string& at, const std::string& actor,
                const std::string& entity, long entity_id, const std::string& action,
                const std::string& before, const std::string& after, long batch_id) {
  ChangeLog(db).add(at, actor, entity, entity_id, action, before, after, batch_id);
}

long begin_batch(SQLite::Database& db, const Batch& batch) {
  SQLite::Statement q(db,
                      "INSERT INTO import_batch (kind, file_name, sha256, actor, created_at) "
                      "VALUES (?, ?, '', ?, ?)");
  q.bind(1, batch.kind);
  q.bind(2, batch.file_name);
  q.bind(3, batch.actor);
  q.bind(4, batch.at);
  q.exec();
  return static_cast<long>(db.getLastInsertRowid());
}

void finish_batch(SQLite::Database& db, long batch_id, const Batch& batch,
                  const std::string& sha256, const BatchCounts& counts) {
  SQLite::Statement q(db,
                      "UPDATE import_batch SET sha256 = ?, rows_new = ?, rows_updated = ?, "
                      "rows_unchanged = ?, rows_rejected = ? WHERE id = ?");
  q.bind(1, sha256);
  q.bind(2, static_cast<int64_t>(counts.added));
  q.bind(3, static_cast<int64_t>(counts.updated));
  q.bind(4, static_cast<int64_t>(counts.unchanged));
  q.bind(5, static_cast<int64_t>(counts.rejected));
  q.bind(6, static_cast<int64_t>(batch_id));
  q.exec();
  const std::string summary = fmt::format(
      R"({{"file":{},"kind":"{}","added":{},"updated":{},"unchanged":{},"rejected":{}}})",
      nlohmann::json(batch.file_name).dump(), batch.kind, counts.added, counts.updated,
      counts.unchanged, counts.rejected);
  log_change(db, batch.at, batch.actor, "import_batch", batch_id, "import", "", summary, batch_id);
}

}  // namespace tongxin::store
