#include <doctest/doctest.h>

#include "config/community_names.h"
#include "helpers.h"
#include "i18n/i18n.h"

using namespace tongxin;
using namespace tongxin::config;

namespace {

const std::vector<CommunityName> k_communities = {
    {"xiyuan-jianlan", "建兰社区"}, {"xiyuan-xijie", "西街社区"}, {"xiyuan-xijin", "西津社区"}};

}  // namespace

TEST_CASE("a community is named by its id, its name or a unique short name") {
  CHECK(match_community(k_communities, "xiyuan-xijin").id == "xiyuan-xijin");
  CHECK(match_community(k_communities, " 西津社区 ").id == "xiyuan-xijin");
  CHECK(match_community(k_communities, "西津").id == "xiyuan-xijin");
  CHECK(match_community(k_communities, "建兰").id == "xiyuan-jianlan");
  CHECK(resolve_community(k_communities, "建兰社区") == "xiyuan-jianlan");
  CHECK(resolve_community(k_communities, "") == "");
}

TEST_CASE("an ambiguous short name lists its candidates") {
  i18n::set_language(i18n::Lang::zh);
  const CommunityMatch match = match_community(k_communities, "西");
  CHECK(match.id.empty());
  REQUIRE(match.candidates.size() == 2);
  CHECK(match.problem ==
        "“西”可指多个社区，请写社区全称或编号：xiyuan-xijie（西街社区）、xiyuan-xijin（西津社区）");
  CHECK(testing::exit_code_of([] { resolve_community(k_communities, "西"); }) == ExitCode::usage);
}

// Regression: the list read "可用：xiyuan-jianlan, xiyuan-xijin（建兰社区）", as if the rejected
// value were the last id's name.
TEST_CASE("an unknown community quotes the value apart from the id（name） pairs") {
  i18n::set_language(i18n::Lang::zh);
  const CommunityMatch match = match_community(k_communities, "东岗");
  CHECK(match.id.empty());
  CHECK(match.candidates.empty());
  CHECK(match.problem ==
        "工作区中没有社区“东岗”。可用的社区：xiyuan-jianlan（建兰社区）、xiyuan-xijie（西街社区）"
        "、xiyuan-xijin（西津社区）");
  i18n::set_language(i18n::Lang::en);
  CHECK(match_community(k_communities, "east").problem ==
        "no community 'east' in the workspace. Known: xiyuan-jianlan (建兰社区), xiyuan-xijie "
        "(西街社区), xiyuan-xijin (西津社区)");
}

TEST_CASE("tables show a community's name, or its id when the workspace no longer has it") {
  CHECK(community_name(k_communities, "xiyuan-xijin") == "西津社区");
  CHECK(community_name(k_communities, "gone") == "gone");
}
