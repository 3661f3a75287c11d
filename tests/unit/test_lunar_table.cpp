// Verification of the shipped Chinese lunar calendar data
// (schemas/calendar/, see schemas/calendar/README.md) and of its parser.
//
// Sources compared here:
//   lunar_years.tsv          published table (jjonline/calendar.js lunarInfo,
//                            Hong Kong Observatory derived) - the shipped data;
//   lunar_years_astro.tsv    independent astronomical computation (PyEphem,
//                            GB/T 33661-2017 rules);
//   qingming.tsv             astronomical Qingming dates - the shipped data;
//   qingming_published.tsv   published solar-term table (jjonline/calendar.js
//                            sTermInfo).
#include <doctest/doctest.h>

#include "calendar/lunar_table.h"

#include "helpers.h"

#include <array>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef TONGXIN_SOURCE_DIR
#error "TONGXIN_SOURCE_DIR must be defined as the repository root (a string literal)"
#endif

namespace {

using tongxin::calendar::LunarYear;
using Date = std::array<int, 3>;

std::string read_schema(const std::string& name) {
  const std::string path = std::string(TONGXIN_SOURCE_DIR) + "/schemas/calendar/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::vector<LunarYear>& published_table() {
  static const std::vector<LunarYear> table =
      tongxin::calendar::parse_lunar_table(read_schema("lunar_years.tsv"));
  return table;
}

const std::vector<LunarYear>& astro_table() {
  static const std::vector<LunarYear> table =
      tongxin::calendar::parse_lunar_table(read_schema("lunar_years_astro.tsv"));
  return table;
}

const LunarYear& year_of(const std::vector<LunarYear>& table, int year) {
  for (const LunarYear& entry : table) {
    if (entry.year == year) {
      return entry;
    }
  }
  throw std::runtime_error("lunar year " + std::to_string(year) + " not in table");
}

std::optional<Date> festival(int lunar_year, int month, int day) {
  return tongxin::calendar::lunar_to_gregorian(published_table(), lunar_year, month, day);
}

// 除夕: the last day of the last month of the lunar year (the day before the
// next 正月初一).
std::optional<Date> new_years_eve(int lunar_year) {
  const LunarYear& entry = year_of(published_table(), lunar_year);
  return festival(lunar_year, 12, entry.month_lengths.back());
}

Date next_day(const Date& date) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{year{date[0]} / month{static_cast<unsigned>(date[1])} /
                                    day{static_cast<unsigned>(date[2])}} +
                           days{1}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string describe(const LunarYear& y) {
  std::string text = std::to_string(y.year) + " jdn=" + std::to_string(y.new_year_jdn) +
                     " leap=" + std::to_string(y.leap_month) + " lengths=";
  for (const int length : y.month_lengths) {
    text += std::to_string(length) + ",";
  }
  return text;
}

}  // namespace

TEST_CASE("lunar tables cover lunar years 1900..2100") {
  REQUIRE(published_table().size() == 201);
  REQUIRE(astro_table().size() == 201);
  CHECK(published_table().front().year == 1900);
  CHECK(published_table().back().year == 2100);
  CHECK(astro_table().front().year == 1900);
  CHECK(astro_table().back().year == 2100);
}

TEST_CASE("published table agrees with the astronomical computation for 1901..2100") {
  // Known, investigated difference (schemas/calendar/README.md): in 2057 the
  // new moon of 2057-09-28/29 falls 10 s before Beijing midnight by PyEphem,
  // whose delta-T extrapolation (124 s) exceeds the 114 s at which the
  // date flips; a DE431 computation with the Stephenson-Morrison delta-T
  // puts it at 00:00:40 on Sept 29 (ytliu0/ChineseCalendar,
  // computation.html), as the published table does. The published table is
  // kept. Only that month start may differ: month 8 has 30 days instead of
  // 29, month 9 29 instead of 30.
  const std::set<int> known_differences = {2057};
  int agreeing = 0;
  for (int year = 1901; year <= 2100; ++year) {
    const LunarYear& published = year_of(published_table(), year);
    const LunarYear& astro = year_of(astro_table(), year);
    if (known_differences.count(year) != 0) {
      continue;
    }
    INFO("published: " << describe(published));
    INFO("astro:     " << describe(astro));
    const bool same = published.new_year_jdn == astro.new_year_jdn &&
                      published.leap_month == astro.leap_month &&
                      published.month_lengths == astro.month_lengths;
    CHECK(same);
    agreeing += same ? 1 : 0;
  }
  CHECK(agreeing == 199);

  const LunarYear& published = year_of(published_table(), 2057);
  const LunarYear& astro = year_of(astro_table(), 2057);
  CHECK(published.new_year_jdn == astro.new_year_jdn);
  CHECK(published.leap_month == 0);
  CHECK(astro.leap_month == 0);
  std::vector<int> expected_astro = published.month_lengths;
  REQUIRE(expected_astro.size() == 12);
  CHECK(expected_astro[7] == 30);
  CHECK(expected_astro[8] == 29);
  expected_astro[7] = 29;
  expected_astro[8] = 30;
  CHECK(astro.month_lengths == expected_astro);
  CHECK(festival(2057, 9, 1) == Date{2057, 9, 29});
  CHECK(tongxin::calendar::lunar_to_gregorian(astro_table(), 2057, 9, 1) == Date{2057, 9, 28});
}

TEST_CASE("Spring Festival (正月初一) spot checks") {
  CHECK(festival(2026, 1, 1) == Date{2026, 2, 17});
  CHECK(festival(2025, 1, 1) == Date{2025, 1, 29});
  CHECK(festival(2024, 1, 1) == Date{2024, 2, 10});
  CHECK(festival(2023, 1, 1) == Date{2023, 1, 22});
  CHECK(festival(2020, 1, 1) == Date{2020, 1, 25});
  CHECK(festival(2033, 1, 1) == Date{2033, 1, 31});
}

TEST_CASE("Mid-Autumn (八月十五) spot checks") {
  CHECK(festival(2026, 8, 15) == Date{2026, 9, 25});
  CHECK(festival(2025, 8, 15) == Date{2025, 10, 6});
  CHECK(festival(2024, 8, 15) == Date{2024, 9, 17});
  CHECK(festival(2023, 8, 15) == Date{2023, 9, 29});
}

TEST_CASE("Dragon Boat (五月初五) spot checks, ordinary month in leap years") {
  CHECK(festival(2026, 5, 5) == Date{2026, 6, 19});
  CHECK(festival(2025, 5, 5) == Date{2025, 5, 31});
  CHECK(festival(2023, 5, 5) == Date{2023, 6, 22});  // 2023 has a leap 2nd month
  CHECK(festival(2020, 5, 5) == Date{2020, 6, 25});  // 2020 has a leap 4th month
}

TEST_CASE("other festivals of 2025/2026") {
  CHECK(festival(2026, 9, 9) == Date{2026, 10, 18});  // Double Ninth
  CHECK(festival(2026, 1, 15) == Date{2026, 3, 3});   // Lantern
  CHECK(festival(2026, 7, 7) == Date{2026, 8, 19});   // Qixi
  CHECK(festival(2025, 1, 15) == Date{2025, 2, 12});  // Lantern
  CHECK(festival(2025, 12, 8) == Date{2026, 1, 26});  // Laba
  CHECK(new_years_eve(2025) == Date{2026, 2, 16});    // 腊月廿九, month 12 of 2025 has 29 days
  CHECK(new_years_eve(2024) == Date{2025, 1, 28});
  CHECK(new_years_eve(2023) == Date{2024, 2, 9});  // 腊月三十
}

TEST_CASE("new year's eve is the day before the next Spring Festival, 1900..2099") {
  for (int year = 1900; year < 2100; ++year) {
    INFO("year " << year);
    const auto eve = new_years_eve(year);
    REQUIRE(eve.has_value());
    const auto next = festival(year + 1, 1, 1);
    REQUIRE(next.has_value());
    CHECK(next_day(*eve) == *next);
  }
}

TEST_CASE("leap months") {
  CHECK(year_of(published_table(), 2020).leap_month == 4);
  CHECK(year_of(published_table(), 2023).leap_month == 2);
  CHECK(year_of(published_table(), 2025).leap_month == 6);
  CHECK(year_of(published_table(), 2028).leap_month == 5);
  CHECK(year_of(published_table(), 2033).leap_month == 11);  // the "2033 problem"; GB/T 33661-2017
  CHECK(year_of(published_table(), 2026).leap_month == 0);
  CHECK(year_of(published_table(), 2020).month_lengths.size() == 13);
  CHECK(year_of(published_table(), 2026).month_lengths.size() == 12);
}

TEST_CASE("Qingming: astronomical dates agree with the published solar-term table") {
  const auto astro = tongxin::calendar::parse_qingming_table(read_schema("qingming.tsv"));
  const auto published =
      tongxin::calendar::parse_qingming_table(read_schema("qingming_published.tsv"));
  REQUIRE(astro.size() == 200);
  REQUIRE(published.size() == 200);
  CHECK(astro.begin()->first == 1901);
  CHECK(astro.rbegin()->first == 2100);
  for (const auto& entry : astro) {
    const int year = entry.first;  // clang 14 cannot capture a structured binding in INFO
    const auto& date = entry.second;
    INFO("year " << year);
    REQUIRE(published.count(year) == 1);
    CHECK(published.at(year) == date);
    CHECK(date[1] == 4);
    CHECK(date[2] >= 3);
    CHECK(date[2] <= 6);
  }
  // Spot checks against published holiday dates.
  CHECK(astro.at(2026) == Date{2026, 4, 5});
  CHECK(astro.at(2025) == Date{2025, 4, 4});
  CHECK(astro.at(2024) == Date{2024, 4, 4});
  CHECK(astro.at(2008) == Date{2008, 4, 4});
}

TEST_CASE("lunar_to_gregorian rejects dates that do not exist") {
  const auto& table = published_table();
  // Month 1 of 2026 has 30 days, month 2 has 29.
  CHECK(tongxin::calendar::lunar_to_gregorian(table, 2026, 1, 30) == Date{2026, 3, 18});
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 2026, 2, 30).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 2026, 2, 0).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 2026, 0, 1).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 2026, 13, 1).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 1899, 1, 1).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian(table, 2101, 1, 1).has_value());
  CHECK_FALSE(tongxin::calendar::lunar_to_gregorian({}, 2026, 1, 1).has_value());
  CHECK(tongxin::calendar::lunar_to_gregorian(table, 1900, 1, 1) == Date{1900, 1, 31});
}

TEST_CASE("parse_lunar_table accepts a minimal table and reports malformed lines") {
  const std::string header = "lunar_year\tnew_year_date\tleap_month\tmonth_lengths\n";
  const std::string y2025 = "2025\t2025-01-29\t6\t30,29,30,29,29,30,29,30,29,30,30,30,29\n";
  const std::string y2026 = "2026\t2026-02-17\t0\t30,29,30,29,29,30,29,29,30,30,30,29\n";
  const auto table = tongxin::calendar::parse_lunar_table(header + y2025 + y2026);
  REQUIRE(table.size() == 2);
  CHECK(table[0].new_year_jdn == 2460705);  // JDN of 2025-01-29
  CHECK(tongxin::calendar::lunar_to_gregorian(table, 2026, 1, 1) == Date{2026, 2, 17});
  // CRLF line ends are accepted.
  CHECK(tongxin::calendar::parse_lunar_table(
            "lunar_year\tnew_year_date\tleap_month\tmonth_lengths\r\n" +
            std::string("2026\t2026-02-17\t0\t30,29,30,29,29,30,29,29,30,30,30,29\r\n"))
            .size() == 1);

  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(""),
                       doctest::Contains("lunar table: empty input"), std::runtime_error);
  CHECK(tongxin::testing::exit_code_of([] { tongxin::calendar::parse_lunar_table(""); }) ==
        tongxin::ExitCode::internal);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table("year\tdate\n" + y2025),
                       doctest::Contains("line 1"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(header),
                       doctest::Contains("no lunar year"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(header + "2025\t2025-01-29\t6\n"),
                       doctest::Contains("line 2"), std::runtime_error);
  CHECK_THROWS_WITH_AS(
      tongxin::calendar::parse_lunar_table(header + y2025 + "2026\t2026-02-30\t0\t30\n"),
      doctest::Contains("line 3: bad new_year_date"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(
                           header + "2026\t2026-02-17\t13\t30,29,30,29,29,30,29,29,30,30,30,29\n"),
                       doctest::Contains("line 2: bad leap_month"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(
                           header + "2026\t2026-02-17\t0\t30,29,31,29,29,30,29,29,30,30,30,29\n"),
                       doctest::Contains("line 2: bad month length '31'"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(
                           header + "2026\t2026-02-17\t0\t30,29,30,29,29,30,29,29,30,30,30\n"),
                       doctest::Contains("line 2: expected 12 month lengths"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_lunar_table(header + y2026 + y2025),
                       doctest::Contains("line 3: year 2025 does not follow 2026"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(
      tongxin::calendar::parse_lunar_table(
          header + y2025 + "2026\t2026-02-18\t0\t30,29,30,29,29,30,29,29,30,30,30,29\n"),
      doctest::Contains("line 3: new_year_date does not follow"), std::runtime_error);
  CHECK_THROWS_WITH_AS(
      tongxin::calendar::parse_lunar_table(header + "\n" + "x2026\t2026-02-17\t0\t30\n"),
      doctest::Contains("line 3: bad lunar_year"), std::runtime_error);
}

TEST_CASE("parse_qingming_table reports malformed lines") {
  const auto dates = tongxin::calendar::parse_qingming_table("year\tdate\n2026\t2026-04-05\n");
  REQUIRE(dates.size() == 1);
  CHECK(dates.at(2026) == Date{2026, 4, 5});
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_qingming_table("year\tdate\n2026\t2026-04-31\n"),
                       doctest::Contains("line 2: bad date"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_qingming_table("year\tdate\n2026\t2025-04-04\n"),
                       doctest::Contains("line 2: date 2025-04-04 is not in year 2026"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(
      tongxin::calendar::parse_qingming_table("year\tdate\n2026\t2026-04-05\n2026\t2026-04-05\n"),
      doctest::Contains("line 3: year 2026 repeated"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_qingming_table("year\tdate\n2026 2026-04-05\n"),
                       doctest::Contains("line 2: expected 2 tab-separated fields"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(tongxin::calendar::parse_qingming_table("date\n"),
                       doctest::Contains("line 1"), std::runtime_error);
}
