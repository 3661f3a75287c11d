// The CSV reader, twice: io::CsvReader alone with a chunk size chosen by the first byte (records
// must not depend on where chunks end: they are compared with one read in a single chunk), and
// the whole input through io::TabularSource from standard input (encoding detection, GB18030,
// delimiter sniffing, rows padded to the header).
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"
#include "io/csv_reader.h"
#include "io/tabular.h"

namespace {

using tongxin::fuzz::expect;
using tongxin::io::Record;

// Every record, or std::nullopt when the reader throws CsvError (the line must be a real one).
std::optional<std::vector<Record>> read_records(std::string_view text, char delimiter,
                                                size_t chunk_size) {
  std::istringstream in{std::string(text)};
  tongxin::io::CsvReader reader(in, delimiter, chunk_size);
  std::vector<Record> records;
  Record record;
  try {
    while (reader.next(record)) {
      expect(records.empty() || record.line > records.back().line, "record lines increase");
      records.push_back(record);
    }
  } catch (const tongxin::io::CsvError& e) {
    expect(e.line() >= 1, "a CSV error names a line");
    return std::nullopt;
  }
  return records;
}

void reader_alone(std::string_view input) {
  if (input.empty()) {
    return;
  }
  const size_t chunk_size = 4 + static_cast<unsigned char>(input[0]) % 29;
  const std::string_view text = input.substr(1);
  const char delimiter = tongxin::io::sniff_delimiter(text.substr(0, text.find('\n')));
  const auto small = read_records(text, delimiter, chunk_size);
  const auto whole = read_records(text, delimiter, text.size() + 4);
  expect(small.has_value() == whole.has_value(), "chunk size decides whether the CSV is broken");
  if (small) {
    expect(small->size() == whole->size(), "chunk size changes the number of records");
    for (size_t i = 0; i < small->size(); ++i) {
      expect((*small)[i].fields == (*whole)[i].fields && (*small)[i].line == (*whole)[i].line,
             "chunk size changes a record");
    }
  }
}

void tabular(std::string_view input) {
  std::istringstream in{std::string(input)};
  const auto source = tongxin::io::TabularSource::open("-", in, {});
  tongxin::io::TabularRow row;
  while (source->next(row)) {
    expect(row.cells.size() == source->header().size(), "a row has the header's width");
  }
  expect(source->sha256().size() == 64, "the input's SHA-256 is 64 hex digits");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("csv", reader_alone, tongxin::fuzz::as_text(data, size));
  tongxin::fuzz::run_guarded("csv", tabular, tongxin::fuzz::as_text(data, size));
  return 0;
}
