// A community (社区) as its communities/<id>.yaml file describes it: identity, organisation
// (leading group, coordination group, liaison officers, friendship groups, building liaisons),
// facilities (the 六有), the activity room (七有), institutions (十个制度) and wall displays.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace tongxin::config {

struct Person {
  std::string name;
  std::string post;
  std::string unit;  // resident unit (驻街单位), coordination group members
};

struct Group {
  bool present = false;
  std::optional<Date> established;
  std::optional<Person> leader;
  std::vector<Person> deputies;
  std::vector<Person> members;
};

struct LiaisonOfficer {
  std::string name;
  std::string kind;  // full_time | part_time
  std::string note;
};

struct FriendshipGroup {
  std::string name;
  std::string category;  // a categories code
  std::optional<Date> established;
};

struct BuildingLiaison {
  std::string building;
  std::string name;
};

struct Facility {
  bool present = false;
  std::optional<double> area_m2;
  std::vector<std::string> items;
  std::optional<double> annual_budget_yuan;
  std::optional<Date> updated;
  std::string note;
};

struct Institution {
  std::string code;  // sys_* or duty_*
  std::optional<Date> adopted;
  std::string document;
};

struct WallDisplay {
  std::string code;  // wall_*
  std::optional<Date> posted;
};

// The six facility keys (六有) and seven activity-room keys, in the standard's order.
const std::vector<std::string>& facility_keys();
const std::vector<std::string>& activity_room_keys();

struct Community {
  std::string id;
  std::string name;
  std::string township;
  std::string county;
  bool pilot = false;
  int stars = 0;
  std::optional<long> households;
  std::optional<long> residents;

  Group leading_group;
  Group coordination_group;
  std::vector<LiaisonOfficer> liaison_officers;
  std::vector<FriendshipGroup> friendship_groups;
  std::vector<BuildingLiaison> building_liaisons;

  std::map<std::string, Facility> facilities;  // by facility key; absent = not there
  std::map<std::string, bool> activity_room;   // by activity-room key
  std::vector<Institution> institutions;
  std::vector<WallDisplay> wall_displays;

  std::string source_file;  // workspace-relative path it was read from
};

// Parses one community file. `file` names it in diagnostics. Throws tongxin::Error (exit 5)
// listing every problem of the file.
Community parse_community(const std::string& file, const std::string& text);

}  // namespace tongxin::config
