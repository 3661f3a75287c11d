// A work plan (schedule::parse_plan): duties, rules, phases, festival overrides.
#include "harness.h"
#include "schedule/plan.h"

namespace {

void body(std::string_view input) {
  (void)tongxin::schedule::parse_plan("plans/fuzz.yaml", std::string(input));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("plan", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
