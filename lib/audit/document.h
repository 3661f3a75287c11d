// The audit document (schemas/json/audit.schema.json): every result of a run as one JSON value,
// with the words people read in the current language. `audit --format json` writes it; the
// text, Markdown, HTML, JUnit, CSV and XLSX renderers read it, so they agree.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "audit/evaluate.h"
#include "audit/records.h"
#include "audit/standard.h"

namespace tongxin::audit {

// Builds the document. `previous` holds the last recorded result per community (empty when
// nothing was recorded); communities without one get comparison null.
nlohmann::ordered_json audit_document(const Standard& standard, Date as_of, const Period& period,
                                      const std::vector<CommunityResult>& results,
                                      const std::map<std::string, RecordedResult>& previous);

// The text report: for one community its items by group with status, points and evidence, then
// the 整改清单, waivers and the comparison; for several, each community's summary line, the
// county/street table and the township roll-up. Aligned by display width; bold headings when
// `color`.
void write_audit_text(std::ostream& out, const nlohmann::ordered_json& document, bool color);

// The history table (audit history): run, date, as-of, community, score, percent, stars,
// verdict.
void write_history_text(std::ostream& out, const std::vector<RecordedResult>& rows, bool color);

}  // namespace tongxin::audit
