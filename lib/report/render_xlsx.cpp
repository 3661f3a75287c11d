// The report as an XLSX workbook: the drafted text on the first sheet, one row a paragraph,
// then one sheet per section holding its tables one under another.
#include "core/date.h"
#include "output/xlsx_writer.h"
#include "report/render.h"

namespace tongxin::report {

namespace {

// The drafted text as rows of one column: headings, paragraphs, list items and table rows.
output::Table drafted_table(const Document& document) {
  output::Table table;
  table.columns.push_back({"text", document.title});
  for (const Block& block : document.drafted_blocks) {
    switch (block.kind) {
      case Block::Kind::heading:
      case Block::Kind::paragraph:
        table.rows.push_back({block.items.front()});
        break;
      case Block::Kind::bullets:
      case Block::Kind::numbered:
        for (size_t i = 0; i < block.items.size(); ++i) {
          const std::string mark =
              block.kind == Block::Kind::bullets ? "•" : std::to_string(i + 1) + ".";
          table.rows.push_back({mark + " " + block.items[i]});
        }
        break;
      case Block::Kind::table:
        for (const auto& row : block.table.rows) {
          std::string line;
          for (const std::string& cell : row) {
            line += (line.empty() ? "" : "  ") + cell;
          }
          table.rows.push_back({line});
        }
        break;
      case Block::Kind::chart:
        break;
    }
  }
  return table;
}

// Sections as sheets: a level-2 heading starts a sheet, a level-3 heading titles the next table.
std::vector<output::Sheet> section_sheets(const std::vector<Block>& sections) {
  std::vector<output::Sheet> sheets;
  std::string title;
  for (const Block& block : sections) {
    if (block.kind == Block::Kind::heading && block.level <= 2) {
      sheets.push_back({block.items.front(), {}});
      title.clear();
    } else if (block.kind == Block::Kind::heading) {
      title = block.items.front();
    } else if (block.kind == Block::Kind::table && !sheets.empty()) {
      sheets.back().parts.push_back({title, block.table});
      title.clear();
    }
  }
  std::erase_if(sheets, [](const output::Sheet& sheet) { return sheet.parts.empty(); });
  return sheets;
}

}  // namespace

void write_xlsx(const std::string& path, const Document& document) {
  std::vector<output::Sheet> sheets{
      {i18n::tr("render.summary_sheet"), {{"", drafted_table(document)}}}};
  for (output::Sheet& sheet : section_sheets(document.sections)) {
    sheets.push_back(std::move(sheet));
  }
  const std::optional<Date> date = parse_iso_date(document.date);
  // Midnight UTC of the period's last day: a fixed date, so the same report gives the same file.
  const std::time_t created = date ? static_cast<std::time_t>(date->days()) * 86400 : 0;
  output::write_xlsx_workbook(path, sheets, false, created);
}

}  // namespace tongxin::report
