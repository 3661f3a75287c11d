// How schedule results look: tables (terminal, CSV, TSV), JSON documents and the iCalendar feed.
// Labels and titles are in the current language (i18n); codes, ids and dates are not.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "output/table.h"
#include "schedule/agenda.h"
#include "schedule/festivals.h"
#include "schedule/ics.h"
#include "schedule/phases.h"

namespace tongxin::schedule {

// Columns date, [weekday,] code, name (the festival's name in the current language). CSV and
// JSON leave out the weekday: their columns are exactly date, code, name.
output::Table festivals_table(const std::vector<FestivalDate>& dates, bool with_weekday);

// Columns due, window_start, window_end, duty, title, community, status, detail. `labels`: the
// terminal form (status in words); otherwise status codes. detail is "count/required", or for
// per-member duties the number of members outstanding (never names).
output::Table agenda_table(const std::vector<AgendaRow>& rows, bool labels);

// An array of objects: due, window_start, window_end, duty, title, scope, community,
// community_name, status, count, required, per_member, members_outstanding (member ids).
void write_agenda_json(std::ostream& out, const std::vector<AgendaRow>& rows);

// One all-day event per row on its due date. UID <duty>-<unit id>-<window start>@tongxin;
// SUMMARY "<title>（<unit name>）"; DESCRIPTION status, progress and window. `dtstamp` is the UTC
// form of "now" (ics.h utc_stamp).
IcsCalendar agenda_calendar(const std::vector<AgendaRow>& rows, const std::string& dtstamp);

// Columns phase, start, end, community, deliverable, title, met, status; one row per deliverable
// per community (one row with empty deliverable columns for a phase without deliverables).
output::Table phases_table(const std::vector<PhaseRow>& rows, bool labels);

// The same rows as JSON objects, with met as a boolean (null without a deliverable).
void write_phases_json(std::ostream& out, const std::vector<PhaseRow>& rows);

}  // namespace tongxin::schedule
