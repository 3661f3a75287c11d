// The iCalendar writer (lib/schedule/ics.h): folding, escaping, timestamps, whole output.
#include <doctest/doctest.h>

#include <sstream>

#include "schedule/ics.h"

using namespace tongxin;
using namespace tongxin::schedule;

namespace {

std::vector<std::string> physical_lines(const std::string& folded) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t at = folded.find("\r\n"); at != std::string::npos; at = folded.find("\r\n", start)) {
    lines.push_back(folded.substr(start, at - start));
    start = at + 2;
  }
  CHECK(start == folded.size());  // ends in CRLF
  return lines;
}

std::string unfold(const std::vector<std::string>& lines) {
  std::string out = lines.at(0);
  for (size_t i = 1; i < lines.size(); ++i) {
    REQUIRE(lines[i].starts_with(" "));
    out += lines[i].substr(1);
  }
  return out;
}

bool starts_mid_character(const std::string& s) {
  return !s.empty() && (static_cast<unsigned char>(s[0]) & 0xC0) == 0x80;
}

}  // namespace

TEST_CASE("ics: short lines are not folded") {
  CHECK(fold_line("VERSION:2.0") == "VERSION:2.0\r\n");
  const std::string exactly75(75, 'x');
  CHECK(fold_line(exactly75) == exactly75 + "\r\n");
}

TEST_CASE("ics: ASCII lines fold at 75 octets, continuations start with a space") {
  const std::string line = "DESCRIPTION:" + std::string(150, 'a');
  const auto lines = physical_lines(fold_line(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[2] == " " + std::string(162 - 75 - 74, 'a'));
  CHECK(unfold(lines) == line);
}

TEST_CASE("ics: Chinese text folds between characters, never inside one") {
  std::string summary = "SUMMARY:";
  for (int i = 0; i < 10; ++i) {
    summary += "统战工作例会";  // six characters, three octets each
  }
  REQUIRE(summary.size() == 8 + 180);
  const auto lines = physical_lines(fold_line(summary));
  REQUIRE(lines.size() == 3);
  // 8 + 22 characters * 3 = 74 octets: a 23rd character would make 77.
  CHECK(lines[0].size() == 74);
  CHECK(lines[1].size() == 1 + 24 * 3);  // the space plus 24 characters (73 octets)
  for (const std::string& l : lines) {
    CHECK(l.size() <= 75);
    CHECK_FALSE(starts_mid_character(l.substr(l.starts_with(" ") ? 1 : 0)));
  }
  CHECK(unfold(lines) == summary);
}

TEST_CASE("ics: mixed ASCII and 4-byte characters") {
  std::string line = "SUMMARY:x";
  for (int i = 0; i < 30; ++i) {
    line += "\xF0\x9F\x8E\x89";  // U+1F389, four octets
  }
  const auto lines = physical_lines(fold_line(line));
  for (const std::string& l : lines) {
    CHECK(l.size() <= 75);
    CHECK_FALSE(starts_mid_character(l.substr(l.starts_with(" ") ? 1 : 0)));
  }
  CHECK(unfold(lines) == line);
}

TEST_CASE("ics: TEXT values escape backslash, comma, semicolon and newlines") {
  CHECK(escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  CHECK(escape_text("一\r\n二") == "一\\n二");
  CHECK(escape_text("例会（北街社区）") == "例会（北街社区）");
}

TEST_CASE("ics: timestamps with an offset become UTC") {
  CHECK(utc_stamp("2026-11-21T09:00:00+0800") == "20261121T010000Z");
  CHECK(utc_stamp("2026-01-01T05:30:15+08:00") == "20251231T213015Z");
  CHECK(utc_stamp("2024-02-28T22:00:00-0500") == "20240229T030000Z");
  CHECK(utc_stamp("2026-11-21T09:00:00Z") == "20261121T090000Z");
  CHECK_FALSE(utc_stamp("2026-11-21 09:00").has_value());
  CHECK_FALSE(utc_stamp("2026-02-30T09:00:00Z").has_value());
}

TEST_CASE("ics: a whole calendar") {
  IcsCalendar calendar{"-//tongxin//schedule//EN", "20120131T010000Z", {}};
  calendar.events.push_back({"regular_meeting-chengguan-beijie-20120101@tongxin", Date{2012, 1, 31},
                             Date{2012, 2, 1}, "Regular UF meeting (Beijie)",
                             "Status: due\nProgress: 0/1"});
  std::ostringstream out;
  write_ics(out, calendar);
  CHECK(out.str() ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//tongxin//schedule//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:regular_meeting-chengguan-beijie-20120101@tongxin\r\n"
        "DTSTAMP:20120131T010000Z\r\n"
        "DTSTART;VALUE=DATE:20120131\r\n"
        "DTEND;VALUE=DATE:20120201\r\n"
        "SUMMARY:Regular UF meeting (Beijie)\r\n"
        "DESCRIPTION:Status: due\\nProgress: 0/1\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}
