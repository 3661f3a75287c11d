#include "io/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace tongxin::io {

namespace {

constexpr std::size_t k_min_chunk_size = 4;

// The string in `fields` at index `n`, emptied but with its capacity kept.
std::string& reuse_field(std::vector<std::string>& fields, std::size_t n) {
  if (n < fields.size()) {
    fields[n].clear();
  } else {
    fields.emplace_back();
  }
  return fields[n];
}

void drop_trailing_cr(std::string& field) {
  if (!field.empty() && field.back() == '\r') {
    field.pop_back();
  }
}

}  // namespace

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t chunk_size)
    : m_in(in), m_delimiter(delimiter), m_buffer(std::max(chunk_size, k_min_chunk_size)) {
  m_pos = m_buffer.data();
  m_end = m_buffer.data();
}

bool CsvReader::ensure(std::size_t n) {
  if (static_cast<std::size_t>(m_end - m_pos) >= n) {
    return true;
  }
  // Keep the unread tail (a few bytes at most) and top the buffer up behind it.
  const auto kept = static_cast<std::size_t>(m_end - m_pos);
  std::memmove(m_buffer.data(), m_pos, kept);
  std::size_t size = kept;
  while (!m_input_done && size < n) {
    m_in.read(m_buffer.data() + size, static_cast<std::streamsize>(m_buffer.size() - size));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    size += got;
    if (got == 0 || !m_in) {
      m_input_done = true;
    }
  }
  m_pos = m_buffer.data();
  m_end = m_buffer.data() + size;
  m_line_end = nullptr;  // recomputed on the next unquoted scan
  return size >= n;
}

void CsvReader::skip_bom() {
  ensure(3);
  if (m_end - m_pos >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0) {
    m_pos += 3;
  }
}

bool CsvReader::next(Record& record) {
  if (!m_started) {
    m_started = true;
    skip_bom();
  }
  // Skip empty lines (LF, CRLF, or a lone CR at the very end).
  while (true) {
    if (!ensure(1)) {
      return false;
    }
    if (*m_pos == '\n') {
      ++m_pos;
      ++m_line;
    } else if (*m_pos == '\r' && !ensure(2)) {
      ++m_pos;
    } else if (*m_pos == '\r' && m_pos[1] == '\n') {
      m_pos += 2;
      ++m_line;
    } else {
      break;
    }
  }

  record.line = m_line;
  std::size_t count = 0;
  bool record_done = false;
  while (!record_done) {
    std::string& field = reuse_field(record.fields, count++);
    if (ensure(1) && *m_pos == '"') {
      ++m_pos;
      record_done = read_quoted(field, record.line);
    } else {
      record_done = read_unquoted(field);
    }
  }
  record.fields.resize(count);
  return true;
}

bool CsvReader::read_unquoted(std::string& field) {
  while (true) {
    if (m_pos == m_end && !ensure(1)) {
      drop_trailing_cr(field);
      return true;
    }
    if (m_line_end == nullptr || m_line_end < m_pos) {
      const void* newline = std::memchr(m_pos, '\n', static_cast<std::size_t>(m_end - m_pos));
      m_line_end = newline != nullptr ? static_cast<const char*>(newline) : m_end;
    }
    const void* found =
        std::memchr(m_pos, m_delimiter, static_cast<std::size_t>(m_line_end - m_pos));
    const char* stop = found != nullptr ? static_cast<const char*>(found) : m_line_end;
    field.append(m_pos, stop);
    m_pos = stop;
    if (stop == m_end) {
      continue;  // the field goes on in the next chunk
    }
    ++m_pos;
    if (*stop == m_delimiter) {
      return false;
    }
    ++m_line;
    drop_trailing_cr(field);
    return true;
  }
}

bool CsvReader::read_quoted(std::string& field, long record_line) {
  while (true) {
    if (m_pos == m_end && !ensure(1)) {
      throw CsvError(record_line, "unterminated quoted field: the record starting on line " +
                                      std::to_string(record_line) + " runs to the end of the file");
    }
    const void* quote = std::memchr(m_pos, '"', static_cast<std::size_t>(m_end - m_pos));
    const char* stop = quote != nullptr ? static_cast<const char*>(quote) : m_end;
    m_line += std::count(m_pos, stop, '\n');
    field.append(m_pos, stop);
    m_pos = stop;
    if (stop == m_end) {
      continue;
    }
    ++m_pos;
    if (!ensure(1)) {
      return true;  // closing quote at the end of input
    }
    if (*m_pos == '"') {
      field += '"';
      ++m_pos;
      continue;
    }
    return read_after_closing_quote(field);
  }
}

bool CsvReader::read_after_closing_quote(std::string& field) {
  while (ensure(1)) {
    const char c = *m_pos;
    if (c == m_delimiter) {
      ++m_pos;
      return false;
    }
    if (c == '\n') {
      ++m_pos;
      ++m_line;
      return true;
    }
    if (c == '\r' && !ensure(2)) {
      ++m_pos;  // a lone CR ends the input
      return true;
    }
    if (c == '\r' && m_pos[1] == '\n') {
      m_pos += 2;
      ++m_line;
      return true;
    }
    // Not RFC 4180, but what Excel and Python do: keep the stray text.
    field += c;
    ++m_pos;
  }
  return true;
}

char sniff_delimiter(std::string_view first_line) {
  const auto tabs = std::count(first_line.begin(), first_line.end(), '\t');
  const auto commas = std::count(first_line.begin(), first_line.end(), ',');
  return tabs > commas ? '\t' : ',';
}

}  // namespace tongxin::io
