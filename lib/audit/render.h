// The document formats of `tongxin audit`: Markdown, HTML, JUnit XML, CSV and XLSX, each rendered
// from the audit document (schemas/json/audit.schema.json, built by audit_document in
// document.h) and from nothing else, so every format says exactly what `--format json` says.
// Titles, labels, evidence and remediation come in the document's language (its `language` and
// `labels`); codes (community ids, item codes, statuses) stay as the document writes them.
//
// Parts: every renderer writes each entry of `communities` in order; the Markdown and HTML
// renderers add the county/street summary and the township roll-up when `summary.rows` has more
// than one row. The documents are assumed valid against the schema: a missing key throws
// nlohmann::json's exceptions (a bug, not bad input).
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

#include "output/table.h"

namespace tongxin::audit {

// Markdown: per community a heading, the facts (township, county, members, standard, period,
// as-of), one table per group (item, required, status, points earned and possible, evidence),
// the totals (points, percent, pass mark, stars, verdict and its reasons), the 整改清单, the
// waivers and the comparison with the last recorded run; then, for several communities, the
// summary table and the township roll-up. Table cells escape | and line breaks.
void write_audit_md(std::ostream& out, const nlohmann::ordered_json& doc);
// Only the summary table and the township roll-up (the summary file of `--out DIR`).
void write_audit_md_summary(std::ostream& out, const nlohmann::ordered_json& doc);

// HTML: one self-contained page (inline CSS, no scripts, nothing fetched) meant for printing on
// A4. Each community is one printed page: the 验收评分表 (items by group with points, status and
// evidence), the totals with stars and verdict, the 整改清单, waivers, the comparison and a
// signature block for the inspection team (members, signature, date). For several communities a
// last page holds the summary table and the township roll-up. Pages break with print CSS.
void write_audit_html(std::ostream& out, const nlohmann::ordered_json& doc);
// Only the summary page, as a whole HTML document (the summary file of `--out DIR`).
void write_audit_html_summary(std::ostream& out, const nlohmann::ordered_json& doc);

// JUnit XML, valid against the Jenkins/Ant junit-10.xsd (tests/schema/junit.xsd): a <testsuites>
// named after the standard id, a <testsuite> per community (name = community id, its name,
// township, totals, stars and verdict as properties), a <testcase> per item (classname
// "<community id>.<group code>", name = item code, so dashboards keep a history across
// languages). A failed item has a <failure> (type = check kind) whose message is the title and
// the evidence and whose text adds the remediation; waived, not applicable and not assessed items
// are <skipped> with the status and why. Every testcase's <system-out> is its title and evidence.
void write_audit_junit(std::ostream& out, const nlohmann::ordered_json& doc);

// The row-per-community×item table behind CSV and XLSX. With `with_codes` (CSV, for machines)
// the columns are keyed in snake_case and hold codes beside the labels: community_id, community,
// township, group, group_title, item, item_title, check, check_label, required (true/false),
// status, status_label, points_earned, points_possible, evidence, remediation. Without (XLSX,
// for people) only the labelled columns, headed in the document's language: 社区, 乡镇（街道）,
// 考核维度, 考核项目, 检查方式, 必备项 (✓), 结果, 得分, 满分, 依据, 整改要求. The points columns
// are numeric; no cell is guarded here.
output::Table audit_item_table(const nlohmann::ordered_json& doc, bool with_codes);

// CSV (RFC 4180, CRLF) of audit_item_table(doc, true), header row of the keys; text cells that a
// spreadsheet would evaluate (starting with = + - @) get a leading apostrophe, numbers never do.
// With `utf8_bom` (a file for Excel) it starts with a UTF-8 byte-order mark.
void write_audit_csv(std::ostream& out, const nlohmann::ordered_json& doc, bool utf8_bom = false);

// XLSX of audit_item_table(doc, false) at `path` (output::write_xlsx: 0600, text cells guarded,
// numbers as numbers, header frozen), one sheet named after the report title.
// Throws tongxin::Error as output::write_xlsx does.
void write_audit_xlsx(const std::string& path, const nlohmann::ordered_json& doc);

}  // namespace tongxin::audit
