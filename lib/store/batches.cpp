#include "store/batches.h"

#include "i18n/i18n.h"

namespace tongxin::store {

namespace {

constexpr const char* k_select =
    "SELECT id, kind, file_name, sha256, actor, created_at, rows_new, rows_updated, "
    "rows_unchanged, rows_rejected, undone_at FROM import_batch ";

BatchRecord record_of(SQLite::Statement& q) {
  return {.id = q.getColumn(0).getInt64(),
          .kind = q.getColumn(1).getString(),
          .file_name = q.getColumn(2).getString(),
          .sha256 = q.getColumn(3).getString(),
          .actor = q.getColumn(4).getString(),
          .created_at = q.getColumn(5).getString(),
          .added = q.getColumn(6).getInt64(),
          .updated = q.getColumn(7).getInt64(),
          .unchanged = q.getColumn(8).getInt64(),
          .rejected = q.getColumn(9).getInt64(),
          .undone_at = q.getColumn(10).isNull() ? "" : q.getColumn(10).getString()};
}

}  // namespace

std::vector<BatchRecord> read_batches(SQLite::Database& db, const std::string& kind) {
  SQLite::Statement q(db, std::string(k_select) + "WHERE ? = '' OR kind = ? ORDER BY id");
  q.bind(1, kind);
  q.bind(2, kind);
  std::vector<BatchRecord> batches;
  while (q.executeStep()) {
    batches.push_back(record_of(q));
  }
  return batches;
}

std::optional<BatchRecord> same_file_batch(SQLite::Database& db, const std::string& kind,
                                           const std::string& sha256) {
  SQLite::Statement q(db, std::string(k_select) +
                              "WHERE kind = ? AND sha256 = ? AND undone_at IS NULL "
                              "ORDER BY id DESC LIMIT 1");
  q.bind(1, kind);
  q.bind(2, sha256);
  if (sha256.empty() || !q.executeStep()) {
    return std::nullopt;
  }
  return record_of(q);
}

void guard_same_file(SQLite::Database& db, const std::string& kind, const std::string& sha256,
                     io::ImportResult& result, bool again) {
  const auto earlier = same_file_batch(db, kind, sha256);
  io::guard_repeat(result, earlier ? earlier->id : 0, earlier ? earlier->created_at : "", again);
}

std::optional<std::string> batch_undone_at(SQLite::Database& db, long id, const std::string& kind) {
  SQLite::Statement batch(db, "SELECT kind, undone_at FROM import_batch WHERE id = ?");
  batch.bind(1, static_cast<int64_t>(id));
  if (!batch.executeStep() || batch.getColumn(0).getString() != kind) {
    return std::nullopt;
  }
  return batch.getColumn(1).isNull() ? std::string() : batch.getColumn(1).getString();
}

output::Table batches_table(const std::vector<BatchRecord>& batches, bool labels) {
  output::Table t;
  for (const char* key : {"id", "kind", "file", "sha256", "at", "actor", "new", "updated",
                          "unchanged", "rejected", "undone_at"}) {
    const std::string_view k(key);
    const bool number =
        k == "id" || k == "new" || k == "updated" || k == "unchanged" || k == "rejected";
    t.columns.push_back({key, i18n::tr(std::string("batches.col_") + key), number, number});
  }
  for (const BatchRecord& b : batches) {
    std::string kind = b.kind;
    if (labels) {
      kind = i18n::tr(b.kind == "roster" ? "batches.kind_roster" : "batches.kind_activity");
    }
    std::string sha = labels ? b.sha256.substr(0, 12) : b.sha256;
    t.rows.push_back({std::to_string(b.id), std::move(kind), b.file_name, std::move(sha),
                      b.created_at, b.actor, std::to_string(b.added), std::to_string(b.updated),
                      std::to_string(b.unchanged), std::to_string(b.rejected), b.undone_at});
  }
  return t;
}

}  // namespace tongxin::store
