#include "schedule/ics.h"

#include <fmt/format.h>

#include <regex>

namespace tongxin::schedule {

namespace {

constexpr size_t k_max_octets = 75;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void property(std::ostream& out, std::string_view line) { out << fold_line(line); }

void write_event(std::ostream& out, const IcsEvent& event, const std::string& dtstamp) {
  property(out, "BEGIN:VEVENT");
  property(out, "UID:" + event.uid);
  property(out, "DTSTAMP:" + dtstamp);
  property(out, "DTSTART;VALUE=DATE:" + ics_date(event.start));
  property(out, "DTEND;VALUE=DATE:" + ics_date(event.end));
  property(out, "SUMMARY:" + escape_text(event.summary));
  property(out, "DESCRIPTION:" + escape_text(event.description));
  property(out, "TRANSP:TRANSPARENT");
  property(out, "END:VEVENT");
}

}  // namespace

std::string fold_line(std::string_view line) {
  std::string out;
  size_t limit = k_max_octets;  // the first physical line; later ones lose one to the space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && is_continuation_byte(line[cut])) {
      cut--;  // back to the first byte of the character that would be split
    }
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = k_max_octets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ',' || c == ';') {
      out += '\\';
      out += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // CRLF becomes one \n
    } else if (c == '\n' || c == '\r') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> utc_stamp(std::string_view iso) {
  static const std::regex k_iso(
      R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2})))");
  std::cmatch m;
  if (!std::regex_match(iso.begin(), iso.end(), m, k_iso)) {
    return std::nullopt;
  }
  auto number = [&](int i) { return std::stoi(m[i].str()); };
  const auto date = parse_iso_date(m[1].str() + "-" + m[2].str() + "-" + m[3].str());
  if (!date || number(4) > 23 || number(5) > 59 || number(6) > 60) {
    return std::nullopt;
  }
  long minutes = date->days() * 1440L + number(4) * 60L + number(5);
  if (m[7].str() != "Z") {
    const long offset = number(9) * 60L + number(10);
    minutes -= m[8].str() == "+" ? offset : -offset;
  }
  const long day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  const long in_day = minutes - day * 1440;
  const Date utc = Date::from_days(day);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.year, utc.month, utc.day, in_day / 60,
                     in_day % 60, number(6));
}

std::string ics_date(Date date) {
  return fmt::format("{:04}{:02}{:02}", date.year, date.month, date.day);
}

void write_ics(std::ostream& out, const IcsCalendar& calendar) {
  property(out, "BEGIN:VCALENDAR");
  property(out, "VERSION:2.0");
  property(out, "PRODID:" + calendar.prodid);
  property(out, "CALSCALE:GREGORIAN");
  property(out, "METHOD:PUBLISH");
  for (const IcsEvent& event : calendar.events) {
    write_event(out, event, calendar.dtstamp);
  }
  property(out, "END:VCALENDAR");
}

}  // namespace tongxin::schedule
