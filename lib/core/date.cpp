#include "core/date.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace tongxin {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
long Date::days() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(m <= 2 ? y + 1 : y), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
  const long d = days();  // 1970-01-01 was a Thursday (3 in ISO order from Monday = 0)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return k_days[month - 1];
}

namespace {

// At most 9 digits, so the value fits in an int.
std::optional<int> parse_digits(std::string_view text) {
  if (text.size() > 9) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = parse_digits(text.substr(0, 4));
  const auto m = parse_digits(text.substr(5, 2));
  const auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) {
    return std::nullopt;
  }
  return Date{*y, *m, *d};
}

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

// Takes a run of 1..`max` ASCII digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, size_t max) {
  size_t n = 0;
  while (n < text.size() && n < max && text[n] >= '0' && text[n] <= '9') {
    ++n;
  }
  if (n == 0 || (n < text.size() && text[n] >= '0' && text[n] <= '9')) {
    return std::nullopt;
  }
  const auto value = parse_digits(text.substr(0, n));
  text.remove_prefix(n);
  return value;
}

bool take(std::string_view& text, std::string_view separator) {
  if (!text.starts_with(separator)) {
    return false;
  }
  text.remove_prefix(separator.size());
  return true;
}

// A time of day after a date, as spreadsheets write date-times: " 14:30" or " 14:30:00" (or
// "T14:30:00"). The date's rules do not use it.
bool is_time_of_day(std::string_view text) {
  if (!take(text, " ") && !take(text, "T")) {
    return false;
  }
  text = trim_spaces(text);
  const auto hours = take_number(text, 2);
  if (!hours || *hours > 23 || !take(text, ":")) {
    return false;
  }
  const auto minutes = take_number(text, 2);
  if (!minutes || *minutes > 59) {
    return false;
  }
  if (take(text, ":")) {
    const auto seconds = take_number(text, 2);
    return seconds && *seconds <= 59 && text.empty();
  }
  return text.empty();
}

std::optional<Date> make_date(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d || *y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) {
    return std::nullopt;
  }
  return Date{*y, *m, *d};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  text = trim_spaces(text);
  if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    return make_date(parse_digits(text.substr(0, 4)), parse_digits(text.substr(4, 2)),
                     parse_digits(text.substr(6, 2)));
  }
  std::string_view rest = text;
  const auto y = take_number(rest, 4);
  if (!y || text.size() - rest.size() != 4) {
    return std::nullopt;
  }
  // The separator after the year decides the ones after the month and the day.
  for (const auto& [first, second, last] : {std::array<std::string_view, 3>{"-", "-", ""},
                                            {"/", "/", ""},
                                            {".", ".", ""},
                                            {"年", "月", "日"}}) {
    std::string_view r = rest;
    if (!take(r, first)) {
      continue;
    }
    const auto m = take_number(r, 2);
    if (!m || !take(r, second)) {
      return std::nullopt;
    }
    const auto d = take_number(r, 2);
    if (!d || !take(r, last) || (!r.empty() && !is_time_of_day(r))) {
      return std::nullopt;
    }
    return make_date(y, m, d);
  }
  return std::nullopt;
}

std::optional<Date> parse_user_date(std::string_view text, Date today) {
  text = trim_spaces(text);
  if (text == "today") {
    return today;
  }
  if (text.size() >= 3 && (text[0] == '+' || text[0] == '-') && text.back() == 'd') {
    const auto n = parse_digits(text.substr(1, text.size() - 2));
    if (!n) {
      return std::nullopt;
    }
    const Date date = today.plus_days(text[0] == '+' ? *n : -*n);
    // Only dates ISO text can write (years 0000 to 9999), so that the date prints back as one
    // parse_iso_date reads (found by fuzz/fuzz_date.cpp).
    if (date.year < 0 || date.year > 9999) {
      return std::nullopt;
    }
    return date;
  }
  return parse_date(text);
}

}  // namespace tongxin
