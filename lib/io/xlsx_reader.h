// Reading .xlsx workbooks (Office Open XML spreadsheets, as written by Excel, WPS, LibreOffice,
// openpyxl, ...) as rows of cell text, for imports, one row at a time (XlsxSheetReader).
//
// Cell text is the stored value, never a formatted one: a number is its raw stored text ("12",
// "4.4052418800101E+17" for an 18-digit ID that Excel turned into a number), except a number in
// a date or time format (xlsx_dates.h), which is its ISO text ("1977-04-12", "2026-11-05
// 14:30:00"; 1900 and 1904 date systems); a boolean is "1" or "0", a formula cell is its cached
// result. Strings have their rich-text runs concatenated (phonetic guides dropped) and OOXML
// escapes (_x000D_) decoded; whitespace is kept as stored.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::io {

struct XlsxCell {
  std::string text;      // the stored value, as described above; empty for an empty cell
  bool numeric = false;  // stored as a number (t absent or "n"): text is the raw stored value,
                         // or its date when the cell's format is a date
  long column = 0;       // 0-based (A = 0)
};

// A row holds its non-empty cells only, so a row with one cell at column XFD costs one cell.
struct XlsxRow {
  long row = 0;                 // the sheet's 1-based row number (its r attribute)
  std::vector<XlsxCell> cells;  // the non-empty cells, in column order
  size_t cells_beyond = 0;      // non-empty cells at or right of the reader's column limit
};

// The cells of `row` by column (A = 0), gaps filled with empty cells.
std::vector<XlsxCell> dense_cells(const XlsxRow& row);

// One sheet read a row at a time: the zip is read with libzip and the sheet's XML streamed
// through expat, so memory is the shared-string table plus the rows of one 64 KB chunk of XML,
// never the whole sheet.
// The constructors throw tongxin::Error (exit 3) naming `path` when the file cannot be read, is
// not an xlsx workbook, or has no sheet called `sheet` (the first sheet when empty; the message
// lists the sheets there are). `bytes`, when given, is the whole file and must outlive the reader.
class XlsxSheetReader {
 public:
  XlsxSheetReader(const std::string& path, const std::string& sheet);
  XlsxSheetReader(const std::string& path, std::string_view bytes, const std::string& sheet);
  ~XlsxSheetReader();
  XlsxSheetReader(const XlsxSheetReader&) = delete;
  XlsxSheetReader& operator=(const XlsxSheetReader&) = delete;

  // From now on cells at column `width` (0-based) and right of it are counted in
  // XlsxRow::cells_beyond and not kept: an import reads no further than its header.
  void limit_columns(long width);
  // The next row with a non-empty cell, in file order; false at the end. Throws tongxin::Error
  // (exit 3) naming `path` when the sheet is malformed (bad XML, a cell past column XFD, a shared
  // string that does not exist).
  bool next(XlsxRow& row);

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The names of the workbook's sheets, in workbook order.
// Throws tongxin::Error (exit 3) naming `path` when the file cannot be read
// or is not an xlsx workbook.
std::vector<std::string> xlsx_sheet_names(const std::string& path);

// Every row of sheet `sheet` at once (XlsxSheetReader::next until the end), for small workbooks
// such as a rendering read back in a test. Throws as XlsxSheetReader does.
std::vector<XlsxRow> read_xlsx(const std::string& path, const std::string& sheet);
// The same from the file's bytes, already read (`path` names it in errors).
std::vector<XlsxRow> read_xlsx(const std::string& path, std::string_view bytes,
                               const std::string& sheet);

}  // namespace tongxin::io
