// Tables as .xlsx workbooks, for `--format xlsx` exports. Cells are written as text so Excel
// cannot mangle ID numbers, phones or leading zeros; only numeric columns hold numbers. tongxin
// writes the SpreadsheetML itself (xlsx_sheet.cpp, xlsx_parts.cpp; the parts libxlsxwriter used
// to write) and streams it, deflated at a low level, into a zip (zip_stream.h) written through
// AtomicFile: mode 0600, whole or not at all, no other temporary file.
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
// - columns sized to their widest cell (xlsx_column_widths), measured over the sheet's first
//   rows only when it has more than a WidthSample (see there);
// - control characters as _xHHHH_ escapes, and text that looks like such an escape protected
//   (_x005F_xHHHH_), so that readers give every cell back as it was.
// The sheet is named `sheet_name` made valid for Excel (see xlsx_sheet_name). `path` is replaced
// only when the whole workbook was written, fsync'ed and closed, and is left as it was on any
// failure.
// Throws tongxin::Error naming `path`: exit 2 when the file cannot be written (see AtomicFile)
// or the table has more rows than a sheet holds (1,048,575 under the header), or the sheet's XML
// passes 4 GiB (no zip64); exit 3 when a cell is not valid UTF-8 or longer than Excel's 32,767
// characters.
void write_xlsx(const std::string& path, const Table& table, const std::string& sheet_name,
                bool use_keys, const FileCalls& calls = {});

// How many rows of a sheet are held to measure its column widths: the widths (<cols>) come
// before the rows in a sheet's XML. A sheet of at most `rows` rows and `bytes` of XML gets
// exact widths; a longer one gets the widths of its first rows (a register sorted by name
// shows every column's kind of value long before 10,000 rows), and its later rows go out as
// they come, unmeasured. Tests pass a small sample.
struct WidthSample {
  size_t rows = 10000;
  size_t bytes = 8 * 1024 * 1024;
};

// The same from rows read one at a time; returns the number of rows written. Rows past the
// width sample are deflated into the file as they come, so a million rows cost the sample's
// memory (a few MB), not the sheet's. Too many rows is found when the row past the limit comes
// (the message counts them all); nothing is left at `path`. A `title` that is not empty heads
// the sheet as a bold row (as offices head their registers), the header below it, not frozen.
size_t write_xlsx(const std::string& path, RowSource& rows, const std::string& sheet_name,
                  bool use_keys, const FileCalls& calls = {}, WidthSample sample = {},
                  const std::string& title = {});

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
