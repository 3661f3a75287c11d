#include "schedule/festivals.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "core/error.h"
#include "core/resources.h"
#include "i18n/i18n.h"

namespace tongxin::schedule {

namespace {

constexpr long k_unix_epoch_jdn = 2440588;
constexpr double k_ms_per_day = 86400000.0;

Date from_civil(const std::array<int, 3>& ymd) { return Date{ymd[0], ymd[1], ymd[2]}; }

[[noreturn]] void broken(const std::string& what) {
  throw Error(ExitCode::internal, i18n::tr("schedule.calendar_broken", what));  // built-in data
}

int field_int(const config::CodeEntry& entry, const std::string& name) {
  const std::string& text = entry.field(name);
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    broken(entry.code + "." + name);
  }
  return static_cast<int>(value);
}

// ICU's Umm al-Qura calendar, in UTC so that one day is exactly 86,400,000 ms from the epoch.
class Islamic {
 public:
  Islamic() {
    UErrorCode status = U_ZERO_ERROR;
    m_calendar.reset(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("@calendar=islamic-umalqura"), status));
    if (U_FAILURE(status) || std::string(m_calendar->getType()) != "islamic-umalqura") {
      broken("ICU islamic-umalqura");
    }
  }

  int year_of(Date date) {
    UErrorCode status = U_ZERO_ERROR;
    m_calendar->setTime(static_cast<double>(date.days()) * k_ms_per_day, status);
    const int year = m_calendar->get(UCAL_EXTENDED_YEAR, status);
    check(status);
    return year;
  }

  Date to_gregorian(int year, int month, int day) {
    UErrorCode status = U_ZERO_ERROR;
    m_calendar->clear();
    m_calendar->set(UCAL_EXTENDED_YEAR, year);
    m_calendar->set(UCAL_MONTH, month - 1);
    m_calendar->set(UCAL_DATE, day);
    const double ms = m_calendar->getTime(status);
    check(status);
    return Date::from_days(static_cast<long>(std::floor(ms / k_ms_per_day)));
  }

 private:
  static void check(UErrorCode status) {
    if (U_FAILURE(status)) {
      broken(std::string("ICU: ") + u_errorName(status));
    }
  }
  std::unique_ptr<icu::Calendar> m_calendar;
};

const calendar::LunarYear* lunar_year(const CalendarTables& tables, int year) {
  if (tables.lunar.empty()) {
    return nullptr;
  }
  const long index = year - tables.lunar.front().year;
  if (index < 0 || index >= static_cast<long>(tables.lunar.size())) {
    return nullptr;
  }
  return &tables.lunar[static_cast<size_t>(index)];
}

// Lunar festivals of Gregorian year `year`: the lunar year that starts in it and the one before
// (whose month 12 reaches into January, and even late December, of `year`).
void add_lunar(const FestivalRule& rule, int year, const CalendarTables& tables,
               std::vector<FestivalDate>& out) {
  if (rule.eve_of_new_year) {
    // The day before the lunar new year that begins in `year` (always in late Jan or Feb),
    // from the table's new-year day rather than summed month lengths.
    if (const calendar::LunarYear* next = lunar_year(tables, year)) {
      out.push_back({Date::from_days(next->new_year_jdn - k_unix_epoch_jdn - 1), rule.code});
    }
    return;
  }
  for (int lunar = year - 1; lunar <= year; ++lunar) {
    const auto date = calendar::lunar_to_gregorian(tables.lunar, lunar, rule.month, rule.day);
    if (date && (*date)[0] == year) {
      out.push_back({from_civil(*date), rule.code});
    }
  }
}

void add_islamic(const FestivalRule& rule, int first_year, int last_year, Islamic& islamic,
                 std::vector<FestivalDate>& out) {
  const int first = islamic.year_of(Date{first_year, 1, 1});
  const int last = islamic.year_of(Date{last_year, 12, 31});
  for (int year = first; year <= last; ++year) {
    const Date date = islamic.to_gregorian(year, rule.month, rule.day);
    if (date.year >= first_year && date.year <= last_year) {
      out.push_back({date, rule.code});
    }
  }
}

void add_year(const FestivalRule& rule, int year, const CalendarTables& tables,
              std::vector<FestivalDate>& out) {
  switch (rule.calendar) {
    case FestivalCalendar::lunar:
      add_lunar(rule, year, tables, out);
      return;
    case FestivalCalendar::solar_term:
      if (const auto it = tables.qingming.find(year); it != tables.qingming.end()) {
        out.push_back({from_civil(it->second), rule.code});
      }
      return;
    case FestivalCalendar::gregorian:
      out.push_back(
          {Date{year, rule.month, std::min(rule.day, days_in_month(year, rule.month))}, rule.code});
      return;
    case FestivalCalendar::islamic:
      return;  // whole range at once, see add_islamic
  }
}

// Replaces the computed occurrence of `code` in `year` nearest to `date` by `date`.
void apply_override(int year, const std::string& code, Date date,
                    std::vector<FestivalDate>& dates) {
  auto nearest = dates.end();
  long best = 0;
  for (auto it = dates.begin(); it != dates.end(); ++it) {
    const long distance = std::labs(it->date.days() - date.days());
    if (it->code == code && it->date.year == year && (nearest == dates.end() || distance < best)) {
      nearest = it;
      best = distance;
    }
  }
  if (nearest != dates.end()) {
    dates.erase(nearest);
  }
  dates.push_back({date, code});
}

}  // namespace

std::vector<FestivalRule> festival_rules(const config::CodeTable& festivals) {
  std::vector<FestivalRule> rules;
  for (const config::CodeEntry& entry : festivals.entries()) {
    FestivalRule rule;
    rule.code = entry.code;
    const std::string& kind = entry.field("calendar");
    if (kind == "lunar") {
      rule.calendar = FestivalCalendar::lunar;
      rule.eve_of_new_year = entry.field("rule") == "day_before_spring_festival";
    } else if (kind == "solar_term") {
      rule.calendar = FestivalCalendar::solar_term;
    } else if (kind == "islamic") {
      rule.calendar = FestivalCalendar::islamic;
    } else if (kind == "gregorian") {
      rule.calendar = FestivalCalendar::gregorian;
    } else {
      broken(entry.code + ".calendar");
    }
    if (rule.calendar != FestivalCalendar::solar_term && !rule.eve_of_new_year) {
      rule.month = field_int(entry, "month");
      rule.day = field_int(entry, "day");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

const CalendarTables& builtin_tables() {
  static const CalendarTables k_tables = [] {
    CalendarTables tables;
    tables.lunar = calendar::parse_lunar_table(resources::get("schemas/calendar/lunar_years.tsv"));
    tables.qingming =
        calendar::parse_qingming_table(resources::get("schemas/calendar/qingming.tsv"));
    return tables;
  }();
  return k_tables;
}

std::vector<FestivalDate> festival_dates(int first_year, int last_year,
                                         const std::vector<FestivalRule>& rules,
                                         const CalendarTables& tables,
                                         const FestivalOverrides& overrides) {
  for (const int year : {first_year, last_year}) {
    if (year < k_first_festival_year || year > k_last_festival_year) {
      throw Error(ExitCode::usage, i18n::tr("schedule.year_out_of_range", year,
                                            k_first_festival_year, k_last_festival_year));
    }
  }
  if (first_year > last_year) {
    throw Error(ExitCode::usage, i18n::tr("schedule.years_reversed", first_year, last_year));
  }
  std::vector<FestivalDate> dates;
  std::unique_ptr<Islamic> islamic;
  for (const FestivalRule& rule : rules) {
    if (rule.calendar == FestivalCalendar::islamic) {
      if (!islamic) {
        islamic = std::make_unique<Islamic>();
      }
      add_islamic(rule, first_year, last_year, *islamic, dates);
      continue;
    }
    for (int year = first_year; year <= last_year; ++year) {
      add_year(rule, year, tables, dates);
    }
  }
  for (const auto& [year, by_code] : overrides) {
    for (const auto& [code, date] : by_code) {
      if (year >= first_year && year <= last_year) {
        apply_override(year, code, date, dates);
      }
    }
  }
  std::sort(dates.begin(), dates.end());
  return dates;
}

Date islamic_to_gregorian(int year, int month, int day) {
  Islamic islamic;
  return islamic.to_gregorian(year, month, day);
}

}  // namespace tongxin::schedule
