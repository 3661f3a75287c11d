// A community file (config::parse_community).
#include "config/community.h"
#include "harness.h"

namespace {

void body(std::string_view input) {
  (void)tongxin::config::parse_community("communities/fuzz.yaml", std::string(input));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("community", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
