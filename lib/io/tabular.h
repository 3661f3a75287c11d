// Spreadsheet-shaped input for imports: CSV or TSV (UTF-8 with or without BOM, GB18030 or UTF-16,
// detected or forced) or a sheet of an XLSX or .xls workbook, from a file or standard input ("-").
// Rows are streamed with the physical line (CSV) or sheet row (XLSX, .xls) where each starts, and
// the input's SHA-256.
// Offices' 台账 often start with a title row and sometimes a sheet of instructions: the header is
// the first row that names the importer's columns, on the first sheet that has one.
#pragma once

#include <deque>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "text/encoding.h"

namespace tongxin::io {

// Whether a header cell names a column the importer knows (or deliberately ignores, as 序号).
using KnownColumn = std::function<bool(const std::string& header)>;

struct TabularOptions {
  std::string encoding = "auto";  // auto | utf-8 | gb18030 | utf-16 (CSV/TSV only)
  std::string sheet;              // XLSX sheet name; empty = the first with a header row
  long header_row = 0;            // the header's line (CSV) or row (XLSX); 0 = find it
  KnownColumn known;              // empty: the first row is the header
};

// How many rows are searched for the header before the first row is taken.
inline constexpr size_t k_header_search_rows = 30;

// True when `cells` look like a header: at least two cells name known columns, or the row's only
// non-empty cell does. A title row (one cell of prose) or a note is not a header.
bool looks_like_header(const std::vector<std::string>& cells, const KnownColumn& known);

struct TabularRow {
  long line = 0;                   // physical line (CSV) or sheet row (XLSX) where it starts
  std::vector<std::string> cells;  // as many as the header has (short rows padded with "")
  std::vector<bool> numeric;       // XLSX: the cell was stored as a number
  size_t extra_cells = 0;          // non-empty cells beyond the header's width
};

class TabularSource {
 public:
  virtual ~TabularSource() = default;

  // Opens `path` ("-" = `standard_input`) and finds its header (TabularOptions). XLSX is
  // recognised by the .xlsx extension or the zip signature, .xls (Excel 97–2003, WPS) by the OLE2
  // signature whatever its name; anything else is text. Throws tongxin::Error: exit 3 for
  // unreadable or malformed input or a forced header row past the end, exit 2 for a bad
  // --encoding value.
  static std::unique_ptr<TabularSource> open(const std::string& path, std::istream& standard_input,
                                             const TabularOptions& options);

  const std::vector<std::string>& header() const { return m_header; }
  long header_line() const { return m_header_line; }
  // The sheet read (XLSX); empty for CSV/TSV.
  const std::string& sheet() const { return m_sheet; }
  // The next data row (rows after the header); false at the end.
  bool next(TabularRow& row);
  // Hex SHA-256 of the input's bytes; complete once every row has been read.
  virtual std::string sha256() = 0;
  // The input's size in bytes (0 when unknown), to estimate how many rows are coming.
  long long size_hint() const { return m_size_hint; }
  // A workbook (XLSX or .xls), not text.
  bool is_xlsx() const { return m_xlsx; }
  text::Encoding encoding() const { return m_encoding; }
  char delimiter() const { return m_delimiter; }

 protected:
  // The next row as read, every cell (any width; numeric may be empty); false at the end.
  virtual bool next_raw(TabularRow& row) = 0;
  // Called once the header is known: cells right of `width` need not be kept any more.
  virtual void limit_width(size_t /*width*/) {}
  // Reads rows up to the header (options: forced row, known columns) and keeps those read after
  // it for next(). When no row qualifies: with `fallback` the first row read is the header (the
  // importer then names the unknown columns), else false and the rows read are dropped. A forced
  // row past the end throws (exit 3) with `fallback`.
  bool find_header(const TabularOptions& options, bool fallback, const std::string& name);

  std::vector<std::string> m_header;
  std::string m_sheet;
  long m_header_line = 1;
  bool m_xlsx = false;
  text::Encoding m_encoding = text::Encoding::utf8;
  char m_delimiter = ',';
  long long m_size_hint = 0;

 private:
  std::deque<TabularRow> m_pending;  // rows read while looking for the header, after it
};

// Hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace tongxin::io
