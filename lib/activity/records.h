// What activities read from and write to the store: the only SQL of
// lib/activity. Every write goes to the change log (entity 'activity') in the
// same transaction.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "activity/rules.h"
#include "core/date.h"

namespace tongxin::activity {

// Prepared statements for inserting activities, reused across rows.
class ActivityWriter {
 public:
  explicit ActivityWriter(SQLite::Database& db);
  // Inserts `a` (its id ignored) with its measures and members; returns the new
  // id.
  long insert(const Activity& a, long batch_id, const std::string& now);

 private:
  SQLite::Database& m_db;
  SQLite::Statement m_insert;
  SQLite::Statement m_measure;
  SQLite::Statement m_member;
};

// Adds one activity in its own transaction and logs it (action create); returns
// its id.
long add_activity(SQLite::Database& db, const Activity& a, const std::string& actor,
                  const std::string& now);

std::optional<Activity> load_activity(SQLite::Database& db, long id);

// Applies `edit` to activity `id` (see apply_edit) and logs it (action update;
// nothing when nothing changed). Exit 2 when there is no such activity. Returns
// every problem of the edit, and then writes nothing; empty when stored.
[[nodiscard]] std::vector<Problem> edit_activity(SQLite::Database& db, long id,
                                                 const ActivityEdit& edit, const Date& today,
                                                 const std::string& actor, const std::string& now);

// Deletes activity `id` with its measures and member links; the change log
// keeps its last state. Exit 2 when there is no such activity.
void delete_activity(SQLite::Database& db, long id, const std::string& actor,
                     const std::string& now);

// activity import --undo: deletes the activities batch `batch_id` created (their last state kept in
// the change log, action undo) and marks the batch undone; returns how many. Exit 3 when there is
// no such activity batch, it was undone already, or one of its activities was edited since (the
// edit would be lost; nothing is changed).
long undo_import(SQLite::Database& db, long batch_id, const std::string& actor,
                 const std::string& now);

struct ListFilter {
  std::optional<Date> from;
  std::optional<Date> to;
  std::string type;       // code; "" = all
  std::string community;  // "" = all
};

// Activities matching `filter`, sorted by date, community, id.
std::vector<Activity> list_activities(SQLite::Database& db, const ListFilter& filter);

}  // namespace tongxin::activity
