// The machine formats of the work summary, from its document (document.h): JSON (the document
// itself, two-space indented, keys in schema order, so the same data give the same bytes) and a
// tidy long CSV, one row per figure. The md, html, docx and xlsx formats live in render_*.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>

namespace tongxin::report {

void write_report_json(std::ostream& out, const nlohmann::ordered_json& document);

// Columns scope, period, section, key, label, value, previous, year_ago; value and the
// comparisons as displayed ("<5" and "*" for suppressed cells, "" when there is nothing to
// compare with). `bom` starts the file with a UTF-8 byte-order mark (files, for Excel).
void write_report_csv(std::ostream& out, const nlohmann::ordered_json& document, bool bom);

}  // namespace tongxin::report
