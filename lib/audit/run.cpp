#include "audit/run.h"

#include <algorithm>
#include <filesystem>

#include "audit/records.h"
#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::audit {

namespace fs = std::filesystem;

namespace {

std::set<std::string> community_ids(const config::Workspace& workspace) {
  const auto ids = workspace.community_ids();
  return {ids.begin(), ids.end()};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

}  // namespace

Standard load_standard(const config::Workspace& workspace, const std::string& file,
                       const StandardContext& context) {
  const std::string name = file.empty() ? workspace.config.standard : file;
  if (name.empty()) {
    throw Error(ExitCode::config, i18n::tr("audit.no_standard", workspace.root.string()));
  }
  const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : workspace.root / name;
  return parse_standard(name, config::read_file(path), context);
}

std::vector<const config::Community*> select_communities(const config::Workspace& workspace,
                                                         const std::vector<std::string>& ids,
                                                         const std::string& township) {
  std::vector<const config::Community*> chosen;
  const std::vector<config::CommunityName> names = workspace.community_names();
  for (const std::string& reference : ids) {
    chosen.push_back(workspace.community(config::resolve_community(names, reference)));
  }
  if (ids.empty()) {
    for (const config::Community& c : workspace.communities) {
      chosen.push_back(&c);
    }
  }
  if (!township.empty()) {
    std::vector<std::string> townships;
    for (const config::Community& c : workspace.communities) {
      if (std::find(townships.begin(), townships.end(), c.township) == townships.end()) {
        townships.push_back(c.township);
      }
    }
    if (std::find(townships.begin(), townships.end(), township) == townships.end()) {
      throw Error(ExitCode::usage, i18n::tr("audit.unknown_township", township, join(townships)));
    }
    std::erase_if(chosen, [&](const config::Community* c) { return c->township != township; });
  }
  return chosen;
}

WorkspaceJudgements load_judgements(const config::Workspace& workspace, const Standard& standard,
                                    const Period& period) {
  WorkspaceJudgements judged;
  const std::set<std::string> ids = community_ids(workspace);
  if (fs::exists(workspace.root / "waivers.yaml")) {
    judged.waivers = parse_waivers(
        "waivers.yaml", config::read_file(workspace.root / "waivers.yaml"), standard, ids);
  }
  judged.manual_file = "audits/" + period.code() + "/manual.yaml";
  if (fs::exists(workspace.root / judged.manual_file)) {
    judged.manual = parse_manual_results(
        judged.manual_file, config::read_file(workspace.root / judged.manual_file), standard, ids);
  }
  return judged;
}

DateRange counted_range(const Period& period, Date as_of) {
  return {period.from(), std::min(period.to(), as_of)};
}

std::vector<CommunityResult> assess(const config::Workspace& workspace, SQLite::Database& db,
                                    const Standard& standard, const WorkspaceJudgements& judged,
                                    Date as_of, const Period& period,
                                    const DutyFiguresByCommunity& duties,
                                    const std::vector<const config::Community*>& communities) {
  const auto roster = load_roster_figures(db, standard, as_of);
  const auto activities = load_activity_figures(db, standard, counted_range(period, as_of));
  const fs::path root = workspace.root;
  const AuditInputs inputs{standard,
                           as_of,
                           period,
                           judged.waivers,
                           judged.manual,
                           judged.manual_file,
                           [root](const std::string& document) {
                             std::error_code ec;
                             return fs::is_regular_file(root / document, ec);
                           }};
  std::vector<CommunityResult> results;
  for (const config::Community* c : communities) {
    CommunityFacts facts;
    facts.community = c;
    if (const auto r = roster.find(c->id); r != roster.end()) {
      facts.roster = r->second;
    }
    if (const auto a = activities.find(c->id); a != activities.end()) {
      facts.activities = a->second;
    }
    if (const auto d = duties.find(c->id); d != duties.end()) {
      facts.duties = d->second;
    }
    results.push_back(evaluate(inputs, facts));
  }
  return results;
}

}  // namespace tongxin::audit
