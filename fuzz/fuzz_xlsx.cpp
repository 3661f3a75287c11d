// The XLSX reader (io::read_xlsx) on the bytes of a would-be workbook: zip, workbook, shared
// strings and sheet XML. Rows it returns hold at least one non-empty cell, as documented.
#include <string>

#include "harness.h"
#include "io/xlsx_reader.h"

namespace {

void body(std::string_view input) {
  for (const auto& row : tongxin::io::read_xlsx("fuzz.xlsx", input, "")) {
    bool any = false;
    for (const auto& cell : row.cells) {
      any = any || !cell.text.empty();
    }
    tongxin::fuzz::expect(any, "a row returned has a non-empty cell");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("xlsx", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
