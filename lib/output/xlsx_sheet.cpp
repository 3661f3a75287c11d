#include "output/xlsx_sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "output/xlsx_parts.h"
#include "text/width.h"

namespace tongxin::output::xlsx {

namespace {

constexpr double k_min_width = 6;
constexpr double k_max_width = 60;
constexpr double k_width_padding = 2;
constexpr size_t k_flush_bytes = 256 * 1024;  // streamed rows go to the zip this many at a time
// Excel stores a column's width as its pixels (7 per character of Calibri 11, plus 5 of
// padding) converted back to characters in 1/256ths: 6 characters are 6.7109375.
constexpr double k_digit_pixels = 7;
constexpr double k_padding_pixels = 5;

std::string stored_width(double characters) {
  const double pixels =
      characters < 1 ? static_cast<int>(characters * 12 + 0.5)
                     : static_cast<int>(characters * k_digit_pixels + 0.5) + k_padding_pixels;
  const double stored = static_cast<int>(pixels / k_digit_pixels * 256) / 256.0;
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, stored);
  return std::string(buffer, result.ptr);
}

// Column `col` (0-based) as Excel names it: A..Z, AA..ZZ, AAA..XFD.
std::string column_letters(size_t col) {
  std::string name;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

}  // namespace

void ColumnWidths::add_header(const std::vector<Column>& columns, bool use_keys) {
  grow(columns.size());
  for (size_t col = 0; col < columns.size(); ++col) {
    const Column& column = columns[col];
    widen(col, text::display_width(use_keys ? column.key : column.label));
  }
}

void ColumnWidths::add_row(const std::vector<std::string>& cells, size_t columns) {
  grow(std::min(columns, cells.size()));
  for (size_t col = 0; col < columns && col < cells.size(); ++col) {
    const std::string& cell = cells[col];
    // A cell's display width is at most its length in bytes (plus the guard's apostrophe): a
    // cell no longer than the widest so far cannot widen the column, and is not measured.
    if (static_cast<double>(cell.size() + 1) <= m_widest[col]) {
      continue;
    }
    widen(col, text::display_width(cell) + (needs_formula_guard(cell) ? 1 : 0));
  }
}

std::vector<double> ColumnWidths::finish() const {
  std::vector<double> widths = m_widest;
  for (double& width : widths) {
    width = std::clamp(width + k_width_padding, k_min_width, k_max_width);
  }
  return widths;
}

void ColumnWidths::grow(size_t columns) { m_widest.resize(std::max(m_widest.size(), columns), 0); }

void ColumnWidths::widen(size_t col, double width) {
  m_widest[col] = std::max(m_widest[col], width);
}

SheetWriter::SheetWriter(ZipStream& zip, const std::string& entry, bool selected,
                         bool frozen_header, WidthSample sample)
    : m_zip(zip), m_selected(selected), m_frozen_header(frozen_header), m_sample(sample) {
  m_zip.begin(entry);
  m_xml.reserve(k_flush_bytes + k_flush_bytes / 4);
}

const std::string& SheetWriter::column_name(size_t col) {
  while (m_column_names.size() <= col) {
    m_column_names.push_back(column_letters(m_column_names.size()));
  }
  return m_column_names[col];
}

void SheetWriter::begin_row(size_t row) {
  m_row_name_size = static_cast<size_t>(
      std::to_chars(m_row_name, m_row_name + sizeof m_row_name, row + 1).ptr - m_row_name);
  m_row_start = m_xml.size();
  m_row_has_cells = false;
  m_xml += "<row r=\"";
  m_xml.append(m_row_name, m_row_name_size);
  m_xml += "\">";
  m_last_row = std::max(m_last_row, row);
}

void SheetWriter::cell_start(size_t col, bool bold) {
  m_row_has_cells = true;
  m_last_col = std::max(m_last_col, col);
  m_xml += "<c r=\"";
  m_xml += column_name(col);
  m_xml.append(m_row_name, m_row_name_size);
  m_xml += bold ? "\" s=\"1\"" : "\"";
}

void SheetWriter::text(size_t col, std::string_view text, bool bold) {
  cell_start(col, bold);
  // Leading or trailing blanks are kept only when the text says so.
  const auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  const bool preserve = !text.empty() && (blank(text.front()) || blank(text.back()));
  m_xml +=
      preserve ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>";
  append_text(m_xml, text);
  m_xml += "</t></is></c>";
}

void SheetWriter::number(size_t col, std::string_view number) {
  cell_start(col, false);
  m_xml += "><v>";
  m_xml += number;
  m_xml += "</v></c>";
}

void SheetWriter::end_row() {
  if (!m_row_has_cells) {
    m_xml.resize(m_row_start);
    return;
  }
  m_xml += "</row>";
  if (m_streaming) {
    if (m_xml.size() >= k_flush_bytes) {
      m_zip.write(m_xml);
      m_xml.clear();
    }
  } else if (++m_rows_held > m_sample.rows || m_xml.size() > m_sample.bytes) {
    start_streaming();
  }
}

void SheetWriter::start_streaming() {
  m_streaming = true;
  m_zip.write(head(false));
  m_zip.write(m_xml);
  m_xml.clear();
  m_xml.shrink_to_fit();
  m_xml.reserve(k_flush_bytes + k_flush_bytes / 4);
}

std::string SheetWriter::head(bool with_dimension) const {
  std::string xml(k_declaration);
  xml +=
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
  if (with_dimension) {
    // A sheet without cells has none; its dimension is A1, as Excel writes it.
    const std::string last = column_letters(m_last_col) + std::to_string(m_last_row + 1);
    xml += fmt::format("<dimension ref=\"{}\"/>", last == "A1" ? last : "A1:" + last);
  }
  xml += m_selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\""
                    : "<sheetViews><sheetView workbookViewId=\"0\"";
  xml += m_frozen_header ? "><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                           "state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>"
                         : "/>";
  xml += "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
  const std::vector<double> widths = m_widths.finish();
  if (!widths.empty()) {
    xml += "<cols>";
    for (size_t col = 1; col <= widths.size(); ++col) {
      xml += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>", col,
                         stored_width(widths[col - 1]));
    }
    xml += "</cols>";
  }
  return xml + "<sheetData>";
}

void SheetWriter::finish() {
  if (!m_streaming) {
    m_zip.write(head(true));
  }
  m_zip.write(m_xml);
  m_xml.clear();
  m_zip.write(
      "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
      "header=\"0.3\" footer=\"0.3\"/></worksheet>");
  m_zip.end();
}

}  // namespace tongxin::output::xlsx
