// An assessment standard (验收标准 / 目标考核细则, standards/*.yaml) as data: groups of items, each
// with points, an optional veto (required), the communities it applies to, what to do to fix it,
// and exactly one check. Read strictly: every problem of the file is reported at once with
// file:line:col and a did-you-mean (exit 5).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/field_path.h"
#include "core/date.h"
#include "core/period.h"

namespace tongxin::audit {

// A label in both languages.
struct Text {
  std::string zh;
  std::string en;
  // The label in the current language (zh when en is empty).
  const std::string& label() const;
};

// A number to reach: fixed, `base` + `add` per `per` registered members (capped at `max`), or
// the target of the highest band whose `members` the community reaches (higher targets where
// many UF members live, lower where few, as offices in Shanxi set them).
struct Target {
  enum class Kind { fixed, scaled, bands };
  struct Band {
    long members = 0;  // from this many registered members on
    double target = 0;
  };
  Kind kind = Kind::fixed;
  double fixed = 0;
  double base = 0;
  double add = 0;
  long per = 1;
  std::optional<double> max;
  std::vector<Band> bands;  // increasing in members; the first starts at 0
};

// What a check about the register asks.
enum class RosterRule {
  members,             // registered members >= minimum
  filled,              // share of members with every named field filled >= share %
  key_contact_cadres,  // every key contact has a contact cadre (联系人)
  changed_within,      // the register changed within the last `days` days (动态管理)
};

// What a deduct check counts misses of.
enum class DeductOf { duty, activity };

enum class CheckKind { field, institution, wall_display, roster, activity, duty, deduct, manual };

struct Check {
  CheckKind kind = CheckKind::field;
  // field
  config::FieldPath field;
  size_t min_count = 1;
  std::optional<double> minimum;  // field: numeric minimum; roster members: least members
  // institution, wall_display: the code
  std::string code;
  // roster
  RosterRule roster = RosterRule::members;
  std::vector<std::string> fields;  // roster filled: member fields that must be filled
  double share = 100;               // roster filled, duty: least percent
  long days = 0;                    // roster changed_within
  // activity (and deduct of activity)
  std::string activity_type;
  std::string measure;  // sum of this measure instead of counting activities; "" = count
  Target target;
  // duty (and deduct of a duty): plan duty ids; empty = every duty of the plan
  std::vector<std::string> duties;
  // deduct
  DeductOf deduct_of = DeductOf::duty;
  double points_per_miss = 0;
};

// Which communities an item applies to.
struct AppliesTo {
  enum class Kind { all, pilot, stars_at_least, townships };
  Kind kind = Kind::all;
  int stars = 0;
  std::vector<std::string> townships;
};

struct Item {
  std::string code;
  Text title;
  double points = 1;
  bool required = false;  // 一票否决: failing it fails the verdict whatever the total
  AppliesTo applies_to;
  Text remediation;  // may be empty
  Check check;
  int line = 0;  // where the item starts, for messages
};

struct Group {
  std::string code;
  Text title;
  std::optional<double> max_points;
  std::vector<Item> items;
};

struct PassMark {
  enum class Unit { points, percent };
  Unit unit = Unit::percent;
  double value = 100;  // without a pass mark every item must pass
};

struct StarBand {
  int stars = 0;
  double min_percent = 0;
  std::vector<std::string> required_items;
};

struct Standard {
  std::string id;
  Text title;
  std::string source;
  std::string level = "community";  // community | township
  PassMark pass_mark;
  std::vector<StarBand> stars;  // increasing in stars and percent; empty = no star rating
  std::string period;           // default period: a period text or month|quarter|half|year
  std::vector<Group> groups;

  std::string file;    // workspace-relative path it was read from
  std::string sha256;  // of the file's bytes

  // The item with this code, or nullptr.
  const Item* item(const std::string& code) const;
  // Whether the check of any item satisfies `test`.
  bool any_check(const std::function<bool(const Check&)>& test) const;
};

// What the loader checks names against: the plan's duty ids (empty set and `plan_loaded`
// false when the workspace has no plan: a duty check then is an error).
struct StandardContext {
  std::set<std::string> duties;
  bool plan_loaded = false;
};

// The member fields a roster `filled` check may name.
const std::vector<std::string>& roster_fields();

// Parses a standard file's text. `file` names it in diagnostics. Checks every key, type and
// code (field paths, institutions, wall displays, activity types and measures, plan duties,
// roster fields, item codes named by star bands), bands increasing, one check per item; throws
// tongxin::Error (exit 5) listing every problem with file:line:col and a caret.
Standard parse_standard(const std::string& file, const std::string& text,
                        const StandardContext& context);

// The period an audit counts activities and duties in: `period_text` when given (any form of
// parse_period), else the standard's default (a period text, or month|quarter|half|year: the
// one containing the as-of date), else the year of the as-of date. std::nullopt when the text
// is not a period.
std::optional<Period> audit_period(const Standard& standard, const std::string& period_text,
                                   Date as_of);

}  // namespace tongxin::audit
