#include "schedule/agenda.h"

#include <algorithm>
#include <set>

#include "config/codes.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "schedule/festivals.h"

namespace tongxin::schedule {

namespace {

Unit community_unit(const config::Community& c) {
  return {Scope::community, community_key(c.id), c.id, c.name};
}

Unit county_unit(const config::Workspace& workspace) {
  const auto& cfg = workspace.config;
  return {Scope::county, k_county_key,
          cfg.jurisdiction_code.empty() ? std::string("county") : cfg.jurisdiction_code,
          cfg.jurisdiction_name};
}

bool is_per_member(RuleKind kind) {
  return kind == RuleKind::key_contacts || kind == RuleKind::greetings;
}

bool member_applies(const Rule& rule, const MemberRecord& m) {
  if (rule.kind == RuleKind::key_contacts) {
    return m.key_contact;
  }
  return std::find(m.greetings.begin(), m.greetings.end(), rule.festival) != m.greetings.end();
}

// Per-member duties: every member the rule covers in the unit needs its visits in the window.
void evaluate_members(const AgendaInputs& in, const Duty& duty, AgendaRow& row) {
  row.per_member = true;
  const size_t needed =
      duty.rule.kind == RuleKind::key_contacts ? static_cast<size_t>(duty.rule.at_least) : 1;
  row.required = 0;
  // The register of the window's last day: a member registered or moved in later does not
  // make a past window late, and one who left since still counted then.
  for (const MemberRecord* m : in.members.in_unit(row.unit.key, row.window.end)) {
    if (!member_applies(duty.rule, *m)) {
      continue;
    }
    row.required++;
    if (in.members.visits(m->id, duty, row.window.start, row.window.end) >= needed) {
      row.count++;
    } else {
      row.members_outstanding.push_back(m->id);
    }
  }
}

AgendaRow evaluate(const AgendaInputs& in, const Duty& duty, const Unit& unit, const Window& window,
                   Date today) {
  AgendaRow row;
  row.duty = &duty;
  row.unit = unit;
  row.window = window;
  if (is_per_member(duty.rule.kind)) {
    evaluate_members(in, duty, row);
  } else {
    row.required =
        duty.rule.kind == RuleKind::at_least ? static_cast<size_t>(duty.rule.at_least) : 1;
    row.count = in.activities.count_duty(unit.key, duty, window.start, window.end);
  }
  row.status = status_of(window, row.count >= row.required, today);
  return row;
}

bool row_before(const AgendaRow& a, const AgendaRow& b) {
  return std::tie(a.window.due, a.duty->id, a.unit.id) <
         std::tie(b.window.due, b.duty->id, b.unit.id);
}

void check_range(DateRange range) {
  for (const Date d : {range.from, range.to}) {
    if (d.year < k_first_festival_year || d.year > k_last_festival_year) {
      throw Error(ExitCode::usage, i18n::tr("schedule.year_out_of_range", d.year,
                                            k_first_festival_year, k_last_festival_year));
    }
  }
}

}  // namespace

std::vector<Unit> units_for(Scope scope, const config::Workspace& workspace,
                            const std::string& community) {
  std::vector<Unit> units;
  if (scope == Scope::county) {
    units.push_back(county_unit(workspace));
    return units;
  }
  std::set<std::string> townships;
  for (const config::Community& c : workspace.communities) {
    if (!community.empty() && c.id != community) {
      continue;
    }
    if (scope == Scope::community) {
      units.push_back(community_unit(c));
    } else if (!c.township.empty() && townships.insert(c.township).second) {
      units.push_back({Scope::township, township_key(c.township), c.township, c.township});
    }
  }
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.id < b.id; });
  return units;
}

std::map<std::string, std::vector<Date>> festival_days(const Plan& plan, DateRange range) {
  check_range(range);
  std::map<std::string, std::vector<Date>> days;
  std::vector<FestivalRule> wanted;
  for (const FestivalRule& rule : festival_rules(config::code_table("festivals"))) {
    for (const Duty& duty : plan.duties) {
      if (duty.rule.festival == rule.code && days.emplace(rule.code, std::vector<Date>{}).second) {
        wanted.push_back(rule);
      }
    }
  }
  if (wanted.empty()) {
    return days;
  }
  // A year either side: festival windows reach across the range's ends.
  const int first = std::max(range.from.year - 1, k_first_festival_year);
  const int last = std::min(range.to.year + 1, k_last_festival_year);
  for (const FestivalDate& f :
       festival_dates(first, last, wanted, builtin_tables(), plan.festival_overrides)) {
    days[f.code].push_back(f.date);
  }
  return days;
}

std::vector<AgendaRow> evaluate_agenda(const AgendaInputs& in, const AgendaQuery& query) {
  static const std::vector<Date> k_no_days;
  std::vector<AgendaRow> rows;
  for (const Duty& duty : in.plan.duties) {
    const auto festival = in.festivals.find(duty.rule.festival);
    const auto& days = festival == in.festivals.end() ? k_no_days : festival->second;
    const std::vector<Unit> units = units_for(duty.scope, in.workspace, query.community);
    for (const Window& window : expand(duty.rule, query.range, days)) {
      if (!duty.active_on(window.due)) {
        continue;
      }
      for (const Unit& unit : units) {
        AgendaRow row = evaluate(in, duty, unit, window, query.today);
        if (query.statuses.empty() || std::find(query.statuses.begin(), query.statuses.end(),
                                                row.status) != query.statuses.end()) {
          rows.push_back(std::move(row));
        }
      }
    }
  }
  std::sort(rows.begin(), rows.end(), row_before);
  return rows;
}

StoreIndexes load_indexes(const Plan& plan, const config::Workspace& workspace,
                          SQLite::Database& db) {
  ActivityIndex activities(workspace, plan);
  for_each_activity(db, [&](const ActivityRecord& a) { activities.add(a); });
  activities.sort();
  return {std::move(activities),
          MemberIndex(load_member_spans(db), load_member_links(db), workspace)};
}

std::vector<AgendaRow> build_agenda(const Plan& plan, const config::Workspace& workspace,
                                    SQLite::Database& db, const AgendaQuery& query) {
  return build_agenda(plan, workspace, load_indexes(plan, workspace, db), query);
}

std::vector<AgendaRow> build_agenda(const Plan& plan, const config::Workspace& workspace,
                                    const StoreIndexes& store, const AgendaQuery& query) {
  const auto festivals = festival_days(plan, query.range);
  return evaluate_agenda({plan, workspace, store.activities, store.members, festivals}, query);
}

bool any_overdue(const std::vector<AgendaRow>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const AgendaRow& r) { return r.status == Status::overdue; });
}

}  // namespace tongxin::schedule
