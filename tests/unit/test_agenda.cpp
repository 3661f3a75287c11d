// The agenda and the phase report against a small store (lib/schedule/agenda.h, phases.h).
#include <doctest/doctest.h>

#include "helpers.h"

#include <filesystem>

#include "schedule/agenda.h"
#include "schedule/phases.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::schedule;
namespace fs = std::filesystem;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

struct Fixture {
  tongxin::testing::TempDir temp;
  fs::path dir = temp.path;
  std::unique_ptr<SQLite::Database> db;
  config::Workspace ws;

  Fixture() {
    db = store::open(dir / "t.db", {.create = true});
    ws.config.jurisdiction_name = "永登县";
    ws.config.jurisdiction_code = "620121";
    for (const auto& [id, name, township] :
         {std::tuple{"a", "甲社区", "城关镇"}, std::tuple{"b", "乙社区", "城关镇"},
          std::tuple{"c", "丙社区", "中堡镇"}}) {
      config::Community c;
      c.id = id;
      c.name = name;
      c.township = township;
      ws.communities.push_back(c);
    }
  }
  void activity(const std::string& community, const std::string& type, const std::string& date,
                const std::string& duty = "") {
    SQLite::Statement insert(
        *db,
        "INSERT INTO activity (community, type, date, duty, created_at, updated_at) "
        "VALUES (?, ?, ?, NULLIF(?, ''), 'x', 'x')");
    insert.bind(1, community);
    insert.bind(2, type);
    insert.bind(3, date);
    insert.bind(4, duty);
    insert.exec();
  }

  long long member(const std::string& community, bool key, const std::string& greetings = "",
                   const std::string& status = "active") {
    SQLite::Statement insert(*db,
                             "INSERT INTO member (community, name, key_contact, greetings, status) "
                             "VALUES (?, '某', ?, ?, ?)");
    insert.bind(1, community);
    insert.bind(2, key ? 1 : 0);
    insert.bind(3, greetings);
    insert.bind(4, status);
    insert.exec();
    return db->getLastInsertRowid();
  }

  // Dates a member as roster add / import would (registered_on) and records a move or an
  // archive the way roster move / archive do (member_event and the member row).
  void registered(long long id, const std::string& date) {
    SQLite::Statement q(*db, "UPDATE member SET registered_on = ? WHERE id = ?");
    q.bind(1, date);
    q.bind(2, static_cast<int64_t>(id));
    q.exec();
  }
  void event(long long id, const std::string& date, const std::string& to_community,
             const std::string& to_status) {
    SQLite::Statement q(*db,
                        "INSERT INTO member_event (member_id, on_date, kind, from_community, "
                        "to_community, from_status, to_status) SELECT id, ?, "
                        "CASE WHEN ? = 'active' THEN 'move' ELSE ? END, community, ?, status, ? "
                        "FROM member WHERE id = ?");
    q.bind(1, date);
    q.bind(2, to_status);
    q.bind(3, to_status);
    q.bind(4, to_community);
    q.bind(5, to_status);
    q.bind(6, static_cast<int64_t>(id));
    q.exec();
    SQLite::Statement m(*db, "UPDATE member SET community = ?, status = ? WHERE id = ?");
    m.bind(1, to_community);
    m.bind(2, to_status);
    m.bind(3, static_cast<int64_t>(id));
    m.exec();
  }

  void link(long long member_id) {
    db->exec("INSERT INTO activity_member VALUES ((SELECT max(id) FROM activity), " +
             std::to_string(member_id) + ")");
  }

  std::vector<AgendaRow> agenda(const Plan& plan, DateRange range, Date today,
                                const std::string& community = "") {
    return build_agenda(plan, ws, *db, {range, today, community, {}});
  }
};

Plan plan_of(const std::string& duties) {
  return parse_plan("plan.yaml", "id: p\ntitle: {zh: 计划, en: Plan}\nduties:\n" + duties);
}

const char* k_meeting =
    "  - {id: meeting, title: {zh: 例会, en: Meeting}, type: meeting, scope: community, "
    "rule: {every: month, day: last_weekday}, from: 2012-01-01, to: 2012-12-31}\n";

}  // namespace

TEST_CASE("schedule: monthly duty: done, due, overdue and upcoming per community") {
  Fixture f;
  f.activity("a", "meeting", "2012-01-10");
  f.activity("b", "visit", "2012-01-10");             // wrong type
  f.activity("b", "visit", "2012-02-10", "meeting");  // names the duty: counts
  const auto rows = f.agenda(plan_of(k_meeting), {d(2012, 1, 1), d(2012, 3, 31)}, d(2012, 2, 15));
  REQUIRE(rows.size() == 9);
  CHECK(rows[0].unit.id == "a");
  CHECK(rows[0].window == Window{d(2012, 1, 1), d(2012, 1, 31), d(2012, 1, 31)});
  CHECK(rows[0].status == Status::done);
  CHECK(rows[1].status == Status::overdue);  // b in January
  CHECK(rows[2].status == Status::overdue);  // c in January
  CHECK(rows[3].window.due == d(2012, 2, 29));
  CHECK(rows[3].status == Status::due);       // a in February
  CHECK(rows[4].status == Status::done);      // b: the visit naming the duty
  CHECK(rows[8].status == Status::upcoming);  // c in March
}

TEST_CASE("schedule: the duty's from..to picks occurrences by due date") {
  Fixture f;
  const auto rows =
      f.agenda(plan_of(k_meeting), {d(2011, 12, 1), d(2013, 1, 31)}, d(2011, 12, 1), "a");
  REQUIRE(rows.size() == 12);
  CHECK(rows.front().window.due == d(2012, 1, 31));
  CHECK(rows.back().window.due == d(2012, 12, 31));
}

TEST_CASE("schedule: township duties count any community of the township; county duties any") {
  Fixture f;
  f.activity("b", "meeting", "2012-01-06");
  const Plan plan = plan_of(
      "  - {id: briefing, title: {zh: 碰头会, en: Briefing}, type: meeting, scope: township, "
      "rule: {every: week, weekday: friday}}\n"
      "  - {id: county, title: {zh: 全县, en: County}, type: meeting, scope: county, rule: {every: "
      "year}}\n");
  const auto rows = f.agenda(plan, {d(2012, 1, 2), d(2012, 1, 8)}, d(2012, 1, 9));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].duty->id == "briefing");
  CHECK(rows[0].unit.id == "中堡镇");
  CHECK(rows[0].status == Status::overdue);
  CHECK(rows[1].unit.id == "城关镇");
  CHECK(rows[1].status == Status::done);
  CHECK(rows[2].unit.id == "620121");
  CHECK(rows[2].unit.name == "永登县");
  CHECK(rows[2].status == Status::done);
  SUBCASE("--community keeps its township and the county") {
    const auto only_c = f.agenda(plan, {d(2012, 1, 2), d(2012, 1, 8)}, d(2012, 1, 9), "c");
    REQUIRE(only_c.size() == 2);
    CHECK(only_c[0].unit.id == "中堡镇");
    CHECK(only_c[1].unit.id == "620121");
  }
}

TEST_CASE("schedule: at_least counts activities in the period") {
  Fixture f;
  f.activity("a", "visit", "2012-03-01");
  f.activity("a", "visit", "2012-03-31");
  f.activity("a", "visit", "2012-04-01");
  const Plan plan = plan_of(
      "  - {id: visits, title: {zh: 走访, en: Visits}, type: visit, scope: community, "
      "rule: {at_least: 3, per: quarter}}\n");
  const auto rows = f.agenda(plan, {d(2012, 3, 1), d(2012, 3, 1)}, d(2012, 4, 2), "a");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].count == 2);
  CHECK(rows[0].required == 3);
  CHECK(rows[0].status == Status::overdue);
}

TEST_CASE("schedule: festival duties use the festival's window") {
  Fixture f;
  f.activity("a", "visit", "2012-01-13");  // 10 days before Spring Festival 2012-01-23
  f.activity("b", "visit", "2012-01-12");  // one day too early
  const Plan plan = plan_of(
      "  - {id: sf, title: {zh: 春节走访, en: SF visits}, type: visit, scope: community, "
      "rule: {festival: spring_festival, window: {before: 10, after: 0}}}\n");
  const auto rows = f.agenda(plan, {d(2012, 1, 1), d(2012, 1, 31)}, d(2012, 1, 31));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].window == Window{d(2012, 1, 13), d(2012, 1, 23), d(2012, 1, 23)});
  CHECK(rows[0].status == Status::done);
  CHECK(rows[1].status == Status::overdue);
}

TEST_CASE("schedule: per-member duties list the members still to visit") {
  Fixture f;
  const long long k1 = f.member("a", true);
  const long long k2 = f.member("a", true);
  f.member("a", false);                 // not a key contact
  f.member("a", true, "", "archived");  // not active
  const long long g1 = f.member("a", false, "spring_festival, mid_autumn");
  f.member("a", false, "中秋节");  // opted in to another festival
  f.activity("a", "visit", "2012-03-01");
  f.link(k1);
  f.link(g1);
  f.activity("a", "visit", "2012-06-01");
  f.link(k1);
  f.activity("a", "visit", "2012-01-20");
  f.link(g1);
  const Plan plan = plan_of(
      "  - {id: kc, title: {zh: 重点走访, en: Key contacts}, type: visit, scope: community, "
      "rule: {per_member: key_contact, at_least: 2, period: year}}\n"
      "  - {id: gr, title: {zh: 春节问候, en: Greetings}, type: visit, scope: community, "
      "rule: {per_member: greeting, festival: spring_festival, window: {before: 7, after: 0}}}\n");
  const auto rows = f.agenda(plan, {d(2012, 1, 1), d(2012, 12, 31)}, d(2013, 1, 1), "a");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].duty->id == "gr");
  CHECK(rows[0].per_member);
  CHECK(rows[0].required == 1);
  CHECK(rows[0].status == Status::done);
  CHECK(rows[1].duty->id == "kc");
  CHECK(rows[1].required == 2);
  CHECK(rows[1].count == 1);
  CHECK(rows[1].members_outstanding == std::vector<long long>{k2});
  CHECK(rows[1].status == Status::overdue);
}

TEST_CASE("schedule: a past period is judged against the register of that period") {
  Fixture f;
  const long long early = f.member("a", true);
  f.registered(early, "2011-12-01");
  const long long leaver = f.member("a", true);  // archived in Q2: still owed a visit in Q1
  f.registered(leaver, "2011-12-01");
  f.event(leaver, "2012-05-10", "a", "archived");
  const long long mover = f.member("b", true);  // moved from a to b in Q2
  f.registered(mover, "2011-12-01");
  f.event(mover, "2012-04-15", "b", "active");
  SQLite::Statement fix(*f.db, "UPDATE member_event SET from_community = 'a' WHERE member_id = ?");
  fix.bind(1, static_cast<int64_t>(mover));
  fix.exec();
  for (const long long m : {early, leaver, mover}) {
    f.activity("a", "visit", "2012-02-10");
    f.link(m);
  }
  const Plan plan = plan_of(
      "  - {id: kc, title: {zh: 重点走访, en: Key contacts}, type: visit, scope: community, "
      "rule: {per_member: key_contact, at_least: 1, period: quarter}}\n");
  const auto q1 = [&] {
    return f.agenda(plan, {d(2012, 1, 1), d(2012, 3, 31)}, d(2012, 11, 1), "a");
  };
  REQUIRE(q1().size() == 1);
  CHECK(q1()[0].required == 3);
  CHECK(q1()[0].status == Status::done);

  // A key contact added today (registered today) does not turn last quarter's 已完成 into 逾期.
  const long long added = f.member("a", true);
  f.registered(added, "2012-11-01");
  CHECK(q1()[0].required == 3);
  CHECK(q1()[0].status == Status::done);
  // An undated member (a store this migration could not date) counts from the start.
  f.member("a", true);
  CHECK(q1()[0].status == Status::overdue);

  // Q2 of community a: the leaver left on 10 May, the mover on 15 April, the added member is
  // not yet registered at the quarter's end; the undated one is owed a visit.
  const auto q2 = f.agenda(plan, {d(2012, 4, 1), d(2012, 6, 30)}, d(2012, 11, 1), "a");
  REQUIRE(q2.size() == 1);
  CHECK(q2[0].required == 2);
  // Community b has the mover from 15 April.
  const auto b = f.agenda(plan, {d(2012, 1, 1), d(2012, 6, 30)}, d(2012, 11, 1), "b");
  REQUIRE(b.size() == 2);
  CHECK(b[0].required == 0);
  CHECK(b[1].required == 1);
}

TEST_CASE("schedule: phases: activity, roster and field deliverables, late phases") {
  Fixture f;
  f.ws.communities[0].activity_room["files"] = true;
  f.ws.communities[1].liaison_officers.resize(1);
  f.activity("a", "meeting", "2011-11-01");
  f.member("a", false);
  const Plan plan = parse_plan(
      "plan.yaml",
      "id: p\ntitle: {zh: 计划, en: Plan}\nphases:\n"
      "  - code: p1\n    title: {zh: 一, en: One}\n    start: 2011-10-15\n    end: 2011-11-15\n"
      "    deliverables:\n"
      "      - {id: m, title: {zh: 会, en: M}, require: {activity: meeting, min_count: 1}}\n"
      "      - {id: r, title: {zh: 册, en: R}, require: {roster: true}}\n"
      "      - {id: f, title: {zh: 档, en: F}, require: {field: activity_room.files}}\n"
      "      - {id: l, title: {zh: 联, en: L}, require: {field: organisation.liaison_officers}}\n");
  const auto rows = build_phases(plan, f.ws, *f.db, d(2011, 11, 16));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].met == std::vector<bool>{true, true, true, false});
  CHECK(rows[0].status == PhaseStatus::late);
  CHECK(rows[1].met == std::vector<bool>{false, false, false, true});
  CHECK(build_phases(plan, f.ws, *f.db, d(2011, 11, 1))[0].status == PhaseStatus::in_progress);
  CHECK(build_phases(plan, f.ws, *f.db, d(2011, 10, 1))[0].status == PhaseStatus::upcoming);
}
