// Builds the work summaries of several scopes for one period: the store is read once per period
// (current, previous, a year earlier), then each scope's document is built from those figures.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

#include "report/document.h"
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

// One document per scope, in the order given. `plan` may be null (no plan configured).
std::vector<nlohmann::ordered_json> build_reports(const config::Workspace& workspace,
                                                  SQLite::Database& db, const schedule::Plan* plan,
                                                  const std::vector<Scope>& scopes,
                                                  const ReportRequest& request);

// The scopes a command asks for: --all, else --township, else the --community ids (each a
// community report), else the whole jurisdiction. Exit 2 for an unknown township or community.
std::vector<Scope> select_scopes(const config::Workspace& workspace,
                                 const std::vector<std::string>& communities,
                                 const std::string& township, bool all);

}  // namespace tongxin::report
