#include "io/xlsx_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/xlsx_dates.h"
#include "io/xlsx_package.h"

namespace tongxin::io {

namespace {

using xlsx::attribute;
using xlsx::fail;
using xlsx::Package;
using xlsx::PartError;
using xlsx::XmlHandler;

constexpr std::string_view k_workbook_part = "xl/workbook.xml";
constexpr std::string_view k_workbook_rels_part = "xl/_rels/workbook.xml.rels";
constexpr std::string_view k_default_shared_strings = "xl/sharedStrings.xml";
constexpr std::string_view k_default_styles = "xl/styles.xml";
constexpr long k_max_columns = 16384;  // A..XFD

// ---- Text helpers -------------------------------------------------------------------------------

void append_utf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Decodes OOXML's _xHHHH_ escapes (how Excel stores control characters such as CR, and a
// literal "_x" as _x005F_x). Surrogate code units are left as written.
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) {
    return std::string(s);
  }
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned long code = 0;
    if (s.substr(i, 2) == "_x" && i + 7 <= s.size() && s[i + 6] == '_') {
      const char* first = s.data() + i + 2;
      const auto [end, ec] = std::from_chars(first, first + 4, code, 16);
      if (ec == std::errc() && end == first + 4 && (code < 0xD800 || code > 0xDFFF)) {
        append_utf8(out, code);
        i += 7;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Column index of a cell reference ("A1" → 0, "AB7" → 27); -1 when it starts with no letter.
long column_of(std::string_view ref) {
  long column = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= k_max_columns; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
  }
  return i == 0 ? -1 : column - 1;
}

// `s` as a whole decimal number; nullopt when it is not one.
std::optional<long> parse_long(std::string_view s) {
  long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return value;
}

// Resolves a relationship target against the folder of the part that holds it: "worksheets/a.xml"
// from "xl/" is "xl/worksheets/a.xml"; "/xl/a.xml" is absolute; ".." steps up.
std::string resolve_target(std::string_view base_dir, std::string_view target) {
  const std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                                     : std::string(base_dir) + std::string(target);
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) {
      slash = joined.size();
    }
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string path;
  for (const std::string& segment : segments) {
    path += (path.empty() ? "" : "/") + segment;
  }
  return path;
}

// ---- Handlers -----------------------------------------------------------------------------------

// The text of a string item (<si> or <is>): its <t>, or its rich-text runs' <t>s concatenated.
// Phonetic guides (<rPh>) are not part of the text.
class StringItem {
 public:
  void start(std::string_view name) {
    if (name == "rPh") {
      ++m_phonetic_depth;
    } else if (name == "t" && m_phonetic_depth == 0) {
      m_in_t = true;
    }
  }
  void end(std::string_view name) {
    if (name == "rPh") {
      --m_phonetic_depth;
    } else if (name == "t") {
      m_in_t = false;
    }
  }
  void text(std::string_view data) {
    if (m_in_t) {
      m_raw += data;
    }
  }
  std::string take() {
    std::string decoded = decode_escapes(m_raw);
    *this = StringItem();
    return decoded;
  }

 private:
  std::string m_raw;
  int m_phonetic_depth = 0;
  bool m_in_t = false;
};

struct Relationship {
  std::string target;
  std::string type;
};

class RelsHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attrs) override {
    const XML_Char* id = attribute(attrs, "Id");
    const XML_Char* target = attribute(attrs, "Target");
    const XML_Char* type = attribute(attrs, "Type");
    if (name == "Relationship" && id && target) {
      m_rels[id] = {target, type ? type : ""};
    }
  }
  void end(std::string_view /*name*/) override {}
  const std::map<std::string, Relationship>& rels() const { return m_rels; }

 private:
  std::map<std::string, Relationship> m_rels;
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attrs) override {
    const XML_Char* sheet_name = attribute(attrs, "name");
    const XML_Char* rel_id = attribute(attrs, "id");  // r:id
    if (name == "sheet" && sheet_name) {
      m_sheets.push_back({sheet_name, rel_id ? rel_id : ""});
    } else if (name == "workbookPr") {
      const XML_Char* date1904 = attribute(attrs, "date1904");
      m_date1904 = date1904 != nullptr &&
                   (std::string_view(date1904) == "1" || std::string_view(date1904) == "true");
    }
  }
  void end(std::string_view /*name*/) override {}
  const std::vector<SheetEntry>& sheets() const { return m_sheets; }
  bool date1904() const { return m_date1904; }

 private:
  std::vector<SheetEntry> m_sheets;
  bool m_date1904 = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** /*attrs*/) override {
    if (name == "si") {
      m_in_item = true;
    } else if (m_in_item) {
      m_item.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      m_strings.push_back(m_item.take());
      m_in_item = false;
    } else if (m_in_item) {
      m_item.end(name);
    }
  }
  void text(std::string_view data) override { m_item.text(data); }
  std::vector<std::string> take() { return std::move(m_strings); }

 private:
  std::vector<std::string> m_strings;
  StringItem m_item;
  bool m_in_item = false;
};

// Turns <sheetData> into rows, queued as each ends for XlsxSheetReader to hand out. A cell's
// value is in <v> (numbers, shared-string indexes, booleans, formula results) or, for
// t="inlineStr", in <is>. Only non-empty cells left of the column limit are kept.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared_strings, const xlsx::DateStyles& styles)
      : m_shared_strings(shared_strings), m_styles(styles) {}

  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheetData") {
      m_in_data = true;
    } else if (!m_in_data) {
      return;
    } else if (name == "row") {
      start_row(attribute(attrs, "r"));
    } else if (name == "c") {
      start_cell(attribute(attrs, "r"), attribute(attrs, "t"), attribute(attrs, "s"));
    } else if (name == "v") {
      m_in_value = true;
    } else if (name == "is") {
      m_in_inline = true;
    } else if (m_in_inline) {
      m_inline.start(name);
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      m_in_data = false;
    } else if (!m_in_data) {
      return;
    } else if (name == "row") {
      end_row();
    } else if (name == "c") {
      end_cell();
    } else if (name == "v") {
      m_in_value = false;
    } else if (name == "is") {
      m_in_inline = false;
    } else if (m_in_inline) {
      m_inline.end(name);
    }
  }

  void text(std::string_view data) override {
    if (m_in_value) {
      m_value += data;
    } else if (m_in_inline) {
      m_inline.text(data);
    }
  }

  void limit_columns(long width) { m_width = width; }

  // The next queued row, with its cells at or right of the limit counted rather than kept (rows
  // queued before the limit was set still hold them).
  bool take(XlsxRow& row) {
    if (m_ready.empty()) {
      return false;
    }
    row = std::move(m_ready.front());
    m_ready.pop_front();
    auto& cells = row.cells;
    const auto beyond = std::find_if(cells.begin(), cells.end(),
                                     [&](const XlsxCell& c) { return c.column >= m_width; });
    row.cells_beyond += static_cast<size_t>(cells.end() - beyond);
    cells.erase(beyond, cells.end());
    return true;
  }

 private:
  void start_row(const XML_Char* r) {
    std::optional<long> number = r ? parse_long(r) : m_last_row + 1;
    if (!number) {
      throw PartError{i18n::tr("xlsx_read.bad_row_number", r)};
    }
    m_row = XlsxRow{*number, {}, 0};
    m_last_row = m_row.row;
    m_next_column = 0;
  }

  void start_cell(const XML_Char* r, const XML_Char* type, const XML_Char* style) {
    m_ref = r ? r : "";
    m_column = r ? column_of(r) : m_next_column;
    if (m_column < 0 || m_column >= k_max_columns) {
      throw PartError{i18n::tr("xlsx_read.bad_cell_ref", m_row.row, m_ref)};
    }
    m_type = type ? type : "n";
    m_date = style != nullptr && m_styles.is_date(std::atol(style));
    m_value.clear();
    m_inline = StringItem();
  }

  void end_cell() {
    m_next_column = m_column + 1;
    XlsxCell cell = resolve_cell();
    if (cell.text.empty()) {
      return;
    }
    if (m_column >= m_width) {
      ++m_row.cells_beyond;
      return;
    }
    cell.column = m_column;
    auto& cells = m_row.cells;
    // Producers write cells left to right; a cell written twice or out of order keeps its place.
    const auto at =
        std::lower_bound(cells.begin(), cells.end(), m_column,
                         [](const XlsxCell& c, long column) { return c.column < column; });
    if (at != cells.end() && at->column == m_column) {
      *at = std::move(cell);
    } else {
      cells.insert(at, std::move(cell));
    }
  }

  XlsxCell resolve_cell() {
    if (m_type == "inlineStr") {
      return {m_inline.take(), false};
    }
    if (m_value.empty()) {
      return {};
    }
    if (m_type == "s") {
      const std::optional<long> index = parse_long(m_value);
      if (!index) {
        throw PartError{i18n::tr("xlsx_read.bad_shared_string_index", m_ref, m_value)};
      }
      if (*index < 0 || static_cast<size_t>(*index) >= m_shared_strings.size()) {
        throw PartError{
            i18n::tr("xlsx_read.no_shared_string", m_ref, m_value, m_shared_strings.size())};
      }
      return {m_shared_strings[static_cast<size_t>(*index)], false};
    }
    if (m_type == "n") {
      std::string date = m_date ? xlsx::serial_to_text(m_value, m_styles.date1904) : "";
      return {date.empty() ? m_value : std::move(date), true};
    }
    // "str" (formula result), "b" ("1"/"0"), "e" (#N/A ...), "d" (ISO 8601 date).
    return {decode_escapes(m_value), false};
  }

  void end_row() {
    if (!m_row.cells.empty() || m_row.cells_beyond > 0) {
      m_ready.push_back(std::move(m_row));
    }
    m_row = XlsxRow();
  }

  const std::vector<std::string>& m_shared_strings;
  const xlsx::DateStyles& m_styles;
  std::deque<XlsxRow> m_ready;
  XlsxRow m_row;
  long m_width = k_max_columns;
  long m_last_row = 0;
  long m_next_column = 0;
  long m_column = 0;
  std::string m_ref;
  std::string m_type;
  std::string m_value;
  StringItem m_inline;
  bool m_date = false;  // the cell's style shows a date or time
  bool m_in_data = false;
  bool m_in_value = false;
  bool m_in_inline = false;
};

// ---- The workbook -------------------------------------------------------------------------------

struct SheetPart {
  std::string name;
  std::string part;  // zip entry of the worksheet XML
};

struct WorkbookInfo {
  std::vector<SheetPart> sheets;
  std::string shared_strings;  // zip entry, empty when the workbook has none
  std::string styles;          // zip entry, empty when the workbook has none
  bool date1904 = false;
};

WorkbookInfo read_workbook(const Package& package) {
  if (!package.has(k_workbook_part)) {
    fail(package.path(), i18n::tr("xlsx_read.no_workbook", k_workbook_part));
  }
  WorkbookHandler workbook;
  package.parse(k_workbook_part, workbook);
  RelsHandler rels;
  if (package.has(k_workbook_rels_part)) {
    package.parse(k_workbook_rels_part, rels);
  }
  WorkbookInfo info;
  for (const SheetEntry& sheet : workbook.sheets()) {
    const auto found = rels.rels().find(sheet.rel_id);
    if (found == rels.rels().end()) {
      fail(package.path(), i18n::tr("xlsx_read.sheet_no_rel", sheet.name, sheet.rel_id));
    }
    info.sheets.push_back({sheet.name, resolve_target("xl/", found->second.target)});
  }
  for (const auto& [id, rel] : rels.rels()) {
    if (rel.type.ends_with("/sharedStrings")) {
      info.shared_strings = resolve_target("xl/", rel.target);
    } else if (rel.type.ends_with("/styles")) {
      info.styles = resolve_target("xl/", rel.target);
    }
  }
  if (info.styles.empty() && package.has(k_default_styles)) {
    info.styles = k_default_styles;
  }
  info.date1904 = workbook.date1904();
  if (info.shared_strings.empty() && package.has(k_default_shared_strings)) {
    info.shared_strings = k_default_shared_strings;
  }
  return info;
}

const SheetPart& find_sheet(const Package& package, const WorkbookInfo& info,
                            const std::string& sheet) {
  if (info.sheets.empty()) {
    fail(package.path(), i18n::tr("xls.no_sheets"));
  }
  if (sheet.empty()) {
    return info.sheets.front();
  }
  std::string names;
  for (const SheetPart& part : info.sheets) {
    if (part.name == sheet) {
      return part;
    }
    names += (names.empty() ? "" : i18n::tr("cli.list_separator")) + part.name;
  }
  fail(package.path(), i18n::tr("xlsx_read.no_sheet_named", sheet, names));
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::string& path) {
  const Package package(path);
  std::vector<std::string> names;
  for (const SheetPart& sheet : read_workbook(package).sheets) {
    names.push_back(sheet.name);
  }
  return names;
}

struct XlsxSheetReader::State {
  State(Package opened, const std::string& sheet)
      : package(std::move(opened)),
        info(read_workbook(package)),
        part(find_sheet(package, info, sheet)),
        styles(xlsx::read_date_styles(package, info.styles, info.date1904)),
        rows(shared_strings, styles) {
    if (!package.has(part.part)) {
      fail(package.path(), i18n::tr("xlsx_read.sheet_missing", part.name, part.part));
    }
    if (!info.shared_strings.empty()) {
      SharedStringsHandler strings;
      package.parse(info.shared_strings, strings);
      shared_strings = strings.take();
    }
    stream = std::make_unique<xlsx::PartStream>(
        package, part.part, rows, i18n::tr("xlsx_read.sheet_part", part.name, part.part));
  }

  Package package;
  WorkbookInfo info;
  SheetPart part;
  xlsx::DateStyles styles;
  std::vector<std::string> shared_strings;
  SheetHandler rows;
  std::unique_ptr<xlsx::PartStream> stream;
};

XlsxSheetReader::XlsxSheetReader(const std::string& path, const std::string& sheet)
    : m_state(std::make_unique<State>(Package(path), sheet)) {}

XlsxSheetReader::XlsxSheetReader(const std::string& path, std::string_view bytes,
                                 const std::string& sheet)
    : m_state(std::make_unique<State>(Package(path, bytes), sheet)) {}

XlsxSheetReader::~XlsxSheetReader() = default;

void XlsxSheetReader::limit_columns(long width) {
  m_state->rows.limit_columns(std::clamp(width, 0L, k_max_columns));
}

bool XlsxSheetReader::next(XlsxRow& row) {
  while (!m_state->rows.take(row)) {
    if (!m_state->stream->feed()) {
      return m_state->rows.take(row);
    }
  }
  return true;
}

std::vector<XlsxCell> dense_cells(const XlsxRow& row) {
  std::vector<XlsxCell> cells;
  for (const XlsxCell& cell : row.cells) {
    cells.resize(static_cast<size_t>(cell.column));
    cells.push_back(cell);
  }
  return cells;
}

namespace {

std::vector<XlsxRow> read_all_rows(XlsxSheetReader&& reader) {
  std::vector<XlsxRow> rows;
  for (XlsxRow row; reader.next(row);) {
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<XlsxRow> read_xlsx(const std::string& path, const std::string& sheet) {
  return read_all_rows(XlsxSheetReader(path, sheet));
}

std::vector<XlsxRow> read_xlsx(const std::string& path, std::string_view bytes,
                               const std::string& sheet) {
  return read_all_rows(XlsxSheetReader(path, bytes, sheet));
}

}  // namespace tongxin::io
