// The agenda: the plan's duties expanded into occurrences between two dates, for each unit that
// carries them, each with its status against the activities in the store. Occurrences are
// derived every time, never stored.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>
#include <vector>

#include "config/workspace.h"
#include "schedule/plan.h"
#include "schedule/records.h"
#include "schedule/recurrence.h"

namespace tongxin::schedule {

// A unit that carries duties: a community, a township, or the county.
struct Unit {
  Scope scope = Scope::community;
  std::string key;   // index key (records.h)
  std::string id;    // community id, township name, or the jurisdiction code ("county" if none)
  std::string name;  // community name, township name, or jurisdiction name
};

// The units of `scope` in the workspace, in id order: every community (or only `community`
// when not empty), every distinct non-empty township (or only that community's), the county
// once (always, with or without `community`).
std::vector<Unit> units_for(Scope scope, const config::Workspace& workspace,
                            const std::string& community);

struct AgendaQuery {
  DateRange range;               // occurrences whose window overlaps it are listed
  Date today;                    // decides upcoming / due / overdue
  std::string community;         // "" = every community of the workspace
  std::vector<Status> statuses;  // empty = every status
};

struct AgendaRow {
  const Duty* duty = nullptr;  // points into the Plan passed in
  Unit unit;
  Window window;
  Status status = Status::upcoming;
  size_t count = 0;     // activities found; members covered for per-member duties
  size_t required = 1;  // activities needed; members to cover for per-member duties
  bool per_member = false;
  std::vector<long long> members_outstanding;  // member ids still to visit or greet
};

// Everything evaluate_agenda reads.
struct AgendaInputs {
  const Plan& plan;
  const config::Workspace& workspace;
  const ActivityIndex& activities;
  const MemberIndex& members;
  const std::map<std::string, std::vector<Date>>& festivals;  // code -> sorted dates
};

// The sorted dates of every festival the plan's rules name, for the years around `range`
// (overrides applied). Throws tongxin::Error (exit 2) when `range` leaves 1901..2100.
std::map<std::string, std::vector<Date>> festival_days(const Plan& plan, DateRange range);

// Pure: expands every duty over the query's range for each of its units and evaluates it.
// Rows are sorted by due date, then duty id, then unit id.
std::vector<AgendaRow> evaluate_agenda(const AgendaInputs& inputs, const AgendaQuery& query);

// The store's activities and members as the agenda and the phases read them. Loaded once and
// kept for several evaluations (a report evaluates four periods and the phases).
struct StoreIndexes {
  ActivityIndex activities;
  MemberIndex members;
};
// Throws SQLite::Exception on store errors.
StoreIndexes load_indexes(const Plan& plan, const config::Workspace& workspace,
                          SQLite::Database& db);

// Loads activities and members from `db` once, then evaluate_agenda. Throws tongxin::Error
// (exit 2) for a range outside 1901..2100 and SQLite::Exception on store errors.
std::vector<AgendaRow> build_agenda(const Plan& plan, const config::Workspace& workspace,
                                    SQLite::Database& db, const AgendaQuery& query);
// The same on indexes already loaded (a report reads the store once for its audit and agendas).
std::vector<AgendaRow> build_agenda(const Plan& plan, const config::Workspace& workspace,
                                    const StoreIndexes& store, const AgendaQuery& query);

bool any_overdue(const std::vector<AgendaRow>& rows);

}  // namespace tongxin::schedule
