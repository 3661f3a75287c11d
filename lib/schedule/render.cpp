#include "schedule/render.h"

#include <nlohmann/json.hpp>

#include "config/codes.h"
#include "i18n/i18n.h"

namespace tongxin::schedule {

namespace {

std::string festival_name(const std::string& code) {
  const config::CodeEntry* entry = config::code_table("festivals").by_code(code);
  return entry == nullptr ? code : entry->label();
}

std::string_view scope_code(Scope scope) {
  switch (scope) {
    case Scope::community:
      return "community";
    case Scope::township:
      return "township";
    case Scope::county:
      return "county";
  }
  return "community";
}

std::string status_text(Status status, bool labels) {
  const std::string code(status_code(status));
  return labels ? i18n::tr("schedule.status." + code) : code;
}

std::string detail(const AgendaRow& row) {
  if (row.per_member && !row.members_outstanding.empty()) {
    return i18n::tr("schedule.detail.outstanding", row.members_outstanding.size(), row.count,
                    row.required);
  }
  return fmt::format("{}/{}", row.count, row.required);
}

std::string met_text(bool met, bool labels) {
  if (labels) {
    return i18n::tr(met ? "schedule.met.yes" : "schedule.met.no");
  }
  return met ? "true" : "false";
}

std::string phase_status_text(PhaseStatus status, bool labels) {
  const std::string code(phase_status_code(status));
  return labels ? i18n::tr("schedule.phase_status." + code) : code;
}

}  // namespace

output::Table festivals_table(const std::vector<FestivalDate>& dates, bool with_weekday) {
  output::Table table;
  table.columns.push_back({"date", i18n::tr("schedule.col.date")});
  if (with_weekday) {
    table.columns.push_back({"weekday", i18n::tr("schedule.col.weekday")});
  }
  table.columns.push_back({"code", i18n::tr("schedule.col.code")});
  table.columns.push_back({"name", i18n::tr("schedule.col.name")});
  for (const FestivalDate& f : dates) {
    std::vector<std::string> row = {f.date.iso()};
    if (with_weekday) {
      row.push_back(i18n::tr("schedule.weekday." + std::to_string(f.date.weekday())));
    }
    row.push_back(f.code);
    row.push_back(festival_name(f.code));
    table.rows.push_back(std::move(row));
  }
  return table;
}

output::Table agenda_table(const std::vector<AgendaRow>& rows, bool labels) {
  output::Table table;
  table.columns = {{"due", i18n::tr("schedule.col.due")},
                   {"window_start", i18n::tr("schedule.col.window_start")},
                   {"window_end", i18n::tr("schedule.col.window_end")},
                   {"duty", i18n::tr("schedule.col.duty")},
                   {"title", i18n::tr("schedule.col.title")},
                   {"community", i18n::tr("schedule.col.community")},
                   {"status", i18n::tr("schedule.col.status")},
                   {"detail", i18n::tr("schedule.col.detail"), true}};
  for (const AgendaRow& r : rows) {
    table.rows.push_back({r.window.due.iso(), r.window.start.iso(), r.window.end.iso(), r.duty->id,
                          r.duty->title.label(), labels ? r.unit.name : r.unit.id,
                          status_text(r.status, labels), detail(r)});
  }
  return table;
}

void write_agenda_json(std::ostream& out, const std::vector<AgendaRow>& rows) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::array();
  for (const AgendaRow& r : rows) {
    nlohmann::ordered_json o;
    o["due"] = r.window.due.iso();
    o["window_start"] = r.window.start.iso();
    o["window_end"] = r.window.end.iso();
    o["duty"] = r.duty->id;
    o["title"] = r.duty->title.label();
    o["scope"] = scope_code(r.unit.scope);
    o["community"] = r.unit.id;
    o["community_name"] = r.unit.name;
    o["status"] = status_code(r.status);
    o["count"] = r.count;
    o["required"] = r.required;
    o["per_member"] = r.per_member;
    o["members_outstanding"] = r.members_outstanding;
    doc.push_back(std::move(o));
  }
  out << doc.dump(2) << '\n';
}

IcsCalendar agenda_calendar(const std::vector<AgendaRow>& rows, const std::string& dtstamp) {
  IcsCalendar calendar;
  calendar.prodid =
      i18n::language() == i18n::Lang::zh ? "-//tongxin//schedule//ZH" : "-//tongxin//schedule//EN";
  calendar.dtstamp = dtstamp;
  for (const AgendaRow& r : rows) {
    IcsEvent event;
    event.uid = fmt::format("{}-{}-{}@tongxin", r.duty->id, r.unit.id, ics_date(r.window.start));
    event.start = r.window.due;
    event.end = r.window.due.plus_days(1);
    event.summary = i18n::tr("schedule.ics.summary", r.duty->title.label(), r.unit.name);
    event.description = i18n::tr("schedule.ics.description", status_text(r.status, true), detail(r),
                                 r.window.start.iso(), r.window.end.iso());
    calendar.events.push_back(std::move(event));
  }
  return calendar;
}

output::Table phases_table(const std::vector<PhaseRow>& rows, bool labels) {
  output::Table table;
  table.columns = {{"phase", i18n::tr("schedule.col.phase")},
                   {"start", i18n::tr("schedule.col.start")},
                   {"end", i18n::tr("schedule.col.end")},
                   {"community", i18n::tr("schedule.col.community")},
                   {"deliverable", i18n::tr("schedule.col.deliverable")},
                   {"title", i18n::tr("schedule.col.title")},
                   {"met", i18n::tr("schedule.col.met")},
                   {"status", i18n::tr("schedule.col.phase_status")}};
  for (const PhaseRow& r : rows) {
    const Phase& p = *r.phase;
    const std::string status = phase_status_text(r.status, labels);
    const std::string& community = labels ? r.community->name : r.community->id;
    if (p.deliverables.empty()) {
      table.rows.push_back({p.code, p.start.iso(), p.end.iso(), community, "", "", "", status});
    }
    for (size_t i = 0; i < p.deliverables.size(); ++i) {
      table.rows.push_back({p.code, p.start.iso(), p.end.iso(), community, p.deliverables[i].id,
                            p.deliverables[i].title.label(), met_text(r.met[i], labels), status});
    }
  }
  return table;
}

void write_phases_json(std::ostream& out, const std::vector<PhaseRow>& rows) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::array();
  const output::Table table = phases_table(rows, false);
  for (const auto& cells : table.rows) {
    nlohmann::ordered_json o;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      o[table.columns[i].key] = cells[i];
    }
    o["met"] = cells[6].empty() ? nlohmann::ordered_json(nullptr)
                                : nlohmann::ordered_json(cells[6] == "true");
    doc.push_back(std::move(o));
  }
  out << doc.dump(2) << '\n';
}

}  // namespace tongxin::schedule
