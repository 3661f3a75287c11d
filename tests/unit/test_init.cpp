// tongxin init without an example: the starter files it writes are valid for the strict readers
// and name every 六有 and 十个制度 item.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "config/codes.h"
#include "config/community.h"
#include "config/workspace.h"
#include "helpers.h"
#include "schedule/plan.h"
#include "workspace/init.h"

using namespace tongxin;

TEST_CASE("init writes a starter community and plan the strict readers accept") {
  for (const std::string language : {"zh", "en"}) {
    CAPTURE(language);
    testing::TempDir dir;
    const auto result = workspace::init_workspace(dir.path, "", language, 2026);
    CHECK(result.files == std::vector<std::string>{"communities/my-community.yaml",
                                                   "plans/plan.yaml", "tongxin.yaml"});
    const config::Workspace ws = config::load_workspace(dir.path);
    REQUIRE(ws.communities.size() == 1);
    const config::Community& c = ws.communities.front();
    CHECK(c.id == "my-community");
    CHECK(c.facilities.size() == config::facility_keys().size());  // 六有, each one there
    CHECK(c.institutions.empty());                                 // none claimed
    const schedule::Plan plan = schedule::load_plan(ws);
    CHECK(plan.id == "plan-2026");
    CHECK_FALSE(plan.duties.empty());
    // Every one of the ten systems is named in the comments, ready to be moved in.
    const std::string text =
        tongxin::testing::read_bytes(dir.path / "communities/my-community.yaml");
    for (const auto& entry : config::code_table("institutions").entries()) {
      CHECK(text.find("{code: " + entry.code + ",") != std::string::npos);
    }
    CHECK(tongxin::testing::read_bytes(dir.path / "tongxin.yaml").find("language: " + language) !=
          std::string::npos);
  }
}

TEST_CASE("init refuses to overwrite a workspace") {
  testing::TempDir dir;
  workspace::init_workspace(dir.path, "", "zh", 2026);
  const std::string before =
      tongxin::testing::read_bytes(dir.path / "communities/my-community.yaml");
  std::ofstream(dir.path / "communities/my-community.yaml") << "# mine\n";
  CHECK(testing::exit_code_of([&] { workspace::init_workspace(dir.path, "", "zh", 2026); }) ==
        ExitCode::usage);
  CHECK(tongxin::testing::read_bytes(dir.path / "communities/my-community.yaml") == "# mine\n");
}
