// Community field paths: the typed, dotted paths into a community file that plan deliverables
// (schedule phases) and standard items (audit) check, e.g. `facilities.office.present`,
// `organisation.liaison_officers`, `facilities.activity_venue.area_m2`. One list of valid paths
// lives here; a unit test keeps schemas/json/standard.schema.json's enum equal to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/community.h"

namespace tongxin::config {

// What a path's value is: a yes/no (a group or facility present, an activity-room key), a list
// (counted against min_count) or a number (compared with a minimum, e.g. area_m2 >= 20).
enum class FieldKind { flag, list, number };

struct FieldPath {
  enum class Section { organisation, facilities, activity_room };
  Section section = Section::organisation;
  std::string key;        // leading_group, liaison_officers, office, premises, ...
  std::string attribute;  // facilities only: present, area_m2, annual_budget_yuan, items
  FieldKind kind = FieldKind::flag;

  // The canonical dotted text: organisation.liaison_officers, facilities.office.present, ...
  std::string text() const;
  bool operator==(const FieldPath&) const = default;
};

// Parses a dotted path; `facilities.office` means `facilities.office.present`. std::nullopt when
// the path is not one of field_paths(). No throw.
std::optional<FieldPath> parse_field_path(std::string_view text);

// Every valid path, in the order of the community file (for messages and the schema test).
const std::vector<std::string>& field_paths();

// The value a community has at a path: `flag` for flags; `count` for lists (0 when absent);
// `number` for numbers (std::nullopt when not given, or the facility is absent).
struct FieldValue {
  bool flag = false;
  size_t count = 0;
  std::optional<double> number;
};
FieldValue field_value(const Community& community, const FieldPath& path);

// Whether the community meets the path: a flag is true; a list has at least `min_count`
// entries; a number is given and at least `min_value` (0 when not given).
bool field_met(const Community& community, const FieldPath& path, size_t min_count = 1,
               std::optional<double> min_value = std::nullopt);

}  // namespace tongxin::config
