// activity import: a spreadsheet of activities into the store, as one
// transaction and one batch (import_batch kind 'activity'). Every row is
// validated; with any invalid row nothing is written and every problem is
// in the io::ImportResult.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "activity/rules.h"
#include "io/import_result.h"
#include "io/tabular.h"

namespace tongxin::activity {

struct ImportOptions {
  std::string display_name;  // the file as the user named it ("stdin" for -)
  std::string community;     // --community: for rows without a 社区 column or value
  bool dry_run = false;
  std::string actor;
  std::string now;
  bool skip_invalid = false;  // leave invalid rows out (io::ImportResult::rejects), import the rest
  bool again = false;         // import even when an earlier batch imported the same bytes (SHA-256)
};

// Whether `header` names an activity column (fixed, measure, or a row number column):
// io::TabularOptions::known, so a title row above the header is skipped.
bool knows_column(const std::string& header);

// Imports every row of `source`. Columns: 日期/date, 社区/community, 类型/type,
// 标题/title, 参加人员/members, 职责/duty, 备注/notes, and measure columns by
// key, Chinese or English label or a common header (see measure_synonyms).
// Throws tongxin::Error exit 3 for an unusable header (unknown or duplicate
// column, no 日期 or 类型). Row problems are returned in the report; the store
// is unchanged when they fail the import (io::failed) or on a dry run. A file an
// earlier batch imported needs `again` (io::guard_repeat).
io::ImportResult import_activities(SQLite::Database& db, io::TabularSource& source,
                                   const ImportOptions& options, const CheckContext& ctx);

}  // namespace tongxin::activity
