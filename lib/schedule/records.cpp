#include "schedule/records.h"

#include <algorithm>

#include "config/codes.h"
#include "schedule/recurrence.h"

namespace tongxin::schedule {

namespace {

std::string column_text(SQLite::Statement& query, int index) {
  return query.getColumn(index).isNull() ? std::string() : query.getColumn(index).getString();
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// "spring_festival,中秋节" -> codes; separators: ASCII comma, Chinese comma, 、 and ;.
std::vector<std::string> greeting_codes(const std::string& text) {
  std::string normalised = text;
  for (const std::string sep : {"，", "、", "；"}) {
    for (size_t at = normalised.find(sep); at != std::string::npos; at = normalised.find(sep)) {
      normalised.replace(at, sep.size(), ",");
    }
  }
  std::replace(normalised.begin(), normalised.end(), ';', ',');
  std::vector<std::string> codes;
  size_t start = 0;
  while (start <= normalised.size()) {
    const size_t end = std::min(normalised.find(',', start), normalised.size());
    const std::string token = trim(std::string_view(normalised).substr(start, end - start));
    if (const config::CodeEntry* entry = config::code_table("festivals").find(token)) {
      codes.push_back(entry->code);
    }
    start = end + 1;
  }
  return codes;
}

// The community's township key, or "" when it has none or is not in the workspace.
std::map<std::string, std::string> township_keys(const config::Workspace& workspace) {
  std::map<std::string, std::string> keys;
  for (const config::Community& c : workspace.communities) {
    keys[c.id] = c.township.empty() ? std::string() : township_key(c.township);
  }
  return keys;
}

// The unit keys an activity or member of `community` belongs to.
std::vector<std::string> unit_keys(const std::string& community,
                                   const std::map<std::string, std::string>& townships) {
  std::vector<std::string> keys = {community_key(community), k_county_key};
  const auto it = townships.find(community);
  if (it != townships.end() && !it->second.empty()) {
    keys.push_back(it->second);
  }
  return keys;
}

}  // namespace

std::vector<ActivityRecord> load_activities(SQLite::Database& db) {
  std::vector<ActivityRecord> out;
  SQLite::Statement query(db, "SELECT community, type, duty, date FROM activity");
  while (query.executeStep()) {
    if (const auto date = parse_iso_date(column_text(query, 3))) {
      out.push_back({column_text(query, 0), column_text(query, 1), column_text(query, 2), *date});
    }
  }
  return out;
}

std::vector<MemberRecord> load_active_members(SQLite::Database& db) {
  std::vector<MemberRecord> out;
  SQLite::Statement query(
      db,
      "SELECT id, community, key_contact, greetings FROM member WHERE status = 'active' "
      "ORDER BY id");
  while (query.executeStep()) {
    out.push_back({query.getColumn(0).getInt64(), column_text(query, 1),
                   query.getColumn(2).getInt() != 0, greeting_codes(column_text(query, 3))});
  }
  return out;
}

std::vector<MemberLink> load_member_links(SQLite::Database& db) {
  std::vector<MemberLink> out;
  SQLite::Statement query(db,
                          "SELECT am.member_id, a.type, a.duty, a.date FROM activity_member am "
                          "JOIN activity a ON a.id = am.activity_id");
  while (query.executeStep()) {
    if (const auto date = parse_iso_date(column_text(query, 3))) {
      out.push_back(
          {query.getColumn(0).getInt64(), column_text(query, 1), column_text(query, 2), *date});
    }
  }
  return out;
}

std::string community_key(const std::string& id) { return "c:" + id; }
std::string township_key(const std::string& township) { return "t:" + township; }

ActivityIndex::ActivityIndex(const std::vector<ActivityRecord>& activities,
                             const config::Workspace& workspace, const Plan& plan) {
  std::map<std::string, std::string> duty_types;
  for (const Duty& duty : plan.duties) {
    duty_types[duty.id] = duty.type;
  }
  const auto townships = township_keys(workspace);
  for (const ActivityRecord& a : activities) {
    const auto named = a.duty.empty() ? duty_types.end() : duty_types.find(a.duty);
    // Filed under the duty only when its type differs, so no activity is counted twice.
    const bool by_duty = named != duty_types.end() && named->second != a.type;
    for (const std::string& key : unit_keys(a.community, townships)) {
      add(key, "T:" + a.type, a.date);
      if (by_duty) {
        add(key, "D:" + a.duty, a.date);
      }
    }
  }
  for (auto& [name, dates] : m_lists) {
    std::sort(dates.begin(), dates.end());
  }
}

void ActivityIndex::add(const std::string& key, const std::string& list, Date date) {
  m_lists[key + '\x1f' + list].push_back(date);
}

size_t ActivityIndex::count(const std::string& key, const std::string& list, Date start,
                            Date end) const {
  const auto it = m_lists.find(key + '\x1f' + list);
  return it == m_lists.end() ? 0 : count_in(it->second, start, end);
}

size_t ActivityIndex::count_type(const std::string& key, const std::string& type, Date start,
                                 Date end) const {
  return count(key, "T:" + type, start, end);
}

size_t ActivityIndex::count_duty(const std::string& key, const Duty& duty, Date start,
                                 Date end) const {
  return count(key, "T:" + duty.type, start, end) + count(key, "D:" + duty.id, start, end);
}

MemberIndex::MemberIndex(std::vector<MemberRecord> members, std::vector<MemberLink> links,
                         const config::Workspace& workspace)
    : m_members(std::move(members)) {
  const auto townships = township_keys(workspace);
  for (const MemberRecord& m : m_members) {
    if (townships.contains(m.community)) {  // members of communities outside the workspace
      for (const std::string& key : unit_keys(m.community, townships)) {
        m_by_unit[key].push_back(&m);
      }
    }
  }
  for (MemberLink& link : links) {
    m_links[link.member_id].push_back(std::move(link));
  }
}

const std::vector<const MemberRecord*>& MemberIndex::in_unit(const std::string& key) const {
  static const std::vector<const MemberRecord*> k_none;
  const auto it = m_by_unit.find(key);
  return it == m_by_unit.end() ? k_none : it->second;
}

size_t MemberIndex::visits(long long id, const Duty& duty, Date start, Date end) const {
  const auto it = m_links.find(id);
  if (it == m_links.end()) {
    return 0;
  }
  return static_cast<size_t>(
      std::count_if(it->second.begin(), it->second.end(), [&](const MemberLink& l) {
        return (l.type == duty.type || l.duty == duty.id) && start <= l.date && l.date <= end;
      }));
}

size_t MemberIndex::active_in_community(const std::string& id) const {
  return in_unit(community_key(id)).size();
}

}  // namespace tongxin::schedule
