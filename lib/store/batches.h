// Import batches as users look them up: `tongxin store batches` lists them (id, kind, file,
// SHA-256, when, counts, undone) so `--undo BATCH` needs no guesswork, and an import asks whether
// the same bytes were imported before (the SHA-256 re-import guard, `--again`).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "io/import_result.h"
#include "output/table.h"

namespace tongxin::store {

struct BatchRecord {
  long id = 0;
  std::string kind;  // roster | activity
  std::string file_name;
  std::string sha256;  // hex; empty for a batch that never finished (none are kept)
  std::string actor;
  std::string created_at;
  long added = 0;
  long updated = 0;
  long unchanged = 0;
  long rejected = 0;
  std::string undone_at;  // empty unless undone
};

// Every batch, oldest first; only those of `kind` when it is not empty.
std::vector<BatchRecord> read_batches(SQLite::Database& db, const std::string& kind = "");

// The latest batch of `kind`, not undone, that imported a file with this SHA-256.
std::optional<BatchRecord> same_file_batch(SQLite::Database& db, const std::string& kind,
                                           const std::string& sha256);

// Called once an import has read every row: refuses a file that a batch of `kind`, not undone,
// already imported (or, on a dry run, notes it), unless `again` — io::guard_repeat with the
// latest such batch (same_file_batch).
void guard_same_file(SQLite::Database& db, const std::string& kind, const std::string& sha256,
                     io::ImportResult& result, bool again);

// For --undo BATCH: std::nullopt when `id` is not an import batch of `kind`; otherwise when it
// was undone ("" when it was not).
std::optional<std::string> batch_undone_at(SQLite::Database& db, long id, const std::string& kind);

// The batches as a table: `labels` gives the terminal's headers and values in the user's language
// (the SHA-256 cut to its first 12 digits), otherwise stable codes and the whole SHA-256.
output::Table batches_table(const std::vector<BatchRecord>& batches, bool labels);

}  // namespace tongxin::store
