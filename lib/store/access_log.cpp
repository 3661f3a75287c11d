#include "store/access_log.h"

#include "i18n/i18n.h"
#include "store/chain.h"

namespace tongxin::store {

AccessEntry disclosure(const std::string& command, const std::string& format, long rows,
                       bool revealed, const std::string& destination) {
  AccessEntry entry;
  entry.command = command;
  entry.format = format;
  entry.rows = rows;
  entry.revealed = revealed;
  entry.destination = destination;
  if (format != "table" || !destination.empty()) {
    entry.action = "export";
  } else if (revealed) {
    entry.action = "reveal";
  }
  return entry;
}

void log_access(SQLite::Database& db, const AccessEntry& entry) {
  if (entry.action.empty()) {
    return;
  }
  SQLite::Statement q(db, chained_insert("access_log", k_access_log_fields));
  q.bind(1, entry.at);
  q.bind(2, entry.actor);
  q.bind(3, entry.command);
  q.bind(4, entry.action);
  q.bind(5, static_cast<int64_t>(entry.rows));
  q.bind(6, entry.format);
  q.bind(7, entry.revealed ? 1 : 0);
  q.bind(8, entry.destination);
  q.exec();
}

std::vector<AccessEntry> read_access_log(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT id, at, actor, command, action, format, rows, revealed, destination "
                      "FROM access_log ORDER BY id");
  std::vector<AccessEntry> entries;
  while (q.executeStep()) {
    entries.push_back({.id = q.getColumn(0).getInt64(),
                       .at = q.getColumn(1).getString(),
                       .actor = q.getColumn(2).getString(),
                       .command = q.getColumn(3).getString(),
                       .action = q.getColumn(4).getString(),
                       .format = q.getColumn(5).getString(),
                       .rows = q.getColumn(6).getInt64(),
                       .revealed = q.getColumn(7).getInt() != 0,
                       .destination = q.getColumn(8).getString()});
  }
  return entries;
}

output::Table access_log_table(const std::vector<AccessEntry>& entries, bool labels) {
  output::Table t;
  for (const char* key :
       {"id", "at", "actor", "command", "action", "format", "rows", "revealed", "destination"}) {
    const bool number = std::string_view(key) == "id" || std::string_view(key) == "rows";
    t.columns.push_back({key, i18n::tr(std::string("access.col_") + key), number, number});
  }
  for (const AccessEntry& e : entries) {
    std::string action =
        labels ? i18n::tr(e.action == "reveal" ? "access.reveal" : "access.export") : e.action;
    std::string revealed =
        labels ? i18n::tr(e.revealed ? "access.yes" : "access.no") : (e.revealed ? "1" : "0");
    std::string destination =
        labels && e.destination.empty() ? i18n::tr("access.stdout") : e.destination;
    t.rows.push_back({std::to_string(e.id), e.at, e.actor, e.command, std::move(action), e.format,
                      std::to_string(e.rows), std::move(revealed), std::move(destination)});
  }
  return t;
}

}  // namespace tongxin::store
