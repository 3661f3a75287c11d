// An iCalendar (RFC 5545) writer for all-day events: VCALENDAR with one VEVENT per event, CRLF
// line ends, content lines folded at 75 octets without splitting a UTF-8 character, TEXT values
// escaped. Pure: writes to the stream it is given.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace tongxin::schedule {

struct IcsEvent {
  std::string uid;          // stable across runs, so a re-import updates instead of duplicating
  Date start;               // DTSTART;VALUE=DATE
  Date end;                 // DTEND;VALUE=DATE (exclusive: the day after an all-day event)
  std::string summary;      // TEXT, escaped by the writer
  std::string description;  // TEXT, escaped by the writer
};

struct IcsCalendar {
  std::string prodid;   // e.g. -//tongxin//schedule//ZH
  std::string dtstamp;  // UTC form YYYYMMDDTHHMMSSZ, the same for every event
  std::vector<IcsEvent> events;
};

// Writes the calendar.
void write_ics(std::ostream& out, const IcsCalendar& calendar);

// One content line folded (RFC 5545 §3.1): no physical line longer than 75 octets; each
// continuation starts with a space (which counts towards its 75); a UTF-8 character is never
// split. Every physical line ends in CRLF.
std::string fold_line(std::string_view line);

// A TEXT value escaped (§3.3.11): backslash, comma, semicolon; newlines as \n.
std::string escape_text(std::string_view text);

// An ISO 8601 timestamp with an offset ("2026-11-21T09:00:00+0800", "+08:00" or "Z") in the UTC
// form YYYYMMDDTHHMMSSZ; std::nullopt when it does not parse.
std::optional<std::string> utc_stamp(std::string_view iso);

// YYYYMMDD.
std::string ics_date(Date date);

}  // namespace tongxin::schedule
