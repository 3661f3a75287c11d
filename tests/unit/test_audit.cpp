// lib/audit: the standard loader, each check kind, scaled targets, deductions, waivers, stars
// and the verdict. Everything here is pure: facts are built inline.
#include <doctest/doctest.h>

#include "audit/evaluate.h"
#include "audit/standard.h"
#include "audit/waivers.h"
#include "config/community.h"
#include "core/error.h"
#include "core/resources.h"
#include "helpers.h"
#include "i18n/i18n.h"

using namespace tongxin;
using namespace tongxin::audit;

namespace {

const StandardContext k_plan{{"regular_meeting", "home_visits"}, true};

Standard standard(const std::string& body) {
  return parse_standard("standards/t.yaml", "id: t\ntitle: {zh: 测试, en: Test}\n" + body, k_plan);
}

std::string errors_of(const std::string& text) {
  try {
    parse_standard("standards/bad.yaml", text, k_plan);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    std::string all;
    for (const std::string& d : e.details()) {
      all += d + "\n";
    }
    return all;
  }
  return "";
}

config::Community community() {
  return config::parse_community("communities/c.yaml", R"(id: c
name: 测试社区
township: 城关镇
pilot: true
organisation:
  liaison_officers:
    - {name: 甲, kind: full_time}
facilities:
  office: {present: true, area_m2: 15}
activity_room: {premises: true, equipment: false}
institutions:
  - {code: sys_regular_meeting, adopted: 2012-03-01, document: docs/rules.md}
  - {code: sys_briefing, adopted: 2013-01-05}
wall_displays:
  - {code: wall_uf_duties, posted: 2012-02-01}
)");
}

struct Run {
  Standard std;
  std::vector<Waiver> waivers;
  std::vector<ManualResult> manual;
  config::Community c = community();
  CommunityFacts facts;
  Date as_of{2012, 12, 31};

  explicit Run(Standard s) : std(std::move(s)) { facts.community = &c; }
  CommunityResult result() {
    const AuditInputs inputs{std,
                             as_of,
                             Period::year(2012),
                             waivers,
                             manual,
                             "audits/2012/manual.yaml",
                             [](const std::string& d) { return d == "docs/rules.md"; }};
    return evaluate(inputs, facts);
  }
  ItemResult item(const std::string& code) { return *result().item(code); }
};

const char* k_one_group = "groups:\n  - code: g\n    title: {zh: 组, en: G}\n    items:\n";

Standard items(const std::string& lines, const std::string& head = "") {
  i18n::set_language(i18n::Lang::zh);
  return standard(head + k_one_group + lines);
}

}  // namespace

TEST_CASE("audit standard: the bundled example standards load") {
  for (const char* file : {"examples/yongdeng-2011/standards/yongdeng-2011.yaml",
                           "examples/fucheng-2012/standards/fucheng-2012.yaml"}) {
    CAPTURE(file);
    CHECK_NOTHROW(parse_standard(file, std::string(resources::get(file)), k_plan));
  }
}

TEST_CASE("audit standard: every problem at once, with line:col and a did-you-mean") {
  const std::string errors = errors_of(R"(id: bad
title: {zh: 坏, en: Bad}
pass_mark: {percent: 80, points: 3}
stars:
  - {stars: 3, percent: 85}
  - {stars: 2, percent: 90, required: [nope]}
groups:
  - code: g
    title: {zh: 组, en: G}
    items:
      - code: a
        title: {zh: 甲, en: A}
        check: {instituion: sys_briefing}
      - code: b
        title: {zh: 乙, en: B}
        check: {field: facilities.ofice}
      - code: c
        title: {zh: 丙, en: C}
        check: {activity: meeting, target: {bands: [{members: 0, target: 2}, {members: 0, target: 3}]}}
      - code: d
        title: {zh: 丁, en: D}
        check: {duty: regular_meting}
)");
  CHECK(errors.find("bad.yaml:3:12: pass_mark:") != std::string::npos);
  CHECK(errors.find("bad.yaml:6:13: stars[1].stars:") != std::string::npos);
  CHECK(errors.find("'nope'") != std::string::npos);
  CHECK(errors.find("bad.yaml:13:17: groups[0].items[0].check.instituion:") != std::string::npos);
  CHECK(errors.find("'institution'") != std::string::npos);
  CHECK(errors.find("facilities.ofice") != std::string::npos);
  CHECK(errors.find("'facilities.office'") != std::string::npos);
  CHECK(errors.find("bands") != std::string::npos);
  CHECK(errors.find("'regular_meeting'") != std::string::npos);
}

TEST_CASE("audit checks: field, institution and wall display") {
  Run run(
      items(R"(      - {code: office, title: {zh: 办公室, en: O}, check: {field: facilities.office}}
      - {code: area, title: {zh: 面积, en: A}, check: {field: facilities.office.area_m2, minimum: 20}}
      - {code: liaisons, title: {zh: 联络员, en: L}, check: {field: organisation.liaison_officers, min_count: 2}}
      - {code: equipment, title: {zh: 设备, en: E}, check: {field: activity_room.equipment}}
      - {code: meeting_rules, title: {zh: 例会, en: M}, check: {institution: sys_regular_meeting}}
      - {code: briefing, title: {zh: 通报, en: B}, check: {institution: sys_briefing}}
      - {code: duties, title: {zh: 职责, en: D}, check: {wall_display: wall_uf_duties}}
      - {code: systems, title: {zh: 制度, en: S}, check: {wall_display: wall_uf_systems}}
)"));
  CHECK(run.item("office").status == Status::pass);
  CHECK(run.item("area").status == Status::fail);
  CHECK(run.item("area").evidence == "办公室面积（平方米） 15，要求 ≥ 20");
  CHECK(run.item("liaisons").evidence == "统战联络员 1 个，要求 ≥ 2");
  CHECK(run.item("equipment").evidence == "活动室：缺设备");
  CHECK(run.item("meeting_rules").status == Status::pass);
  CHECK(run.item("briefing").status == Status::fail);  // adopted after the as-of date
  CHECK(run.item("briefing").evidence == "2013-01-05 制定，晚于截至日期 2012-12-31");
  CHECK(run.item("duties").status == Status::pass);
  CHECK(run.item("systems").evidence == "未上墙");
  run.as_of = Date{2012, 1, 31};
  CHECK(run.item("duties").status == Status::fail);  // posted after it
}

TEST_CASE("audit checks: scaled targets, band edges and caps") {
  Run run(items(R"(      - code: scaled
        title: {zh: 例会, en: Meetings}
        check: {activity: meeting, target: {base: 4, add: 1, per: 50, max: 6}}
      - code: banded
        title: {zh: 走访, en: Visits}
        check: {activity: visit, target: {bands: [{members: 0, target: 2}, {members: 100, target: 8}]}}
      - code: attendees
        title: {zh: 参会, en: Attendees}
        check: {activity: meeting, measure: attendees, target: 100}
)"));
  run.facts.activities.count = {{"meeting", 4}, {"visit", 2}};
  run.facts.activities.sum = {{"meeting.attendees", 120}};
  run.facts.roster.members = 120;
  CHECK(run.item("scaled").status == Status::fail);
  CHECK(run.item("scaled").evidence ==
        "会议 4 次，要求 ≥ 6：登记成员 120 人，基数 4 + 每 50 人 1 次（上限 6）");
  CHECK(run.item("banded").status == Status::fail);
  CHECK(run.item("attendees").status == Status::pass);
  run.facts.roster.members = 99;  // just below the band edge and one step of the scale
  CHECK(run.item("banded").status == Status::pass);
  CHECK(run.item("scaled").status == Status::fail);  // 4 + 1 = 5
  run.facts.roster.members = 49;
  CHECK(run.item("scaled").status == Status::pass);

  const Target capped{Target::Kind::scaled, 0, 4, 1, 50, 6.0, {}};
  CHECK(target_for(capped, 0) == 4);
  CHECK(target_for(capped, 149) == 6);
  CHECK(target_for(capped, 10000) == 6);
  const Target bands{Target::Kind::bands, 0, 0, 0, 1, std::nullopt, {{0, 2}, {100, 8}}};
  CHECK(target_for(bands, 99) == 2);
  CHECK(target_for(bands, 100) == 8);
}

TEST_CASE("audit checks: roster rules") {
  Run run(items(
      R"(      - {code: members, title: {zh: 成员, en: M}, check: {roster: members, minimum: 10}}
      - {code: filled, title: {zh: 完整, en: F}, check: {roster: filled, fields: [phone, contact_cadre], share: 90}}
      - {code: cadres, title: {zh: 联系人, en: C}, check: {roster: key_contact_cadres}}
      - {code: dynamic, title: {zh: 动态, en: D}, check: {roster: changed_within, days: 90}}
)"));
  run.facts.roster = {20, 3, 1, {{"phone,contact_cadre", 18}}, Date{2012, 10, 2}};
  CHECK(run.item("members").status == Status::pass);
  CHECK(run.item("filled").status == Status::pass);
  CHECK(run.item("filled").evidence == "18/20 人（90%）填写了联系电话、联系人，要求 ≥ 90%");
  CHECK(run.item("cadres").status == Status::fail);
  CHECK(run.item("dynamic").status == Status::pass);  // 90 days before
  run.facts.roster.last_change = Date{2012, 10, 1};
  CHECK(run.item("dynamic").status == Status::fail);
}

TEST_CASE("audit checks: duty share, deduction floor and manual results") {
  Run run(items(R"(      - {code: duties, title: {zh: 任务, en: D}, check: {duty: all, share: 80}}
      - code: deduct
        title: {zh: 例会扣分, en: Deduct}
        points: 5
        check: {deduct: {duty: regular_meeting, points_per_miss: 2}}
      - code: review
        title: {zh: 群众评议, en: Review}
        points: 10
        check: {manual: true}
)"));
  run.facts.duties = {{"regular_meeting", {12, 10}}, {"home_visits", {4, 4}}};
  CHECK(run.item("duties").status == Status::pass);  // 14/16 = 87.5 %
  CHECK(run.item("deduct").earned == 1);
  CHECK(run.item("deduct").status == Status::fail);
  run.facts.duties["regular_meeting"] = {12, 2};
  CHECK(run.item("deduct").earned == 0);  // ten missed, never below 0
  CHECK(run.item("review").status == Status::not_assessed);
  run.manual.push_back({"review", "c", 8.5, "县考核组", Date{2012, 12, 20}, ""});
  CHECK(run.item("review").earned == 8.5);
  CHECK(run.item("review").status == Status::pass);
  run.manual.back().score = 5.5;  // below 60 % of 10
  CHECK(run.item("review").status == Status::fail);
}

TEST_CASE("audit waivers: valid, expired, unused; justification required") {
  Run run(items(
      R"(      - {code: equipment, title: {zh: 设备, en: E}, check: {field: activity_room.equipment}}
      - {code: office, title: {zh: 办公室, en: O}, check: {field: facilities.office}}
)"));
  run.waivers = {{"equipment", "c", "设备已采购，待安装", "县委统战部", Date{2013, 3, 31}},
                 {"office", "c", "与居委会合署", "", std::nullopt}};
  CommunityResult r = run.result();
  CHECK(r.item("equipment")->status == Status::waived);
  CHECK(r.item("equipment")->possible == 0);
  CHECK(r.possible == 1);
  REQUIRE(r.waivers.size() == 2);
  CHECK(r.waivers[0].status == WaiverStatus::valid);
  CHECK(r.waivers[1].status == WaiverStatus::unused);
  run.as_of = Date{2013, 4, 1};
  r = run.result();
  CHECK(r.item("equipment")->status == Status::fail);
  CHECK(r.waivers[0].status == WaiverStatus::expired);

  CHECK(tongxin::testing::exit_code_of([&] {
          parse_waivers("waivers.yaml", "waivers:\n  - {item: office, community: c}\n", run.std,
                        {"c"});
        }) == ExitCode::config);
}

TEST_CASE("audit verdict and stars: a failed required item fails whatever the total") {
  Run run(items(
      R"(      - {code: office, title: {zh: 办公室, en: O}, points: 10, check: {field: facilities.office}}
      - {code: funds, title: {zh: 经费, en: F}, points: 1, required: true, check: {field: facilities.dedicated_funds}}
      - {code: liaisons, title: {zh: 联络员, en: L}, points: 9, check: {field: organisation.liaison_officers}}
)",
      "pass_mark: {percent: 60}\nstars:\n  - {stars: 1, percent: 50}\n  - {stars: 4, percent: "
      "95}\n  - {stars: 5, percent: 100, required: [funds]}\n"));
  CommunityResult r = run.result();
  CHECK(r.percent == 95);
  CHECK(r.verdict == Verdict::fail);
  CHECK(r.stars == 0);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "必备项未达标：经费");
  run.c.facilities["dedicated_funds"].present = true;
  r = run.result();
  CHECK(r.verdict == Verdict::pass);
  CHECK(r.stars == 5);
  run.c.facilities["office"].present = false;  // 10/20 = 50 %: below the mark, one star band
  r = run.result();
  CHECK(r.verdict == Verdict::fail);
  CHECK(r.stars == 0);
}
