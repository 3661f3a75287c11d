#include "output/xlsx_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <memory>
#include <utility>

#include "core/error.h"
#include "i18n/i18n.h"
#include "text/width.h"

namespace tongxin::output {

namespace {

constexpr double k_min_width = 6;
constexpr double k_max_width = 60;
constexpr double k_width_padding = 2;
constexpr size_t k_max_data_rows = LXW_ROW_MAX - 1;  // one row is the header
constexpr size_t k_max_sheet_name = 31;              // characters

[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  throw Error(ExitCode::usage, i18n::tr("file.cannot_write", path), {why});
}

// Holds file descriptor 2 on /dev/null while it lives: libxlsxwriter prints its own "[ERROR]"
// lines, naming the temporary file, to stderr; tongxin reports the failure once, as an Error.
class QuietStderr {
 public:
  QuietStderr() : m_saved(::dup(STDERR_FILENO)) {
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (m_saved >= 0 && null >= 0) {
      ::dup2(null, STDERR_FILENO);
    }
    if (null >= 0) {
      ::close(null);
    }
  }
  ~QuietStderr() {
    if (m_saved >= 0) {
      ::dup2(m_saved, STDERR_FILENO);
      ::close(m_saved);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int m_saved;
};

// Whether `error` (errno after a failed workbook_close) says why the file could not be written.
bool is_file_error(int error) {
  return error == ENOSPC || error == EDQUOT || error == EFBIG || error == EIO || error == EROFS ||
         error == EACCES;
}

struct WorkbookFree {
  void operator()(lxw_workbook* book) const { lxw_workbook_free(book); }
};

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
// _xHHHH_ as a character escape (libxlsxwriter uses it for control characters but does not
// protect text that happens to look like one).
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

void check(lxw_error status, const std::string& path, size_t sheet_row, const Column& column) {
  if (status == LXW_NO_ERROR) {
    return;
  }
  if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    throw Error(ExitCode::bad_input,
                path + ": " + cell_place(sheet_row, column) + ": " + i18n::tr("xlsx.too_long"));
  }
  cannot_write(path, cell_place(sheet_row, column) + ": " + lxw_strerror(status));
}

void write_string(lxw_worksheet* sheet, size_t row, size_t col, const Column& column,
                  const std::string& cell, lxw_format* format, const std::string& path) {
  if (!text::is_valid_utf8(cell)) {
    throw Error(ExitCode::bad_input,
                path + ": " + cell_place(row, column) + ": " + i18n::tr("xlsx.not_utf8"));
  }
  // Most cells are written as they are, without the two copies guarding them would take.
  const bool as_is = !needs_formula_guard(cell) && !has_escape_lookalike(cell);
  const std::string guarded = as_is ? std::string() : escape_escapes(guard_formula(cell));
  check(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               as_is ? cell.c_str() : guarded.c_str(), format),
        path, row, column);
}

void write_cell(lxw_worksheet* sheet, size_t row, size_t col, const Column& column,
                const std::string& cell, const std::string& path) {
  if (cell.empty()) {
    return;  // a blank cell needs no record
  }
  double number = 0;
  if (column.numeric && parse_number(cell, number)) {
    check(worksheet_write_number(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 number, nullptr),
          path, row, column);
    return;
  }
  write_string(sheet, row, col, column, cell, nullptr, path);
}

void write_header(lxw_worksheet* sheet, size_t row, const std::vector<Column>& columns,
                  bool use_keys, lxw_format* bold, const std::string& path) {
  for (size_t col = 0; col < columns.size(); ++col) {
    const Column& column = columns[col];
    write_string(sheet, row, col, column, use_keys ? column.key : column.label, bold, path);
  }
}

// The widest cell of each column so far, for the widths set once the sheet's rows are written.
class ColumnWidths {
 public:
  void add_header(const std::vector<Column>& columns, bool use_keys) {
    grow(columns.size());
    for (size_t col = 0; col < columns.size(); ++col) {
      const Column& column = columns[col];
      widen(col, text::display_width(use_keys ? column.key : column.label));
    }
  }
  void add_row(const std::vector<std::string>& cells, size_t columns) {
    for (size_t col = 0; col < columns && col < cells.size(); ++col) {
      const std::string& cell = cells[col];
      // A cell's display width is at most its length in bytes (plus the guard's apostrophe):
      // a cell no longer than the widest so far cannot widen the column, and is not measured.
      if (static_cast<double>(cell.size() + 1) <= m_widest[col]) {
        continue;
      }
      widen(col, text::display_width(cell) + (needs_formula_guard(cell) ? 1 : 0));
    }
  }
  // In Excel character units: plus padding, between the minimum and the maximum width.
  std::vector<double> finish() const {
    std::vector<double> widths = m_widest;
    for (double& width : widths) {
      width = std::clamp(width + k_width_padding, k_min_width, k_max_width);
    }
    return widths;
  }

 private:
  void grow(size_t columns) { m_widest.resize(std::max(m_widest.size(), columns), 0); }
  void widen(size_t col, double width) { m_widest[col] = std::max(m_widest[col], width); }
  std::vector<double> m_widest;
};

[[noreturn]] void too_many_rows(const std::string& path, size_t written, RowSource& rest) {
  size_t total = written;
  for (std::vector<std::string> cells; rest.next(cells);) {
    ++total;
  }
  cannot_write(path, i18n::tr("xlsx.too_many_rows", k_max_data_rows, total));
}

// Writes `rows` under their header from sheet row `row` on, a row at a time (the workbook is in
// constant_memory mode: libxlsxwriter flushes each row to its temporary file as the next
// starts); returns the row after the last and the number of rows written.
std::pair<size_t, size_t> write_part(lxw_worksheet* sheet, size_t row, RowSource& rows,
                                     bool use_keys, lxw_format* bold, const std::string& path,
                                     ColumnWidths& widths) {
  const std::vector<Column>& columns = rows.columns();
  write_header(sheet, row, columns, use_keys, bold, path);
  widths.add_header(columns, use_keys);
  size_t count = 0;
  for (std::vector<std::string> cells; rows.next(cells);) {
    if (row + count + 1 > k_max_data_rows) {
      too_many_rows(path, count + 1, rows);
    }
    ++count;
    for (size_t col = 0; col < columns.size() && col < cells.size(); ++col) {
      write_cell(sheet, row + count, col, columns[col], cells[col], path);
    }
    widths.add_row(cells, columns.size());
  }
  return {row + count + 1, count};
}

void set_widths(lxw_worksheet* sheet, const ColumnWidths& widths, const std::string& path) {
  const std::vector<double> finished = widths.finish();
  for (size_t col = 0; col < finished.size(); ++col) {
    const auto index = static_cast<lxw_col_t>(col);
    check(worksheet_set_column(sheet, index, index, finished[col], nullptr), path, 0, Column{});
  }
}

// One sheet: a table per part, each from its RowSource; returns the number of data rows.
size_t write_sheet(lxw_workbook* book, lxw_worksheet* sheet,
                   const std::vector<std::pair<std::string, RowSource*>>& parts, bool use_keys,
                   const std::string& path) {
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  ColumnWidths widths;
  size_t row = 0;
  size_t total = 0;
  for (const auto& [title, rows] : parts) {
    if (row > 0) {
      ++row;  // a blank row between two tables
    }
    if (!title.empty()) {
      write_string(sheet, row++, 0, Column{}, title, bold, path);
    }
    const auto [next_row, count] = write_part(sheet, row, *rows, use_keys, bold, path, widths);
    row = next_row;
    total += count;
  }
  set_widths(sheet, widths, path);
  if (parts.size() == 1 && parts.front().first.empty()) {
    worksheet_freeze_panes(sheet, 1, 0);
  }
  return total;
}

// `name` made valid and different from every name in `taken`, which it joins.
std::string unique_sheet_name(const std::string& name, std::vector<std::string>& taken) {
  const std::string base = xlsx_sheet_name(name);
  std::string candidate = base;
  for (int n = 2; std::find(taken.begin(), taken.end(), candidate) != taken.end(); ++n) {
    candidate = xlsx_sheet_name(base + " (" + std::to_string(n) + ")");
  }
  taken.push_back(candidate);
  return candidate;
}

}  // namespace

std::vector<double> xlsx_column_widths(const Table& table, bool use_keys) {
  ColumnWidths widths;
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
  // Cut after 31 characters: a UTF-8 character starts at every byte that is not 10xxxxxx.
  size_t characters = 0;
  for (size_t i = 0; i < cleaned.size(); ++i) {
    if ((static_cast<unsigned char>(cleaned[i]) & 0xC0) != 0x80 &&
        ++characters > k_max_sheet_name) {
      cleaned.resize(i);
      break;
    }
  }
  return cleaned.empty() ? "Sheet1" : cleaned;
}

void write_xlsx(const std::string& path, const Table& table, const std::string& sheet_name,
                bool use_keys, const FileCalls& calls) {
  write_xlsx_workbook(path, {Sheet{sheet_name, {SheetPart{"", table}}}}, use_keys, 0, calls);
}

namespace {

// A sheet to write: its name and its parts' titles and rows.
struct SheetRows {
  std::string name;
  std::vector<std::pair<std::string, RowSource*>> parts;
};

// Writes `sheets` through AtomicFile in libxlsxwriter's constant_memory mode; returns the
// number of data rows written.
size_t write_workbook(const std::string& path, const std::vector<SheetRows>& sheets, bool use_keys,
                      std::time_t created, const FileCalls& calls) {
  if (sheets.empty()) {
    cannot_write(path, i18n::tr("xlsx.no_sheets"));
  }
  AtomicFile file(path, calls);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::unique_ptr<lxw_workbook, WorkbookFree> book(
      workbook_new_opt(file.temp_path().c_str(), &options));
  if (!book) {
    cannot_write(path, i18n::tr("xlsx.no_workbook"));
  }
  lxw_doc_properties properties{};
  properties.created = created;
  workbook_set_properties(book.get(), &properties);
  std::vector<std::string> taken;
  size_t rows = 0;
  for (const SheetRows& sheet : sheets) {
    const std::string name = unique_sheet_name(sheet.name, taken);
    lxw_worksheet* worksheet = workbook_add_worksheet(book.get(), name.c_str());
    if (worksheet == nullptr) {
      cannot_write(path, i18n::tr("xlsx.bad_sheet_name", name));
    }
    rows += write_sheet(book.get(), worksheet, sheet.parts, use_keys, path);
  }
  // workbook_close writes the file by name and frees the workbook, whatever it returns.
  errno = 0;
  lxw_error status = LXW_NO_ERROR;
  {
    const QuietStderr quiet;
    status = workbook_close(book.release());
  }
  if (status != LXW_NO_ERROR) {
    if (is_file_error(errno)) {
      file.fail(errno);  // a full disk says so, in the user's language
    }
    cannot_write(path, lxw_strerror(status));
  }
  file.commit();
  return rows;
}

}  // namespace

size_t write_xlsx(const std::string& path, RowSource& rows, const std::string& sheet_name,
                  bool use_keys, const FileCalls& calls) {
  return write_workbook(path, {SheetRows{sheet_name, {{"", &rows}}}}, use_keys, 0, calls);
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
  write_workbook(path, rows, use_keys, created, calls);
}

}  // namespace tongxin::output
