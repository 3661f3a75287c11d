// The work summary (工作总结) as a document: one scope (community, township, jurisdiction) and
// one period, built by a pure function from per-community figures of the period, the previous
// period (环比) and the same period a year earlier (同比). Its shape is
// schemas/json/report.schema.json; every format is rendered from it, and `report rollup` reads it
// back. No names, ID numbers, phones or addresses: the inputs hold none.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "config/workspace.h"
#include "core/period.h"
#include "report/records.h"

namespace tongxin::report {

struct Scope {
  std::string level;     // community, township, jurisdiction
  std::string id;        // community id, township name, jurisdiction code (or name)
  std::string name;      // for people
  std::string township;  // a community's township; "" otherwise
  std::vector<const config::Community*> communities;  // id order
};

// Every scope `--all` covers: each community, each township, the jurisdiction.
std::vector<Scope> all_scopes(const config::Workspace& workspace);
Scope community_scope(const config::Workspace& workspace, const config::Community& c);
Scope township_scope(const config::Workspace& workspace, const std::string& township);
Scope jurisdiction_scope(const config::Workspace& workspace);

// A duty's occurrences due in a period, summed over the units of a scope.
struct DutyCount {
  long due = 0;
  long done = 0;
  long overdue = 0;
  long open = 0;
};

struct DutyInfo {
  std::string id;
  std::string title;
  std::string type;
  std::string scope;  // community, township, county
};

struct NextDuty {
  std::string id;
  std::string title;
  std::string type;
  Date due;
  long units = 0;
};

struct PhaseInfo {
  std::string code;
  std::string title;
  Date start;
  Date end;
  std::string status;  // done, current, upcoming
  struct Deliverable {
    std::string id;
    std::string title;
    long met = 0;
    long of = 0;
  };
  std::vector<Deliverable> deliverables;
};

// What the plan says about the scope (empty when the workspace has no plan).
struct PlanFacts {
  bool present = false;
  std::string id;
  std::string title;
  std::vector<DutyInfo> duties;                                  // plan order
  std::map<std::string, DutyCount> current, previous, year_ago;  // by duty id
  std::vector<PhaseInfo> phases;
  std::vector<NextDuty> next;
  std::vector<std::pair<std::string, Date>> festivals;  // code, date in the next period
};

struct Figures3 {
  const Figures& current;
  const Figures& previous;
  const Figures& year_ago;
};

// An audit result as the report shows it (验收), built by the caller from tongxin audit's
// evaluation so lib/report does not depend on lib/audit.
struct AuditedItem {
  std::string group;  // group code
  std::string item;   // item code
  std::string title;
  bool required = false;
  std::string remediation;  // "" = none
};
struct AuditedCommunity {
  std::string id;
  std::string name;
  double score = 0;
  double max_score = 0;
  std::optional<int> stars;  // none without star bands
  std::string verdict;       // pass | fail | pending
  std::string verdict_label;
  std::vector<AuditedItem> failed;
};
struct AuditInput {
  std::string standard_id;
  std::string standard_title;
  Date as_of;
  std::vector<AuditedCommunity> communities;  // every community assessed, workspace order
  // Labels of the verdicts in the document's language (pass, fail, pending).
  std::map<std::string, std::string> verdict_labels;
};

struct DocumentInputs {
  const config::Workspace& workspace;
  const Scope& scope;
  std::string report;  // monthly, quarterly, half_year, annual
  Period period;
  Date today;
  Figures3 figures;
  std::vector<NotableActivity> notable;
  long notable_total = 0;
  const PlanFacts& plan;
  std::string generated_at;  // "" = none
  std::string tool_version;
  std::string language;               // zh, en
  const AuditInput* audit = nullptr;  // none without a standard
};

// The audit section of a scope: its communities' results, their mean score, lowest stars and a
// verdict that passes only when every one passes. null without an audit or a community of it.
nlohmann::ordered_json audit_section(const AuditInput* audit, const Scope& scope);

// The period after `period`, of the same shape.
Period next_period(const Period& period);
// The day figures are taken at: the period's end, or today when it has not ended.
Date as_of_date(const Period& period, Date today);

// Builds the document (keys in schema order) and sets its sha256.
nlohmann::ordered_json build_document(const DocumentInputs& in);

// SHA-256 of the document's compact JSON without its sha256 member.
std::string content_sha256(const nlohmann::ordered_json& document);

}  // namespace tongxin::report
