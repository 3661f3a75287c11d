#include "output/xlsx_writer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>
#include <utility>

#include "core/error.h"
#include "i18n/i18n.h"
#include "output/xlsx_parts.h"
#include "output/xlsx_sheet.h"
#include "output/zip_stream.h"
#include "text/width.h"

namespace tongxin::output {

namespace {

constexpr size_t k_max_sheet_rows = 1048576;              // Excel's limit
constexpr size_t k_max_data_rows = k_max_sheet_rows - 1;  // one row is the header
constexpr size_t k_max_sheet_name = 31;                   // characters
constexpr size_t k_max_cell = 32767;                      // characters
// zlib level 1: the sheet's XML (~45 bytes around each cell) deflates 3 times faster than at
// the default 6 and the file is ~20% larger (bench/README.md "export").
constexpr int k_deflate_level = 1;

[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  throw Error(ExitCode::usage, i18n::tr("file.cannot_write", path), {why});
}

// True (and `value` set) when `cell` is a whole finite number.
bool parse_number(const std::string& cell, double& value) {
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size() &&
         std::isfinite(value);
}

// Whether `cell` holds "_xHHHH_" (four hex digits) at `i`.
bool escape_lookalike_at(const std::string& cell, size_t i) {
  return cell.compare(i, 2, "_x") == 0 && i + 7 <= cell.size() && cell[i + 6] == '_' &&
         std::all_of(cell.begin() + static_cast<long>(i) + 2,
                     cell.begin() + static_cast<long>(i) + 6,
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// `cell` with every literal "_xHHHH_" written as "_x005F_xHHHH_": spreadsheet readers decode
// _xHHHH_ as a character escape (the sheet writes control characters so, xlsx_parts.h), so text
// that happens to look like one is protected.
std::string escape_escapes(const std::string& cell) {
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (escape_lookalike_at(cell, i)) {
      out += "_x005F";
    }
    out += cell[i];
  }
  return out;
}

// Whether escape_escapes would change `cell` (most cells hold no "_x": no copy for them).
bool has_escape_lookalike(const std::string& cell) {
  for (size_t i = cell.find("_x"); i != std::string::npos; i = cell.find("_x", i + 1)) {
    if (escape_lookalike_at(cell, i)) {
      return true;
    }
  }
  return false;
}

// Where a cell sits, for error messages: its sheet row (1-based) and column, by its label (in the
// user's language) when it has one.
std::string cell_place(size_t sheet_row, const Column& column) {
  return i18n::tr("xlsx.cell", sheet_row + 1, column.label.empty() ? column.key : column.label);
}

// Characters (UTF-8 code points) in `text`: every byte that is not 10xxxxxx starts one.
size_t characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Writes a text cell as it will be read: checked (exit 3 naming the cell when not UTF-8 or too
// long), formula-guarded and its _xHHHH_ look-alikes protected.
void write_string(xlsx::SheetWriter& sheet, size_t row, size_t col, const Column& column,
                  const std::string& cell, bool bold, const std::string& path) {
  if (cell.empty()) {
    return;  // a blank cell needs no record
  }
  if (!text::is_valid_utf8(cell)) {
    throw Error(ExitCode::bad_input,
                path + ": " + cell_place(row, column) + ": " + i18n::tr("xlsx.not_utf8"));
  }
  // Most cells are written as they are, without the two copies guarding them would take.
  const bool as_is = !needs_formula_guard(cell) && !has_escape_lookalike(cell);
  const std::string guarded = as_is ? std::string() : escape_escapes(guard_formula(cell));
  const std::string& text = as_is ? cell : guarded;
  if (text.size() > k_max_cell && characters(text) > k_max_cell) {
    throw Error(ExitCode::bad_input,
                path + ": " + cell_place(row, column) + ": " + i18n::tr("xlsx.too_long"));
  }
  sheet.text(col, text, bold);
}

void write_cell(xlsx::SheetWriter& sheet, size_t row, size_t col, const Column& column,
                const std::string& cell, const std::string& path) {
  double number = 0;
  if (column.numeric && parse_number(cell, number)) {
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, number);
    sheet.number(col, std::string_view(buffer, static_cast<size_t>(written.ptr - buffer)));
    return;
  }
  write_string(sheet, row, col, column, cell, false, path);
}

void write_header(xlsx::SheetWriter& sheet, size_t row, const std::vector<Column>& columns,
                  bool use_keys, const std::string& path) {
  sheet.begin_row(row);
  for (size_t col = 0; col < columns.size(); ++col) {
    const Column& column = columns[col];
    write_string(sheet, row, col, column, use_keys ? column.key : column.label, true, path);
  }
  sheet.end_row();
}

[[noreturn]] void too_many_rows(const std::string& path, size_t written, RowSource& rest) {
  size_t total = written;
  for (std::vector<std::string> cells; rest.next(cells);) {
    ++total;
  }
  cannot_write(path, i18n::tr("xlsx.too_many_rows", k_max_data_rows, total));
}

// Writes `rows` under their header from sheet row `row` on, a row at a time; returns the row
// after the last and the number of rows written.
std::pair<size_t, size_t> write_part(xlsx::SheetWriter& sheet, size_t row, RowSource& rows,
                                     bool use_keys, const std::string& path) {
  const std::vector<Column>& columns = rows.columns();
  write_header(sheet, row, columns, use_keys, path);
  if (sheet.measuring()) {
    sheet.widths().add_header(columns, use_keys);
  }
  size_t count = 0;
  for (std::vector<std::string> cells; rows.next(cells);) {
    if (row + count + 1 > k_max_data_rows) {
      too_many_rows(path, count + 1, rows);
    }
    ++count;
    if (sheet.measuring()) {
      sheet.widths().add_row(cells, columns.size());
    }
    sheet.begin_row(row + count);
    for (size_t col = 0; col < columns.size() && col < cells.size(); ++col) {
      if (!cells[col].empty()) {
        write_cell(sheet, row + count, col, columns[col], cells[col], path);
      }
    }
    sheet.end_row();
  }
  return {row + count + 1, count};
}

// A sheet to write: its name and its parts' titles and rows.
struct SheetRows {
  std::string name;
  std::vector<std::pair<std::string, RowSource*>> parts;
};

// One sheet: a table per part, each from its RowSource; returns the number of data rows.
size_t write_sheet(xlsx::SheetWriter& sheet, const SheetRows& parts, bool use_keys,
                   const std::string& path) {
  size_t row = 0;
  size_t total = 0;
  for (const auto& [title, rows] : parts.parts) {
    if (row > 0) {
      ++row;  // a blank row between two tables
    }
    if (!title.empty()) {
      sheet.begin_row(row);
      write_string(sheet, row, 0, Column{}, title, true, path);
      sheet.end_row();
      ++row;
    }
    const auto [next_row, count] = write_part(sheet, row, *rows, use_keys, path);
    row = next_row;
    total += count;
  }
  sheet.finish();
  return total;
}

// `text` cut after `count` characters: a UTF-8 character starts at every byte not 10xxxxxx.
std::string cut_to_characters(const std::string& text, size_t count) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++seen > count) {
      return text.substr(0, i);
    }
  }
  return text;
}

// Whether two sheet names are the same to Excel, which ignores (ASCII) case.
bool same_sheet_name(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// `name` made valid and different from every name in `taken`, which it joins.
std::string unique_sheet_name(const std::string& name, std::vector<std::string>& taken) {
  const std::string base = xlsx_sheet_name(name);
  std::string candidate = base;
  const auto is_taken = [&](const std::string& name_) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const std::string& other) { return same_sheet_name(other, name_); });
  };
  for (int n = 2; is_taken(candidate); ++n) {
    // The number goes in even when the name is as long as a name can be: it replaces the end.
    const std::string suffix = " (" + std::to_string(n) + ")";
    candidate = cut_to_characters(base, k_max_sheet_name - suffix.size()) + suffix;
  }
  taken.push_back(candidate);
  return candidate;
}

}  // namespace

std::vector<double> xlsx_column_widths(const Table& table, bool use_keys) {
  xlsx::ColumnWidths widths;
  widths.add_header(table.columns, use_keys);
  for (const auto& cells : table.rows) {
    widths.add_row(cells, table.columns.size());
  }
  return widths.finish();
}

std::string xlsx_sheet_name(const std::string& name) {
  std::string cleaned;
  for (char c : name) {
    cleaned += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  }
  const size_t first = cleaned.find_first_not_of('\'');
  const size_t last = cleaned.find_last_not_of('\'');
  cleaned = first == std::string::npos ? "" : cleaned.substr(first, last - first + 1);
  cleaned = cut_to_characters(cleaned, k_max_sheet_name);
  return cleaned.empty() ? "Sheet1" : cleaned;
}

void write_xlsx(const std::string& path, const Table& table, const std::string& sheet_name,
                bool use_keys, const FileCalls& calls) {
  write_xlsx_workbook(path, {Sheet{sheet_name, {SheetPart{"", table}}}}, use_keys, 0, calls);
}

namespace {

// Writes `sheets` as a workbook through AtomicFile: the fixed parts, then each sheet as its rows
// come; returns the number of data rows written.
size_t write_workbook(const std::string& path, const std::vector<SheetRows>& sheets, bool use_keys,
                      std::time_t created, const FileCalls& calls, WidthSample sample) {
  if (sheets.empty()) {
    cannot_write(path, i18n::tr("xlsx.no_sheets"));
  }
  std::vector<std::string> names;
  for (const SheetRows& sheet : sheets) {
    unique_sheet_name(sheet.name, names);
  }
  AtomicFile file(path, calls);
  ZipStream zip(file, k_deflate_level);
  zip.add("[Content_Types].xml", xlsx::content_types(sheets.size()));
  zip.add("_rels/.rels", xlsx::package_relationships());
  zip.add("docProps/app.xml", xlsx::app_properties(names));
  zip.add("docProps/core.xml", xlsx::core_properties(created != 0 ? created : std::time(nullptr)));
  zip.add("xl/workbook.xml", xlsx::workbook(names));
  zip.add("xl/_rels/workbook.xml.rels", xlsx::workbook_relationships(sheets.size()));
  zip.add("xl/styles.xml", xlsx::styles());
  zip.add("xl/theme/theme1.xml", xlsx::theme());
  size_t rows = 0;
  for (size_t n = 0; n < sheets.size(); ++n) {
    const SheetRows& sheet = sheets[n];
    const bool frozen = sheet.parts.size() == 1 && sheet.parts.front().first.empty();
    xlsx::SheetWriter writer(zip, "xl/worksheets/sheet" + std::to_string(n + 1) + ".xml", n == 0,
                             frozen, sample);
    rows += write_sheet(writer, sheet, use_keys, path);
  }
  zip.finish();
  file.commit();
  return rows;
}

}  // namespace

size_t write_xlsx(const std::string& path, RowSource& rows, const std::string& sheet_name,
                  bool use_keys, const FileCalls& calls, WidthSample sample,
                  const std::string& title) {
  return write_workbook(path, {SheetRows{sheet_name, {{title, &rows}}}}, use_keys, 0, calls,
                        sample);
}

void write_xlsx_workbook(const std::string& path, const std::vector<Sheet>& sheets, bool use_keys,
                         std::time_t created, const FileCalls& calls) {
  // Too many rows is said before anything is written.
  for (const Sheet& sheet : sheets) {
    for (const SheetPart& part : sheet.parts) {
      if (part.table.rows.size() > k_max_data_rows) {
        cannot_write(path, i18n::tr("xlsx.too_many_rows", k_max_data_rows, part.table.rows.size()));
      }
    }
  }
  std::vector<std::unique_ptr<TableRows>> sources;
  std::vector<SheetRows> rows;
  for (const Sheet& sheet : sheets) {
    SheetRows& entry = rows.emplace_back(SheetRows{sheet.name, {}});
    for (const SheetPart& part : sheet.parts) {
      sources.push_back(std::make_unique<TableRows>(part.table));
      entry.parts.emplace_back(part.title, sources.back().get());
    }
  }
  // A table is in memory already: its sheets are measured whole, for exact widths.
  constexpr size_t k_whole = static_cast<size_t>(-1);
  write_workbook(path, rows, use_keys, created, calls, WidthSample{k_whole, k_whole});
}

}  // namespace tongxin::output
