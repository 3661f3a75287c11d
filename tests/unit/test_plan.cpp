// Plan parsing (lib/schedule/plan.h): the examples load; every problem is reported with its
// line and column.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "schedule/plan.h"

using namespace tongxin;
using namespace tongxin::schedule;

namespace {

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(TONGXIN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The "file:line:col: key: message" lines of the error parsing `text` throws (no excerpts).
std::vector<std::string> problems(const std::string& text) {
  i18n::set_language(i18n::Lang::en);
  try {
    parse_plan("plan.yaml", text);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    std::vector<std::string> lines;
    for (const std::string& line : e.details()) {
      if (line.starts_with("plan.yaml:")) {
        lines.push_back(line);
      }
    }
    return lines;
  }
  return {};
}

const char* k_head = "id: p\ntitle: {zh: 计划, en: Plan}\n";

Rule rule_of(const std::string& rule_yaml) {
  const std::string text =
      std::string(k_head) +
      "duties:\n  - {id: d, title: {zh: 甲, en: A}, type: visit, scope: community, rule: " +
      rule_yaml + "}\n";
  return parse_plan("plan.yaml", text).duties.at(0).rule;
}

}  // namespace

TEST_CASE("plan: the example plans parse as they are") {
  const Plan yongdeng =
      parse_plan("y.yaml", read_source("examples/yongdeng-2011/plans/2011-2012.yaml"));
  CHECK(yongdeng.id == "yongdeng-2011-2012");
  REQUIRE(yongdeng.phases.size() == 4);
  CHECK(yongdeng.phases[0].start == Date{2011, 10, 15});
  CHECK(yongdeng.phases[1].deliverables[0].require.kind == Requirement::Kind::roster);
  CHECK(yongdeng.phases[1].deliverables[1].require.field.text() == "activity_room.files");
  REQUIRE(yongdeng.duties.size() == 10);
  const Duty& briefing = yongdeng.duties[1];
  CHECK(briefing.scope == Scope::township);
  CHECK(briefing.rule.kind == RuleKind::every);
  CHECK(briefing.rule.period == Cadence::week);
  CHECK(briefing.rule.weekday == 4);
  CHECK(yongdeng.duties[0].rule.month_day.kind == MonthDay::Kind::last_weekday);
  CHECK(yongdeng.duties[3].rule.kind == RuleKind::at_least);
  CHECK(yongdeng.duties[3].rule.at_least == 3);
  CHECK(yongdeng.duties[7].rule.kind == RuleKind::key_contacts);
  CHECK(yongdeng.duties[8].rule.kind == RuleKind::greetings);
  CHECK(yongdeng.duties[8].rule.before == 7);
  CHECK(yongdeng.festival_overrides.empty());
  const Plan fucheng = parse_plan("f.yaml", read_source("examples/fucheng-2012/plans/2012.yaml"));
  CHECK(fucheng.duties.size() == 4);
}

TEST_CASE("plan: rules of every kind") {
  SUBCASE("monthly anchors") {
    CHECK(rule_of("{every: month, day: 31}").month_day.day == 31);
    CHECK(rule_of("{every: month, day: last}").month_day.kind == MonthDay::Kind::last);
    CHECK(rule_of("{every: month}").month_day.kind == MonthDay::Kind::last);
  }
  SUBCASE("at_least per period") {
    const Rule r = rule_of("{at_least: 2, per: quarter}");
    CHECK(r.kind == RuleKind::at_least);
    CHECK(r.period == Cadence::quarter);
    CHECK(r.at_least == 2);
  }
  SUBCASE("festival with a window") {
    const Rule r = rule_of("{festival: eid_al_fitr, window: {before: 3, after: 1}}");
    CHECK(r.kind == RuleKind::festival);
    CHECK(r.festival == "eid_al_fitr");
    CHECK(r.before == 3);
    CHECK(r.after == 1);
  }
  SUBCASE("county scope") {
    const std::string text = std::string(k_head) +
                             "duties:\n  - {id: d, title: {zh: 甲, en: A}, type: meeting, scope: "
                             "county, rule: {every: year}}\n";
    CHECK(parse_plan("plan.yaml", text).duties[0].scope == Scope::county);
  }
}

TEST_CASE("plan: a misspelt key, a bad rule and an unknown type are all reported with line:col") {
  const std::string text = std::string(k_head) +
                           "duties:\n"
                           "  - id: meeting\n"
                           "    titel: {zh: 例会, en: Meeting}\n"
                           "    type: meetings\n"
                           "    scope: community\n"
                           "    rule: {every: fortnight}\n";
  const auto lines = problems(text);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "plan.yaml:4:5: duties[0].title: required key missing");
  CHECK(lines[1].starts_with("plan.yaml:5:5: duties[0].titel: unknown key, did you mean 'title'?"));
  CHECK(lines[2].starts_with("plan.yaml:6:11: duties[0].type: unknown code 'meetings'"));
  CHECK(lines[3] ==
        "plan.yaml:8:19: duties[0].rule.every: bad value 'fortnight', expected one of: "
        "week, month, quarter, year");
}

TEST_CASE("plan: rule combinations are checked") {
  auto rule_problems = [](const std::string& rule) {
    return problems(
        std::string(k_head) +
        "duties:\n  - {id: d, title: {zh: 甲, en: A}, type: visit, scope: community, rule: " +
        rule + "}\n");
  };
  SUBCASE("no kind") {
    const auto p = rule_problems("{per: month}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("a rule needs one of every, at_least, festival, per_member"));
  }
  SUBCASE("two kinds") {
    const auto p = rule_problems("{every: month, festival: laba}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("'festival' cannot go with 'every': a rule is of one kind"));
  }
  SUBCASE("weekday with a monthly rule") {
    const auto p = rule_problems("{every: month, weekday: friday}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("'weekday' does not belong in this rule, expected: day, every"));
  }
  SUBCASE("at_least without per") {
    const auto p = rule_problems("{at_least: 3}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("duties[0].rule.per: required key missing"));
  }
  SUBCASE("bad day") {
    const auto p = rule_problems("{every: month, day: 32}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("bad day '32', expected 1 to 31, last or last_weekday"));
  }
  SUBCASE("unknown per_member") {
    CHECK(rule_problems("{per_member: elders, at_least: 1, period: year}").size() == 1);
  }
  SUBCASE("key_contact needs its period") {
    const auto p = rule_problems("{per_member: key_contact, at_least: 2}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].ends_with("rule.period: required key missing"));
  }
}

TEST_CASE("plan: phases: reversed dates, unknown field, duplicate code, requirement kinds") {
  const std::string text =
      std::string(k_head) +
      "phases:\n"
      "  - {code: p1, title: {zh: 一, en: One}, start: 2011-10-15, end: 2011-10-01}\n"
      "  - code: p1\n"
      "    title: {zh: 二, en: Two}\n"
      "    start: 2011-11-01\n"
      "    end: 2011-11-30\n"
      "    deliverables:\n"
      "      - {id: a, title: {zh: 甲, en: A}, require: {field: activity_room.sofa}}\n"
      "      - {id: b, title: {zh: 乙, en: B}, require: {roster: true, activity: meeting}}\n"
      "      - {id: c, title: {zh: 丙, en: C}, require: {field: organisation.liaison_officers, "
      "min_count: 2}}\n";
  const auto lines = problems(text);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].starts_with(
      "plan.yaml:4:65: phases[0].end: the start 2011-10-15 is after the end 2011-10-01"));
  CHECK(lines[1] == "plan.yaml:5:11: phases[1].code: 'p1' appears more than once");
  CHECK(
      lines[2].starts_with("plan.yaml:10:57: phases[1].deliverables[0].require.field: unknown "
                           "community field 'activity_room.sofa'"));
  CHECK(lines[3].ends_with("a requirement needs exactly one of activity, roster, field"));
}

TEST_CASE("plan: festival overrides: YEAR -> code -> date, and code -> YEAR -> date") {
  const Plan plan = parse_plan("plan.yaml", std::string(k_head) +
                                                "festival_overrides:\n"
                                                "  2024: {eid_al_fitr: 2024-04-09}\n"
                                                "  eid_al_adha: {2024: 2024-06-15}\n");
  CHECK(plan.festival_overrides.at(2024).at("eid_al_fitr") == Date{2024, 4, 9});
  CHECK(plan.festival_overrides.at(2024).at("eid_al_adha") == Date{2024, 6, 15});
  const auto lines = problems(std::string(k_head) +
                              "festival_overrides:\n"
                              "  2025: {eid_al_fitr: 2026-03-30, eid: 2025-03-30}\n"
                              "  1900: {laba: 1900-01-08}\n");
  REQUIRE(lines.size() == 3);
  CHECK(
      lines[0].starts_with("plan.yaml:4:23: festival_overrides.2025.eid_al_fitr: the date "
                           "2026-03-30 is not in the year 2025"));
  CHECK(lines[1].starts_with("plan.yaml:4:35: festival_overrides.2025.eid: unknown code 'eid'"));
  CHECK(lines[2].starts_with("plan.yaml:5:3: festival_overrides.1900: '1900' is neither a year"));
}

TEST_CASE("plan: a duty applies on due dates within from..to") {
  Duty duty;
  duty.from = Date{2011, 12, 17};
  duty.to = Date{2012, 12, 31};
  CHECK(duty.active_on(Date{2011, 12, 17}));
  CHECK(duty.active_on(Date{2012, 12, 31}));
  CHECK_FALSE(duty.active_on(Date{2011, 12, 16}));
  CHECK_FALSE(duty.active_on(Date{2013, 1, 1}));
  CHECK(Duty{}.active_on(Date{1901, 1, 1}));
}
