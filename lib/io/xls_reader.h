// Reading old Excel and WPS workbooks (.xls, Excel 97–2003 BIFF8 and the BIFF5 files of older
// versions) as rows of cell text, for imports, through Debian's libfreexl. The rows come as the
// XLSX reader gives them (XlsxRow: the non-empty cells of a row, in column order), so an import
// treats both kinds of workbook alike.
//
// Cell text is the stored value: a number is its shortest exact text ("12", "0.5", "13800138000",
// "440524197704120000" for an 18-digit ID that Excel turned into a number and so cut to 15
// significant digits, "1e+20"); a date, date-time or time cell (a number in a date format) is its
// ISO text ("1977-04-12", "2026-11-05 14:30:00", "14:30:00"); text is UTF-8 whatever code page
// the file was written in (GBK for a Chinese BIFF5 file).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/xlsx_reader.h"

namespace tongxin::io {

// True when `head` (a file's first bytes) starts with the signature of an OLE2 compound file
// (what an .xls is).
bool starts_like_xls(std::string_view head);

// True when the file starts with the signature of an OLE2 compound file (what an .xls is).
bool looks_like_xls(const std::string& path);

// One workbook, loaded whole by libfreexl when opened (an .xls holds at most 65,536 rows), read
// one sheet at a time and one row at a time.
class XlsWorkbook {
 public:
  // Throws tongxin::Error (exit 3) naming `path` when the file cannot be read, is not an .xls
  // workbook, is damaged or is protected by a password.
  explicit XlsWorkbook(const std::string& path);
  ~XlsWorkbook();
  XlsWorkbook(const XlsWorkbook&) = delete;
  XlsWorkbook& operator=(const XlsWorkbook&) = delete;

  // The names of the workbook's sheets, in workbook order.
  const std::vector<std::string>& sheet_names() const { return m_names; }
  // Starts reading sheet `name` (the first sheet when empty) from its first row. Throws
  // tongxin::Error (exit 3) when there is no such sheet, listing the sheets there are.
  void select(const std::string& name);
  // From now on cells at column `width` (0-based) and right of it are counted in
  // XlsxRow::cells_beyond and not kept.
  void limit_columns(long width) { m_width = width; }
  // The next row of the selected sheet with a non-empty cell; false at the end.
  bool next(XlsxRow& row);

 private:
  std::string m_path;
  const void* m_handle = nullptr;
  std::vector<std::string> m_names;
  unsigned int m_rows = 0;
  unsigned short m_columns = 0;
  unsigned int m_next_row = 0;
  long m_width = -1;  // no limit
};

}  // namespace tongxin::io
