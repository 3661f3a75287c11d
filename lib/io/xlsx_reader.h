// Reading .xlsx workbooks (Office Open XML spreadsheets, as written by Excel, WPS, LibreOffice,
// openpyxl, ...) as rows of cell text, for imports. The zip is read with libzip and every XML part
// is streamed through expat in chunks, so a large sheet is never held as a DOM: memory is the rows
// returned plus the shared-string table.
//
// Cell text is the stored value, never a formatted one: a number is its raw stored text ("12",
// "4.4052418800101E+17" for an 18-digit ID that Excel turned into a number), a date is its serial
// number ("29221"), a boolean is "1" or "0", a formula cell is its cached result. Strings have
// their rich-text runs concatenated (phonetic guides dropped) and OOXML escapes (_x000D_) decoded;
// whitespace is kept as stored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::io {

struct XlsxCell {
  std::string text;      // the stored value, as described above; empty for an empty cell
  bool numeric = false;  // stored as a number (t absent or "n"): text is the raw stored value
};

struct XlsxRow {
  long row = 0;                 // the sheet's 1-based row number (its r attribute)
  std::vector<XlsxCell> cells;  // by column (A = 0), gaps filled with empty cells; trailing empty
                                // cells (styled but blank) are dropped
};

// The names of the workbook's sheets, in workbook order.
// Throws tongxin::Error (exit 3) naming `path` when the file cannot be read
// or is not an xlsx workbook.
std::vector<std::string> xlsx_sheet_names(const std::string& path);

// The non-empty rows of sheet `sheet` (the first sheet when empty), in file order. Rows with no
// non-empty cell are skipped.
// Throws tongxin::Error (exit 3) naming `path` when the file cannot be read,
// is not an xlsx workbook, is malformed (bad XML, a cell past column XFD, a shared string that
// does not exist), or has no sheet called `sheet` (the message lists the sheets there are).
std::vector<XlsxRow> read_xlsx(const std::string& path, const std::string& sheet);
// The same from the file's bytes, already read (`path` names it in errors).
std::vector<XlsxRow> read_xlsx(const std::string& path, std::string_view bytes,
                               const std::string& sheet);

}  // namespace tongxin::io
