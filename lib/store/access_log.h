// The access log: who revealed or exported member records, when, how and where to
// (domain.md §7.5). Every export of member records is one entry, to a file or to stdout.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "output/table.h"

namespace tongxin::store {

struct AccessEntry {
  long id = 0;  // set when read back
  std::string at;
  std::string actor;
  std::string command;      // "roster list", "roster show", "roster history"
  std::string action;       // export | reveal (a revealed terminal view)
  std::string format;       // table, csv, tsv, json, xlsx
  long rows = 0;            // member records written
  bool revealed = false;    // ID numbers and phones shown in full
  std::string destination;  // the --out file as given, "" for standard output
};

// What a command that shows member records logs: an export when the records leave as a machine
// format (csv, tsv, json, xlsx) or to a file, a reveal when they are shown in full on the
// terminal, nothing for a masked terminal view (a nullopt-like entry with action "").
AccessEntry disclosure(const std::string& command, const std::string& format, long rows,
                       bool revealed, const std::string& destination);

// Appends `entry` (when its action is not empty) in its own statement.
void log_access(SQLite::Database& db, const AccessEntry& entry);

// The whole log, oldest first.
std::vector<AccessEntry> read_access_log(SQLite::Database& db);

// The log as a table: `labels` gives the terminal's headers and values in the user's language,
// otherwise stable codes (export, reveal, 1/0 as for other flags, "" for stdout).
output::Table access_log_table(const std::vector<AccessEntry>& entries, bool labels);

}  // namespace tongxin::store
