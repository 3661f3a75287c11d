#include "calendar/lunar_table.h"

#include "core/date.h"
#include "core/error.h"
#include "i18n/i18n.h"

#include <charconv>
#include <cstddef>
#include <string>
#include <system_error>
#include <utility>

namespace tongxin::calendar {

namespace {

// Julian Day Number of 1970-01-01.
constexpr int k_unix_epoch_jdn = 2440588;

std::array<int, 3> to_array(Date date) { return {date.year, date.month, date.day}; }

// The tables are built into the binary and checked by tests, so a bad line is a bug, reported
// in English after the user's-language statement that it is one.
[[noreturn]] void fail(std::string_view table, const std::string& where_and_what) {
  throw Error(ExitCode::internal, i18n::tr("error.internal", std::string(table) + where_and_what));
}

[[noreturn]] void fail(std::string_view table, std::size_t line_no, const std::string& message) {
  fail(table, " line " + std::to_string(line_no) + ": " + message);
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
std::optional<std::array<int, 3>> parse_date_field(std::string_view field) {
  const auto date = parse_iso_date(field);
  return date ? std::optional(to_array(*date)) : std::nullopt;
}

int jdn_from_civil(const std::array<int, 3>& date) {
  return static_cast<int>(Date{date[0], date[1], date[2]}.days()) + k_unix_epoch_jdn;
}

}  // namespace

std::vector<LunarYear> parse_lunar_table(std::string_view tsv) {
  constexpr std::string_view k_name = "lunar table";
  constexpr std::string_view k_header = "lunar_year\tnew_year_date\tleap_month\tmonth_lengths";
  const std::vector<Line> lines = split_lines(tsv);
  if (lines.empty()) {
    fail(k_name, ": empty input");
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
    const auto new_year = parse_date_field(fields[1]);
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
  return to_array(Date::from_days(jdn - k_unix_epoch_jdn));
}

std::map<int, std::array<int, 3>> parse_qingming_table(std::string_view tsv) {
  constexpr std::string_view k_name = "qingming table";
  constexpr std::string_view k_header = "year\tdate";
  const std::vector<Line> lines = split_lines(tsv);
  if (lines.empty()) {
    fail(k_name, ": empty input");
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
    const auto date = parse_date_field(fields[1]);
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
