#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "config/codes.h"

using namespace tongxin::config;

namespace {

std::string fold(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

TEST_CASE("code tables have the expected sizes") {
  const std::map<std::string, size_t> expected = {
      {"categories", 17}, {"ethnic_groups", 56},  {"parties", 8},      {"political_status", 13},
      {"religions", 5},   {"activity_types", 12}, {"sex", 4},          {"education", 8},
      {"statuses", 4},    {"institutions", 10},   {"wall_displays", 5}};
  for (const auto& entry : expected) {
    const std::string& name = entry.first;  // clang 14 cannot CAPTURE a structured binding
    CAPTURE(name);
    CHECK(code_table(name).entries().size() == entry.second);
  }
  size_t current = 0;
  for (const auto& e : code_table("categories").entries()) {
    current += e.field("legacy").empty() ? 1 : 0;
  }
  CHECK(current == 12);
}

TEST_CASE("every name and alias in a table points to one entry") {
  for (const std::string& name : code_table_names()) {
    CAPTURE(name);
    const CodeTable& table = code_table(name);
    std::map<std::string, std::string> owner;
    for (const CodeEntry& e : table.entries()) {
      CHECK_FALSE(e.code.empty());
      CHECK_FALSE(e.zh.empty());
      CHECK_FALSE(e.en.empty());
      CHECK(std::all_of(e.code.begin(), e.code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      }));
      std::set<std::string> own = {fold(e.code), fold(e.zh), fold(e.en)};
      own.insert(e.aliases.begin(), e.aliases.end());
      for (const std::string& n : own) {
        const auto [it, inserted] = owner.emplace(fold(n), e.code);
        CAPTURE(n);
        CHECK((inserted || it->second == e.code));
      }
    }
  }
}

TEST_CASE("lookups accept codes, names and aliases") {
  const CodeTable& status = code_table("political_status");
  CHECK(status.find("民盟")->code == "cdl_member");
  CHECK(status.find("中国民主同盟")->code == "cdl_member");
  CHECK(status.find("05")->code == "cdl_member");
  CHECK(status.find(" 05 ")->code == "cdl_member");
  CHECK(status.find("05")->field("party") == "cdl");
  CHECK(code_table("ethnic_groups").find("回")->code == "hui");
  CHECK(code_table("ethnic_groups").find("03")->code == "hui");
  CHECK(code_table("ethnic_groups").find("回族")->field("letter") == "HU");
  CHECK(code_table("categories").find("NON_PARTY")->code == "non_party");
  CHECK(code_table("categories").find("nothing") == nullptr);
}

TEST_CASE("activity types carry the report measures work summaries count") {
  const CodeTable& types = code_table("activity_types");
  const auto keys = [&](const std::string& code) {
    std::vector<std::string> k;
    for (const auto& m : types.by_code(code)->measures) {
      k.push_back(m.key);
    }
    return k;
  };
  CHECK(keys("publicity") == std::vector<std::string>{"banners", "slogans", "materials",
                                                      "board_updates", "media_reports"});
  CHECK(keys("job_fair") ==
        std::vector<std::string>{"fairs", "attendances", "hiring_intents", "persons_employed"});
  CHECK(keys("visit") == std::vector<std::string>{"visits", "persons_visited", "festival_visits"});
}

TEST_CASE("festival codes are the issue's set") {
  const CodeTable& f = code_table("festivals");
  for (const char* code : {"spring_festival", "lantern", "qingming", "dragon_boat", "qixi",
                           "mid_autumn", "double_ninth", "laba", "new_years_eve", "eid_al_fitr",
                           "eid_al_adha", "national_day", "new_year"}) {
    CAPTURE(code);
    CHECK(f.by_code(code) != nullptr);
  }
  CHECK(f.by_code("eid_al_fitr")->field("greeting_only") == "true");
  CHECK(f.by_code("mid_autumn")->field("calendar") == "lunar");
}
