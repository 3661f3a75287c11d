#include "config/field_path.h"

#include <algorithm>

namespace tongxin::config {

namespace {

struct PathSpec {
  FieldPath::Section section;
  const char* key;
  const char* attribute;  // "" outside facilities
  FieldKind kind;
};

// Every path, in the order of a community file. Facilities carry a number or a list only where
// the community file gives one a meaning (an office's area, the equipment list, the budget).
const std::vector<PathSpec>& specs() {
  using S = FieldPath::Section;
  static const std::vector<PathSpec> k_specs = [] {
    std::vector<PathSpec> specs = {
        {S::organisation, "leading_group", "", FieldKind::flag},
        {S::organisation, "coordination_group", "", FieldKind::flag},
        {S::organisation, "liaison_officers", "", FieldKind::list},
        {S::organisation, "friendship_groups", "", FieldKind::list},
        {S::organisation, "building_liaisons", "", FieldKind::list},
    };
    for (const std::string& key : facility_keys()) {
      // facility_keys() holds static strings for the life of the program.
      specs.push_back({S::facilities, key.c_str(), "present", FieldKind::flag});
      if (key == "office" || key == "activity_venue") {
        specs.push_back({S::facilities, key.c_str(), "area_m2", FieldKind::number});
      } else if (key == "office_equipment") {
        specs.push_back({S::facilities, key.c_str(), "items", FieldKind::list});
      } else if (key == "dedicated_funds") {
        specs.push_back({S::facilities, key.c_str(), "annual_budget_yuan", FieldKind::number});
      }
    }
    for (const std::string& key : activity_room_keys()) {
      specs.push_back({S::activity_room, key.c_str(), "", FieldKind::flag});
    }
    return specs;
  }();
  return k_specs;
}

const char* section_name(FieldPath::Section section) {
  switch (section) {
    case FieldPath::Section::organisation:
      return "organisation";
    case FieldPath::Section::facilities:
      return "facilities";
    case FieldPath::Section::activity_room:
      return "activity_room";
  }
  return "";
}

FieldPath to_path(const PathSpec& spec) {
  return FieldPath{spec.section, spec.key, spec.attribute, spec.kind};
}

FieldValue organisation_value(const Community& c, const std::string& key) {
  FieldValue v;
  if (key == "leading_group") {
    v.flag = c.leading_group.present;
  } else if (key == "coordination_group") {
    v.flag = c.coordination_group.present;
  } else if (key == "liaison_officers") {
    v.count = c.liaison_officers.size();
  } else if (key == "friendship_groups") {
    v.count = c.friendship_groups.size();
  } else if (key == "building_liaisons") {
    v.count = c.building_liaisons.size();
  }
  return v;
}

FieldValue facility_value(const Community& c, const FieldPath& path) {
  FieldValue v;
  const auto it = c.facilities.find(path.key);
  if (it == c.facilities.end()) {
    return v;
  }
  const Facility& f = it->second;
  v.flag = f.present;
  if (path.attribute == "items") {
    v.count = f.present ? f.items.size() : 0;
  } else if (path.attribute == "area_m2" && f.present) {
    v.number = f.area_m2;
  } else if (path.attribute == "annual_budget_yuan" && f.present) {
    v.number = f.annual_budget_yuan;
  }
  return v;
}

}  // namespace

std::string FieldPath::text() const {
  std::string out = std::string(section_name(section)) + "." + key;
  if (!attribute.empty()) {
    out += "." + attribute;
  }
  return out;
}

std::optional<FieldPath> parse_field_path(std::string_view text) {
  std::string wanted(text);
  if (wanted.starts_with("facilities.") && std::count(wanted.begin(), wanted.end(), '.') == 1) {
    wanted += ".present";  // a facility named alone means "it is there"
  }
  for (const PathSpec& spec : specs()) {
    FieldPath path = to_path(spec);
    if (path.text() == wanted) {
      return path;
    }
  }
  return std::nullopt;
}

const std::vector<std::string>& field_paths() {
  static const std::vector<std::string> k_paths = [] {
    std::vector<std::string> paths;
    for (const PathSpec& spec : specs()) {
      paths.push_back(to_path(spec).text());
    }
    return paths;
  }();
  return k_paths;
}

FieldValue field_value(const Community& community, const FieldPath& path) {
  switch (path.section) {
    case FieldPath::Section::organisation:
      return organisation_value(community, path.key);
    case FieldPath::Section::facilities:
      return facility_value(community, path);
    case FieldPath::Section::activity_room: {
      const auto it = community.activity_room.find(path.key);
      FieldValue v;
      v.flag = it != community.activity_room.end() && it->second;
      return v;
    }
  }
  return {};
}

bool field_met(const Community& community, const FieldPath& path, size_t min_count,
               std::optional<double> min_value) {
  const FieldValue v = field_value(community, path);
  switch (path.kind) {
    case FieldKind::flag:
      return v.flag;
    case FieldKind::list:
      return v.count >= min_count;
    case FieldKind::number:
      return v.number.has_value() && *v.number >= min_value.value_or(0.0);
  }
  return false;
}

}  // namespace tongxin::config
