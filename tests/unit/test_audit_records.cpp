// lib/audit/records: the figures an audit reads from the store, on a small real store.
#include <doctest/doctest.h>

#include "audit/records.h"
#include "audit/standard.h"
#include "helpers.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::audit;

namespace {

Standard with_check(const std::string& check) {
  return parse_standard("standards/t.yaml",
                        "id: t\ntitle: {zh: 测试, en: Test}\ngroups:\n  - code: g\n"
                        "    title: {zh: 组, en: G}\n    items:\n      - code: i\n"
                        "        title: {zh: 项, en: I}\n        check: " +
                            check + "\n",
                        StandardContext{});
}

}  // namespace

TEST_CASE("audit records: activity counts, and measure sums only when a check sums one") {
  tongxin::testing::TempDir temp;
  const auto db = store::open(temp.path / "t.db", {.create = true});
  db->exec(
      "INSERT INTO activity (id, community, type, date, created_at, updated_at) VALUES "
      "(1, 'a', 'meeting', '2012-01-10', 'x', 'x'), (2, 'a', 'meeting', '2012-02-10', 'x', 'x'), "
      "(3, 'b', 'meeting', '2012-02-11', 'x', 'x'), (4, 'a', 'meeting', '2011-12-31', 'x', 'x');"
      "INSERT INTO activity_measure VALUES (1, 'attendees', 30), (2, 'attendees', 12.5), "
      "(3, 'attendees', 7), (4, 'attendees', 100);");
  const DateRange q1{Date{2012, 1, 1}, Date{2012, 3, 31}};

  const auto sums = load_activity_figures(
      *db, with_check("{activity: meeting, measure: attendees, target: 10}"), q1);
  CHECK(sums.at("a").count.at("meeting") == 2);  // not the one of 2011-12-31
  CHECK(sums.at("a").sum.at("meeting.attendees") == 42.5);
  CHECK(sums.at("b").sum.at("meeting.attendees") == 7);

  const auto counts = load_activity_figures(*db, with_check("{activity: meeting, target: 1}"), q1);
  CHECK(counts.at("a").count.at("meeting") == 2);
  CHECK(counts.at("b").count.at("meeting") == 1);
  CHECK(counts.at("a").sum.empty());
}
