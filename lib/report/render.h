// The work summary's formats, all from its JSON document (document.h; the output of
// `tongxin report --format json`, schemas/json/report.schema.json), so every format carries the
// same figures. The machine formats (render.cpp): the JSON itself and a tidy long CSV. The human
// formats (render_*.cpp): the drafted summary text (工作总结) from a Mustache template, followed by
// every section's tables; as Markdown, self-contained HTML with SVG charts, Word (.docx) and XLSX.
//
// The flow: draft_summary() renders the template; build_document() reads the drafted Markdown
// back as blocks and appends each section's heading, tables and charts; the render_* functions
// write that document. Nothing here reads the store or the clock.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.h"
#include "output/table.h"

namespace tongxin::report {

// ---- Machine formats (render.cpp) ----

// The document itself, two-space indented, keys in schema order: the same data give the same
// bytes.
void write_report_json(std::ostream& out, const nlohmann::ordered_json& document);

// Columns scope, period, section, key, label, value, previous, year_ago; value and the
// comparisons as displayed ("<5" and "*" for suppressed cells, "" when there is nothing to
// compare with). `bom` starts the file with a UTF-8 byte-order mark (files, for Excel).
void write_report_csv(std::ostream& out, const nlohmann::ordered_json& document, bool bom);

// ---- Human formats ----

// The embedded JSON Schema of the report document.
inline constexpr const char* k_report_schema = "schemas/json/report.schema.json";

// ---- The drafted summary text ----

struct SummaryTemplate {
  std::string file;  // where the text came from, named in errors (a path or the built-in name)
  std::string text;  // Mustache source producing Markdown
};

// The built-in template for `lang`: schemas/templates/report.<lang>.md.mustache, compiled in.
SummaryTemplate builtin_template(i18n::Lang lang);

// Reads a template file; throws tongxin::Error (exit 2) naming it when it cannot be read.
SummaryTemplate read_template(const std::filesystem::path& file);

// The template a report uses: `template_file` (--template) when given; else the workspace's
// templates/report-<kind>.md.mustache, then templates/report-default.md.mustache; else the
// built-in one for `lang`. `kind` is monthly, quarterly, half-year, annual or rollup;
// `workspace_root` may be empty (no workspace).
SummaryTemplate choose_template(const std::optional<std::filesystem::path>& template_file,
                                const std::filesystem::path& workspace_root,
                                const std::string& kind, i18n::Lang lang);

// What a template sees: the report document as it is, plus `draft`, figures and sentences
// already put together in the document's language (see render_model.cpp and
// tongxin-report(1)). Numbers reach the template as text ("800", "0.75"), null as false.
nlohmann::ordered_json template_model(const nlohmann::ordered_json& report);

// Checks every tag of `tmpl` against the data model (the report schema and `model`), as
// kainjow resolves names (inner sections first, dotted names). Throws tongxin::Error (exit 5)
// listing every unknown name, unclosed or unmatched section and partial as
// file:line:column with the line and a caret.
void check_template(const SummaryTemplate& tmpl, const nlohmann::ordered_json& model);

// The drafted summary (Markdown): `tmpl` checked, then rendered over template_model(report).
// Values are inserted as they are (no HTML escaping). Throws as check_template.
std::string draft_summary(const nlohmann::ordered_json& report, const SummaryTemplate& tmpl);

// ---- The document every format renders ----

// One bar of a chart. A suppressed count has no value: `shown` ("<5") is written, no bar drawn.
struct ChartBar {
  std::string label;
  std::optional<double> value;
  std::string shown;
};

struct Chart {
  std::string title;
  std::vector<ChartBar> bars;
  bool columns = false;  // vertical columns along a time axis, else horizontal bars
};

struct Block {
  enum class Kind { heading, paragraph, bullets, numbered, table, chart };
  Kind kind = Kind::paragraph;
  int level = 0;                   // heading: 1 to 6 (Markdown's # count)
  std::vector<std::string> items;  // heading and paragraph: one text; lists: one per item
  output::Table table;             // table: columns (labels) and cells as shown
  Chart chart;                     // chart
};

Block heading_block(int level, std::string text);

struct Document {
  std::string title;                  // the report's title (document properties, HTML <title>)
  std::string language;               // "zh" or "en": the HTML lang attribute
  std::string date;                   // the period's last day, YYYY-MM-DD: dates the workbook
  std::string drafted;                // the drafted summary, Markdown
  std::vector<Block> drafted_blocks;  // the same, read back as blocks
  std::vector<Block> sections;        // each section: a level-2 heading, its tables and charts
};

// The document of `report` with `drafted` as its text: the section tables and charts come
// from the JSON alone (labels in the document's language; suppressed counts as "<5").
Document build_document(const nlohmann::ordered_json& report, const std::string& drafted);

// Markdown subset of the templates read back: # headings, paragraphs (lines joined without a
// space between Chinese characters), - / * / 1. lists, pipe tables; everything else is text.
std::vector<Block> parse_markdown(std::string_view markdown);

// Inline runs of one line of text: **bold** or plain.
struct Span {
  std::string text;
  bool bold = false;
};
std::vector<Span> parse_spans(std::string_view text);

// ---- Formats ----

// The drafted text, then every section as Markdown headings and pipe tables (charts are
// tables already there, so Markdown has none).
std::string render_markdown(const Document& document);

// One self-contained HTML page: inline CSS (A4 print rules) and inline SVG charts; no script,
// no link to anything outside the file.
std::string render_html(const Document& document);

// An inline SVG bar chart (horizontal bars, or columns when chart.columns).
std::string render_svg_chart(const Chart& chart);

// A .docx (Office Open XML) package of `blocks` in memory: # as Title, ## to #### as Heading 1
// to 3, lists numbered per list, tables with a repeated header row; A4 pages. The same blocks
// give the same bytes. Throws std::runtime_error when libzip fails (a bug, not bad input).
std::string render_docx(const std::vector<Block>& blocks, const std::string& title);

// The document as a .docx: the drafted text then the sections.
std::string render_docx(const Document& document);

// The document as an .xlsx workbook at `path`: one sheet per section (its tables one under
// another, each under its title), Chinese headers in Chinese reports, counts as numbers, text
// guarded against formulas; the workbook dated by the report's period end, so the same report
// gives the same bytes. Throws as output::write_xlsx_workbook.
void write_xlsx(const std::string& path, const Document& document);

// ---- Writing a format ----

// True for the formats rendered here: md, html, docx, xlsx (csv and json are the report's own).
bool is_rendered_format(std::string_view format);

// Renders `report` as `format` (is_rendered_format) with `tmpl` for the drafted text, the labels
// in the current language, and writes it to `out_path` through output::AtomicFile (whole or not
// at all, 0600), or to `out` when `out_path` is empty (md and html only: docx and xlsx need a
// file, else tongxin::Error exit 2). Throws as draft_summary and AtomicFile.
void write_rendered(const nlohmann::ordered_json& report, std::string_view format,
                    const SummaryTemplate& tmpl, const std::filesystem::path& out_path,
                    std::ostream& out);

}  // namespace tongxin::report
