// One audit run over a workspace: read the standard, waivers and manual results, choose the
// communities, read the figures as of the date and assess each community. cmd/audit.cpp wires
// options to these steps; duty figures come from the schedule's agenda, built in cmd.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "audit/evaluate.h"
#include "audit/standard.h"
#include "audit/waivers.h"
#include "config/workspace.h"

namespace tongxin::audit {

// Duty figures per community id, then per duty id.
using DutyFiguresByCommunity = std::map<std::string, std::map<std::string, DutyFigures>>;

// Reads the standard `file` (relative to the workspace root, or absolute), else the workspace's
// `standard:`. Throws tongxin::Error: exit 5 when there is none or it is invalid.
Standard load_standard(const config::Workspace& workspace, const std::string& file,
                       const StandardContext& context);

// The communities named (all of the workspace when none), narrowed to `township` when given, in
// workspace order. Throws tongxin::Error (exit 2) for an unknown id or township.
std::vector<const config::Community*> select_communities(const config::Workspace& workspace,
                                                         const std::vector<std::string>& ids,
                                                         const std::string& township);

// The waivers (waivers.yaml) and manual results (audits/<period code>/manual.yaml) of the
// workspace; each file may be absent. Throws tongxin::Error (exit 5) when one is invalid.
struct WorkspaceJudgements {
  std::vector<Waiver> waivers;
  std::vector<ManualResult> manual;
  std::string manual_file;  // workspace-relative
};
WorkspaceJudgements load_judgements(const config::Workspace& workspace, const Standard& standard,
                                    const Period& period);

// The dates an audit counts activities and duties in: the period, cut at the as-of date.
DateRange counted_range(const Period& period, Date as_of);

// Reads register and activity figures from `db` once and assesses every community.
std::vector<CommunityResult> assess(const config::Workspace& workspace, SQLite::Database& db,
                                    const Standard& standard, const WorkspaceJudgements& judged,
                                    Date as_of, const Period& period,
                                    const DutyFiguresByCommunity& duties,
                                    const std::vector<const config::Community*>& communities);

}  // namespace tongxin::audit
