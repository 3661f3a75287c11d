// What every fuzz harness shares (fuzz/README.md). A harness feeds one input to a library entry
// point through `run_guarded`: a tongxin::Error is the answer to bad input and is fine; any other
// exception escaping is a finding, as is a crash or a sanitizer report. A finding aborts, so
// libFuzzer keeps the input as a reproducer and the corpus replay in ctest fails on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace tongxin::fuzz {

// The fixed "today" of every harness, so that a reproducer stays one.
constexpr Date k_today{2026, 11, 24};

// Calls `body()`; returns normally when it returns or throws tongxin::Error, aborts after printing
// what escaped otherwise.
void run_guarded(const char* harness, void (*body)(std::string_view input), std::string_view input);

// Aborts with `what` when `holds` is false: an invariant a harness checks beyond "no crash".
void expect(bool holds, const char* what);

// The input as text (its bytes unchanged).
inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The records of `input` read as CSV (comma-separated; the reader's own rules), for harnesses
// whose input is a header row and data rows. Throws tongxin::Error when the CSV is broken.
std::vector<std::vector<std::string>> csv_records(std::string_view input);

}  // namespace tongxin::fuzz

// Each harness defines this; libFuzzer (or replay_main.cpp) calls it once per input.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Defined once in harness.cpp: the module messages, as the program adds them when it starts.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
