// Waivers (豁免, waivers.yaml in the workspace) and manual results (人工评定,
// audits/<period>/manual.yaml): the two files people write beside a standard. Both are read
// strictly against the standard and the workspace (exit 5, every problem at once).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/standard.h"
#include "core/date.h"

namespace tongxin::audit {

struct Waiver {
  std::string item;
  std::string community;
  std::string justification;  // required
  std::string approved_by;
  std::optional<Date> expires;  // last day it applies; none = no end

  // Whether it still applies on `as_of`.
  bool applies_on(Date as_of) const { return !expires || as_of <= *expires; }
};

struct ManualResult {
  std::string item;
  std::string community;
  double score = 0;
  std::string assessed_by;
  std::optional<Date> date;
  std::string note;
};

// Parses waivers.yaml: a `waivers:` list. Every item must be in `standard`, every community in
// `communities`; justification is required. Throws tongxin::Error (exit 5) listing every problem.
std::vector<Waiver> parse_waivers(const std::string& file, const std::string& text,
                                  const Standard& standard,
                                  const std::set<std::string>& communities);

// Parses a manual results file: a `results:` list. Every item must be a manual item of
// `standard` and the score at most its points; one result per item and community. Throws
// tongxin::Error (exit 5) listing every problem.
std::vector<ManualResult> parse_manual_results(const std::string& file, const std::string& text,
                                               const Standard& standard,
                                               const std::set<std::string>& communities);

}  // namespace tongxin::audit
