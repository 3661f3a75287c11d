#include <doctest/doctest.h>

#include "core/period.h"

using namespace tongxin;

namespace {

const Date k_today{2026, 11, 24};

Period parsed(std::string_view text, Date today = k_today) {
  const auto p = parse_period(text, today);
  REQUIRE_MESSAGE(p.has_value(), text);
  return *p;
}

std::string range_of(std::string_view text, Date today = k_today) {
  const DateRange r = parsed(text, today).range();
  return r.from.iso() + ".." + r.to.iso();
}

}  // namespace

TEST_CASE("periods: every absolute form gives its dates and canonical code") {
  CHECK(range_of("2026-10") == "2026-10-01..2026-10-31");
  CHECK(range_of("2026-Q3") == "2026-07-01..2026-09-30");
  CHECK(range_of("2026-q1") == "2026-01-01..2026-03-31");
  CHECK(range_of("2026-H1") == "2026-01-01..2026-06-30");
  CHECK(range_of("2026-h2") == "2026-07-01..2026-12-31");
  CHECK(range_of("2026") == "2026-01-01..2026-12-31");
  CHECK(range_of("2011-03..2011-11") == "2011-03-01..2011-11-30");
  CHECK(range_of("2011-11..2012-02") == "2011-11-01..2012-02-29");
  CHECK(range_of("2012-01-01..2012-03-31") == "2012-01-01..2012-03-31");
  for (const char* code :
       {"2026-10", "2026-Q3", "2026-H1", "2026", "2011-03..2011-11", "2012-01-01..2012-03-31"}) {
    CAPTURE(code);
    CHECK(parsed(code).code() == code);
  }
  CHECK(parsed("2026-q3").code() == "2026-Q3");
}

TEST_CASE("periods: relative forms are taken from today, across year ends") {
  CHECK(parsed("this-month").code() == "2026-11");
  CHECK(parsed("last-month").code() == "2026-10");
  CHECK(parsed("this-quarter").code() == "2026-Q4");
  CHECK(parsed("last-quarter").code() == "2026-Q3");
  CHECK(parsed("this-half").code() == "2026-H2");
  CHECK(parsed("last-half").code() == "2026-H1");
  CHECK(parsed("this-year").code() == "2026");
  CHECK(parsed("last-year").code() == "2025");
  const Date new_year{2027, 1, 1};
  CHECK(parsed("last-month", new_year).code() == "2026-12");
  CHECK(parsed("last-quarter", new_year).code() == "2026-Q4");
  CHECK(parsed("last-half", new_year).code() == "2026-H2");
  CHECK(parsed("this-half", Date{2026, 6, 30}).code() == "2026-H1");
}

TEST_CASE("periods: previous period (环比) and a year earlier (同比)") {
  CHECK(parsed("2026-01").previous().code() == "2025-12");
  CHECK(parsed("2026-Q1").previous().code() == "2025-Q4");
  CHECK(parsed("2026-H1").previous().code() == "2025-H2");
  CHECK(parsed("2026").previous().code() == "2025");
  CHECK(parsed("2011-03..2011-11").previous().code() == "2010-06..2011-02");
  CHECK(parsed("2012-01-01..2012-03-31").previous().code() == "2011-10-02..2011-12-31");
  CHECK(parsed("2026-Q3").year_earlier().code() == "2025-Q3");
  CHECK(parsed("2012-02").year_earlier().code() == "2011-02");
  CHECK(parsed("2011-11..2012-02").year_earlier().code() == "2010-11..2011-02");
  SUBCASE("29 February a year earlier is 28 February") {
    CHECK(parsed("2012-02-01..2012-02-29").year_earlier().code() == "2011-02-01..2011-02-28");
    CHECK(parsed("2012-02").year_earlier().to() == Date{2011, 2, 28});
  }
}

TEST_CASE("periods: leap years") {
  CHECK(range_of("2012-02") == "2012-02-01..2012-02-29");
  CHECK(range_of("2100-02") == "2100-02-01..2100-02-28");
  CHECK(range_of("2000-02") == "2000-02-01..2000-02-29");
  CHECK(parse_period("2011-02-29..2011-03-01", k_today) == std::nullopt);
  CHECK(parsed("2012-Q1").range().days() == 91);
}

TEST_CASE("periods: last complete period and the period containing a date") {
  CHECK(Period::last_complete(PeriodKind::month, Date{2026, 11, 1}).code() == "2026-10");
  CHECK(Period::last_complete(PeriodKind::quarter, Date{2026, 1, 1}).code() == "2025-Q4");
  CHECK(Period::last_complete(PeriodKind::half, Date{2026, 7, 1}).code() == "2026-H1");
  CHECK(Period::last_complete(PeriodKind::year, Date{2026, 11, 24}).code() == "2025");
  CHECK(Period::containing(PeriodKind::quarter, Date{2026, 9, 30}).code() == "2026-Q3");
}

TEST_CASE("periods: labels for people") {
  CHECK(parsed("2026-10").label("zh") == "2026年10月");
  CHECK(parsed("2026-Q3").label("zh") == "2026年第三季度");
  CHECK(parsed("2026-H1").label("zh") == "2026年上半年");
  CHECK(parsed("2026").label("zh") == "2026年");
  CHECK(parsed("2011-03..2011-11").label("zh") == "2011年3月至11月");
  CHECK(parsed("2012-01-01..2012-03-31").label("zh") == "2012年1月1日至3月31日");
  CHECK(parsed("2026-10").label("en") == "October 2026");
  CHECK(parsed("2026-Q3").label("en") == "2026 Q3");
}

TEST_CASE("periods: bad input is refused") {
  for (const char* bad :
       {"", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "26-10", "2026-1", "next-month",
        "2026-11..2026-10", "2026-10-01..2026-09-30", "2026-10..", "..2026-10",
        "2026-10-01..2026-10", "0000", "2026-Q", "2026-10-32..2026-11-01", "abcd", "2026-Q10"}) {
    CAPTURE(bad);
    CHECK(parse_period(bad, k_today) == std::nullopt);
  }
  CHECK(parse_period_kind("quarter") == PeriodKind::quarter);
  CHECK(parse_period_kind("week") == std::nullopt);
  CHECK(period_forms().find("2026-H1") != std::string_view::npos);
}
