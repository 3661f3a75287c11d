#include "io/xls_reader.h"

#include <freexl.h>

#include <array>
#include <charconv>
#include <fstream>
#include <system_error>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::io {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw Error(ExitCode::bad_input, path + ": " + why);
}

// Why libfreexl refused the file, in the user's language.
std::string open_problem(int code) {
  switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY:
      return i18n::tr("xls.too_big");
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return i18n::tr("xls.not_xls");
    default:
      return i18n::tr("xls.damaged", code);
  }
}

// The shortest text that reads back as `value`: "13800138000", "0.5", "4.405241880010101e+17".
std::string number_text(double value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string();
}

// The cell's text as described in xls_reader.h; `numeric` is set for numbers and dates.
std::string cell_text(const FreeXL_CellValue& value, bool& numeric) {
  numeric = false;
  switch (value.type) {
    case FREEXL_CELL_INT:
      numeric = true;
      return std::to_string(value.value.int_value);
    case FREEXL_CELL_DOUBLE:
      numeric = true;
      return number_text(value.value.double_value);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      numeric = true;
      return value.value.text_value == nullptr ? "" : value.value.text_value;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      return value.value.text_value == nullptr ? "" : value.value.text_value;
    default:
      return "";
  }
}

}  // namespace

bool starts_like_xls(std::string_view head) {
  static constexpr std::string_view k_ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  return head.starts_with(k_ole2);
}

bool looks_like_xls(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 8> magic{};
  in.read(magic.data(), magic.size());
  return starts_like_xls(std::string_view(magic.data(), static_cast<size_t>(in.gcount())));
}

XlsWorkbook::XlsWorkbook(const std::string& path) : m_path(path) {
  const int opened = freexl_open(path.c_str(), &m_handle);
  if (opened != FREEXL_OK) {
    freexl_close(m_handle);  // freexl_open leaves a handle to release even when it fails
    m_handle = nullptr;
    if (opened == FREEXL_FILE_NOT_FOUND) {
      throw Error(ExitCode::bad_input, i18n::tr("file.cannot_read", path));
    }
    fail(path, open_problem(opened));
  }
  unsigned int info = 0;
  if (freexl_get_info(m_handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    freexl_close(m_handle);
    m_handle = nullptr;
    fail(path, i18n::tr("xls.password"));
  }
  unsigned int count = 0;
  freexl_get_info(m_handle, FREEXL_BIFF_SHEET_COUNT, &count);
  for (unsigned int i = 0; i < count; ++i) {
    const char* name = nullptr;
    freexl_get_worksheet_name(m_handle, static_cast<unsigned short>(i), &name);
    m_names.emplace_back(name == nullptr ? "" : name);
  }
}

XlsWorkbook::~XlsWorkbook() {
  if (m_handle != nullptr) {
    freexl_close(m_handle);
  }
}

void XlsWorkbook::select(const std::string& name) {
  if (m_names.empty()) {
    fail(m_path, i18n::tr("xls.no_sheets"));
  }
  size_t index = 0;
  if (!name.empty()) {
    std::string names;
    for (index = 0; index < m_names.size() && m_names[index] != name; ++index) {
      names += (names.empty() ? "" : ", ") + m_names[index];
    }
    if (index == m_names.size()) {
      fail(m_path, i18n::tr("import.no_sheet", name, names));
    }
  }
  if (freexl_select_active_worksheet(m_handle, static_cast<unsigned short>(index)) != FREEXL_OK ||
      freexl_worksheet_dimensions(m_handle, &m_rows, &m_columns) != FREEXL_OK) {
    fail(m_path, i18n::tr("xls.damaged", FREEXL_BIFF_ILLEGAL_SHEET_INDEX));
  }
  m_next_row = 0;
  m_width = -1;
}

bool XlsWorkbook::next(XlsxRow& row) {
  for (; m_next_row < m_rows; ++m_next_row) {
    row.row = static_cast<long>(m_next_row) + 1;
    row.cells.clear();
    row.cells_beyond = 0;
    for (unsigned short column = 0; column < m_columns; ++column) {
      FreeXL_CellValue value{};
      if (freexl_get_cell_value(m_handle, m_next_row, column, &value) != FREEXL_OK) {
        fail(m_path, i18n::tr("xls.damaged_cell", row.row, column + 1));
      }
      bool numeric = false;
      std::string text = cell_text(value, numeric);
      if (text.empty()) {
        continue;
      }
      if (m_width >= 0 && column >= m_width) {
        ++row.cells_beyond;
      } else {
        row.cells.push_back({std::move(text), numeric, column});
      }
    }
    if (!row.cells.empty() || row.cells_beyond > 0) {
      ++m_next_row;
      return true;
    }
  }
  return false;
}

}  // namespace tongxin::io
