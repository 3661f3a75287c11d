// tongxin.yaml as the workspace loader reads it (config::parse_workspace_config).
#include "config/workspace.h"
#include "harness.h"

namespace {

void body(std::string_view input) {
  (void)tongxin::config::parse_workspace_config("tongxin.yaml", std::string(input));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("workspace_config", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
