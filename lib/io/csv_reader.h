// Streaming reader for CSV (RFC 4180) and TSV files, as spreadsheets export them. Built for
// imports of a million rows: it scans a large buffer with memchr and reuses the caller's record
// storage, so the cost per row is a few string appends. Input must already be UTF-8 (see
// text/encoding.h); the reader itself is encoding-agnostic apart from skipping a UTF-8 BOM.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tongxin::io {

struct Record {
  std::vector<std::string> fields;
  long line = 0;  // 1-based physical line where the record starts (the header is line 1)
};

// Thrown for input that cannot be split into records. `line()` is where the broken record
// starts; the message says what is wrong without a file name (callers add `path:line:`), in
// English: TabularSource reports it in the user's language.
class CsvError : public Error {
 public:
  CsvError(long line, const std::string& what) : Error(ExitCode::bad_input, what), m_line(line) {}
  long line() const { return m_line; }

 private:
  long m_line;
};

class CsvReader {
 public:
  static constexpr std::size_t k_default_chunk_size = std::size_t{1} << 20;

  // Reads `in` (not owned; must outlive the reader) in chunks of `chunk_size` bytes (at least
  // 4; tests use small ones to exercise chunk boundaries). `delimiter` is ',' or '\t' usually.
  CsvReader(std::istream& in, char delimiter, std::size_t chunk_size = k_default_chunk_size);

  // Reads the next record into `record`, reusing its strings; false at the end of input.
  // - Records end at LF or CRLF; a missing final line break is fine.
  // - A field starting with '"' is quoted: it may hold delimiters, line breaks (counted as
  //   physical lines) and doubled quotes "" for one quote. Text between the closing quote and
  //   the next delimiter is kept as it is (`"a"b` reads as ab, as in Excel). A quote inside an
  //   unquoted field is an ordinary character.
  // - A UTF-8 BOM at the very start is skipped.
  // - Empty lines (nothing but a line break) are skipped but counted; a line holding only
  //   delimiters or spaces is a record.
  // Throws CsvError when the input ends inside a quoted field, naming the line where that
  // record started.
  bool next(Record& record);

 private:
  // Makes at least `n` unread bytes available, reading more input when needed; false when the
  // input ends first.
  bool ensure(std::size_t n);
  void skip_bom();
  // Each returns true when the field ended its record (line break or end of input).
  bool read_unquoted(std::string& field);
  bool read_quoted(std::string& field, long record_line);
  bool read_after_closing_quote(std::string& field);

  std::istream& m_in;
  char m_delimiter;
  std::vector<char> m_buffer;
  const char* m_pos = nullptr;  // next unread byte in m_buffer
  const char* m_end = nullptr;  // end of the bytes read into m_buffer
  // The first '\n' at or after m_pos in the buffer (m_end when none); null or behind m_pos when
  // it must be looked for again.
  const char* m_line_end = nullptr;
  bool m_input_done = false;
  bool m_started = false;
  long m_line = 1;  // physical line of m_pos
};

// The delimiter of a file from its first (header) line: '\t' when it holds more tabs than
// commas, else ','.
char sniff_delimiter(std::string_view first_line);

}  // namespace tongxin::io
