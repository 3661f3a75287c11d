#include "io/xlsx_dates.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include <map>

#include "core/date.h"
#include "io/xlsx_package.h"

namespace tongxin::io::xlsx {

bool is_date_format_id(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped or padding character: shown as is
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (bracket == 0) {
      switch (c) {
        case 'y':
        case 'Y':
        case 'm':
        case 'M':
        case 'd':
        case 'D':
        case 'h':
        case 'H':
        case 's':
        case 'S':
          return true;
        default:
          break;
      }
    }
  }
  return false;
}

namespace {

// <numFmts> (custom formats by id) and <cellXfs> (each xf's number format); the xfs of
// <cellStyleXfs> are named styles, not cell formats, and are skipped.
class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "numFmt") {
      const XML_Char* id = attribute(attrs, "numFmtId");
      const XML_Char* code = attribute(attrs, "formatCode");
      if (id != nullptr && code != nullptr) {
        m_custom[std::atol(id)] = code;
      }
    } else if (name == "cellXfs") {
      m_in_cell_xfs = true;
    } else if (name == "xf" && m_in_cell_xfs) {
      const XML_Char* id = attribute(attrs, "numFmtId");
      m_xf_formats.push_back(id != nullptr ? std::atol(id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") {
      m_in_cell_xfs = false;
    }
  }

  std::vector<bool> date_xfs() const {
    std::vector<bool> dates;
    for (const long id : m_xf_formats) {
      const auto custom = m_custom.find(id);
      dates.push_back(custom != m_custom.end() ? is_date_format_code(custom->second)
                                               : is_date_format_id(id));
    }
    return dates;
  }

 private:
  std::map<long, std::string> m_custom;
  std::vector<long> m_xf_formats;
  bool m_in_cell_xfs = false;
};

}  // namespace

DateStyles read_date_styles(const Package& package, const std::string& styles_part, bool date1904) {
  DateStyles styles;
  styles.date1904 = date1904;
  if (!styles_part.empty() && package.has(styles_part)) {
    StylesHandler handler;
    package.parse(styles_part, handler);
    styles.date_xf = handler.date_xfs();
  }
  return styles;
}

std::string serial_to_text(std::string_view value, bool date1904) {
  double serial = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), serial);
  // 10000-01-01, the first date ISO text cannot write: serial 2958466 in the 1900 system, 1462
  // days less in the 1904 system, whose day 0 is the 1900 system's day 1462.
  const double past_9999 = date1904 ? 2958466 - 1462 : 2958466;
  if (ec != std::errc() || end != value.data() + value.size() || !(serial >= 0) ||
      serial >= past_9999) {
    return "";
  }
  // Whole seconds, rounded: Excel stores 14:30 as 0.604166666...
  const auto total = static_cast<long long>(std::llround(serial * 86400.0));
  const long days = static_cast<long>(total / 86400);
  const long seconds = static_cast<long>(total % 86400);
  const std::string time =
      fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (days == 0 && !date1904) {
    return time;  // a time of day alone (day 0 is "1900-01-00")
  }
  std::string date;
  if (date1904) {
    date = Date{1904, 1, 1}.plus_days(days).iso();
  } else if (days == 60) {
    date = "1900-02-29";  // Lotus 1-2-3's leap day, which Excel kept: no such date
  } else {
    // Day 1 is 1900-01-01; from day 61 on, one day less for the phantom 1900-02-29.
    date = Date{1899, 12, days < 60 ? 31 : 30}.plus_days(days).iso();
  }
  return seconds == 0 ? date : date + " " + time;
}

}  // namespace tongxin::io::xlsx
