#include "report/plan_facts.h"

#include <algorithm>

#include "schedule/agenda.h"
#include "schedule/phases.h"

namespace tongxin::report {

namespace {

using schedule::AgendaRow;

// Whether an agenda row's unit belongs to the scope: its communities, their townships, and the
// county for the jurisdiction.
bool unit_in(const schedule::Unit& unit, const Scope& scope) {
  switch (unit.scope) {
    case schedule::Scope::community:
      return std::any_of(scope.communities.begin(), scope.communities.end(),
                         [&](const config::Community* c) { return c->id == unit.id; });
    case schedule::Scope::township:
      return scope.level != "community" &&
             std::any_of(scope.communities.begin(), scope.communities.end(),
                         [&](const config::Community* c) { return c->township == unit.id; });
    case schedule::Scope::county:
      return scope.level == "jurisdiction";
  }
  return false;
}

std::vector<AgendaRow> agenda(const schedule::Plan& plan, const config::Workspace& workspace,
                              const schedule::StoreIndexes& store, DateRange range, Date today) {
  const auto festivals = schedule::festival_days(plan, range);
  auto rows = schedule::evaluate_agenda(
      {plan, workspace, store.activities, store.members, festivals}, {range, today, "", {}});
  std::erase_if(rows, [&](const AgendaRow& r) { return !range.contains(r.window.due); });
  return rows;
}

std::map<std::string, DutyCount> tally(const std::vector<AgendaRow>& rows, const Scope& scope) {
  std::map<std::string, DutyCount> out;
  for (const AgendaRow& r : rows) {
    if (!unit_in(r.unit, scope)) {
      continue;
    }
    DutyCount& c = out[r.duty->id];
    c.due++;
    c.done += r.status == schedule::Status::done ? 1 : 0;
    c.overdue += r.status == schedule::Status::overdue ? 1 : 0;
    c.open += (r.status == schedule::Status::due || r.status == schedule::Status::upcoming) ? 1 : 0;
  }
  return out;
}

std::vector<NextDuty> next_duties(const std::vector<AgendaRow>& rows, const Scope& scope) {
  std::vector<NextDuty> out;
  for (const AgendaRow& r : rows) {
    if (!unit_in(r.unit, scope)) {
      continue;
    }
    if (!out.empty() && out.back().id == r.duty->id && out.back().due == r.window.due) {
      out.back().units++;
    } else {
      out.push_back({r.duty->id, r.duty->title.label(), r.duty->type, r.window.due, 1});
    }
  }
  return out;
}

std::string phase_status(const schedule::Phase& phase, Date as_of) {
  if (as_of > phase.end) {
    return "done";
  }
  return as_of < phase.start ? "upcoming" : "current";
}

std::vector<PhaseInfo> phases(const schedule::Plan& plan,
                              const std::vector<schedule::PhaseRow>& rows, const Scope& scope,
                              const Period& period, Date as_of) {
  std::vector<PhaseInfo> out;
  for (const schedule::Phase& ph : plan.phases) {
    if (ph.end < period.from() || period.to() < ph.start) {
      continue;
    }
    PhaseInfo info{ph.code, ph.title.label(), ph.start, ph.end, phase_status(ph, as_of), {}};
    for (size_t i = 0; i < ph.deliverables.size(); ++i) {
      PhaseInfo::Deliverable d{ph.deliverables[i].id, ph.deliverables[i].title.label(), 0,
                               static_cast<long>(scope.communities.size())};
      for (const schedule::PhaseRow& row : rows) {
        const bool mine =
            row.phase == &ph && std::find(scope.communities.begin(), scope.communities.end(),
                                          row.community) != scope.communities.end();
        d.met += mine && row.met[i] ? 1 : 0;
      }
      info.deliverables.push_back(d);
    }
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace

std::vector<PlanFacts> plan_facts(const schedule::Plan& plan, const config::Workspace& workspace,
                                  const schedule::StoreIndexes& store,
                                  const std::vector<Scope>& scopes, const Period& period,
                                  Date today) {
  const Period next = next_period(period);
  const auto current = agenda(plan, workspace, store, period.range(), today);
  const auto previous = agenda(plan, workspace, store, period.previous().range(), today);
  const auto year_ago = agenda(plan, workspace, store, period.year_earlier().range(), today);
  const auto coming = agenda(plan, workspace, store, next.range(), today);
  const Date as_of = as_of_date(period, today);
  const auto phase_rows =
      schedule::evaluate_phases(plan, workspace, store.activities, store.members, as_of);
  const auto festivals = schedule::festival_days(plan, next.range());
  std::vector<std::pair<std::string, Date>> festival_list;
  for (const auto& [code, dates] : festivals) {
    for (const Date d : dates) {
      if (next.range().contains(d)) {
        festival_list.emplace_back(code, d);
      }
    }
  }
  std::sort(festival_list.begin(), festival_list.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second, a.first) < std::tie(b.second, b.first);
  });
  std::vector<PlanFacts> out;
  for (const Scope& scope : scopes) {
    PlanFacts f;
    f.present = true;
    f.id = plan.id;
    f.title = plan.title.label();
    for (const schedule::Duty& d : plan.duties) {
      static constexpr const char* k_scopes[] = {"community", "township", "county"};
      f.duties.push_back({d.id, d.title.label(), d.type, k_scopes[static_cast<size_t>(d.scope)]});
    }
    f.current = tally(current, scope);
    f.previous = tally(previous, scope);
    f.year_ago = tally(year_ago, scope);
    f.next = next_duties(coming, scope);
    f.phases = phases(plan, phase_rows, scope, period, as_of);
    f.festivals = festival_list;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace tongxin::report
