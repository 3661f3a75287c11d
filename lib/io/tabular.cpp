#include "io/tabular.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/csv_reader.h"
#include "io/xlsx_reader.h"

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

void fill_row(std::vector<std::string>&& fields, size_t width, TabularRow& row) {
  row.extra_cells = 0;
  for (size_t i = width; i < fields.size(); ++i) {
    if (!fields[i].empty()) {
      row.extra_cells++;
    }
  }
  fields.resize(width);
  row.cells = std::move(fields);
  row.numeric.assign(width, false);
}

class CsvSource : public TabularSource {
 public:
  // `owned` holds the bytes when the input was read whole (stdin, converted GB18030).
  // Without a precomputed hash, the bytes are hashed as they are parsed.
  CsvSource(std::unique_ptr<std::istream> stream, std::unique_ptr<std::string> owned,
            std::string precomputed_hash, char delimiter, text::Encoding encoding)
      : m_owned(std::move(owned)),
        m_stream(std::move(stream)),
        m_hashing(m_stream->rdbuf(), m_hash),
        m_hashed(&m_hashing),
        m_precomputed(std::move(precomputed_hash)),
        m_reader(m_precomputed.empty() ? m_hashed : *m_stream, delimiter) {
    m_delimiter = delimiter;
    m_encoding = encoding;
    Record record;
    if (read(record)) {
      m_header = std::move(record.fields);
      m_header_line = record.line;
    }
  }

  bool next(TabularRow& row) override {
    Record record;
    if (!read(record)) {
      return false;
    }
    row.line = record.line;
    fill_row(std::move(record.fields), m_header.size(), row);
    return true;
  }

  std::string sha256() override { return m_precomputed.empty() ? m_hash.hex() : m_precomputed; }
  void set_size_hint(long long bytes) { m_size_hint = bytes; }

 private:
  bool read(Record& record) {
    try {
      return m_reader.next(record);
    } catch (const CsvError& e) {
      throw Error(ExitCode::bad_input, i18n::tr("import.unterminated_quote", e.line()));
    }
  }

  std::unique_ptr<std::string> m_owned;
  std::unique_ptr<std::istream> m_stream;
  Sha256 m_hash;
  HashingBuf m_hashing;
  std::istream m_hashed;
  std::string m_precomputed;
  CsvReader m_reader;
};

// Streams the sheet: the rows of one chunk of XML at a time, each holding its non-empty cells
// left of the header's last column (XlsxSheetReader), so a wide or long sheet costs no more
// memory than its widest row within the header.
class XlsxSource : public TabularSource {
 public:
  XlsxSource(const std::string& path, const std::string& sheet)
      : m_hash(file_sha256(path)), m_reader(path, sheet) {
    m_xlsx = true;
    std::error_code ec;
    m_size_hint = static_cast<long long>(std::filesystem::file_size(path, ec)) * 8;  // zip ~8x
    XlsxRow first;
    if (m_reader.next(first)) {
      for (XlsxCell& cell : dense_cells(first)) {
        m_header.push_back(std::move(cell.text));
      }
      m_header_line = first.row;
    }
    m_reader.limit_columns(static_cast<long>(m_header.size()));
  }

  bool next(TabularRow& row) override {
    if (!m_reader.next(m_row)) {
      return false;
    }
    const size_t width = m_header.size();
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

  std::string m_hash;
  XlsxSheetReader m_reader;
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

bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
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
// encoding and the byte, in the user's language.
std::string decode(std::string_view bytes, text::Encoding encoding, const std::string& name) {
  try {
    return text::to_utf8(bytes, encoding);
  } catch (const text::InvalidBytes& e) {
    throw Error(ExitCode::bad_input,
                i18n::tr("import.invalid_bytes", name, line_of_offset(bytes, e.offset(), encoding),
                         text::encoding_name(encoding), e.offset()));
  }
}

std::unique_ptr<TabularSource> open_csv_bytes(std::string bytes, const TabularOptions& options,
                                              const std::string& name) {
  std::string hash = sha256_hex(bytes);
  const auto size = static_cast<long long>(bytes.size());
  const text::Encoding encoding =
      choose_encoding(options.encoding, [&] { return text::detect_encoding(bytes); });
  auto owned = std::make_unique<std::string>(
      encoding == text::Encoding::utf8 ? std::move(bytes) : decode(bytes, encoding, name));
  auto stream = std::make_unique<std::istringstream>(*owned);
  const char delimiter = sniff_delimiter(first_line(*stream));
  auto source =
      std::make_unique<CsvSource>(std::move(stream), std::move(owned), hash, delimiter, encoding);
  source->set_size_hint(size);
  return source;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes.data(), bytes.size());
  return hash.hex();
}

std::unique_ptr<TabularSource> TabularSource::open(const std::string& path,
                                                   std::istream& standard_input,
                                                   const TabularOptions& options) {
  if (path == "-") {
    return open_csv_bytes(read_all(standard_input), options, "stdin");
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    throw Error(ExitCode::bad_input, i18n::tr("file.cannot_read", path));
  }
  if (path.ends_with(".xlsx") || looks_like_zip(path)) {
    return std::make_unique<XlsxSource>(path, options.sheet);
  }
  const text::Encoding encoding =
      choose_encoding(options.encoding, [&] { return text::detect_encoding(*file); });
  if (encoding != text::Encoding::utf8) {
    return open_csv_bytes(read_all(*file), {text::encoding_name(encoding), ""}, path);
  }
  const char delimiter = sniff_delimiter(first_line(*file));
  std::error_code ec;
  const auto size = static_cast<long long>(std::filesystem::file_size(path, ec));
  auto source = std::make_unique<CsvSource>(std::move(file), nullptr, "", delimiter, encoding);
  source->set_size_hint(ec ? 0 : size);
  return source;
}

}  // namespace tongxin::io
