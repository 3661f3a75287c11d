// Activities: the events a community office records (meetings, publicity,
// visits, services, ...) with the report measures of their type
// (schemas/codes/activity_types.yaml) and the members who took part. The rules
// of activities, pure functions on plain structs: finding types and measures,
// validating an activity as the user gave it, applying an edit, and its JSON
// form for the change log. The SQL lives in records.cpp, tables and the JSON of
// `activity list` in render.cpp.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/codes.h"
#include "config/community_names.h"
#include "core/date.h"

namespace tongxin::activity {

// A problem with one value: `field` is a field key (date, community, type,
// title, members, duty, notes) or, for a measure, the name the user gave it
// (key, label or header).
struct Problem {
  std::string field;
  std::string reason;  // in the user's language
  std::string value;   // the raw value
};

// Measures of one activity as (key, value), in the order of the type's
// measures.
using Measures = std::vector<std::pair<std::string, double>>;

// The activity type table (schemas/codes/activity_types.yaml).
const config::CodeTable& activity_types();

// The activity type named by a code, Chinese or English name or alias; nullptr
// when none.
const config::CodeEntry* find_type(std::string_view text);

// The measure of `type` that `name` names: its key, Chinese or English label
// (trimmed, case-insensitive), or a common spreadsheet header for it (走访 →
// visits); nullptr when none.
const config::Measure* find_measure(const config::CodeEntry& type, std::string_view name);

// The measure key a spreadsheet header names in any activity type; "" when
// none.
std::string measure_key_for_header(std::string_view header);

// Header synonyms for measures beyond their key and labels, as (header, measure
// key).
const std::vector<std::pair<std::string, std::string>>& measure_synonyms();

// The largest value a measure may have: a count (persons, sessions, …) or an
// amount of money in yuan. Beyond these a value is a typing error, not a fact.
inline constexpr double k_max_count = 1'000'000;
inline constexpr double k_max_amount = 100'000'000;

// The range an activity's date must fall in: from the founding of the PRC to a
// year after today (an activity may be entered ahead of time, not years ahead).
inline constexpr Date k_earliest_activity{1949, 10, 1};
inline constexpr long k_latest_activity_days = 366;

// Parses a measure value: a finite non-negative number. Appends a problem and
// returns nullopt otherwise. Pure.
std::optional<double> parse_measure_value(const std::string& name, std::string_view raw,
                                          std::vector<Problem>& problems);

// "banners（横幅）、slogans（标语）…": the measures of `type`, for error
// messages.
std::string measures_list(const config::CodeEntry& type);

// An activity as the user gave it (command-line flags or one spreadsheet row).
struct RawActivity {
  std::string community;
  std::string type;
  std::string date;
  std::string title;
  std::vector<std::string> members;                           // member ids or ID numbers
  std::vector<std::pair<std::string, std::string>> measures;  // (name, raw value); "" = none
  std::string duty;
  std::string notes;
};

// What validation needs to know about the world.
struct CheckContext {
  Date today;
  std::vector<config::CommunityName> communities;  // of the workspace
  // Resolves a member reference (id or ID number) to a member id; nullopt when
  // unknown.
  std::function<std::optional<long>(const std::string&)> find_member;
};

// A valid activity, ready to store.
struct Activity {
  long id = 0;
  std::string community;
  std::string type;  // activity_types code
  std::string date;  // YYYY-MM-DD
  std::string title;
  std::string duty;
  std::string notes;
  Measures measures;
  std::vector<long> members;  // member ids, ascending
  long batch_id = 0;
};

// Checks a parsed value against its measure: whole for counts, at most
// m.decimals places for money, at most k_max_count or k_max_amount. Appends a
// problem and returns false otherwise. Pure.
bool check_measure_value(const config::Measure& m, const std::string& name, double value,
                         std::string_view raw, std::vector<Problem>& problems);

// Validates `raw` (date ISO/today/+Nd or YYYY/MM/DD between k_earliest_activity
// and a year after today, a known community and type, members that exist,
// measures of the type with non-negative values, whole for counts; title, duty
// and notes clean text within their limits; empty measure values are skipped). Appends every
// problem; the result is meaningful only when none was added.
Activity check_activity(const RawActivity& raw, const CheckContext& ctx,
                        std::vector<Problem>& problems);

// Splits KEY=N assignments into (name, value) pairs; a missing '=' is a
// problem.
std::vector<std::pair<std::string, std::string>> split_assignments(
    const std::vector<std::string>& assignments, std::vector<Problem>& problems);

// Measures as a JSON object {key: number}; whole numbers without a fraction.
nlohmann::ordered_json measures_json(const Measures& measures);

// The activity as a JSON object, for the change log; two activities with the
// same JSON are the same.
std::string activity_json(const Activity& a);

// Changes to an activity; unset fields stay. Measures given are set (an empty
// value removes).
struct ActivityEdit {
  std::optional<std::string> date;
  std::optional<std::string> title;
  std::optional<std::string> type;
  std::optional<std::string> duty;
  std::optional<std::string> notes;
  std::vector<std::pair<std::string, std::string>> measures;
};

// Applies `edit` to `a`: date and type checked, title, duty and notes trimmed,
// measures set or removed (an empty value removes) and all checked against the
// (possibly new) type, also those left over from the old type. Appends every
// problem; `a` is meaningful only when none was added. Pure.
void apply_edit(Activity& a, const ActivityEdit& edit, const Date& today,
                std::vector<Problem>& problems);

}  // namespace tongxin::activity
