#include "io/tabular.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string_view>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/csv_reader.h"
#include "io/xls_reader.h"
#include "io/xlsx_reader.h"
#include "text/strings.h"

namespace tongxin::io {

namespace {

// Incremental SHA-256 over the bytes a parser reads.
class Sha256 {
 public:
  Sha256() : m_ctx(EVP_MD_CTX_new()) { EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr); }
  ~Sha256() { EVP_MD_CTX_free(m_ctx); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const char* data, size_t size) { EVP_DigestUpdate(m_ctx, data, size); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &size);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
      out += k_hex[digest[i] >> 4];
      out += k_hex[digest[i] & 15];
    }
    return out;
  }

 private:
  EVP_MD_CTX* m_ctx;
};

// A streambuf that hashes everything read through it, so a large file is hashed in the same
// pass that parses it.
class HashingBuf : public std::streambuf {
 public:
  HashingBuf(std::streambuf* source, Sha256& hash) : m_source(source), m_hash(hash) {}

 protected:
  int_type underflow() override {
    const std::streamsize n = m_source->sgetn(m_buffer, sizeof m_buffer);
    if (n <= 0) {
      return traits_type::eof();
    }
    m_hash.update(m_buffer, static_cast<size_t>(n));
    setg(m_buffer, m_buffer, m_buffer + n);
    return traits_type::to_int_type(m_buffer[0]);
  }

 private:
  std::streambuf* m_source;
  Sha256& m_hash;
  char m_buffer[1 << 16];
};

// Pads or cuts `row` to the header's `width`, counting the non-empty cells cut off.
void fit_to_header(TabularRow& row, size_t width) {
  for (size_t i = width; i < row.cells.size(); ++i) {
    row.extra_cells += row.cells[i].empty() ? 0 : 1;
  }
  row.cells.resize(width);
  row.numeric.resize(width, false);
}

class CsvSource : public TabularSource {
 public:
  // `owned` holds the bytes when the input was read whole (stdin, converted GB18030).
  // Without a precomputed hash, the bytes are hashed as they are parsed.
  CsvSource(std::string name, std::unique_ptr<std::istream> stream,
            std::unique_ptr<std::string> owned, std::string precomputed_hash, char delimiter,
            text::Encoding encoding)
      : m_name(std::move(name)),
        m_owned(std::move(owned)),
        m_stream(std::move(stream)),
        m_hashing(m_stream->rdbuf(), m_hash),
        m_hashed(&m_hashing),
        m_precomputed(std::move(precomputed_hash)),
        m_reader(m_precomputed.empty() ? m_hashed : *m_stream, delimiter) {
    m_delimiter = delimiter;
    m_encoding = encoding;
  }

  std::string sha256() override { return m_precomputed.empty() ? m_hash.hex() : m_precomputed; }
  void set_size_hint(long long bytes) { m_size_hint = bytes; }
  void locate_header(const TabularOptions& options, const std::string& name) {
    find_header(options, true, name);
  }

 protected:
  bool next_raw(TabularRow& row) override {
    Record record;
    if (!read(record)) {
      return false;
    }
    row.line = record.line;
    row.cells = std::move(record.fields);
    row.numeric.clear();
    row.extra_cells = 0;
    return true;
  }

 private:
  bool read(Record& record) {
    try {
      return m_reader.next(record);
    } catch (const CsvError& e) {
      throw Error(ExitCode::bad_input, i18n::tr("import.unterminated_quote", m_name, e.line()));
    }
  }

  std::string m_name;  // the file as the user named it, for messages
  std::unique_ptr<std::string> m_owned;
  std::unique_ptr<std::istream> m_stream;
  Sha256 m_hash;
  HashingBuf m_hashing;
  std::istream m_hashed;
  std::string m_precomputed;
  CsvReader m_reader;
};

// A workbook's sheets as WorkbookSource reads them: XLSX (XlsxSheetReader) or .xls (XlsWorkbook).
class Sheets {
 public:
  virtual ~Sheets() = default;
  virtual std::vector<std::string> names() = 0;
  // Starts reading sheet `name` (the first when empty) from its first row.
  virtual void open(const std::string& name) = 0;
  virtual bool next(XlsxRow& row) = 0;
  virtual void limit_columns(long width) = 0;
};

// Streams an XLSX sheet: the rows of one chunk of XML at a time, each holding its non-empty cells
// left of the header's last column, so a wide or long sheet costs no more memory than its widest
// row within the header.
class XlsxSheets : public Sheets {
 public:
  explicit XlsxSheets(std::string path) : m_path(std::move(path)) {}
  std::vector<std::string> names() override { return xlsx_sheet_names(m_path); }
  void open(const std::string& name) override {
    m_reader = std::make_unique<XlsxSheetReader>(m_path, name);
  }
  bool next(XlsxRow& row) override { return m_reader->next(row); }
  void limit_columns(long width) override { m_reader->limit_columns(width); }

 private:
  std::string m_path;
  std::unique_ptr<XlsxSheetReader> m_reader;
};

class XlsSheets : public Sheets {
 public:
  explicit XlsSheets(const std::string& path) : m_workbook(path) {}
  std::vector<std::string> names() override { return m_workbook.sheet_names(); }
  void open(const std::string& name) override { m_workbook.select(name); }
  bool next(XlsxRow& row) override { return m_workbook.next(row); }
  void limit_columns(long width) override { m_workbook.limit_columns(width); }

 private:
  XlsWorkbook m_workbook;
};

// A workbook (XLSX or .xls) read a row at a time from the sheet that holds the header.
class WorkbookSource : public TabularSource {
 public:
  // Reads the sheet `options.sheet`, else the first sheet whose first rows hold a header (else the
  // first sheet), up to its header. `size_hint`: the bytes its cells may hold, roughly.
  WorkbookSource(const std::string& path, std::unique_ptr<Sheets> sheets, long long size_hint,
                 const TabularOptions& options)
      : m_sheets(std::move(sheets)), m_hash(file_sha256(path)) {
    m_xlsx = true;
    m_size_hint = size_hint;
    if (options.sheet.empty()) {
      for (const std::string& name : m_sheets->names()) {
        open_sheet(name);
        if (find_header(options, false, path)) {
          return;
        }
      }
    }
    open_sheet(options.sheet);
    find_header(options, true, path);
  }

 protected:
  bool next_raw(TabularRow& row) override {
    if (!m_sheets->next(m_row)) {
      return false;
    }
    const size_t width =
        m_row.cells.empty() ? 0 : static_cast<size_t>(m_row.cells.back().column) + 1;
    row.line = m_row.row;
    row.extra_cells = m_row.cells_beyond;
    row.cells.assign(width, std::string());
    row.numeric.assign(width, false);
    for (XlsxCell& cell : m_row.cells) {
      const auto column = static_cast<size_t>(cell.column);
      row.cells[column] = std::move(cell.text);
      row.numeric[column] = cell.numeric;
    }
    return true;
  }

  void limit_width(size_t width) override { m_sheets->limit_columns(static_cast<long>(width)); }

 public:
  std::string sha256() override { return m_hash; }

 private:
  static std::string file_sha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Sha256 hash;
    std::array<char, 1 << 16> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
      hash.update(buffer.data(), static_cast<size_t>(in.gcount()));
    }
    return hash.hex();
  }

  // `name` empty: the first sheet.
  void open_sheet(const std::string& name) {
    m_sheets->open(name);
    m_sheet = name.empty() ? m_sheets->names().front() : name;
  }

  std::unique_ptr<Sheets> m_sheets;
  std::string m_hash;
  XlsxRow m_row;
};

std::string read_all(std::istream& in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string first_line(std::istream& in) {
  std::string line;
  std::getline(in, line);
  in.clear();
  in.seekg(0);
  return line;
}

// A zip archive's local file header, what an xlsx file starts with.
bool starts_like_zip(std::string_view head) {
  return head.starts_with(std::string_view("PK\3\4", 4));
}

bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  in.read(magic.data(), magic.size());
  return starts_like_zip(std::string_view(magic.data(), static_cast<size_t>(in.gcount())));
}

// A workbook is read from its file (a zip or OLE2 container is not a stream of rows); on standard
// input it would be read as text and give a screen of nonsense, so it is refused first (exit 2).
void refuse_workbook(std::string_view bytes) {
  const char* kind = starts_like_zip(bytes) ? "xlsx" : starts_like_xls(bytes) ? "xls" : nullptr;
  if (kind != nullptr) {
    throw Error(ExitCode::usage, i18n::tr("import.workbook_on_stdin", kind));
  }
}

text::Encoding choose_encoding(const std::string& name,
                               const std::function<text::Encoding()>& detect) {
  if (name == "auto") {
    return detect();
  }
  const auto forced = text::parse_encoding_name(name);
  if (!forced) {
    throw Error(ExitCode::usage, i18n::tr("import.bad_encoding", name));
  }
  return *forced;
}

// The line of byte `offset` of `bytes` in `encoding`: 1 + the line feeds before it.
long line_of_offset(std::string_view bytes, size_t offset, text::Encoding encoding) {
  const std::string_view before = bytes.substr(0, std::min(offset, bytes.size()));
  long line = 1;
  if (encoding == text::Encoding::utf16le || encoding == text::Encoding::utf16be) {
    const char low = encoding == text::Encoding::utf16le ? '\n' : '\0';
    const char high = encoding == text::Encoding::utf16le ? '\0' : '\n';
    for (size_t i = 0; i + 1 < before.size(); i += 2) {
      line += before[i] == low && before[i + 1] == high ? 1 : 0;
    }
    return line;
  }
  return line + static_cast<long>(std::count(before.begin(), before.end(), '\n'));
}

// `bytes` of the file `name` decoded to UTF-8; a bad byte is reported as `FILE:LINE:` with the
// encoding and the byte, in the user's language. `detected`: the encoding was guessed, and
// GB18030 is only guessed for bytes that are not UTF-8, so a bad byte then means neither fits.
std::string decode(std::string_view bytes, text::Encoding encoding, const std::string& name,
                   bool detected) {
  try {
    return text::to_utf8(bytes, encoding);
  } catch (const text::InvalidBytes& e) {
    if (detected && encoding == text::Encoding::gb18030) {
      const size_t utf8_at = text::first_invalid_utf8_offset(bytes);
      if (utf8_at == e.offset()) {  // the same bytes break both
        throw Error(ExitCode::bad_input,
                    i18n::tr("import.neither_encoding_at", name,
                             line_of_offset(bytes, utf8_at, encoding), utf8_at));
      }
      throw Error(
          ExitCode::bad_input,
          i18n::tr("import.neither_encoding", name, line_of_offset(bytes, utf8_at, encoding),
                   utf8_at, e.offset(), line_of_offset(bytes, e.offset(), encoding)));
    }
    throw Error(ExitCode::bad_input,
                i18n::tr("import.invalid_bytes", name, line_of_offset(bytes, e.offset(), encoding),
                         text::encoding_name(encoding), e.offset()));
  }
}

// `detected`: the encoding a file's stream was found to have (options.encoding "auto"), or
// nullopt to detect it from `bytes` when options.encoding says so.
std::unique_ptr<TabularSource> open_csv_bytes(std::string bytes, const TabularOptions& options,
                                              const std::string& name,
                                              std::optional<text::Encoding> detected) {
  std::string hash = sha256_hex(bytes);
  const auto size = static_cast<long long>(bytes.size());
  const text::Encoding encoding =
      detected ? *detected
               : choose_encoding(options.encoding, [&] { return text::detect_encoding(bytes); });
  const bool guessed = options.encoding == "auto";
  auto owned = std::make_unique<std::string>(
      encoding == text::Encoding::utf8 ? std::move(bytes) : decode(bytes, encoding, name, guessed));
  auto stream = std::make_unique<std::istringstream>(*owned);
  const char delimiter = sniff_delimiter(first_line(*stream));
  auto source = std::make_unique<CsvSource>(name, std::move(stream), std::move(owned), hash,
                                            delimiter, encoding);
  source->set_size_hint(size);
  source->locate_header(options, name);
  return source;
}

}  // namespace

bool looks_like_header(const std::vector<std::string>& cells, const KnownColumn& known) {
  if (!known) {
    return true;
  }
  size_t filled = 0;
  size_t named = 0;
  for (const std::string& cell : cells) {
    const std::string name = text::trim(cell);
    if (!name.empty()) {
      ++filled;
      named += known(name) ? 1 : 0;
    }
  }
  return named >= 2 || (named == 1 && filled == 1);
}

bool TabularSource::find_header(const TabularOptions& options, bool fallback,
                                const std::string& name) {
  m_pending.clear();
  const long forced = options.header_row;
  std::vector<TabularRow> read;
  TabularRow row;
  std::optional<size_t> found;
  while ((forced > 0 || read.size() < k_header_search_rows) && next_raw(row)) {
    read.push_back(std::move(row));
    row = TabularRow{};
    const TabularRow& last = read.back();
    if (forced > 0 ? last.line >= forced : looks_like_header(last.cells, options.known)) {
      found = read.size() - 1;
      break;
    }
  }
  if (forced > 0 && found && !fallback && !looks_like_header(read[*found].cells, options.known)) {
    return false;
  }
  if (!found && !fallback) {
    return false;
  }
  if (!found && forced > 0) {
    throw Error(ExitCode::bad_input, i18n::tr("import.no_header_row", name, forced));
  }
  if (!found && read.empty()) {
    return true;  // an empty file: no header, the importer says so
  }
  const size_t at = found.value_or(0);
  m_header = std::move(read[at].cells);
  m_header_line = read[at].line;
  limit_width(m_header.size());
  for (size_t i = at + 1; i < read.size(); ++i) {
    m_pending.push_back(std::move(read[i]));
  }
  return true;
}

bool TabularSource::next(TabularRow& row) {
  if (!m_pending.empty()) {
    row = std::move(m_pending.front());
    m_pending.pop_front();
  } else if (!next_raw(row)) {
    return false;
  }
  fit_to_header(row, m_header.size());
  return true;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes.data(), bytes.size());
  return hash.hex();
}

std::unique_ptr<TabularSource> TabularSource::open(const std::string& path,
                                                   std::istream& standard_input,
                                                   const TabularOptions& options) {
  if (path == "-") {
    std::string bytes = read_all(standard_input);
    refuse_workbook(bytes);
    return open_csv_bytes(std::move(bytes), options, "stdin", std::nullopt);
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    throw Error(ExitCode::bad_input, i18n::tr("file.cannot_read", path));
  }
  std::error_code ec;
  const auto size = static_cast<long long>(std::filesystem::file_size(path, ec));
  if (path.ends_with(".xlsx") || looks_like_zip(path)) {
    return std::make_unique<WorkbookSource>(path, std::make_unique<XlsxSheets>(path),
                                            ec ? 0 : size * 8, options);  // zip: ~8x
  }
  if (looks_like_xls(path)) {
    return std::make_unique<WorkbookSource>(path, std::make_unique<XlsSheets>(path), ec ? 0 : size,
                                            options);
  }
  const text::Encoding encoding =
      choose_encoding(options.encoding, [&] { return text::detect_encoding(*file); });
  if (encoding != text::Encoding::utf8) {
    return open_csv_bytes(read_all(*file), options, path, encoding);
  }
  const char delimiter = sniff_delimiter(first_line(*file));
  auto source =
      std::make_unique<CsvSource>(path, std::move(file), nullptr, "", delimiter, encoding);
  source->set_size_hint(ec ? 0 : size);
  source->locate_header(options, path);
  return source;
}

}  // namespace tongxin::io
