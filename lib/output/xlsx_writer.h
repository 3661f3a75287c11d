// Tables as .xlsx workbooks (libxlsxwriter), for `--format xlsx` exports. Cells are written as
// text so Excel cannot mangle ID numbers, phones or leading zeros; only numeric columns hold
// numbers. The workbook is written through AtomicFile: mode 0600, whole or not at all.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "output/atomic_file.h"
#include "output/table.h"

namespace tongxin::output {

// Writes `table` as a one-sheet workbook at `path`, replacing any file there:
// - a bold header row of the column labels (the keys when `use_keys`), frozen;
// - every cell as a string, except in columns marked `numeric` a cell that parses whole as a
//   finite number, which is written as a number;
// - string cells starting with = + - @ (or tab/CR) neutralised by guard_formula(), unless the
//   cell is a plain number;
// - columns sized to their widest cell (xlsx_column_widths).
// The sheet is named `sheet_name` made valid for Excel (see xlsx_sheet_name).
// libxlsxwriter writes AtomicFile's temporary file by name; `path` is replaced only when the
// whole workbook was written, fsync'ed and closed, and is left as it was on any failure.
// Throws tongxin::Error naming `path`: exit 2 when the file cannot be written (see AtomicFile)
// or the table has more rows than a sheet holds (1,048,575 under the header); exit 3 when a cell
// is not valid UTF-8 or longer than Excel's 32,767 characters.
void write_xlsx(const std::string& path, const Table& table, const std::string& sheet_name,
                bool use_keys, const FileCalls& calls = {});
// The same from rows read one at a time; returns the number of rows written. Every workbook is
// written in libxlsxwriter's constant_memory mode (each row goes to a temporary file as the next
// starts, strings inline), so a million rows cost one row of memory. Too many rows is found
// when the row past the limit comes (the message counts them all); nothing is left at `path`.
size_t write_xlsx(const std::string& path, RowSource& rows, const std::string& sheet_name,
                  bool use_keys, const FileCalls& calls = {});

// One table on a sheet, under a bold title row when `title` is not empty.
struct SheetPart {
  std::string title;
  Table table;
};

// One sheet: its parts one under another, a blank row between them.
struct Sheet {
  std::string name;
  std::vector<SheetPart> parts;
};

// Writes `sheets` as one workbook at `path`, through AtomicFile and each cell as write_xlsx
// does; a sheet of one untitled part has its header row frozen. Sheet names are made valid
// (xlsx_sheet_name) and unique (" (2)", " (3)" appended). `created` dates the document
// properties: a fixed date makes the same sheets give the same bytes; 0 is the current time.
// Throws as write_xlsx; a workbook with no sheets is refused (exit 2).
void write_xlsx_workbook(const std::string& path, const std::vector<Sheet>& sheets, bool use_keys,
                         std::time_t created, const FileCalls& calls = {});

// Column widths in Excel character units: the widest of the header and the cells in display
// columns (CJK counts 2, text::display_width), plus 2 for padding, between 6 and 60.
std::vector<double> xlsx_column_widths(const Table& table, bool use_keys);

// `name` as a valid Excel sheet name: each of [ ] : * ? / \ becomes '_', leading and trailing
// apostrophes are dropped, it is cut to 31 characters, and an empty result becomes "Sheet1".
std::string xlsx_sheet_name(const std::string& name);

}  // namespace tongxin::output
