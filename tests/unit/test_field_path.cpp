#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "config/field_path.h"

using namespace tongxin;
using namespace tongxin::config;

namespace {

Community sample() {
  Community c;
  c.facilities["office"].present = true;
  c.facilities["office"].area_m2 = 25;
  c.facilities["dedicated_funds"].present = true;
  c.facilities["dedicated_funds"].annual_budget_yuan = 2000;
  c.facilities["office_equipment"].present = true;
  c.facilities["office_equipment"].items = {"文件柜", "电脑"};
  c.leading_group.present = true;
  c.friendship_groups.resize(2);
  c.activity_room["premises"] = true;
  c.activity_room["files"] = false;
  return c;
}

bool met(const Community& c, std::string_view text, size_t min_count = 1,
         std::optional<double> min_value = std::nullopt) {
  const auto path = parse_field_path(text);
  REQUIRE_MESSAGE(path.has_value(), text);
  return field_met(c, *path, min_count, min_value);
}

// The `field` enums of a JSON Schema file, wherever they appear.
void collect_field_enums(const nlohmann::json& node, std::vector<std::vector<std::string>>& out) {
  if (node.is_object()) {
    if (node.contains("field") && node["field"].is_object() && node["field"].contains("enum")) {
      out.push_back(node["field"]["enum"].get<std::vector<std::string>>());
    }
    for (const auto& [key, child] : node.items()) {
      collect_field_enums(child, out);
    }
  } else if (node.is_array()) {
    for (const auto& child : node) {
      collect_field_enums(child, out);
    }
  }
}

}  // namespace

TEST_CASE("field paths: flags, lists and numbers of a community file") {
  const Community c = sample();
  CHECK(met(c, "facilities.office"));
  CHECK(met(c, "facilities.office.present"));
  CHECK_FALSE(met(c, "facilities.signboard"));
  CHECK(met(c, "organisation.leading_group"));
  CHECK_FALSE(met(c, "organisation.coordination_group"));
  CHECK(met(c, "organisation.friendship_groups", 2));
  CHECK_FALSE(met(c, "organisation.friendship_groups", 3));
  CHECK_FALSE(met(c, "organisation.liaison_officers"));
  CHECK(met(c, "activity_room.premises"));
  CHECK_FALSE(met(c, "activity_room.files"));
  CHECK_FALSE(met(c, "activity_room.equipment"));
  SUBCASE("numbers compare with a minimum; a missing number never passes") {
    CHECK(met(c, "facilities.office.area_m2", 1, 20.0));
    CHECK(met(c, "facilities.office.area_m2", 1, 25.0));
    CHECK_FALSE(met(c, "facilities.office.area_m2", 1, 25.5));
    CHECK(met(c, "facilities.dedicated_funds.annual_budget_yuan", 1, 2000.0));
    CHECK_FALSE(met(c, "facilities.activity_venue.area_m2", 1, 0.0));
  }
  SUBCASE("an absent facility has no number, and its list is empty") {
    Community bare;
    CHECK(field_value(bare, *parse_field_path("facilities.office.area_m2")).number == std::nullopt);
    CHECK(field_value(bare, *parse_field_path("facilities.office_equipment.items")).count == 0);
  }
  CHECK(field_value(c, *parse_field_path("facilities.office_equipment.items")).count == 2);
}

TEST_CASE("field paths: parsing is strict and round-trips") {
  for (const std::string& text : field_paths()) {
    CAPTURE(text);
    const auto path = parse_field_path(text);
    REQUIRE(path.has_value());
    CHECK(path->text() == text);
  }
  CHECK(parse_field_path("facilities.office")->text() == "facilities.office.present");
  CHECK(parse_field_path("organisation.liaison_officers")->kind == FieldKind::list);
  CHECK(parse_field_path("facilities.office.area_m2")->kind == FieldKind::number);
  for (const char* bad : {"", "activity_room.sofa", "facilities", "facilities.signboard.area_m2",
                          "organisation.leading_group.present", "Facilities.office",
                          "facilities.office.", "activity_room"}) {
    CAPTURE(bad);
    CHECK(parse_field_path(bad) == std::nullopt);
  }
}

TEST_CASE("field paths: the JSON Schemas of standards and plans list exactly the C++ paths") {
  for (const char* name : {"standard.schema.json", "plan.schema.json"}) {
    CAPTURE(name);
    std::ifstream in(std::string(TONGXIN_SOURCE_DIR) + "/schemas/json/" + name);
    REQUIRE(in);
    std::vector<std::vector<std::string>> enums;
    collect_field_enums(nlohmann::json::parse(in), enums);
    REQUIRE_FALSE(enums.empty());
    for (const auto& list : enums) {
      CHECK(list == field_paths());
    }
  }
}
