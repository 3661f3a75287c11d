// report rollup (逐级上报): merges the JSON work summaries that lower levels submit (report ...
// --format json) into the report of this workspace's jurisdiction or of one of its townships.
// Reading files is the only I/O (read_submissions); the checks and the merge are pure functions
// on the parsed documents.
//
// What a merged figure is: totals add up. A breakdown cell (by category, by community, by
// sensitive field) that a submission suppressed is not known, so a merged cell with such a part
// is hidden too, never estimated: it keeps the part's display ("<5") when the other parts are
// zero, else it shows "*". Then every breakdown is suppressed again at this level with
// privacy.min_cell (suppress_column), so a cell small here, or a lone hidden cell beside a shown
// total, is hidden with its complementary cell as in a direct report.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "config/workspace.h"
#include "core/period.h"

namespace tongxin::report {

struct Submission {
  std::string file;  // as named on the command line (or found in a folder), for messages
  nlohmann::ordered_json document;
};

// Reads a file's bytes; throws tongxin::Error naming it when it cannot.
using ReadFile = std::function<std::string(const std::filesystem::path&)>;

// The submissions named by FILE|DIR arguments: a folder stands for every *.json in it, in name
// order. Exit 3 for a file that is not JSON.
std::vector<Submission> read_submissions(const std::vector<std::string>& arguments,
                                         const ReadFile& read);

struct RollupRequest {
  Period period;
  std::string township;  // "" = the jurisdiction
  std::string generated_at;
  std::string tool_version;
  std::string language;  // zh, en
};

// Checks the submissions (each a tongxin report whose SHA-256 matches its content, for
// request.period, its communities inside the scope, no community or content twice, one
// standard) and merges them into one document of report.schema.json. Throws tongxin::Error exit
// 3 naming the file(s) at fault, exit 2 for an unknown township.
nlohmann::ordered_json rollup(const config::Workspace& workspace,
                              const std::vector<Submission>& submissions,
                              const RollupRequest& request);

// Internal to the rollup (rollup_merge.cpp), declared for its tests: adds the sections of
// `from` into `into` (counts summed, rows matched by code or id, lists joined).
void merge_sections(nlohmann::ordered_json& into, const nlohmann::ordered_json& from);

// Suppresses the register's breakdowns of a merged document again with `min_cell`.
void suppress_breakdowns(nlohmann::ordered_json& sections, int min_cell);

}  // namespace tongxin::report
