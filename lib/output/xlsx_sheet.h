// One worksheet's XML (xl/worksheets/sheetN.xml) written into the workbook's zip as its rows
// come, and the column widths it declares. Internal to lib/output (xlsx_writer.cpp checks and
// guards the cells; this writes them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "output/table.h"
#include "output/xlsx_writer.h"
#include "output/zip_stream.h"

namespace tongxin::output::xlsx {

// The widest cell of each column so far, in display columns (CJK counts 2).
class ColumnWidths {
 public:
  void add_header(const std::vector<Column>& columns, bool use_keys);
  void add_row(const std::vector<std::string>& cells, size_t columns);
  // In Excel character units: plus padding, between the minimum and the maximum width.
  std::vector<double> finish() const;

 private:
  void grow(size_t columns);
  void widen(size_t col, double width);
  std::vector<double> m_widest;
};

// Writes a sheet's XML into `zip` as the entry `entry`. The column widths (<cols>) come before
// the rows in the XML, so the first rows are held (up to `sample`) and measured: a sheet that
// ends within them gets exact widths and its dimension; a longer one gets the widths of those
// rows, and every later row goes out as it comes (held 256 KB at a time) unmeasured.
class SheetWriter {
 public:
  SheetWriter(ZipStream& zip, const std::string& entry, bool selected, bool frozen_header,
              WidthSample sample);

  // Whether rows are still measured for the widths (the caller skips measuring when not).
  bool measuring() const { return !m_streaming; }
  ColumnWidths& widths() { return m_widths; }

  // Starts sheet row `row` (0-based, rising); its cells follow, left to right.
  void begin_row(size_t row);
  // A text cell, written as it is (escaped for XML); bold for headers and titles.
  void text(size_t col, std::string_view text, bool bold);
  // A number cell; `number` is what std::to_chars wrote.
  void number(size_t col, std::string_view number);
  // Ends the row (a row without cells leaves nothing).
  void end_row();
  // Writes the rest of the sheet and ends its zip entry.
  void finish();

 private:
  void cell_start(size_t col, bool bold);
  const std::string& column_name(size_t col);
  std::string head(bool with_dimension) const;
  void start_streaming();

  ZipStream& m_zip;
  bool m_selected;
  bool m_frozen_header;
  WidthSample m_sample;
  ColumnWidths m_widths;
  bool m_streaming = false;
  std::string m_xml;  // rows not yet in the zip
  std::vector<std::string> m_column_names;
  char m_row_name[24] = {};  // the current row's number, 1-based, for cell references
  size_t m_row_name_size = 0;
  size_t m_row_start = 0;  // where the current row's <row> starts in m_xml
  bool m_row_has_cells = false;
  size_t m_rows_held = 0;
  size_t m_last_row = 0;  // the dimension: last row and column with a cell, 0-based
  size_t m_last_col = 0;
};

}  // namespace tongxin::output::xlsx
