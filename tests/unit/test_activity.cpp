#include <doctest/doctest.h>

#include <sstream>

#include "activity/records.h"
#include "activity/rules.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "store/store.h"
#include "text/strings.h"

using namespace tongxin;
using namespace tongxin::activity;
using tongxin::text::format_number;

namespace {

CheckContext context() {
  CheckContext ctx;
  ctx.today = Date{2026, 11, 21};
  ctx.communities = {{"dongjie", "东街社区"}, {"xijie", "西街社区"}};
  ctx.find_member = [](const std::string& ref) -> std::optional<long> {
    return ref == "7" ? std::optional<long>(7) : std::nullopt;
  };
  return ctx;
}

RawActivity meeting() {
  RawActivity raw;
  raw.community = "dongjie";
  raw.type = "例会";
  raw.date = "2026-11-20";
  return raw;
}

}  // namespace

TEST_CASE("activity types are found by code, Chinese name, English name and alias") {
  for (const char* name : {"meeting", "会议", "Meeting", "例会", " 座谈会 "}) {
    CAPTURE(name);
    REQUIRE(find_type(name) != nullptr);
    CHECK(find_type(name)->code == "meeting");
  }
  CHECK(find_type("帮扶")->code == "assistance");
  CHECK(find_type("信息上报")->code == "report_upward");
  CHECK(find_type("party") == nullptr);
}

TEST_CASE("measures are named by key, labels or a common header, within their type") {
  const config::CodeEntry& visit = *find_type("visit");
  CHECK(find_measure(visit, "visits")->key == "visits");
  CHECK(find_measure(visit, "走访次数")->key == "visits");
  CHECK(find_measure(visit, "走访")->key == "visits");
  CHECK(find_measure(visit, "走访人数")->key == "persons_visited");
  CHECK(find_measure(visit, "Persons visited")->key == "persons_visited");
  CHECK(find_measure(visit, "横幅") == nullptr);
  CHECK(measure_key_for_header("横幅") == "banners");
  CHECK(measure_key_for_header("服务人次") == "persons_served");
  CHECK(measure_key_for_header("参加人员").empty());
}

TEST_CASE("every measure synonym names a measure of the activity type table") {
  // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
  for (const auto& synonym : measure_synonyms()) {
    const auto& header = synonym.first;
    const auto& key = synonym.second;
    CAPTURE(header);
    bool found = false;
    for (const auto& type : config::code_table("activity_types").entries()) {
      for (const auto& m : type.measures) {
        found = found || m.key == key;
      }
    }
    CHECK(found);
  }
}

TEST_CASE("measure values are non-negative numbers") {
  i18n::set_language(i18n::Lang::en);
  std::vector<Problem> problems;
  CHECK(parse_measure_value("banners", "4", problems) == 4.0);
  CHECK(parse_measure_value("amount_yuan", " 2.5 ", problems) == 2.5);
  CHECK(problems.empty());
  SUBCASE("negative") {
    CHECK_FALSE(parse_measure_value("banners", "-1", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].reason == "must not be negative");
    CHECK(problems[0].value == "-1");
  }
  SUBCASE("not a number") {
    CHECK_FALSE(parse_measure_value("banners", "four", problems));
    CHECK_FALSE(parse_measure_value("banners", "4x", problems));
    CHECK_FALSE(parse_measure_value("banners", "nan", problems));
    CHECK(problems.size() == 3);
  }
  CHECK(format_number(4.0) == "4");
  CHECK(format_number(2.5) == "2.5");
}

TEST_CASE("a valid activity keeps its measures in the type's order") {
  RawActivity raw = meeting();
  raw.measures = {{"参会人员", "26"}, {"meetings", "1"}, {"会议", ""}};
  raw.members = {"7"};
  std::vector<Problem> problems;
  const Activity a = check_activity(raw, context(), problems);
  CHECK(problems.empty());
  CHECK(a.type == "meeting");
  CHECK(a.date == "2026-11-20");
  REQUIRE(a.measures.size() == 2);
  CHECK(a.measures[0] == std::pair<std::string, double>{"meetings", 1});
  CHECK(a.measures[1] == std::pair<std::string, double>{"attendees", 26});
  CHECK(a.members == std::vector<long>{7});
}

TEST_CASE("a measure the type does not have is an error naming the type's measures") {
  i18n::set_language(i18n::Lang::en);
  RawActivity raw = meeting();
  raw.measures = {{"横幅", "4"}};
  std::vector<Problem> problems;
  check_activity(raw, context(), problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "横幅");
  CHECK(problems[0].reason ==
        "not a measure of Meeting; its measures: "
        "meetings (Meetings), attendees (Attendees)");
}

TEST_CASE("every problem of an activity is collected") {
  i18n::set_language(i18n::Lang::en);
  RawActivity raw;
  raw.community = "nanjie";
  raw.type = "party";
  raw.date = "2026-02-30";
  raw.members = {"7；8"};
  raw.measures = {{"banners", "-2"}};
  std::vector<Problem> problems;
  check_activity(raw, context(), problems);
  std::vector<std::string> fields;
  for (const auto& p : problems) {
    fields.push_back(p.field);
  }
  CHECK(fields == std::vector<std::string>{"community", "type", "date", "banners", "members"});
  CHECK(problems.back().value == "8");
}

TEST_CASE("dates accept ISO, slashes and relative days") {
  std::vector<Problem> problems;
  RawActivity raw = meeting();
  raw.date = "2026/11/01";
  CHECK(check_activity(raw, context(), problems).date == "2026-11-01");
  raw.date = "+3d";
  CHECK(check_activity(raw, context(), problems).date == "2026-11-24");
  CHECK(problems.empty());
}

TEST_CASE("add, edit and delete write the change log; delete removes the links") {
  i18n::set_language(i18n::Lang::en);
  auto db = store::open(":memory:", {.create = true});
  db->exec("INSERT INTO member (id, community, name) VALUES (7, 'dongjie', '张三')");
  RawActivity raw = meeting();
  raw.members = {"7"};
  raw.measures = {{"meetings", "1"}};
  std::vector<Problem> problems;
  const long id = add_activity(*db, check_activity(raw, context(), problems), "t", "now");
  REQUIRE(problems.empty());
  ActivityEdit edit;
  edit.type = "publicity";
  edit.measures = {{"banners", "4"}};
  const auto problems_of_edit = [&] {
    return edit_activity(*db, id, edit, Date{2026, 11, 21}, "t", "now");
  };
  const auto refused = problems_of_edit();  // meetings is not a publicity measure
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].field == "meetings");
  CHECK(load_activity(*db, id)->type == "meeting");  // nothing written
  edit.measures.push_back({"meetings", ""});
  CHECK(problems_of_edit().empty());
  const auto after = load_activity(*db, id);
  CHECK(after->type == "publicity");
  CHECK(after->measures == Measures{{"banners", 4}});
  delete_activity(*db, id, "t", "now");
  CHECK_FALSE(load_activity(*db, id));
  CHECK(db->execAndGet("SELECT count(*) FROM activity_member").getInt() == 0);
  CHECK(db->execAndGet("SELECT count(*) FROM activity_measure").getInt() == 0);
  CHECK(db->execAndGet("SELECT group_concat(action) FROM change_log WHERE "
                       "entity = 'activity'")
            .getString() == "create,update,delete");
}

TEST_CASE("an activity's values are plausible: dates in range, whole counts, fen for money") {
  i18n::set_language(i18n::Lang::en);
  std::vector<Problem> problems;
  RawActivity raw = meeting();
  SUBCASE("dates from 1949-10-01 to a year after today") {
    raw.date = "0000-01-01";  // refused by the date grammar itself, or by the range
    CHECK(check_activity(raw, context(), problems).date.empty());
    CHECK(problems.size() == 1);
    for (const std::string date : {"1949-09-30", "2027-11-23", "9999-12-31"}) {
      CAPTURE(date);
      problems.clear();
      raw.date = date;
      CHECK(check_activity(raw, context(), problems).date.empty());
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].reason == "date out of range: expected 1949-10-01 to 2027-11-22");
    }
    for (const char* date : {"1949-10-01", "2027-11-22"}) {
      problems.clear();
      raw.date = date;
      CHECK(check_activity(raw, context(), problems).date == date);
      CHECK(problems.empty());
    }
  }
  SUBCASE("counts are whole numbers, at most a million") {
    raw.measures = {{"attendees", "2.5"}, {"meetings", "1e308"}};
    check_activity(raw, context(), problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].reason == "expected a whole number of person-times");
    CHECK(problems[1].reason == "too large: at most 1000000");
  }
  SUBCASE("money may have fen, not a tenth of one") {
    raw.type = "donation";
    raw.measures = {{"amount_yuan", "1234.56"}};
    CHECK(check_activity(raw, context(), problems).measures.size() == 1);
    CHECK(problems.empty());
    raw.measures = {{"amount_yuan", "0.125"}, {"donors", "3.0"}};
    check_activity(raw, context(), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].reason == "at most 2 decimal places");
  }
  SUBCASE("title, duty and notes are clean text within their limits") {
    raw.title = "会议\x1b[2J";
    raw.duty = std::string(201, 'x');
    raw.notes = "第一行\n第二行";
    check_activity(raw, context(), problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "title");
    CHECK(problems[0].reason == "contains a control character (such as ESC)");
    CHECK(problems[1].field == "duty");
    CHECK(problems[1].reason == "too long: at most 200 characters");
  }
}
