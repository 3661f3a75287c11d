// The report as Markdown: the drafted text as the template wrote it, then every section's
// tables as pipe tables.
#include "report/render.h"

namespace tongxin::report {

namespace {

std::string escape_cell(const std::string& cell) {
  std::string out;
  for (const char c : cell) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void write_table(std::string& out, const output::Table& table) {
  std::string header = "|";
  std::string rule = "|";
  for (const output::Column& column : table.columns) {
    header += " " + escape_cell(column.label) + " |";
    rule += column.right_align ? " ---: |" : " --- |";
  }
  out += header + "\n" + rule + "\n";
  for (const auto& row : table.rows) {
    std::string line = "|";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      line += " " + escape_cell(i < row.size() ? row[i] : "") + " |";
    }
    out += line + "\n";
  }
}

void write_block(std::string& out, const Block& block) {
  switch (block.kind) {
    case Block::Kind::heading:
      out += std::string(static_cast<size_t>(block.level), '#') + " " + block.items.front() + "\n";
      break;
    case Block::Kind::paragraph:
      out += block.items.front() + "\n";
      break;
    case Block::Kind::bullets:
    case Block::Kind::numbered:
      for (size_t i = 0; i < block.items.size(); ++i) {
        out +=
            (block.kind == Block::Kind::bullets ? std::string("-") : std::to_string(i + 1) + ".") +
            " " + block.items[i] + "\n";
      }
      break;
    case Block::Kind::table:
      write_table(out, block.table);
      break;
    case Block::Kind::chart:
      return;  // its figures are in the section's table
  }
  out += "\n";
}

}  // namespace

std::string render_markdown(const Document& document) {
  std::string out = document.drafted;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  out += "\n\n";
  for (const Block& block : document.sections) {
    write_block(out, block);
  }
  while (out.size() > 1 && out.ends_with("\n\n")) {
    out.pop_back();
  }
  return out;
}

}  // namespace tongxin::report
