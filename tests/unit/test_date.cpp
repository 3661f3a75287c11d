#include <doctest/doctest.h>

#include "core/date.h"

using tongxin::Date;

TEST_CASE("dates convert to day numbers and back") {
  CHECK(Date{1970, 1, 1}.days() == 0);
  CHECK(Date{2000, 3, 1}.days() - Date{2000, 2, 28}.days() == 2);
  CHECK(Date{1900, 3, 1}.days() - Date{1900, 2, 28}.days() == 1);
  for (long d = -800000; d < 800000; d += 997) {
    CHECK(Date::from_days(d).days() == d);
  }
}

TEST_CASE("weekdays are ISO ordered from Monday") {
  CHECK(Date{2026, 11, 21}.weekday() == 5);  // Saturday
  CHECK(Date{1970, 1, 1}.weekday() == 3);    // Thursday
  CHECK(Date{2011, 11, 20}.weekday() == 6);  // Sunday, the notice's date
}

TEST_CASE("ISO dates parse strictly") {
  CHECK(tongxin::parse_iso_date("2026-02-28") == Date{2026, 2, 28});
  CHECK(tongxin::parse_iso_date("2024-02-29") == Date{2024, 2, 29});
  SUBCASE("impossible dates are rejected") {
    CHECK_FALSE(tongxin::parse_iso_date("2026-02-29"));
    CHECK_FALSE(tongxin::parse_iso_date("2011-13-45"));
    CHECK_FALSE(tongxin::parse_iso_date("2026-04-31"));
  }
  SUBCASE("loose forms are rejected") {
    CHECK_FALSE(tongxin::parse_iso_date("2026-2-28"));
    CHECK_FALSE(tongxin::parse_iso_date("2026/02/28"));
    CHECK_FALSE(tongxin::parse_iso_date(""));
  }
}

TEST_CASE("user dates accept today and relative days") {
  const Date today{2026, 11, 21};
  CHECK(tongxin::parse_user_date("today", today) == today);
  CHECK(tongxin::parse_user_date("+30d", today) == Date{2026, 12, 21});
  CHECK(tongxin::parse_user_date("-21d", today) == Date{2026, 10, 31});
  CHECK(tongxin::parse_user_date("2026-10-01", today) == Date{2026, 10, 1});
  CHECK_FALSE(tongxin::parse_user_date("+xd", today));
}

// Found by fuzz/fuzz_date.cpp: the day count overflowed an int, and a far relative date had a
// year that ISO text cannot write back.
TEST_CASE("relative dates stay within years 0000 to 9999") {
  const Date today{2026, 11, 21};
  CHECK_FALSE(tongxin::parse_user_date("+999999999999d", today));
  CHECK_FALSE(tongxin::parse_user_date("+9999999d", today));
  CHECK_FALSE(tongxin::parse_user_date("-999999d", today));
  CHECK(tongxin::parse_user_date("+2000000d", today) == Date{7502, 9, 15});
}

TEST_CASE("one date grammar: ISO, slashes, dots, eight digits and 年月日") {
  using tongxin::parse_date;
  CHECK(parse_date("2026-11-05") == Date{2026, 11, 5});
  CHECK(parse_date("2026-11-5") == Date{2026, 11, 5});
  CHECK(parse_date("2026/11/5") == Date{2026, 11, 5});
  CHECK(parse_date("2026.11.05") == Date{2026, 11, 5});
  CHECK(parse_date("20261105") == Date{2026, 11, 5});
  CHECK(parse_date("2026年11月5日") == Date{2026, 11, 5});
  CHECK(parse_date(" 2026/1/31 ") == Date{2026, 1, 31});
  CHECK(parse_date("2024年2月29日") == Date{2024, 2, 29});
  // Impossible dates and mixed or partial forms are refused.
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("20260230"));
  CHECK_FALSE(parse_date("2026年11月5"));
  CHECK_FALSE(parse_date("2026/11-05"));
  CHECK_FALSE(parse_date("2026-11"));
  CHECK_FALSE(parse_date("26-11-05"));
  CHECK_FALSE(parse_date("20261-1-05"));
  CHECK_FALSE(parse_date("2026-011-05"));
  CHECK_FALSE(parse_date("2026-11-05x"));
  CHECK_FALSE(parse_date(""));
  CHECK(tongxin::parse_user_date("2026年11月5日", Date{2026, 11, 21}) == Date{2026, 11, 5});
  CHECK_FALSE(tongxin::parse_user_date("2026-13-01", Date{2026, 11, 21}));
}

TEST_CASE("a time of day after a date is ignored, as date-time cells read") {
  using tongxin::parse_date;
  CHECK(parse_date("2026-11-05 14:30:00") == Date{2026, 11, 5});
  CHECK(parse_date("2026/11/5 9:05") == Date{2026, 11, 5});
  CHECK(parse_date("2026-11-05T14:30:00") == Date{2026, 11, 5});
  CHECK_FALSE(parse_date("2026-11-05 25:00"));
  CHECK_FALSE(parse_date("2026-11-05 14"));
  CHECK_FALSE(parse_date("20261105 14:30"));
}
