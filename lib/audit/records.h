// What an audit reads from and writes to the store: register and activity figures of every
// community as of a date, and recorded runs (--record, audit history). The only SQL of
// lib/audit lives in records.cpp.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/evaluate.h"
#include "audit/standard.h"
#include "core/period.h"

namespace tongxin::audit {

// Register figures per community id as of `as_of`: members registered by then (registered_on)
// and active in that community on that day (member_event), key contacts and those without a contact
// cadre, members with each set of roster fields the standard names filled, and the latest change to
// the register on or before the date (change log or import batch). Throws SQLite::Exception on
// store errors.
std::map<std::string, RosterFigures> load_roster_figures(SQLite::Database& db,
                                                         const Standard& standard, Date as_of);

// Activity counts by type per community id, dated within `range`; and measure sums, only when
// a check of `standard` sums a measure (the join with every measure is not read otherwise).
std::map<std::string, ActivityFigures> load_activity_figures(SQLite::Database& db,
                                                             const Standard& standard,
                                                             DateRange range);

// A community's result in a recorded run.
struct RecordedResult {
  long long run_id = 0;
  std::string recorded_at;
  std::string standard_id;  // history() only
  std::string standard_sha256;
  std::string as_of;
  std::string period;
  std::string community;
  long members = 0;
  double earned = 0;
  double possible = 0;
  double percent = 0;
  std::optional<int> stars;
  std::string verdict;
  std::map<std::string, std::string> items;  // item code -> status code
};

// Records one run in a transaction; returns its id.
long long record_run(SQLite::Database& db, const Standard& standard, Date as_of,
                     const Period& period, const std::vector<CommunityResult>& results,
                     const std::string& now, const std::string& actor);

// The latest recorded result of each community under standard `standard_id`, with its items.
std::map<std::string, RecordedResult> last_results(SQLite::Database& db,
                                                   const std::string& standard_id);

// Every recorded result, oldest first (only `community` when not empty), without items.
std::vector<RecordedResult> history(SQLite::Database& db, const std::string& community);

}  // namespace tongxin::audit
