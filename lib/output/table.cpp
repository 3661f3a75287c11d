#include "output/table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.h"
#include "text/width.h"

namespace tongxin::output {

Format parse_format(const std::string& name) {
  if (name == "table") {
    return Format::table;
  }
  if (name == "csv") {
    return Format::csv;
  }
  if (name == "tsv") {
    return Format::tsv;
  }
  if (name == "json") {
    return Format::json;
  }
  throw Error(ExitCode::usage, "unknown format '" + name + "', expected table, csv, tsv or json");
}

// Two passes over the rows: the first finds each column's widest cell (in any order), the second
// writes; so a terminal table of a million rows holds one row too. No rows: empty_note on a
// terminal, else nothing at all.
size_t write_table(std::ostream& out, RowSource& rows, const RenderOptions& options) {
  const std::vector<Column>& columns = rows.columns();
  std::vector<int> widths;
  for (const Column& c : columns) {
    widths.push_back(text::display_width(c.label));
  }
  std::vector<std::string> cells;
  bool any = false;
  for (; rows.next_unordered(cells); any = true) {
    for (size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      // A cell's display width is at most its length in bytes: no longer than the widest so far,
      // it cannot widen the column and is not measured.
      if (cells[i].size() > static_cast<size_t>(widths[i])) {
        widths[i] = std::max(widths[i], text::display_width(cells[i]));
      }
    }
  }
  if (!any) {
    if (options.terminal && !options.empty_note.empty()) {
      out << options.empty_note << '\n';
    }
    return 0;
  }
  rows.rewind();
  std::string line;
  auto write_row = [&](const std::vector<std::string>& row, bool header) {
    line.clear();
    for (size_t i = 0; i < columns.size(); ++i) {
      const bool last = i + 1 == columns.size();
      const std::string& cell = i < row.size() ? row[i] : std::string();
      const bool right = columns[i].right_align && !header;
      // The last left-aligned column is not padded: no trailing blanks.
      line += (last && !right) ? cell : text::pad(cell, widths[i], right);
      if (!last) {
        line += "  ";
      }
    }
    if (header && options.color) {
      out << "\x1b[1m" << line << "\x1b[0m\n";
    } else {
      out << line << '\n';
    }
  };
  std::vector<std::string> labels;
  for (const Column& c : columns) {
    labels.push_back(c.label);
  }
  write_row(labels, true);
  size_t count = 0;
  for (; rows.next(cells); ++count) {
    write_row(cells, false);
  }
  return count;
}

void write_table(std::ostream& out, const Table& table, const RenderOptions& options) {
  TableRows rows(table);
  write_table(out, rows, options);
}

namespace {

bool needs_quotes(std::string_view cell, char separator) {
  const char specials[] = {separator, '"', '\n', '\r'};
  return cell.find_first_of(std::string_view(specials, sizeof specials)) != std::string_view::npos;
}

}  // namespace

bool is_plain_number(std::string_view cell) {
  double value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size() &&
         std::isfinite(value);
}

bool needs_formula_guard(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos &&
         !is_plain_number(cell);
}

std::string guard_formula(const std::string& cell) {
  return needs_formula_guard(cell) ? "'" + cell : cell;
}

std::string csv_field(const std::string& cell, char separator) {
  if (!needs_quotes(cell, separator)) {
    return cell;
  }
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + '"';
}

namespace {

size_t write_separated(std::ostream& out, RowSource& rows, const RenderOptions& options,
                       char separator) {
  if (options.utf8_bom) {
    out << "\xEF\xBB\xBF";
  }
  // Cells that need neither a guard nor quotes (nearly all) are written without a copy.
  auto write_row = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) {
        out.put(separator);
      }
      const std::string& cell = cells[i];
      if (!options.verbatim && needs_formula_guard(cell)) {
        out << csv_field(guard_formula(cell), separator);
      } else if (needs_quotes(cell, separator)) {
        out << csv_field(cell, separator);
      } else {
        out << cell;
      }
    }
    out << (separator == ',' ? "\r\n" : "\n");
  };
  std::vector<std::string> keys;
  for (const Column& c : rows.columns()) {
    keys.push_back(options.label_header ? c.label : c.key);
  }
  write_row(keys);
  size_t count = 0;
  for (std::vector<std::string> cells; rows.next(cells); ++count) {
    write_row(cells);
  }
  return count;
}

// A list cell as an array: "a,b" is ["a", "b"], "" is [].
nlohmann::ordered_json json_list(const std::string& cell) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  size_t start = 0;
  while (start < cell.size()) {
    const size_t comma = std::min(cell.find(',', start), cell.size());
    items.push_back(cell.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

nlohmann::ordered_json json_cell(const Column& column, const std::string& cell) {
  if (column.json == CellType::list) {
    return json_list(cell);
  }
  if (column.json == CellType::boolean && (cell == "1" || cell == "0")) {
    return cell == "1";
  }
  if (column.json == CellType::boolean && cell.empty()) {
    return nullptr;
  }
  if ((column.numeric || column.json == CellType::number) && !cell.empty()) {
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec == std::errc() && end == cell.data() + cell.size()) {
      long whole = static_cast<long>(value);
      if (static_cast<double>(whole) == value) {
        return whole;
      }
      return value;
    }
  }
  return cell;
}

}  // namespace

bool TableRows::next(std::vector<std::string>& cells) {
  if (m_next >= m_table.rows.size()) {
    return false;
  }
  cells = m_table.rows[m_next++];
  return true;
}

void write_csv(std::ostream& out, const Table& table, const RenderOptions& options) {
  TableRows rows(table);
  write_csv(out, rows, options);
}

void write_tsv(std::ostream& out, const Table& table, const RenderOptions& options) {
  TableRows rows(table);
  write_tsv(out, rows, options);
}

void write_json(std::ostream& out, const Table& table) {
  TableRows rows(table);
  write_json(out, rows);
}

void write(std::ostream& out, const Table& table, Format format, const RenderOptions& options) {
  if (format == Format::table) {
    write_table(out, table, options);
    return;
  }
  TableRows rows(table);
  write(out, rows, format, options);
}

size_t write_csv(std::ostream& out, RowSource& rows, const RenderOptions& options) {
  return write_separated(out, rows, options, ',');
}

size_t write_tsv(std::ostream& out, RowSource& rows, const RenderOptions& options) {
  return write_separated(out, rows, options, '\t');
}

// The bytes nlohmann's dump(2) gives for an array of one object per row, written a row at a time.
size_t write_json(std::ostream& out, RowSource& rows) {
  const std::vector<Column>& columns = rows.columns();
  std::vector<std::string> members;  // `    "key": ` for each column
  for (const Column& column : columns) {
    members.push_back("    " + nlohmann::ordered_json(column.key).dump() + ": ");
  }
  size_t count = 0;
  for (std::vector<std::string> cells; rows.next(cells); ++count) {
    out << (count == 0 ? "[\n" : ",\n");
    const size_t size = std::min(columns.size(), cells.size());
    if (size == 0) {
      out << "  {}";
      continue;
    }
    out << "  {\n";
    for (size_t i = 0; i < size; ++i) {
      out << members[i] << json_cell(columns[i], cells[i]).dump() << (i + 1 < size ? ",\n" : "\n");
    }
    out << "  }";
  }
  out << (count == 0 ? "[]\n" : "\n]\n");
  return count;
}

size_t write(std::ostream& out, RowSource& rows, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return write_table(out, rows, options);
    case Format::csv:
      return write_csv(out, rows, options);
    case Format::tsv:
      return write_tsv(out, rows, options);
    case Format::json:
      return write_json(out, rows);
  }
  return 0;
}

}  // namespace tongxin::output
