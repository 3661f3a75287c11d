// A code table (config::parse_code_table), the shape of schemas/codes/*.yaml.
#include "config/codes.h"
#include "harness.h"

namespace {

void body(std::string_view input) {
  (void)tongxin::config::parse_code_table("codes/fuzz.yaml", std::string(input));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("code_table", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
