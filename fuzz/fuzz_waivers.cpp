// waivers.yaml and a manual results file (audit::parse_waivers, audit::parse_manual_results), both
// read against the Shanxi example's standard and communities, the example that has them.
#include <set>
#include <string>

#include "audit/standard.h"
#include "audit/waivers.h"
#include "core/resources.h"
#include "harness.h"

namespace {

const tongxin::audit::Standard& standard() {
  static const tongxin::audit::Standard k_standard = [] {
    const std::string path = "examples/shanxi-2020/standards/shanxi-2020.yaml";
    return tongxin::audit::parse_standard(path, std::string(tongxin::resources::get(path)), {});
  }();
  return k_standard;
}

const std::set<std::string> k_communities = {"beige-liucun", "beige-zhangcun",
                                             "pingyang-nanneihuan", "pingyang-xuefu"};

void waivers(std::string_view input) {
  (void)tongxin::audit::parse_waivers("waivers.yaml", std::string(input), standard(),
                                      k_communities);
}

void manual_results(std::string_view input) {
  (void)tongxin::audit::parse_manual_results("audits/2020/manual.yaml", std::string(input),
                                             standard(), k_communities);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("waivers", waivers, tongxin::fuzz::as_text(data, size));
  tongxin::fuzz::run_guarded("waivers", manual_results, tongxin::fuzz::as_text(data, size));
  return 0;
}
