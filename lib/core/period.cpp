#include "core/period.h"

#include <fmt/format.h>

#include <array>

namespace tongxin {

namespace {

// Months are counted from year 0 so ranges can step across year ends with plain arithmetic.
int month_index(int year, int month) { return year * 12 + (month - 1); }
int year_of(int index) { return index / 12; }
int month_of(int index) { return index % 12 + 1; }

DateRange month_span(int first_index, int last_index) {
  const int ly = year_of(last_index);
  const int lm = month_of(last_index);
  return {Date{year_of(first_index), month_of(first_index), 1},
          Date{ly, lm, days_in_month(ly, lm)}};
}

// Months a period of a fixed kind spans.
int kind_months(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::month:
      return 1;
    case PeriodKind::quarter:
      return 3;
    case PeriodKind::half:
      return 6;
    default:
      return 12;
  }
}

// YYYY (year 1 or later) and YYYY-MM, strictly, through the one date parser of core/date.h.
std::optional<int> parse_year(std::string_view text) {
  const auto date = text.size() == 4 ? parse_iso_date(std::string(text) + "-01-01") : std::nullopt;
  return date && date->year >= 1 ? std::optional(date->year) : std::nullopt;
}

std::optional<std::pair<int, int>> parse_year_month(std::string_view text) {
  const auto date = text.size() == 7 ? parse_iso_date(std::string(text) + "-01") : std::nullopt;
  return date && date->year >= 1 ? std::optional(std::pair{date->year, date->month}) : std::nullopt;
}

std::optional<Period> parse_range(std::string_view text) {
  const size_t dots = text.find("..");
  const std::string_view first = text.substr(0, dots);
  const std::string_view last = text.substr(dots + 2);
  const auto fm = parse_year_month(first);
  const auto lm = parse_year_month(last);
  if (fm && lm) {
    if (month_index(fm->first, fm->second) > month_index(lm->first, lm->second)) {
      return std::nullopt;
    }
    return Period::months(fm->first, fm->second, lm->first, lm->second);
  }
  const auto fd = parse_iso_date(first);
  const auto ld = parse_iso_date(last);
  if (!fd || !ld || *ld < *fd) {
    return std::nullopt;
  }
  return Period::days(*fd, *ld);
}

std::optional<Period> parse_relative(std::string_view text, Date today) {
  struct Relative {
    std::string_view name;
    PeriodKind kind;
    bool last;
  };
  static constexpr std::array<Relative, 8> k_relative = {{
      {"this-month", PeriodKind::month, false},
      {"last-month", PeriodKind::month, true},
      {"this-quarter", PeriodKind::quarter, false},
      {"last-quarter", PeriodKind::quarter, true},
      {"this-half", PeriodKind::half, false},
      {"last-half", PeriodKind::half, true},
      {"this-year", PeriodKind::year, false},
      {"last-year", PeriodKind::year, true},
  }};
  for (const Relative& r : k_relative) {
    if (text == r.name) {
      const Period current = Period::containing(r.kind, today);
      return r.last ? current.previous() : current;
    }
  }
  return std::nullopt;
}

Date clamp_day(int year, int month, int day) {
  return Date{year, month, std::min(day, days_in_month(year, month))};
}

}  // namespace

Period Period::month(int year, int month) {
  const int i = month_index(year, month);
  return Period(PeriodKind::month, month_span(i, i));
}

Period Period::quarter(int year, int quarter) {
  const int first = month_index(year, quarter * 3 - 2);
  return Period(PeriodKind::quarter, month_span(first, first + 2));
}

Period Period::half(int year, int half) {
  const int first = month_index(year, half * 6 - 5);
  return Period(PeriodKind::half, month_span(first, first + 5));
}

Period Period::year(int year) {
  return Period(PeriodKind::year, month_span(month_index(year, 1), month_index(year, 12)));
}

Period Period::months(int first_year, int first_month, int last_year, int last_month) {
  return Period(PeriodKind::months, month_span(month_index(first_year, first_month),
                                               month_index(last_year, last_month)));
}

Period Period::days(Date from, Date to) { return Period(PeriodKind::days, DateRange{from, to}); }

Period Period::containing(PeriodKind kind, Date date) {
  switch (kind) {
    case PeriodKind::month:
      return month(date.year, date.month);
    case PeriodKind::quarter:
      return quarter(date.year, (date.month - 1) / 3 + 1);
    case PeriodKind::half:
      return half(date.year, date.month <= 6 ? 1 : 2);
    default:
      return year(date.year);
  }
}

Period Period::last_complete(PeriodKind kind, Date today) {
  return containing(kind, today).previous();
}

Period Period::previous() const {
  if (m_kind == PeriodKind::days) {
    const long n = m_range.days();
    return days(m_range.from.plus_days(-n), m_range.from.plus_days(-1));
  }
  const int first = month_index(m_range.from.year, m_range.from.month);
  const int last = month_index(m_range.to.year, m_range.to.month);
  const int n = m_kind == PeriodKind::months ? last - first + 1 : kind_months(m_kind);
  return Period(m_kind, month_span(first - n, last - n));
}

Period Period::year_earlier() const {
  if (m_kind == PeriodKind::days) {
    const Date f = m_range.from;
    const Date t = m_range.to;
    return days(clamp_day(f.year - 1, f.month, f.day), clamp_day(t.year - 1, t.month, t.day));
  }
  const int first = month_index(m_range.from.year, m_range.from.month);
  const int last = month_index(m_range.to.year, m_range.to.month);
  return Period(m_kind, month_span(first - 12, last - 12));
}

std::string Period::code() const {
  const Date f = m_range.from;
  const Date t = m_range.to;
  switch (m_kind) {
    case PeriodKind::month:
      return fmt::format("{:04}-{:02}", f.year, f.month);
    case PeriodKind::quarter:
      return fmt::format("{:04}-Q{}", f.year, (f.month - 1) / 3 + 1);
    case PeriodKind::half:
      return fmt::format("{:04}-H{}", f.year, f.month <= 6 ? 1 : 2);
    case PeriodKind::year:
      return fmt::format("{:04}", f.year);
    case PeriodKind::months:
      return fmt::format("{:04}-{:02}..{:04}-{:02}", f.year, f.month, t.year, t.month);
    case PeriodKind::days:
      return f.iso() + ".." + t.iso();
  }
  return {};
}

std::string Period::label(std::string_view lang) const {
  static constexpr std::array<std::string_view, 4> k_quarter_zh = {"一", "二", "三", "四"};
  static constexpr std::array<std::string_view, 12> k_month_en = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const bool zh = lang != "en";
  const Date f = m_range.from;
  const Date t = m_range.to;
  const auto month_en = [](int m) { return k_month_en[static_cast<size_t>(m - 1)]; };
  switch (m_kind) {
    case PeriodKind::month:
      return zh ? fmt::format("{}年{}月", f.year, f.month)
                : fmt::format("{} {}", month_en(f.month), f.year);
    case PeriodKind::quarter: {
      const int q = (f.month - 1) / 3 + 1;
      return zh ? fmt::format("{}年第{}季度", f.year, k_quarter_zh[static_cast<size_t>(q - 1)])
                : fmt::format("{} Q{}", f.year, q);
    }
    case PeriodKind::half:
      return zh ? fmt::format("{}年{}半年", f.year, f.month <= 6 ? "上" : "下")
                : fmt::format("{} H{}", f.year, f.month <= 6 ? 1 : 2);
    case PeriodKind::year:
      return zh ? fmt::format("{}年", f.year) : fmt::format("{}", f.year);
    case PeriodKind::months:
      if (zh) {
        return f.year == t.year
                   ? fmt::format("{}年{}月至{}月", f.year, f.month, t.month)
                   : fmt::format("{}年{}月至{}年{}月", f.year, f.month, t.year, t.month);
      }
      return f.year == t.year
                 ? fmt::format("{}–{} {}", month_en(f.month), month_en(t.month), f.year)
                 : fmt::format("{} {}–{} {}", month_en(f.month), f.year, month_en(t.month), t.year);
    case PeriodKind::days:
      if (zh) {
        return f.year == t.year
                   ? fmt::format("{}年{}月{}日至{}月{}日", f.year, f.month, f.day, t.month, t.day)
                   : fmt::format("{}年{}月{}日至{}年{}月{}日", f.year, f.month, f.day, t.year,
                                 t.month, t.day);
      }
      return f.iso() + " to " + t.iso();
  }
  return {};
}

std::optional<Period> parse_period(std::string_view text, Date today) {
  if (auto relative = parse_relative(text, today)) {
    return relative;
  }
  if (text.find("..") != std::string_view::npos) {
    return parse_range(text);
  }
  if (text.size() == 4) {
    const auto y = parse_year(text);
    return y ? std::optional(Period::year(*y)) : std::nullopt;
  }
  if (text.size() == 7 && text[4] == '-' &&
      (text[5] == 'Q' || text[5] == 'q' || text[5] == 'H' || text[5] == 'h')) {
    const auto y = parse_year(text.substr(0, 4));
    const int n = text[6] - '0';
    const bool quarter = text[5] == 'Q' || text[5] == 'q';
    if (!y || n < 1 || n > (quarter ? 4 : 2)) {
      return std::nullopt;
    }
    return quarter ? Period::quarter(*y, n) : Period::half(*y, n);
  }
  if (const auto ym = parse_year_month(text)) {
    return Period::month(ym->first, ym->second);
  }
  return std::nullopt;
}

std::string_view period_forms() {
  return "2026-10, 2026-Q3, 2026-H1, 2026, 2011-03..2011-11, 2012-01-01..2012-03-31, "
         "this-month, last-month, this-quarter, last-quarter, this-half, last-half, this-year, "
         "last-year";
}

std::optional<PeriodKind> parse_period_kind(std::string_view code) {
  if (code == "month") {
    return PeriodKind::month;
  }
  if (code == "quarter") {
    return PeriodKind::quarter;
  }
  if (code == "half") {
    return PeriodKind::half;
  }
  if (code == "year") {
    return PeriodKind::year;
  }
  return std::nullopt;
}

}  // namespace tongxin
