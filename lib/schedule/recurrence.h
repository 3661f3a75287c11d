// Recurrence rules of plan duties and their occurrence windows. Pure: dates in, windows out; the
// caller supplies festival dates, activity dates and "today".
//
// Windows (documented for users in tongxin-schedule(1)):
//   every: week      Monday..Sunday of the ISO week; due on `weekday` (default Sunday).
//   every: month     the whole month; due on `day` N (clamped to the month's last day), `last`,
//                    `last_weekday` (last Monday-Friday; public holidays are not known), or by
//                    default the last day.
//   every: quarter   the whole quarter, due on its last day; likewise every: year.
//   at_least N per P the whole period P, due on its last day; done with >= N activities.
//   festival F       [F - before, F + after], due on the festival day F.
//   per_member key_contact (at_least N, period P): the whole period P, due on its last day.
//   per_member greeting (festival F, window): as festival F.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace tongxin::schedule {

// How often a duty recurs (`every:`, `per:`): weeks are not reporting periods, so this is not
// tongxin::Period; the windows of months, quarters and years come from it.
enum class Cadence { week, month, quarter, year };

enum class RuleKind {
  every,         // one activity in each period
  at_least,      // N activities in each period
  festival,      // one activity around each occurrence of a festival
  key_contacts,  // per_member: key_contact — each active key contact visited N times a period
  greetings,     // per_member: greeting — each member opted in to the festival greeted around it
};

// The due day of `every: month`.
struct MonthDay {
  enum class Kind { last, day, last_weekday };
  Kind kind = Kind::last;
  int day = 0;  // 1..31 for Kind::day; a day past the month's end means its last day
};

struct Rule {
  RuleKind kind = RuleKind::every;
  Cadence period = Cadence::month;  // every, at_least's `per`, key_contacts' `period`
  int weekday = 6;                  // every: week — 0 = Monday .. 6 = Sunday
  MonthDay month_day;               // every: month
  int at_least = 1;                 // at_least, key_contacts: activities needed (per member)
  std::string festival;             // festival, greetings: festival code
  int before = 0;                   // festival window: days before the festival
  int after = 0;                    // and after it
};

// One occurrence of a duty: its window (inclusive) and the day it is due.
struct Window {
  Date start;
  Date end;
  Date due;
  auto operator<=>(const Window&) const = default;
};

// Whether the window shares a day with the range.
inline bool overlaps(const DateRange& range, const Window& w) {
  return w.start <= range.to && range.from <= w.end;
}

enum class Status { upcoming, due, overdue, done };

// The week, month, quarter or year containing `date`, due on its last day.
Window cadence_window(Cadence cadence, Date date);

// The due day of `every: month` in the month of `month_start`.
Date month_due(const MonthDay& anchor, Date month_start);

// The windows of `rule` that overlap `range`, in date order. `festival_dates` are the sorted
// dates of rule.festival (only read by festival and greetings rules; they must cover a little
// more than `range` so windows reaching across its ends are found).
std::vector<Window> expand(const Rule& rule, DateRange range,
                           const std::vector<Date>& festival_dates);

// How many of the sorted day numbers (Date::days) fall in [start, end] (binary search).
size_t count_in(const std::vector<int32_t>& days, Date start, Date end);

// done when `met`; otherwise upcoming before the window opens, due while today is in it, and
// overdue once it has closed.
Status status_of(const Window& window, bool met, Date today);

// "upcoming", "due", "overdue", "done".
std::string_view status_code(Status status);
std::optional<Status> parse_status(std::string_view code);

// "week", "month", "quarter", "year" and back.
std::string_view cadence_code(Cadence cadence);
std::optional<Cadence> parse_cadence(std::string_view code);

// "monday".."sunday" -> 0..6.
std::optional<int> parse_weekday(std::string_view name);

}  // namespace tongxin::schedule
