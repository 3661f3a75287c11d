#include "config/community_names.h"

#include "core/error.h"
#include "i18n/i18n.h"
#include "text/strings.h"

namespace tongxin::config {

namespace {

const CommunityName* by_id(const std::vector<CommunityName>& communities, std::string_view id) {
  for (const CommunityName& c : communities) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

CommunityMatch match_community(const std::vector<CommunityName>& communities,
                               std::string_view reference) {
  const std::string_view ref = text::trim_view(reference);
  CommunityMatch match;
  if (const CommunityName* c = by_id(communities, ref)) {
    match.id = c->id;
    return match;
  }
  for (const CommunityName& c : communities) {
    if (!c.name.empty() && c.name == ref) {
      match.id = c.id;
      return match;
    }
  }
  for (const CommunityName& c : communities) {
    if (!ref.empty() && c.name.find(ref) != std::string::npos) {
      match.candidates.push_back(c);
    }
  }
  if (match.candidates.size() == 1) {
    match.id = match.candidates.front().id;
    match.candidates.clear();
    return match;
  }
  match.problem = match.candidates.empty()
                      ? i18n::tr("community.unknown", ref, community_pairs(communities))
                      : i18n::tr("community.ambiguous", ref, community_pairs(match.candidates));
  return match;
}

std::string resolve_community(const std::vector<CommunityName>& communities,
                              std::string_view reference) {
  if (text::trim_view(reference).empty()) {
    return "";
  }
  CommunityMatch match = match_community(communities, reference);
  if (match.id.empty()) {
    throw Error(ExitCode::usage, match.problem);
  }
  return match.id;
}

std::string community_pairs(const std::vector<CommunityName>& communities) {
  std::string out;
  for (const CommunityName& c : communities) {
    if (!out.empty()) {
      out += i18n::text("community.separator");
    }
    out += c.name.empty() ? c.id : i18n::tr("community.pair", c.id, c.name);
  }
  return out;
}

std::string community_name(const std::vector<CommunityName>& communities, std::string_view id) {
  const CommunityName* c = by_id(communities, id);
  return c == nullptr || c->name.empty() ? std::string(id) : c->name;
}

}  // namespace tongxin::config
