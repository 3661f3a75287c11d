#include "calendar/lunar_table.h"

#include <charconv>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace tongxin::calendar {

namespace {

// Julian Day Number of 1970-01-01.
constexpr int k_unix_epoch_jdn = 2440588;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil algorithm).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                    // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
// civil_from_days algorithm).
std::array<int, 3> civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
  const int m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : k_days[static_cast<std::size_t>(m - 1)];
}

[[noreturn]] void fail(std::string_view table, std::size_t line_no, const std::string& message) {
  throw std::runtime_error(std::string(table) + " line " + std::to_string(line_no) + ": " +
                           message);
}

// A line of a TSV text together with its 1-based line number.
struct Line {
  std::size_t number;
  std::string_view text;
};

// Splits text into lines, dropping a trailing '\r' from each and skipping
// empty lines.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (!line.empty()) {
      lines.push_back({number, line});
    }
  }
  return lines;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t pos = text.find(separator);
    fields.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos) {
      return fields;
    }
    text = text.substr(pos + 1);
  }
}

// Parses a whole field as a non-negative decimal integer (digits only).
std::optional<int> parse_int(std::string_view field) {
  if (field.empty() || field.size() > 9) {
    return std::nullopt;
  }
  int value = 0;
  const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc{} || ptr != field.data() + field.size() || field.front() == '-' ||
      field.front() == '+') {
    return std::nullopt;
  }
  return value;
}

// Parses "YYYY-MM-DD" into a valid Gregorian date.
std::optional<std::array<int, 3>> parse_iso_date(std::string_view field) {
  if (field.size() != 10 || field[4] != '-' || field[7] != '-') {
    return std::nullopt;
  }
  const auto y = parse_int(field.substr(0, 4));
  const auto m = parse_int(field.substr(5, 2));
  const auto d = parse_int(field.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) {
    return std::nullopt;
  }
  return std::array<int, 3>{*y, *m, *d};
}

int jdn_from_civil(const std::array<int, 3>& date) {
  return days_from_civil(date[0], date[1], date[2]) + k_unix_epoch_jdn;
}

}  // namespace

std::vector<LunarYear> parse_lunar_table(std::string_view tsv) {
  constexpr std::string_view k_name = "lunar table";
  constexpr std::string_view k_header = "lunar_year\tnew_year_date\tleap_month\tmonth_lengths";
  const std::vector<Line> lines = split_lines(tsv);
  if (lines.empty()) {
    throw std::runtime_error("lunar table: empty input");
  }
  if (lines.front().text != k_header) {
    fail(k_name, lines.front().number, "expected header '" + std::string(k_header) + "'");
  }
  std::vector<LunarYear> table;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const std::vector<std::string_view> fields = split(line.text, '\t');
    if (fields.size() != 4) {
      fail(k_name, line.number,
           "expected 4 tab-separated fields, got " + std::to_string(fields.size()));
    }
    const auto year = parse_int(fields[0]);
    if (!year) {
      fail(k_name, line.number, "bad lunar_year '" + std::string(fields[0]) + "'");
    }
    const auto new_year = parse_iso_date(fields[1]);
    if (!new_year) {
      fail(k_name, line.number, "bad new_year_date '" + std::string(fields[1]) + "'");
    }
    const auto leap = parse_int(fields[2]);
    if (!leap || *leap > 12) {
      fail(k_name, line.number, "bad leap_month '" + std::string(fields[2]) + "'");
    }
    LunarYear entry{*year, jdn_from_civil(*new_year), *leap, {}};
    for (const std::string_view length_field : split(fields[3], ',')) {
      const auto length = parse_int(length_field);
      if (!length || (*length != 29 && *length != 30)) {
        fail(k_name, line.number, "bad month length '" + std::string(length_field) + "'");
      }
      entry.month_lengths.push_back(*length);
    }
    const std::size_t expected_months = entry.leap_month == 0 ? 12 : 13;
    if (entry.month_lengths.size() != expected_months) {
      fail(k_name, line.number,
           "expected " + std::to_string(expected_months) + " month lengths, got " +
               std::to_string(entry.month_lengths.size()));
    }
    if (!table.empty()) {
      const LunarYear& previous = table.back();
      if (entry.year != previous.year + 1) {
        fail(k_name, line.number,
             "year " + std::to_string(entry.year) + " does not follow " +
                 std::to_string(previous.year));
      }
      int expected_jdn = previous.new_year_jdn;
      for (const int length : previous.month_lengths) {
        expected_jdn += length;
      }
      if (entry.new_year_jdn != expected_jdn) {
        fail(
            k_name, line.number,
            "new_year_date does not follow the end of lunar year " + std::to_string(previous.year));
      }
    }
    table.push_back(std::move(entry));
  }
  if (table.empty()) {
    fail(k_name, lines.front().number, "no lunar year after the header");
  }
  return table;
}

std::optional<std::array<int, 3>> lunar_to_gregorian(const std::vector<LunarYear>& table,
                                                     int lunar_year, int month, int day) {
  if (table.empty() || lunar_year < table.front().year || lunar_year > table.back().year) {
    return std::nullopt;
  }
  const LunarYear& entry = table[static_cast<std::size_t>(lunar_year - table.front().year)];
  if (entry.year != lunar_year || month < 1 || month > 12 || day < 1) {
    return std::nullopt;
  }
  // Index of the ordinary month in month_lengths: the leap month follows
  // its ordinary month, so later months shift by one.
  const std::size_t index = static_cast<std::size_t>(month - 1) +
                            (entry.leap_month != 0 && month > entry.leap_month ? 1U : 0U);
  if (index >= entry.month_lengths.size() || day > entry.month_lengths[index]) {
    return std::nullopt;
  }
  int jdn = entry.new_year_jdn;
  for (std::size_t i = 0; i < index; ++i) {
    jdn += entry.month_lengths[i];
  }
  jdn += day - 1;
  return civil_from_days(jdn - k_unix_epoch_jdn);
}

std::map<int, std::array<int, 3>> parse_qingming_table(std::string_view tsv) {
  constexpr std::string_view k_name = "qingming table";
  constexpr std::string_view k_header = "year\tdate";
  const std::vector<Line> lines = split_lines(tsv);
  if (lines.empty()) {
    throw std::runtime_error("qingming table: empty input");
  }
  if (lines.front().text != k_header) {
    fail(k_name, lines.front().number, "expected header 'year<TAB>date'");
  }
  std::map<int, std::array<int, 3>> dates;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const std::vector<std::string_view> fields = split(line.text, '\t');
    if (fields.size() != 2) {
      fail(k_name, line.number,
           "expected 2 tab-separated fields, got " + std::to_string(fields.size()));
    }
    const auto year = parse_int(fields[0]);
    if (!year) {
      fail(k_name, line.number, "bad year '" + std::string(fields[0]) + "'");
    }
    const auto date = parse_iso_date(fields[1]);
    if (!date) {
      fail(k_name, line.number, "bad date '" + std::string(fields[1]) + "'");
    }
    if ((*date)[0] != *year) {
      fail(k_name, line.number,
           "date " + std::string(fields[1]) + " is not in year " + std::to_string(*year));
    }
    if (!dates.emplace(*year, *date).second) {
      fail(k_name, line.number, "year " + std::to_string(*year) + " repeated");
    }
  }
  return dates;
}

}  // namespace tongxin::calendar
