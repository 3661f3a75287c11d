// Festival dates (节日) for a range of Gregorian years: traditional lunar festivals from the
// verified lunar table, Qingming from the solar-term table, Eid al-Fitr and Eid al-Adha from the
// Umm al-Qura Islamic calendar (ICU), fixed Gregorian days, then a plan's overrides on top.
// Pure: the tables and overrides are passed in; nothing reads a clock or a file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "calendar/lunar_table.h"
#include "config/codes.h"
#include "core/date.h"

namespace tongxin::schedule {

// The years the calendar tables cover; outside them festivals are a usage error (exit 2).
inline constexpr int k_first_festival_year = 1901;
inline constexpr int k_last_festival_year = 2100;

enum class FestivalCalendar { lunar, solar_term, islamic, gregorian };

// How one festival's date is found, read from schemas/codes/festivals.yaml.
struct FestivalRule {
  std::string code;
  FestivalCalendar calendar = FestivalCalendar::gregorian;
  int month = 0;  // lunar, Islamic or Gregorian month (1-based); unused for solar_term
  int day = 0;
  bool eve_of_new_year = false;  // new_years_eve: the day before the next lunar new year
};

// The calendar tables (parsed once from the embedded schemas/calendar/*.tsv).
struct CalendarTables {
  std::vector<calendar::LunarYear> lunar;
  std::map<int, std::array<int, 3>> qingming;  // Gregorian year -> date
};

// Gregorian year -> festival code -> the date set by hand (e.g. Eid by local moon sighting).
using FestivalOverrides = std::map<int, std::map<std::string, Date>>;

struct FestivalDate {
  Date date;
  std::string code;
  auto operator<=>(const FestivalDate&) const = default;
};

// The rules of every entry of a festivals code table. Throws tongxin::Error (exit 5) when an
// entry names an unknown calendar or lacks its month/day (a broken build, not user input).
std::vector<FestivalRule> festival_rules(const config::CodeTable& festivals);

// The embedded tables, parsed on first use. Throws tongxin::Error (exit 5) if they are broken.
const CalendarTables& builtin_tables();

// Every occurrence of every rule whose Gregorian date falls in [first_year, last_year], sorted by
// date then code. A festival can occur twice in one Gregorian year (Eid, whose year is 11 days
// shorter; Laba in a year whose lunar new year is early) or not at all. An override for (year,
// code) replaces the computed occurrence of that year nearest to it (or is added when there is
// none). Throws tongxin::Error (exit 2) when the range leaves 1901..2100 or first > last.
std::vector<FestivalDate> festival_dates(int first_year, int last_year,
                                         const std::vector<FestivalRule>& rules,
                                         const CalendarTables& tables,
                                         const FestivalOverrides& overrides);

// The Gregorian date of Islamic (Umm al-Qura) year/month/day, via ICU's islamic-umalqura
// calendar. Throws tongxin::Error (exit 5) when ICU cannot provide that calendar.
Date islamic_to_gregorian(int year, int month, int day);

}  // namespace tongxin::schedule
