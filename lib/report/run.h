// Builds the work summaries of several scopes for one period: the store is read once per period
// (current, previous, a year earlier), then each scope's document is built from those figures.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <optional>

#include "report/document.h"
#include "schedule/agenda.h"
#include "schedule/plan.h"

namespace tongxin::report {

struct ReportRequest {
  std::string report;  // monthly, quarterly, half_year, annual
  Period period;
  Date today;
  std::string generated_at;
  std::string tool_version;
  std::string language;
  std::optional<AuditInput> audit;  // the workspace's standard assessed at the period's as-of
};

// The work plan and the schedule's indexes of the store, loaded once by the caller, which also
// uses them for the audit's duty figures.
struct PlanInput {
  const schedule::Plan& plan;
  schedule::StoreIndexes store;  // read once by the caller, which may use it for the audit too
};

// Receives each scope's document as soon as it is built; it is gone after the call.
using EmitDocument = std::function<void(const nlohmann::ordered_json&)>;

// One document per scope, in the order given, each handed to `emit` and then dropped, so `--all`
// over a county's 2,000 communities holds one document at a time. `plan` may be null (no plan
// configured).
void build_reports(const config::Workspace& workspace, SQLite::Database& db, const PlanInput* plan,
                   const std::vector<Scope>& scopes, const ReportRequest& request,
                   const EmitDocument& emit);

// The scopes a command asks for: --all, else --township, else the --community ids (each a
// community report), else the whole jurisdiction. Exit 2 for an unknown township or community.
std::vector<Scope> select_scopes(const config::Workspace& workspace,
                                 const std::vector<std::string>& communities,
                                 const std::string& township, bool all);

}  // namespace tongxin::report
