// Festival dates (lib/schedule/festivals.h) against published dates.
#include <doctest/doctest.h>

#include "helpers.h"

#include <algorithm>
#include <functional>

#include "config/codes.h"
#include "core/error.h"
#include "schedule/festivals.h"

using namespace tongxin;
using namespace tongxin::schedule;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

const std::vector<FestivalRule>& rules() {
  static const std::vector<FestivalRule> k_rules = festival_rules(config::code_table("festivals"));
  return k_rules;
}

std::vector<Date> dates_of(const std::string& code, int first, int last,
                           const FestivalOverrides& overrides = {}) {
  std::vector<Date> out;
  for (const FestivalDate& f : festival_dates(first, last, rules(), builtin_tables(), overrides)) {
    if (f.code == code) {
      out.push_back(f.date);
    }
  }
  return out;
}

Date only(const std::string& code, int year) {
  const auto dates = dates_of(code, year, year);
  REQUIRE(dates.size() == 1);
  return dates.front();
}

ExitCode code_of(const std::function<void()>& f) { return tongxin::testing::exit_code_of(f); }

}  // namespace

TEST_CASE("festivals: lunar festivals match published holiday dates") {
  CHECK(only("spring_festival", 2024) == d(2024, 2, 10));
  CHECK(only("spring_festival", 2026) == d(2026, 2, 17));
  CHECK(only("lantern", 2025) == d(2025, 2, 12));
  CHECK(only("mid_autumn", 2024) == d(2024, 9, 17));
  CHECK(only("mid_autumn", 2026) == d(2026, 9, 25));
  CHECK(only("double_ninth", 2026) == d(2026, 10, 18));
  CHECK(only("qixi", 2026) == d(2026, 8, 19));
  CHECK(only("laba", 2026) == d(2026, 1, 26));
  CHECK(only("qingming", 2026) == d(2026, 4, 5));
  CHECK(only("qingming", 2025) == d(2025, 4, 4));
}

TEST_CASE("festivals: festivals in leap-month years fall in the ordinary month") {
  CHECK(only("dragon_boat", 2020) == d(2020, 6, 25));  // leap 4th month
  CHECK(only("dragon_boat", 2023) == d(2023, 6, 22));  // leap 2nd month
  CHECK(only("mid_autumn", 2023) == d(2023, 9, 29));
  CHECK(only("qixi", 2025) == d(2025, 8, 29));  // leap 6th month
  CHECK(only("mid_autumn", 2025) == d(2025, 10, 6));
  CHECK(only("spring_festival", 2034) == d(2034, 2, 19));  // after 2033's leap 11th month
}

TEST_CASE("festivals: New Year's Eve is the day before the next lunar new year") {
  CHECK(only("new_years_eve", 2024) == d(2024, 2, 9));
  CHECK(only("new_years_eve", 2025) == d(2025, 1, 28));
  CHECK(only("new_years_eve", 2026) == d(2026, 2, 16));
  CHECK(only("new_years_eve", 2100) == only("spring_festival", 2100).plus_days(-1));
  CHECK(only("new_years_eve", 1901) == d(1901, 2, 18));
}

TEST_CASE("festivals: Laba falls twice in a Gregorian year when the next new year is early") {
  CHECK(dates_of("laba", 2022, 2022) == std::vector<Date>{d(2022, 1, 10), d(2022, 12, 30)});
  CHECK(only("laba", 1901) == d(1901, 1, 27));  // from lunar year 1900 of the table
}

TEST_CASE("festivals: Eid follows the Umm al-Qura calendar") {
  CHECK(only("eid_al_fitr", 2024) == d(2024, 4, 10));
  CHECK(only("eid_al_fitr", 2025) == d(2025, 3, 30));
  CHECK(only("eid_al_adha", 2024) == d(2024, 6, 16));
  CHECK(only("eid_al_adha", 2025) == d(2025, 6, 6));
  CHECK(islamic_to_gregorian(1445, 10, 1) == d(2024, 4, 10));
}

TEST_CASE("festivals: Eid can occur twice in one Gregorian year") {
  CHECK(dates_of("eid_al_fitr", 2033, 2033) == std::vector<Date>{d(2033, 1, 3), d(2033, 12, 23)});
  CHECK(dates_of("eid_al_adha", 2039, 2039) == std::vector<Date>{d(2039, 1, 5), d(2039, 12, 26)});
  CHECK(dates_of("eid_al_fitr", 2034, 2034) == std::vector<Date>{d(2034, 12, 12)});
}

TEST_CASE("festivals: Gregorian festivals are fixed days") {
  CHECK(only("national_day", 2026) == d(2026, 10, 1));
  CHECK(only("christmas", 1901) == d(1901, 12, 25));
  const auto all = festival_dates(1901, 2100, rules(), builtin_tables(), {});
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(std::count_if(all.begin(), all.end(),
                      [](const FestivalDate& f) { return f.code == "new_year"; }) == 200);
  CHECK(std::count_if(all.begin(), all.end(),
                      [](const FestivalDate& f) { return f.code == "spring_festival"; }) == 200);
}

TEST_CASE("festivals: an override replaces the computed date of that year") {
  SUBCASE("a single occurrence") {
    const FestivalOverrides overrides = {{2024, {{"eid_al_fitr", d(2024, 4, 9)}}}};
    CHECK(dates_of("eid_al_fitr", 2023, 2025, overrides) ==
          std::vector<Date>{d(2023, 4, 21), d(2024, 4, 9), d(2025, 3, 30)});
  }
  SUBCASE("the nearer of two occurrences") {
    const FestivalOverrides overrides = {{2033, {{"eid_al_fitr", d(2033, 12, 22)}}}};
    CHECK(dates_of("eid_al_fitr", 2033, 2033, overrides) ==
          std::vector<Date>{d(2033, 1, 3), d(2033, 12, 22)});
  }
  SUBCASE("outside the range it changes nothing") {
    const FestivalOverrides overrides = {{2024, {{"eid_al_fitr", d(2024, 4, 9)}}}};
    CHECK(dates_of("eid_al_fitr", 2025, 2025, overrides) == std::vector<Date>{d(2025, 3, 30)});
  }
}

TEST_CASE("festivals: years outside 1901-2100 are a usage error") {
  CHECK(code_of([] { festival_dates(1900, 1901, rules(), builtin_tables(), {}); }) ==
        ExitCode::usage);
  CHECK(code_of([] { festival_dates(2100, 2101, rules(), builtin_tables(), {}); }) ==
        ExitCode::usage);
  CHECK(code_of([] { festival_dates(2020, 2019, rules(), builtin_tables(), {}); }) ==
        ExitCode::usage);
  CHECK(code_of([] { festival_dates(1901, 2100, rules(), builtin_tables(), {}); }) == ExitCode::ok);
}
