// Calendar dates without time zones: the unit of every rule in tongxin (activities, phases,
// recurrences, periods). Pure value type; "today" is always passed in, never read from a clock.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  long days() const;
  static Date from_days(long days);

  Date plus_days(long n) const { return from_days(days() + n); }
  // 0 = Monday ... 6 = Sunday (ISO order).
  int weekday() const;
  // YYYY-MM-DD.
  std::string iso() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Parses YYYY-MM-DD strictly (zero-padded, a date that exists). No throw.
std::optional<Date> parse_iso_date(std::string_view text);

// Parses a date in the one grammar of every import and flag: 2026-11-05, 2026-11-5, 2026/11/5,
// 2026.11.05, 20261105 and 2026年11月5日 (month and day of one or two digits, except in the
// eight-digit form), surrounding spaces ignored, a time of day after it (" 14:30", " 14:30:00",
// as a date-time cell reads) ignored; only a date that exists. No throw.
std::optional<Date> parse_date(std::string_view text);

// Parses a user-supplied date: the grammar of parse_date, `today`, or `+Nd` / `-Nd` relative to
// `today`. No throw.
std::optional<Date> parse_user_date(std::string_view text, Date today);

}  // namespace tongxin
