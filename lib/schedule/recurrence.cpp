#include "schedule/recurrence.h"

#include <algorithm>
#include <array>

namespace tongxin::schedule {

namespace {

constexpr std::array<std::string_view, 4> k_status_codes = {"upcoming", "due", "overdue", "done"};
constexpr std::array<std::string_view, 4> k_period_codes = {"week", "month", "quarter", "year"};
constexpr std::array<std::string_view, 7> k_weekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

Date every_due(const Rule& rule, const Window& period) {
  switch (rule.period) {
    case Cadence::week:
      return period.start.plus_days(rule.weekday);
    case Cadence::month:
      return month_due(rule.month_day, period.start);
    case Cadence::quarter:
    case Cadence::year:
      return period.end;
  }
  return period.end;
}

std::vector<Window> periodic(const Rule& rule, DateRange range) {
  std::vector<Window> windows;
  for (Window w = cadence_window(rule.period, range.from); w.start <= range.to;
       w = cadence_window(rule.period, w.end.plus_days(1))) {
    if (rule.kind == RuleKind::every) {
      w.due = every_due(rule, w);
    }
    windows.push_back(w);
  }
  return windows;
}

std::vector<Window> around_festivals(const Rule& rule, DateRange range,
                                     const std::vector<Date>& festival_dates) {
  std::vector<Window> windows;
  for (const Date day : festival_dates) {
    const Window w{day.plus_days(-rule.before), day.plus_days(rule.after), day};
    if (overlaps(range, w)) {
      windows.push_back(w);
    }
  }
  return windows;
}

}  // namespace

Window cadence_window(Cadence cadence, Date date) {
  if (cadence == Cadence::week) {
    const Date monday = date.plus_days(-date.weekday());
    return {monday, monday.plus_days(6), monday.plus_days(6)};
  }
  const PeriodKind kind = cadence == Cadence::month     ? PeriodKind::month
                          : cadence == Cadence::quarter ? PeriodKind::quarter
                                                        : PeriodKind::year;
  const DateRange range = tongxin::Period::containing(kind, date).range();
  return {range.from, range.to, range.to};
}

Date month_due(const MonthDay& anchor, Date month_start) {
  const Date last{month_start.year, month_start.month,
                  days_in_month(month_start.year, month_start.month)};
  switch (anchor.kind) {
    case MonthDay::Kind::last:
      return last;
    case MonthDay::Kind::day:
      return Date{last.year, last.month, std::min(anchor.day, last.day)};
    case MonthDay::Kind::last_weekday: {
      const int weekday = last.weekday();  // Saturday 5 -> back 1, Sunday 6 -> back 2
      return weekday >= 5 ? last.plus_days(-(weekday - 4)) : last;
    }
  }
  return last;
}

std::vector<Window> expand(const Rule& rule, DateRange range,
                           const std::vector<Date>& festival_dates) {
  if (range.to < range.from) {
    return {};
  }
  if (rule.kind == RuleKind::festival || rule.kind == RuleKind::greetings) {
    return around_festivals(rule, range, festival_dates);
  }
  return periodic(rule, range);
}

size_t count_in(const std::vector<int32_t>& days, Date start, Date end) {
  const auto first = std::lower_bound(days.begin(), days.end(), start.days());
  const auto last = std::upper_bound(first, days.end(), end.days());
  return static_cast<size_t>(last - first);
}

Status status_of(const Window& window, bool met, Date today) {
  if (met) {
    return Status::done;
  }
  if (today < window.start) {
    return Status::upcoming;
  }
  return today <= window.end ? Status::due : Status::overdue;
}

std::string_view status_code(Status status) { return k_status_codes[static_cast<size_t>(status)]; }

std::optional<Status> parse_status(std::string_view code) {
  for (size_t i = 0; i < k_status_codes.size(); ++i) {
    if (k_status_codes[i] == code) {
      return static_cast<Status>(i);
    }
  }
  return std::nullopt;
}

std::string_view cadence_code(Cadence cadence) {
  return k_period_codes[static_cast<size_t>(cadence)];
}

std::optional<Cadence> parse_cadence(std::string_view code) {
  for (size_t i = 0; i < k_period_codes.size(); ++i) {
    if (k_period_codes[i] == code) {
      return static_cast<Cadence>(i);
    }
  }
  return std::nullopt;
}

std::optional<int> parse_weekday(std::string_view name) {
  for (size_t i = 0; i < k_weekdays.size(); ++i) {
    if (k_weekdays[i] == name) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

}  // namespace tongxin::schedule
