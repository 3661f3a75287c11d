// Communities as users name them: by id (xiyuan-xijin), by name (西津社区) or by a part of the
// name that no other community's name holds (西津). One resolver, pure, on the workspace's list
// of communities, for every flag and import cell that takes a community.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::config {

struct CommunityName {
  std::string id;
  std::string name;
};

struct CommunityMatch {
  std::string id;  // the community meant; empty when none or several match
  // When nothing matched: empty. When a short name is ambiguous: every community it fits.
  std::vector<CommunityName> candidates;
  // Why the reference matched no community or several, in the user's language (it quotes the
  // reference and lists `id（name）` pairs); empty when `id` is set.
  std::string problem;
};

// Which community `reference` (trimmed) means: a community whose id equals it, else whose name
// equals it, else the one community whose name contains it. Pure.
CommunityMatch match_community(const std::vector<CommunityName>& communities,
                               std::string_view reference);

// The id `reference` means ("" for an empty reference). Throws tongxin::Error (exit 2) with the
// match's problem when it means no community or several.
std::string resolve_community(const std::vector<CommunityName>& communities,
                              std::string_view reference);

// "chengguan-beijie（北街社区）、chengguan-dongjie（东街社区）" in the user's language.
std::string community_pairs(const std::vector<CommunityName>& communities);

// The name of community `id` for tables people read; the id itself when it is unknown (a
// community file removed after its members were registered).
std::string community_name(const std::vector<CommunityName>& communities, std::string_view id);

}  // namespace tongxin::config
