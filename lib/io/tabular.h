// Spreadsheet-shaped input for imports: CSV or TSV (UTF-8 with or without BOM, or GB18030,
// detected or forced) or an XLSX sheet, from a file or standard input ("-"). Rows are streamed
// with the physical line (CSV) or sheet row (XLSX) where each starts, and the input's SHA-256.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "text/encoding.h"

namespace tongxin::io {

struct TabularOptions {
  std::string encoding = "auto";  // auto | utf-8 | gb18030 (CSV/TSV only)
  std::string sheet;              // XLSX sheet name; empty = the first
};

struct TabularRow {
  long line = 0;                   // physical line (CSV) or sheet row (XLSX) where it starts
  std::vector<std::string> cells;  // as many as the header has (short rows padded with "")
  std::vector<bool> numeric;       // XLSX: the cell was stored as a number
  size_t extra_cells = 0;          // non-empty cells beyond the header's width
};

class TabularSource {
 public:
  virtual ~TabularSource() = default;

  // Opens `path` ("-" = `standard_input`). XLSX is recognised by the .xlsx extension or the zip
  // signature. Throws tongxin::Error: exit 3 for unreadable or malformed input, exit 2 for a bad
  // --encoding value.
  static std::unique_ptr<TabularSource> open(const std::string& path, std::istream& standard_input,
                                             const TabularOptions& options);

  const std::vector<std::string>& header() const { return m_header; }
  long header_line() const { return m_header_line; }
  // The next data row; false at the end.
  virtual bool next(TabularRow& row) = 0;
  // Hex SHA-256 of the input's bytes; complete once every row has been read.
  virtual std::string sha256() = 0;
  // The input's size in bytes (0 when unknown), to estimate how many rows are coming.
  long long size_hint() const { return m_size_hint; }
  bool is_xlsx() const { return m_xlsx; }
  text::Encoding encoding() const { return m_encoding; }
  char delimiter() const { return m_delimiter; }

 protected:
  std::vector<std::string> m_header;
  long m_header_line = 1;
  bool m_xlsx = false;
  text::Encoding m_encoding = text::Encoding::utf8;
  char m_delimiter = ',';
  long long m_size_hint = 0;
};

// Hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace tongxin::io
