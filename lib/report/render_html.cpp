// The report as one self-contained HTML page: the drafted text, then each section's tables and
// inline SVG charts, with print rules for A4 so a browser's "print to PDF" gives the document to
// hand up. Nothing is fetched: no script, fonts, images or style sheets from outside.
#include "output/markup.h"
#include "report/render.h"

namespace tongxin::report {

namespace {

constexpr const char* k_style = R"(
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
html { color: #000; background: #fff; }
body { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', serif;
       font-size: 12pt; line-height: 1.7; max-width: 174mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 18pt; text-align: center;
     margin: 0 0 12pt; }
h2 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 14pt; margin: 16pt 0 6pt;
     break-after: avoid; page-break-after: avoid; }
h3, h4, h5, h6 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
.drafted p { text-indent: 2em; margin: 0 0 6pt; }
.sections { break-before: page; page-break-before: always; }
table { border-collapse: collapse; margin: 6pt 0 12pt; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #444; padding: 2pt 6pt; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; }
@media print { body { max-width: none; padding: 0; } th { background: #eee !important;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)";

std::string inline_html(std::string_view text) {
  std::string out;
  for (const Span& span : parse_spans(text)) {
    out += span.bold ? "<strong>" + output::escape_markup(span.text) + "</strong>"
                     : output::escape_markup(span.text);
  }
  return out;
}

std::string table_html(const output::Table& table) {
  std::string html = "<table>\n<thead><tr>";
  for (const output::Column& column : table.columns) {
    html += "<th>" + output::escape_markup(column.label) + "</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      html += table.columns[i].right_align ? "<td class=\"num\">" : "<td>";
      html += output::escape_markup(i < row.size() ? row[i] : "") + "</td>";
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

std::string list_html(const Block& block) {
  const char* tag = block.kind == Block::Kind::bullets ? "ul" : "ol";
  std::string html = fmt::format("<{}>\n", tag);
  for (const std::string& item : block.items) {
    html += "<li>" + inline_html(item) + "</li>\n";
  }
  return html + fmt::format("</{}>\n", tag);
}

std::string block_html(const Block& block) {
  switch (block.kind) {
    case Block::Kind::heading:
      return fmt::format("<h{0}>{1}</h{0}>\n", block.level, inline_html(block.items.front()));
    case Block::Kind::paragraph:
      return "<p>" + inline_html(block.items.front()) + "</p>\n";
    case Block::Kind::bullets:
    case Block::Kind::numbered:
      return list_html(block);
    case Block::Kind::table:
      return table_html(block.table);
    case Block::Kind::chart:
      return "<figure>\n" + render_svg_chart(block.chart) + "\n</figure>\n";
  }
  return {};
}

}  // namespace

std::string render_html(const Document& document) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n"
      "<section class=\"drafted\">\n",
      document.language == "zh" ? "zh-CN" : "en", output::escape_markup(document.title), k_style);
  for (const Block& block : document.drafted_blocks) {
    html += block_html(block);
  }
  html += "</section>\n<section class=\"sections\">\n";
  for (const Block& block : document.sections) {
    html += block_html(block);
  }
  return html + "</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace tongxin::report
