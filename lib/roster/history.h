// A member's history: its import batch and every change-log entry, read as field changes. The log
// stores field keys and codes (`{"status":"moved","status_date":"2012-06-30"}`), never labels:
// only display translates, so a history reads the same in either language whoever wrote it.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <ostream>
#include <string>
#include <vector>

#include "config/community_names.h"
#include "output/table.h"

namespace tongxin::roster {

// One field that an entry changed, as stored: a member field key or one of status, status_date,
// status_reason, community_date; values are codes ("" for none). Entries written before the log
// stored codes may hold prose (`迁出 2012-06-30`), which is shown as it is.
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};

struct HistoryEntry {
  std::string at;
  std::string actor;
  std::string action;  // import, import_update, create, update, move, archive, undo
  long batch = 0;      // the import batch the entry belongs to, 0 for none
  std::string file;    // that batch's file name, as the user gave it
  std::vector<FieldChange> changes;
};

// The fields that differ between two change-log objects (JSON text, "" for none), member fields
// first in display order, then the status keys. Text that is not a JSON object becomes one
// change with an empty field, so an unreadable entry is shown, not lost. Pure.
std::vector<FieldChange> field_changes(const std::string& before_json,
                                       const std::string& after_json);

// The member's history, oldest first: the import that created it (when it was imported) and
// every change-log entry about it.
std::vector<HistoryEntry> member_history(SQLite::Database& db, long member_id);

// As a table. On the terminal (`machine` false) one row per entry, the changes as
// "label: before → after" with labels for codes and communities by their names among
// `communities`; in CSV and TSV one row per change with codes. ID numbers and phones are masked
// unless `reveal`.
output::Table history_table(const std::vector<HistoryEntry>& history, bool reveal, bool machine,
                            const std::vector<config::CommunityName>& communities = {});

// As a JSON array: one object per entry with its changes as {field, before, after} (codes;
// null for none), ID numbers and phones masked unless `reveal`.
void write_history_json(std::ostream& out, const std::vector<HistoryEntry>& history, bool reveal);

}  // namespace tongxin::roster
