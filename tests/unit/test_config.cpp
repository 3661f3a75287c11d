#include <doctest/doctest.h>

#include <fmt/format.h>

#include <fstream>

#include "config/community.h"
#include "config/workspace.h"
#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "store/store.h"

using namespace tongxin;

namespace {

std::vector<std::string> problems_of(const std::string& text) {
  try {
    config::parse_community("communities/x.yaml", text);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    std::vector<std::string> first_lines;
    for (const auto& line : e.details()) {
      if (line.rfind("communities/x.yaml:", 0) == 0) {
        first_lines.push_back(line);
      }
    }
    return first_lines;
  }
  return {};
}

}  // namespace

TEST_CASE("a valid community file loads into typed structs") {
  i18n::set_language(i18n::Lang::en);
  const auto c = config::parse_community("c.yaml", R"(id: dongjie
name: 东街社区
pilot: true
stars: 3
organisation:
  leading_group:
    established: 2011-11-25
    leader: {name: 张建国, post: 书记}
  liaison_officers:
    - {name: 赵敏, kind: full_time}
facilities:
  dedicated_funds: {present: true, annual_budget_yuan: 5000}
activity_room: {files: false}
institutions:
  - {code: sys_regular_meeting, adopted: 2011-12-05}
wall_displays:
  - {code: wall_leading_group}
)");
  CHECK(c.id == "dongjie");
  CHECK(c.stars == 3);
  CHECK(c.leading_group.present);
  CHECK(c.leading_group.established == Date{2011, 11, 25});
  CHECK(c.leading_group.leader->name == "张建国");
  CHECK_FALSE(c.coordination_group.present);
  CHECK(c.liaison_officers.at(0).kind == "full_time");
  CHECK(c.facilities.at("dedicated_funds").annual_budget_yuan == 5000);
  CHECK_FALSE(c.facilities.contains("office"));
  CHECK(c.activity_room.at("files") == false);
  CHECK(c.institutions.at(0).adopted == Date{2011, 12, 5});
}

TEST_CASE("every problem of a community file is reported with line and column") {
  i18n::set_language(i18n::Lang::en);
  const auto problems = problems_of(R"(id: x
name: 测试
stars: many
organisation:
  leading_gruop:
    leader: {name: 张三}
  coordination_group:
    established: 2011-13-45
)");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "communities/x.yaml:3:8: stars: wrong type, expected integer, got 'many'");
  CHECK(problems[1].rfind("communities/x.yaml:5:3: organisation.leading_gruop: unknown key, did "
                          "you mean 'leading_group'?",
                          0) == 0);
  CHECK(problems[2] ==
        "communities/x.yaml:8:18: organisation.coordination_group.established: "
        "bad date '2011-13-45', expected an existing date YYYY-MM-DD");
}

TEST_CASE("community codes and closed choices are checked") {
  i18n::set_language(i18n::Lang::en);
  SUBCASE("unknown institution code") {
    CHECK(problems_of("id: x\nname: y\ninstitutions:\n  - {code: sys_regular_meting}\n").size() ==
          1);
  }
  SUBCASE("liaison kind") {
    CHECK(problems_of("id: x\nname: y\norganisation:\n  liaison_officers:\n    - {name: a, kind: "
                      "sometimes}\n")
              .size() == 1);
  }
  SUBCASE("friendship group category") {
    CHECK(problems_of("id: x\nname: y\norganisation:\n  friendship_groups:\n    - {name: a, "
                      "category: believers}\n")
              .size() == 1);
  }
  SUBCASE("missing id and name, bad id") {
    CHECK(problems_of("township: t\n").size() == 2);
    CHECK(problems_of("id: Bad Id\nname: y\n").size() == 1);
  }
  SUBCASE("YAML syntax") { CHECK(problems_of("id: [unclosed\n").size() == 1); }
}

TEST_CASE("tongxin.yaml is strict too") {
  i18n::set_language(i18n::Lang::en);
  const auto cfg = config::parse_workspace_config("tongxin.yaml", R"(version: 1
jurisdiction: {name: 永登县, code: "620121"}
language: en
privacy:
  min_cell: 10
  sensitive_fields:
    ethnicity: {purpose: 少数民族节日慰问}
)");
  CHECK(cfg.language == "en");
  CHECK(cfg.privacy.min_cell == 10);
  CHECK(cfg.privacy.sensitive_fields.at("ethnicity").purpose == "少数民族节日慰问");
  CHECK_THROWS_AS(config::parse_workspace_config("t", "version: 2\n"), Error);
  CHECK_THROWS_AS(config::parse_workspace_config("t", "version: 1\nlanguage: fr\n"), Error);
  CHECK_THROWS_AS(config::parse_workspace_config("t",
                                                 "version: 1\nprivacy: {sensitive_fields: "
                                                 "{religion: {}}}\n"),
                  Error);
}

TEST_CASE("privacy.mask cannot turn masking off") {
  i18n::set_language(i18n::Lang::en);
  // An old tongxin.yaml with `mask: true` still loads: it says what tongxin always does.
  CHECK_NOTHROW(config::parse_workspace_config("t", "version: 1\nprivacy: {mask: true}\n"));
  try {
    config::parse_workspace_config("t", "version: 1\nprivacy:\n  mask: false\n");
    FAIL("mask: false was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    REQUIRE_FALSE(e.details().empty());
    CHECK(e.details()[0].find("t:3:9: privacy.mask: masking cannot be turned off") == 0);
  }
}

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("the workspace reads tongxin.yaml and communities, not the plan or the standard") {
  i18n::set_language(i18n::Lang::en);
  testing::TempDir dir;
  write_text(dir.path / "tongxin.yaml",
             "version: 1\njurisdiction: {name: 永登县}\nstandard: standard.yaml\n"
             "plan: plan.yaml\n");
  write_text(dir.path / "plan.yaml", "duties: [unclosed\n");  // broken; the standard is missing
  write_text(dir.path / "communities/a.yaml", "id: a\nname: 甲社区\n");
  const config::Workspace ws = config::load_workspace(dir.path);
  CHECK(ws.community_ids() == std::vector<std::string>{"a"});
  CHECK(ws.config.plan == "plan.yaml");
  CHECK(ws.config.standard == "standard.yaml");

  SUBCASE("a broken community file stops the workspace but not tongxin.yaml alone") {
    write_text(dir.path / "communities/b.yaml", "id: b\nname: 乙社区\nstars: many\n");
    CHECK(testing::exit_code_of([&] { config::load_workspace(dir.path); }) == ExitCode::config);
    CHECK(config::load_workspace_config(dir.path).store == "tongxin.db");
  }
}

TEST_CASE("many community files: every problem in file order, duplicates named, ids sorted") {
  i18n::set_language(i18n::Lang::en);
  testing::TempDir dir;
  write_text(dir.path / "tongxin.yaml", "version: 1\njurisdiction: {name: 永登县}\n");
  for (int i = 99; i >= 0; --i) {  // files parsed on every core: results must not depend on it
    write_text(dir.path / fmt::format("communities/c{:02}.yaml", i),
               fmt::format("id: c{:02}\nname: 社区{}\n", 99 - i, i));
  }
  const config::Workspace ws = config::load_workspace(dir.path);
  REQUIRE(ws.communities.size() == 100);
  CHECK(ws.communities.front().id == "c00");
  CHECK(ws.communities.front().name == "社区99");
  CHECK(ws.communities.back().id == "c99");

  write_text(dir.path / "communities/c10.yaml", "id: c10\nname: 乙\nstars: many\n");
  write_text(dir.path / "communities/c20.yaml", "id: c05\nname: 重\n");  // c94 has id c05
  write_text(dir.path / "communities/c30.yaml", "id: c30\n");
  try {
    config::load_workspace(dir.path);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    REQUIRE(e.details().size() == 7);  // two problems with their line and caret, and one
    CHECK(e.details()[0].find("communities/c10.yaml:3:8: stars:") == 0);
    CHECK(e.details()[3] == "communities/c30.yaml:1:1: name: required key missing");
    CHECK(e.details()[6] == "communities/c94.yaml: community id 'c05' is used by another file too");
  }
}

TEST_CASE("store is a path, or a mapping with the path and busy_timeout in seconds") {
  i18n::set_language(i18n::Lang::en);
  const auto plain = config::parse_workspace_config("t", "version: 1\nstore: office.db\n");
  CHECK(plain.store == "office.db");
  CHECK(plain.busy_timeout_s == config::k_default_busy_timeout_s);
  CHECK(config::k_default_busy_timeout_s * 1000 == store::k_busy_timeout_ms);
  const auto both =
      config::parse_workspace_config("t", "version: 1\nstore: {path: o.db, busy_timeout: 600}\n");
  CHECK(both.store == "o.db");
  CHECK(both.busy_timeout_s == 600);
  const auto timeout_only =
      config::parse_workspace_config("t", "version: 1\nstore:\n  busy_timeout: 0\n");
  CHECK(timeout_only.store == "tongxin.db");
  CHECK(timeout_only.busy_timeout_s == 0);
  for (const char* bad : {"store: {busy_timeout: -1}", "store: {busy_timeout: 1h}",
                          "store: {busy_timeout: 90000}", "store: {wait: 5}"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(config::parse_workspace_config("t", std::string("version: 1\n") + bad), Error);
  }
}

namespace {

// The detail lines of the error parsing `text` as tongxin.yaml throws, or {} when it parses.
std::vector<std::string> workspace_error(const std::string& text) {
  try {
    config::parse_workspace_config("tongxin.yaml", text);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    return e.details();
  }
  return {};
}

}  // namespace

TEST_CASE("YAML is as strict as the docs say") {
  i18n::set_language(i18n::Lang::en);
  SUBCASE("duplicate keys, at every level") {
    const auto lines =
        workspace_error("version: 1\nprivacy: {min_cell: 5, min_cell: 6}\nversion: 1\n");
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "tongxin.yaml:2:24: duplicate key 'min_cell' (first at line 2)");
    CHECK(lines[3] == "tongxin.yaml:3:1: duplicate key 'version' (first at line 1)");
  }
  SUBCASE("an unterminated quote does not swallow the rest of the file") {
    const auto lines = workspace_error("version: 1\nstore: \"tongxin.db\nlanguage: zh\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] ==
          "tongxin.yaml:2:8: unterminated quote: a quoted value must end on the line "
          "it starts");
    CHECK(workspace_error("version: 1\nstore: 'it''s.db'\nplan: \"a\\\"b\"\n").empty());
  }
  SUBCASE("an unterminated quote in a flow is reported where it opens, not where YAML gives up") {
    auto lines =
        workspace_error("version: 1\nprivacy: {min_cell: '5}\nlanguage: zh\nstandard: s.yaml\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] ==
          "tongxin.yaml:2:21: unterminated quote: a quoted value must end on the line "
          "it starts");
    lines = workspace_error("version: 1 # it's\njurisdiction: {name: \"a, code: '1'}\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0].starts_with("tongxin.yaml:2:22: unterminated quote"));
  }
  SUBCASE("a tab in the indentation is reported on its line") {
    const auto lines =
        workspace_error("version: 1\nprivacy:\n  min_cell: 5\n\tsensitive_fields: {}\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "tongxin.yaml:4:1: a tab in the indentation; YAML indents with spaces only");
  }
  SUBCASE("an empty file is reported at line 1") {
    for (const char* text : {"", "\n\n", "# only a comment\n"}) {
      const auto lines = workspace_error(text);
      REQUIRE(!lines.empty());
      CHECK(lines[0] == "tongxin.yaml:1:1: the file is empty; expected a mapping (key: value)");
    }
  }
  SUBCASE("invalid UTF-8 and control characters, with the column in characters") {
    auto lines = workspace_error("version: 1\njurisdiction: {name: 永登\xff}\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "tongxin.yaml:2:24: not valid UTF-8 (byte 0xFF); save the file as UTF-8");
    lines = workspace_error("version: 1\nstore: \"a\x1b[2Jb\"\n");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "tongxin.yaml:2:10: control character U+001B is not allowed");
    CHECK(lines[1] == "    store: \"a\\x1B[2Jb\"");  // echoed escaped, never raw
  }
  SUBCASE("deep nesting: a short message and a short echo") {
    const std::string deep = "version: " + std::string(100000, '[') + std::string(100000, ']');
    auto lines = workspace_error(deep + "\n");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "tongxin.yaml:1:42: nested more than 32 levels deep");
    CHECK(lines[1].size() < 400);
    lines = workspace_error("version: " + std::string(40, '[') + std::string(40, ']') + "\n");
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "tongxin.yaml:1:42: nested more than 32 levels deep");
  }
}

TEST_CASE("the jurisdiction code is a division code of 6, 9 or 12 digits, or left empty") {
  i18n::set_language(i18n::Lang::en);
  for (const char* good : {"620121", "620100", "620121001", "620121001001"}) {
    CHECK_MESSAGE(config::valid_division_code(good), good);
  }
  for (const char* bad :
       {"62x", "62", "6201", "62012", "6201210", "62012１", "620 121", "-62012"}) {
    CHECK_MESSAGE(!config::valid_division_code(bad), bad);
  }
  CHECK(workspace_error("version: 1\njurisdiction: {name: 乡, code: \"\"}\n").empty());
  CHECK(workspace_error("version: 1\njurisdiction: {name: 县, code: 620121}\n").empty());
  const auto lines = workspace_error("version: 1\njurisdiction: {name: 永登县, code: \"62x\"}\n");
  REQUIRE(lines.size() == 3);
  CHECK(
      lines[0].starts_with("tongxin.yaml:2:33: jurisdiction.code: bad administrative division "
                           "code '62x': expected 6 digits"));
  CHECK(lines[2] == std::string(4 + 35, ' ') + "^");  // 永登县 is six columns wide
}

TEST_CASE("a communities pattern that matches no file stops the workspace at the pattern") {
  i18n::set_language(i18n::Lang::en);
  testing::TempDir dir;
  const auto error_of = [&] {
    try {
      config::load_workspace(dir.path);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::config);
      return e.details();
    }
    return std::vector<std::string>{};
  };
  write_text(dir.path / "tongxin.yaml", "version: 1\ncommunities: data/*.yaml\n");
  auto lines = error_of();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "tongxin.yaml:2:14: communities: the pattern 'data/*.yaml' matches no community file: "
        "there is no folder data (create it and add the community files, or correct the pattern)");
  CHECK(lines[1] == "    communities: data/*.yaml");
  CHECK(lines[2] == "                 ^");

  write_text(dir.path / "data/readme.txt", "not a community\n");
  lines = error_of();
  REQUIRE(!lines.empty());
  CHECK(
      lines[0].starts_with("tongxin.yaml:2:14: communities: the pattern 'data/*.yaml' matches "
                           "no file in the folder data"));

  write_text(dir.path / "tongxin.yaml", "version: 1\n");  // the default, communities/*.yaml
  lines = error_of();
  REQUIRE(!lines.empty());
  CHECK(lines[0].starts_with("tongxin.yaml:1:1: communities: the pattern 'communities/*.yaml'"));

  write_text(dir.path / "communities/a.yaml", "id: a\nname: 甲社区\n");
  CHECK(config::load_workspace(dir.path).community_ids() == std::vector<std::string>{"a"});
}
