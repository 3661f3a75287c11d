// The work plan (工作计划, plans/*.yaml, the workspace's `plan:`): phases with deliverables,
// recurring duties with their rules, and festival date overrides. Parsed strictly from the file
// text so every problem is reported as file:line:col, all at once (exit 5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/field_path.h"
#include "config/workspace.h"
#include "core/date.h"
#include "schedule/festivals.h"
#include "schedule/recurrence.h"

namespace tongxin::schedule {

// A label in both languages.
struct Text {
  std::string zh;
  std::string en;
  // The label in the current language.
  const std::string& label() const;
};

// What makes a phase deliverable met in a community.
struct Requirement {
  enum class Kind { activity, roster, field };
  Kind kind = Kind::activity;
  std::string activity_type;  // activity: an activity_types code
  int min_count = 1;          // activity: activities needed; organisation lists: entries needed
  config::FieldPath field;    // field: a community field path (lib/config/field_path.h)
};

struct Deliverable {
  std::string id;
  Text title;
  Requirement require;
};

struct Phase {
  std::string code;
  Text title;
  Date start;
  Date end;
  std::vector<Deliverable> deliverables;
};

// Who carries a duty: each community, each township (乡镇/街道), or the county once.
enum class Scope { community, township, county };

struct Duty {
  std::string id;
  Text title;
  std::string type;  // activity_types code of the activities that fulfil it
  Scope scope = Scope::community;
  std::optional<Date> from;  // first day the duty applies (open when absent)
  std::optional<Date> to;    // last day
  Rule rule;

  // Whether an occurrence due on `due` belongs to the duty (due within from..to).
  bool active_on(Date due) const;
};

struct Plan {
  std::string id;
  Text title;
  std::vector<Phase> phases;
  std::vector<Duty> duties;
  FestivalOverrides festival_overrides;
};

// Parses a plan file's text. `file` names it in diagnostics (workspace-relative). Checks keys,
// types, dates, activity types (code_table("activity_types")), festival codes, community field
// paths and rule combinations; throws tongxin::Error (exit 5) listing every problem with
// file:line:col and a caret.
Plan parse_plan(const std::string& file, const std::string& text);

// Reads and parses the plan the workspace's `plan:` names. Throws tongxin::Error (exit 5) when
// the workspace has no plan or the plan is invalid.
Plan load_plan(const config::Workspace& workspace);

// The festival overrides of the workspace's plan, or none when the workspace has no plan.
// Throws like load_plan when the plan is invalid.
FestivalOverrides workspace_overrides(const config::Workspace& workspace);

}  // namespace tongxin::schedule
