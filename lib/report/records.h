// What a work summary reads from the store: per-community aggregates for a date range, with the
// register counted as of a date (member.registered_on and member_event, schema 5). The only SQL
// of lib/report lives in records.cpp; every query groups in SQLite, so a million members cost no
// loop over members here.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/period.h"

namespace tongxin::report {

struct CommunityFigures {
  // The register as of the date: active, registered by then, in this community.
  long members = 0;
  long key_contacts = 0;
  long hardship = 0;
  long key_with_cadre = 0;
  long key_visited = 0;                    // key contacts reached by a visit in the range
  std::map<std::string, long> categories;  // category code -> members
  // Enabled sensitive fields only: field (ethnicity, religion) -> value code -> members; "" for
  // members with no value recorded.
  std::map<std::string, std::map<std::string, long>> sensitive;
  long registered = 0;  // registered in the range
  // Activities dated in the range.
  std::map<std::string, long> activities;                          // type -> count
  std::map<std::pair<std::string, std::string>, double> measures;  // (type, key) -> sum
  std::map<std::string, std::map<std::string, long>> months;       // YYYY-MM -> type -> count
};

// Moves, archives and deaths in the range, by kind and communities.
struct EventCount {
  std::string kind;  // move, moved, archived, deceased
  std::string from;
  std::string to;
  long count = 0;
};

struct Figures {
  std::map<std::string, CommunityFigures> communities;  // by community id
  std::vector<EventCount> events;
};

// Every community's figures for `range`, the register counted as of `as_of`. Members are counted
// by a sensitive field only when it is in `sensitive_fields` (the workspace enables it);
// anything but ethnicity and religion there is ignored.
Figures load_figures(SQLite::Database& db, DateRange range, Date as_of,
                     const std::vector<std::string>& sensitive_fields = {});

struct NotableActivity {
  std::string date;
  std::string community;
  std::string type;
  std::string title;
};

// How many notable activities a report lists.
inline constexpr size_t k_notable_limit = 20;

// A community's titled activities in a range: the first few by date (then id), and how many.
struct TitledActivities {
  std::vector<NotableActivity> first;
  long count = 0;
};

// Every community's first `limit` titled activities in `range` and their count, in one query.
std::map<std::string, TitledActivities> load_titled(SQLite::Database& db, DateRange range,
                                                    size_t limit);

// The titled activities of `communities` (from load_titled): by date then community (then id),
// at most `limit`, and how many there are in all.
std::pair<std::vector<NotableActivity>, long> notable_of(
    const std::map<std::string, TitledActivities>& titled,
    const std::vector<std::string>& communities, size_t limit);

}  // namespace tongxin::report
