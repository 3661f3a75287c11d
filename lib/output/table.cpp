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

void write_table(std::ostream& out, const Table& table, const RenderOptions& options) {
  std::vector<int> widths;
  for (const Column& c : table.columns) {
    widths.push_back(text::display_width(c.label));
  }
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], text::display_width(row[i]));
    }
  }
  auto write_row = [&](const std::vector<std::string>& cells, bool header) {
    std::string line;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const bool last = i + 1 == table.columns.size();
      const std::string& cell = i < cells.size() ? cells[i] : std::string();
      const bool right = table.columns[i].right_align && !header;
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
  for (const Column& c : table.columns) {
    labels.push_back(c.label);
  }
  write_row(labels, true);
  for (const auto& row : table.rows) {
    write_row(row, false);
  }
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

void write_separated(std::ostream& out, const Table& table, const RenderOptions& options,
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
  for (const Column& c : table.columns) {
    keys.push_back(c.key);
  }
  write_row(keys);
  for (const auto& row : table.rows) {
    write_row(row);
  }
}

nlohmann::ordered_json json_cell(const Column& column, const std::string& cell) {
  if (column.numeric && !cell.empty()) {
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

void write_csv(std::ostream& out, const Table& table, const RenderOptions& options) {
  write_separated(out, table, options, ',');
}

void write_tsv(std::ostream& out, const Table& table, const RenderOptions& options) {
  write_separated(out, table, options, '\t');
}

void write_json(std::ostream& out, const Table& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
      object[table.columns[i].key] = json_cell(table.columns[i], row[i]);
    }
    rows.push_back(std::move(object));
  }
  out << rows.dump(2) << '\n';
}

void write(std::ostream& out, const Table& table, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      write_table(out, table, options);
      return;
    case Format::csv:
      write_csv(out, table, options);
      return;
    case Format::tsv:
      write_tsv(out, table, options);
      return;
    case Format::json:
      write_json(out, table);
      return;
  }
}

}  // namespace tongxin::output
