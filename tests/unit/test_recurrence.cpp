// Recurrence rules: windows, due dates and statuses (lib/schedule/recurrence.h).
#include <doctest/doctest.h>

#include "schedule/recurrence.h"

using namespace tongxin;
using namespace tongxin::schedule;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

Rule every(Cadence period) {
  Rule rule;
  rule.kind = RuleKind::every;
  rule.period = period;
  return rule;
}

Rule monthly(MonthDay::Kind kind, int day = 0) {
  Rule rule = every(Cadence::month);
  rule.month_day = {kind, day};
  return rule;
}

std::vector<Date> dues(const std::vector<Window>& windows) {
  std::vector<Date> out;
  for (const Window& w : windows) {
    out.push_back(w.due);
  }
  return out;
}

}  // namespace

TEST_CASE("recurrence: monthly on day 31 falls on the last day of shorter months") {
  const auto windows =
      expand(monthly(MonthDay::Kind::day, 31), {d(2023, 1, 1), d(2023, 4, 30)}, {});
  CHECK(dues(windows) ==
        std::vector<Date>{d(2023, 1, 31), d(2023, 2, 28), d(2023, 3, 31), d(2023, 4, 30)});
  CHECK(windows[1].start == d(2023, 2, 1));
  CHECK(windows[1].end == d(2023, 2, 28));
}

TEST_CASE("recurrence: monthly on day 30 and `last` in February of leap and common years") {
  SUBCASE("day 30 in a leap February is the 29th") {
    CHECK(expand(monthly(MonthDay::Kind::day, 30), {d(2024, 2, 10), d(2024, 2, 10)}, {})[0].due ==
          d(2024, 2, 29));
  }
  SUBCASE("last in a leap February") {
    const auto w = expand(monthly(MonthDay::Kind::last), {d(2024, 2, 1), d(2024, 2, 29)}, {});
    REQUIRE(w.size() == 1);
    CHECK(w[0].due == d(2024, 2, 29));
    CHECK(w[0].end == d(2024, 2, 29));
  }
  SUBCASE("last in a common February") {
    CHECK(expand(monthly(MonthDay::Kind::last), {d(2023, 2, 1), d(2023, 2, 1)}, {})[0].due ==
          d(2023, 2, 28));
  }
  SUBCASE("2100 is not a leap year, 2000 is") {
    CHECK(month_due({MonthDay::Kind::last, 0}, d(2100, 2, 1)) == d(2100, 2, 28));
    CHECK(month_due({MonthDay::Kind::last, 0}, d(2000, 2, 1)) == d(2000, 2, 29));
  }
  SUBCASE("no anchor means the last day") {
    CHECK(expand(every(Cadence::month), {d(2023, 4, 3), d(2023, 4, 3)}, {})[0].due ==
          d(2023, 4, 30));
  }
}

TEST_CASE("recurrence: last_weekday steps back over a weekend") {
  const MonthDay last_weekday{MonthDay::Kind::last_weekday, 0};
  CHECK(month_due(last_weekday, d(2011, 12, 1)) == d(2011, 12, 30));  // the 31st is a Saturday
  CHECK(month_due(last_weekday, d(2012, 9, 1)) == d(2012, 9, 28));    // the 30th is a Sunday
  CHECK(month_due(last_weekday, d(2012, 1, 1)) == d(2012, 1, 31));    // a Tuesday
  CHECK(month_due(last_weekday, d(2024, 2, 1)) == d(2024, 2, 29));    // leap day, a Thursday
}

TEST_CASE("recurrence: weekly windows run Monday to Sunday, across a year end") {
  Rule friday = every(Cadence::week);
  friday.weekday = 4;
  const auto windows = expand(friday, {d(2025, 12, 24), d(2026, 1, 7)}, {});
  REQUIRE(windows.size() == 3);
  CHECK(windows[0] == Window{d(2025, 12, 22), d(2025, 12, 28), d(2025, 12, 26)});
  CHECK(windows[1] == Window{d(2025, 12, 29), d(2026, 1, 4), d(2026, 1, 2)});
  CHECK(windows[2] == Window{d(2026, 1, 5), d(2026, 1, 11), d(2026, 1, 9)});
}

TEST_CASE("recurrence: a weekly rule without a weekday is due on Sunday") {
  const auto w = expand(every(Cadence::week), {d(2026, 11, 21), d(2026, 11, 21)}, {});
  REQUIRE(w.size() == 1);
  CHECK(w[0] == Window{d(2026, 11, 16), d(2026, 11, 22), d(2026, 11, 22)});
}

TEST_CASE("recurrence: quarters and years are whole periods due on their last day") {
  const auto q = expand(every(Cadence::quarter), {d(2011, 12, 17), d(2012, 4, 1)}, {});
  REQUIRE(q.size() == 3);
  CHECK(q[0] == Window{d(2011, 10, 1), d(2011, 12, 31), d(2011, 12, 31)});
  CHECK(q[1] == Window{d(2012, 1, 1), d(2012, 3, 31), d(2012, 3, 31)});
  CHECK(q[2] == Window{d(2012, 4, 1), d(2012, 6, 30), d(2012, 6, 30)});
  CHECK(cadence_window(Cadence::quarter, d(2012, 8, 15)) ==
        Window{d(2012, 7, 1), d(2012, 9, 30), d(2012, 9, 30)});
  CHECK(cadence_window(Cadence::year, d(2012, 2, 29)) ==
        Window{d(2012, 1, 1), d(2012, 12, 31), d(2012, 12, 31)});
}

TEST_CASE("recurrence: at_least rules take the whole period") {
  Rule rule;
  rule.kind = RuleKind::at_least;
  rule.period = Cadence::month;
  rule.at_least = 2;
  const auto w = expand(rule, {d(2024, 2, 29), d(2024, 3, 1)}, {});
  REQUIRE(w.size() == 2);
  CHECK(w[0] == Window{d(2024, 2, 1), d(2024, 2, 29), d(2024, 2, 29)});
  CHECK(w[1] == Window{d(2024, 3, 1), d(2024, 3, 31), d(2024, 3, 31)});
}

TEST_CASE("recurrence: festival windows surround the festival day and are due on it") {
  Rule rule;
  rule.kind = RuleKind::festival;
  rule.festival = "spring_festival";
  rule.before = 10;
  rule.after = 2;
  const std::vector<Date> days = {d(2025, 1, 29), d(2026, 2, 17)};
  SUBCASE("a window reaching into the range is listed") {
    const auto w = expand(rule, {d(2026, 2, 18), d(2026, 3, 1)}, days);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == Window{d(2026, 2, 7), d(2026, 2, 19), d(2026, 2, 17)});
  }
  SUBCASE("windows outside the range are not") {
    CHECK(expand(rule, {d(2026, 2, 20), d(2026, 12, 31)}, days).empty());
  }
  SUBCASE("a window across a year end") {
    const std::vector<Date> new_year = {d(2026, 1, 1)};
    const auto w = expand(rule, {d(2025, 12, 1), d(2025, 12, 31)}, new_year);
    REQUIRE(w.size() == 1);
    CHECK(w[0].start == d(2025, 12, 22));
  }
}

TEST_CASE("recurrence: count_in counts sorted dates inside a window, ends included") {
  std::vector<int32_t> dates;
  for (const Date date :
       {d(2012, 1, 1), d(2012, 1, 5), d(2012, 1, 5), d(2012, 1, 31), d(2012, 2, 1)}) {
    dates.push_back(static_cast<int32_t>(date.days()));
  }
  CHECK(count_in(dates, d(2012, 1, 1), d(2012, 1, 31)) == 4);
  CHECK(count_in(dates, d(2012, 1, 5), d(2012, 1, 5)) == 2);
  CHECK(count_in(dates, d(2011, 1, 1), d(2011, 12, 31)) == 0);
  CHECK(count_in({}, d(2011, 1, 1), d(2011, 12, 31)) == 0);
}

TEST_CASE("recurrence: status: done, else upcoming, due or overdue relative to today") {
  const Window w{d(2012, 1, 1), d(2012, 1, 31), d(2012, 1, 31)};
  CHECK(status_of(w, true, d(2011, 1, 1)) == Status::done);
  CHECK(status_of(w, false, d(2011, 12, 31)) == Status::upcoming);
  CHECK(status_of(w, false, d(2012, 1, 1)) == Status::due);
  CHECK(status_of(w, false, d(2012, 1, 31)) == Status::due);
  CHECK(status_of(w, false, d(2012, 2, 1)) == Status::overdue);
}

TEST_CASE("recurrence: codes round-trip") {
  for (const Status s : {Status::upcoming, Status::due, Status::overdue, Status::done}) {
    CHECK(parse_status(status_code(s)) == s);
  }
  for (const Cadence p : {Cadence::week, Cadence::month, Cadence::quarter, Cadence::year}) {
    CHECK(parse_cadence(cadence_code(p)) == p);
  }
  CHECK(parse_weekday("monday") == 0);
  CHECK(parse_weekday("sunday") == 6);
  CHECK_FALSE(parse_weekday("fri").has_value());
  CHECK_FALSE(parse_status("late").has_value());
}
