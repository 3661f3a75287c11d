// Chinese lunar calendar table (lunar years 1900..2100) and Qingming dates.
//
// The data come from schemas/calendar/lunar_years.tsv and
// schemas/calendar/qingming.tsv (see schemas/calendar/README.md for their
// sources and verification); this module only parses that text and converts
// lunar dates to Gregorian dates. Standard library only.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace tongxin::calendar {

// One lunar year of the table.
struct LunarYear {
  // Lunar year number, named after the Gregorian year in which it begins.
  int year;
  // Julian Day Number of 正月初一 (the Gregorian date of the lunar new
  // year); e.g. 2000-01-01 has JDN 2451545.
  int new_year_jdn;
  // The month that is followed by a leap month, 0 if the year has none.
  int leap_month;
  // Month lengths (29 or 30) in calendar order: 12 values, or 13 with the
  // leap month placed right after its ordinary month.
  std::vector<int> month_lengths;
};

// Parses the lunar_years TSV text: a header line
// "lunar_year<TAB>new_year_date<TAB>leap_month<TAB>month_lengths", then one
// line per lunar year ("2023<TAB>2023-01-22<TAB>2<TAB>29,30,...") in
// ascending, consecutive years. Empty lines and a trailing '\r' are ignored.
// Besides the format it checks that each year starts the day after the
// previous year ends (new_year_jdn + sum of month_lengths).
// Throws tongxin::Error (exit 70: the tables are built in, so a bad one is a
// bug) naming the 1-based line number if the input is malformed or
// inconsistent, or if it contains no year.
std::vector<LunarYear> parse_lunar_table(std::string_view tsv);

// Gregorian date {year, month, day} of day `day` of the ordinary (non-leap)
// month `month` of lunar year `lunar_year`. Returns std::nullopt if the year
// is not in `table`, if month is not 1..12, or if the day does not exist
// (e.g. day 30 of a 29-day month). Does not throw. `table` must be as
// returned by parse_lunar_table (consecutive years).
std::optional<std::array<int, 3>> lunar_to_gregorian(const std::vector<LunarYear>& table,
                                                     int lunar_year, int month, int day);

// Parses the qingming TSV text: a header line "year<TAB>date", then one line
// per Gregorian year ("2026<TAB>2026-04-05"). Empty lines and a trailing '\r'
// are ignored. Returns year -> {year, month, day}.
// Throws tongxin::Error (exit 70) naming the 1-based line number on a
// malformed line, an invalid date, a date outside the stated year, or a
// repeated year.
std::map<int, std::array<int, 3>> parse_qingming_table(std::string_view tsv);

}  // namespace tongxin::calendar
