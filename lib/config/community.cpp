#include "config/community.h"

#include <algorithm>
#include <regex>

#include "config/codes.h"
#include "config/yaml_reader.h"
#include "i18n/i18n.h"

namespace tongxin::config {

const std::vector<std::string>& facility_keys() {
  static const std::vector<std::string> k_keys = {"office",           "signboard",
                                                  "activity_venue",   "publicity_board",
                                                  "office_equipment", "dedicated_funds"};
  return k_keys;
}

const std::vector<std::string>& activity_room_keys() {
  static const std::vector<std::string> k_keys = {"premises", "organisation", "staff", "rules",
                                                  "files",    "equipment",    "funds"};
  return k_keys;
}

namespace {

Person read_person(MapReader& r) {
  Person p;
  p.name = r.string("name", true).value_or("");
  p.post = r.string("post").value_or("");
  p.unit = r.string("unit").value_or("");
  return p;
}

void read_group(MapReader& parent, const std::string& key, Group& group) {
  group.present = parent.has(key);
  parent.map(key, [&](MapReader& r) {
    group.established = r.date("established");
    r.map("leader", [&](MapReader& p) { group.leader = read_person(p); });
    r.list("deputies", [&](MapReader& p, size_t) { group.deputies.push_back(read_person(p)); });
    r.list("members", [&](MapReader& p, size_t) { group.members.push_back(read_person(p)); });
  });
}

void read_organisation(MapReader& r, Community& c) {
  read_group(r, "leading_group", c.leading_group);
  read_group(r, "coordination_group", c.coordination_group);
  r.list("liaison_officers", [&](MapReader& item, size_t) {
    LiaisonOfficer o;
    o.name = item.string("name", true).value_or("");
    o.kind = item.string("kind").value_or("part_time");
    if (o.kind != "full_time" && o.kind != "part_time") {
      item.report("kind", i18n::tr("config.bad_choice", o.kind, "full_time, part_time"));
    }
    o.note = item.string("note").value_or("");
    c.liaison_officers.push_back(std::move(o));
  });
  r.list("friendship_groups", [&](MapReader& item, size_t) {
    FriendshipGroup g;
    g.name = item.string("name", true).value_or("");
    g.category = item.string("category").value_or("");
    const CodeEntry* category = code_table("categories").by_code(g.category);
    // Legacy codes (the 2006 list) map to current ones; new files must use the current codes.
    if (!g.category.empty() && (category == nullptr || !category->field("legacy").empty())) {
      item.report("category",
                  i18n::tr("config.bad_choice", g.category, code_table("categories").codes_list()));
    }
    g.established = item.date("established");
    c.friendship_groups.push_back(std::move(g));
  });
  r.list("building_liaisons", [&](MapReader& item, size_t) {
    BuildingLiaison b;
    b.building = item.string("building", true).value_or("");
    b.name = item.string("name", true).value_or("");
    c.building_liaisons.push_back(std::move(b));
  });
}

void read_facilities(MapReader& r, Community& c) {
  for (const std::string& key : facility_keys()) {
    r.map(key, [&](MapReader& f) {
      Facility facility;
      facility.present = f.boolean("present").value_or(false);
      facility.area_m2 = f.number("area_m2", 0);
      facility.items = f.string_list("items");
      facility.annual_budget_yuan = f.number("annual_budget_yuan", 0);
      facility.updated = f.date("updated");
      facility.note = f.string("note").value_or("");
      c.facilities[key] = std::move(facility);
    });
  }
}

// Institution and wall-display codes come from their code tables, so a typo cannot pass an
// acceptance check silently.
void check_code(MapReader& item, const std::string& code, const std::string& table) {
  if (!code.empty() && code_table(table).by_code(code) == nullptr) {
    item.report("code", i18n::tr("config.unknown_code", code, code_table(table).codes_list()));
  }
}

void read_institutions(MapReader& r, Community& c) {
  r.list("institutions", [&](MapReader& item, size_t) {
    Institution inst;
    inst.code = item.string("code", true).value_or("");
    check_code(item, inst.code, "institutions");
    inst.adopted = item.date("adopted");
    inst.document = item.string("document").value_or("");
    c.institutions.push_back(std::move(inst));
  });
  r.list("wall_displays", [&](MapReader& item, size_t) {
    WallDisplay wall;
    wall.code = item.string("code", true).value_or("");
    check_code(item, wall.code, "wall_displays");
    wall.posted = item.date("posted");
    c.wall_displays.push_back(std::move(wall));
  });
}

}  // namespace

Community parse_community(const std::string& file, const std::string& text) {
  Diagnostics diagnostics(file);
  Community c;
  c.source_file = file;
  const YAML::Node root = parse_yaml(text, diagnostics);
  if (root.IsDefined()) {
    MapReader r(root, "", diagnostics);
    c.id = r.string("id", true).value_or("");
    static const std::regex k_id("[a-z0-9][a-z0-9-]*");
    if (!c.id.empty() && !std::regex_match(c.id, k_id)) {
      r.report("id", i18n::tr("config.bad_id", c.id));
    }
    c.name = r.string("name", true).value_or("");
    c.township = r.string("township").value_or("");
    c.county = r.string("county").value_or("");
    c.pilot = r.boolean("pilot").value_or(false);
    c.stars = static_cast<int>(r.integer("stars", 0, 5).value_or(0));
    c.households = r.integer("households", 0, 100000000);
    c.residents = r.integer("residents", 0, 100000000);
    r.map("organisation", [&](MapReader& o) { read_organisation(o, c); });
    r.map("facilities", [&](MapReader& f) { read_facilities(f, c); });
    r.map("activity_room", [&](MapReader& a) {
      for (const std::string& key : activity_room_keys()) {
        if (auto value = a.boolean(key)) {
          c.activity_room[key] = *value;
        }
      }
    });
    read_institutions(r, c);
  }
  diagnostics.throw_if_any(text);
  return c;
}

}  // namespace tongxin::config
