// The one period model of tongxin: the reporting periods of work summaries (月、季度、半年、年度),
// inclusive ranges of months or days, and the relative forms cron jobs use. Pure value types;
// "today" is always passed in. activity list, schedule, audit and report all use it.
//
// Accepted text (parse_period):
//   2026-10                     a month
//   2026-Q3                     a quarter (q3 too)
//   2026-H1                     a half year (h1 too)
//   2026                        a year
//   2011-03..2011-11            an inclusive range of months
//   2012-01-01..2012-03-31      an inclusive range of days
//   this-month, last-month, this-quarter, last-quarter, this-half, last-half, this-year, last-year
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace tongxin {

// An inclusive range of dates.
struct DateRange {
  Date from;
  Date to;

  bool contains(Date d) const { return from <= d && d <= to; }
  // Number of days, both ends counted.
  long days() const { return to.days() - from.days() + 1; }
  auto operator<=>(const DateRange&) const = default;
};

enum class PeriodKind { month, quarter, half, year, months, days };

// A reporting period. Build one with the factories or parse_period; `range()` is its dates.
class Period {
 public:
  static Period month(int year, int month);
  static Period quarter(int year, int quarter);
  static Period half(int year, int half);
  static Period year(int year);
  // Inclusive month range; `first` must not be after `last` (checked by parse_period).
  static Period months(int first_year, int first_month, int last_year, int last_month);
  // Inclusive day range; `from` must not be after `to`.
  static Period days(Date from, Date to);

  // The period of `kind` (month, quarter, half or year) that contains `date`.
  static Period containing(PeriodKind kind, Date date);
  // The last period of `kind` that has ended before `today` (the default of cron reports:
  // `report monthly` on 2026-11-01 writes 2026-10).
  static Period last_complete(PeriodKind kind, Date today);

  PeriodKind kind() const { return m_kind; }
  DateRange range() const { return m_range; }
  Date from() const { return m_range.from; }
  Date to() const { return m_range.to; }

  // The period just before this one, of the same shape: 2026-Q1 → 2025-Q4 (环比). A range of N
  // months gives the N months before it; a range of N days the N days before it.
  Period previous() const;
  // The same period one year earlier (同比): 2026-Q3 → 2025-Q3, 2012-01-01..2012-03-31 →
  // 2011-01-01..2011-03-31; 29 February becomes 28 February.
  Period year_earlier() const;

  // Canonical text, accepted back by parse_period: 2026-10, 2026-Q3, 2026-H1, 2026,
  // 2011-03..2011-11, 2012-01-01..2012-03-31.
  std::string code() const;
  // A label for people: zh 2026年10月, 2026年第三季度, 2026年上半年, 2026年, 2011年3月至11月,
  // 2012年1月1日至3月31日; en October 2026, 2026 Q3, 2026 H1, 2026, March–November 2011, ...
  std::string label(std::string_view lang) const;

  bool operator==(const Period& other) const = default;

 private:
  Period(PeriodKind kind, DateRange range) : m_kind(kind), m_range(range) {}

  PeriodKind m_kind;
  DateRange m_range;
};

// Parses any accepted form (see the top of this file), relative forms against `today`.
// std::nullopt when `text` is none of them or names an impossible date or an empty range. No throw.
std::optional<Period> parse_period(std::string_view text, Date today);

// The accepted forms, for error messages: "2026-10, 2026-Q3, 2026-H1, 2026, ...".
std::string_view period_forms();

// "month", "quarter", "half", "year" and back (month ranges and day ranges have no code).
std::optional<PeriodKind> parse_period_kind(std::string_view code);

}  // namespace tongxin
