#include "harness.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <typeinfo>

#include "app.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "io/csv_reader.h"

namespace tongxin::fuzz {

void run_guarded(const char* harness, void (*body)(std::string_view input),
                 std::string_view input) {
  try {
    body(input);
  } catch (const Error&) {
    // Bad input, told to the user with an exit code: what the harness expects.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz %s: %s escaped instead of tongxin::Error: %s\n", harness,
                 typeid(e).name(), e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz %s: a non-std exception escaped\n", harness);
    std::abort();
  }
}

void expect(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

std::vector<std::vector<std::string>> csv_records(std::string_view input) {
  std::istringstream in{std::string(input)};
  io::CsvReader reader(in, ',');
  std::vector<std::vector<std::string>> records;
  io::Record record;
  while (reader.next(record)) {
    records.push_back(record.fields);
  }
  return records;
}

}  // namespace tongxin::fuzz

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  tongxin::cli::add_messages();
  // Chinese, the language of the people who use tongxin; the message arguments are the same in
  // both languages.
  tongxin::i18n::set_language(tongxin::i18n::Lang::zh);
  return 0;
}
