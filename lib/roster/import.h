// roster import: a spreadsheet of members into the store, as one transaction and one batch.
// Every row is validated; with any invalid row nothing is written (unless skip_invalid, which
// writes the valid rows and hands back the rejected ones). Batches can be undone.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "io/import_result.h"
#include "io/tabular.h"
#include "output/atomic_file.h"
#include "roster/fields.h"

namespace tongxin::roster {

enum class OnExisting { error, update, fill, skip };

// Parses update|fill|skip|error; throws tongxin::Error (exit 2) otherwise.
OnExisting parse_on_existing(const std::string& name);

struct ImportOptions {
  std::string display_name;  // the file as the user named it, for messages and the batch
  std::string community;     // --community: for rows without a 社区 column or value
  bool dry_run = false;
  OnExisting on_existing = OnExisting::error;
  bool skip_invalid = false;
  std::string actor;
  std::string now;
  bool again = false;  // import even when an earlier batch imported the same bytes (SHA-256)
};

// Whether `header` names a member field or a column the import ignores on purpose (序号, 状态):
// io::TabularOptions::known, so a title row above the header is skipped.
bool knows_column(const std::string& header);

// Imports every row of `source`. Throws tongxin::Error exit 3 when a header is unusable (unknown
// or duplicate column, sensitive column while that field is off). Row problems are returned in
// the result; when they fail the import (io::failed: without skip_invalid) the store is unchanged.
// dry_run validates and counts but writes nothing.
io::ImportResult import_roster(SQLite::Database& db, io::TabularSource& source,
                               const ImportOptions& options, const ValueContext& ctx);

struct UndoReport {
  long removed = 0;   // members the batch created, now deleted
  long restored = 0;  // members the batch updated, restored
};

// Undoes batch `batch_id`: removes the members it created and restores the fields it changed.
// Refuses (exit 3, naming the members) when any of them was changed since, and when the batch
// does not exist or was undone already.
UndoReport undo_import(SQLite::Database& db, long batch_id, const std::string& actor,
                       const std::string& now);

}  // namespace tongxin::roster
