#include "report/run.h"

#include <set>

#include "core/error.h"
#include "i18n/i18n.h"
#include "report/plan_facts.h"

namespace tongxin::report {

namespace {

std::vector<std::string> ids_of(const Scope& scope) {
  std::vector<std::string> ids;
  for (const config::Community* c : scope.communities) {
    ids.push_back(c->id);
  }
  return ids;
}

}  // namespace

void build_reports(const config::Workspace& workspace, SQLite::Database& db, const PlanInput* plan,
                   const std::vector<Scope>& scopes, const ReportRequest& request,
                   const EmitDocument& emit) {
  const Period& period = request.period;
  std::vector<std::string> sensitive;
  for (const auto& [field, setting] : workspace.config.privacy.sensitive_fields) {
    sensitive.push_back(field);
  }
  const Figures current =
      load_figures(db, period.range(), as_of_date(period, request.today), sensitive);
  const Period previous_period = period.previous();
  const Figures previous =
      load_figures(db, previous_period.range(), previous_period.to(), sensitive);
  const Period year_ago_period = period.year_earlier();
  const Figures year_ago =
      load_figures(db, year_ago_period.range(), year_ago_period.to(), sensitive);
  const auto titled = load_titled(db, period.range(), k_notable_limit);
  const std::vector<PlanFacts> facts =
      plan ? plan_facts(plan->plan, workspace, plan->store, scopes, period, request.today)
           : std::vector<PlanFacts>(scopes.size());
  for (size_t i = 0; i < scopes.size(); ++i) {
    const auto [notable, total] = notable_of(titled, ids_of(scopes[i]), k_notable_limit);
    const DocumentInputs in{workspace,
                            scopes[i],
                            request.report,
                            period,
                            request.today,
                            {current, previous, year_ago},
                            notable,
                            total,
                            facts[i],
                            request.generated_at,
                            request.tool_version,
                            request.language,
                            request.audit ? &*request.audit : nullptr};
    emit(build_document(in));
  }
}

std::vector<Scope> select_scopes(const config::Workspace& workspace,
                                 const std::vector<std::string>& communities,
                                 const std::string& township, bool all) {
  if (all) {
    return all_scopes(workspace);
  }
  if (!township.empty()) {
    std::set<std::string> known;
    for (const config::Community& c : workspace.communities) {
      known.insert(c.township);
    }
    if (!known.contains(township)) {
      std::string list;
      for (const std::string& t : known) {
        list += (list.empty() ? "" : ", ") + t;
      }
      throw Error(ExitCode::usage, i18n::tr("report.unknown_township", township, list));
    }
    return {township_scope(workspace, township)};
  }
  if (communities.empty()) {
    return {jurisdiction_scope(workspace)};
  }
  std::vector<Scope> out;
  const std::vector<config::CommunityName> names = workspace.community_names();
  for (const std::string& reference : communities) {
    const config::Community* c = workspace.community(config::resolve_community(names, reference));
    out.push_back(community_scope(workspace, *c));
  }
  return out;
}

}  // namespace tongxin::report
