// An acceptance standard (audit::parse_standard), checked against the duties of the Yongdeng
// example's plan, so that `duty` checks can be valid.
#include <string>

#include "audit/standard.h"
#include "core/resources.h"
#include "harness.h"
#include "schedule/plan.h"

namespace {

const tongxin::audit::StandardContext& context() {
  static const tongxin::audit::StandardContext k_context = [] {
    tongxin::audit::StandardContext c;
    const std::string path = "examples/yongdeng-2011/plans/2011-2012.yaml";
    for (const auto& duty :
         tongxin::schedule::parse_plan(path, std::string(tongxin::resources::get(path))).duties) {
      c.duties.insert(duty.id);
    }
    c.plan_loaded = true;
    return c;
  }();
  return k_context;
}

void body(std::string_view input) {
  (void)tongxin::audit::parse_standard("standards/fuzz.yaml", std::string(input), context());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("standard", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
