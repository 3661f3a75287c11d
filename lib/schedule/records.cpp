#include "schedule/records.h"

#include <algorithm>
#include <iterator>

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

void for_each_activity(SQLite::Database& db,
                       const std::function<void(const ActivityRecord&)>& each) {
  ActivityRecord record;
  SQLite::Statement query(db, "SELECT community, type, duty, date FROM activity");
  while (query.executeStep()) {
    if (const auto date = parse_iso_date(query.getColumn(3).getText())) {
      record.community.assign(query.getColumn(0).getText());  // "" for NULL
      record.type.assign(query.getColumn(1).getText());
      record.duty.assign(query.getColumn(2).getText());
      record.date = *date;
      each(record);
    }
  }
}

namespace {

struct MemberEvent {
  Date on;
  std::string from_community;
  std::string to_community;
  bool from_active = false;
  bool to_active = false;
};

// Every member's events by member id, in date order.
std::unordered_map<long long, std::vector<MemberEvent>> load_events(SQLite::Database& db) {
  std::unordered_map<long long, std::vector<MemberEvent>> out;
  SQLite::Statement query(db,
                          "SELECT member_id, on_date, from_community, to_community, "
                          "from_status = 'active', to_status = 'active' FROM member_event "
                          "ORDER BY member_id, on_date, id");
  while (query.executeStep()) {
    if (const auto on = parse_iso_date(column_text(query, 1))) {
      out[query.getColumn(0).getInt64()].push_back(
          {*on, column_text(query, 2), column_text(query, 3), query.getColumn(4).getInt() != 0,
           query.getColumn(5).getInt() != 0});
    }
  }
  return out;
}

// The member's spans: the state before its first event from the day it was registered, then
// the state after each event from the event's day.
void add_spans(MemberRecord member, bool active_now, const std::vector<MemberEvent>* events,
               std::vector<MemberRecord>& out) {
  if (events == nullptr) {
    if (active_now) {
      out.push_back(std::move(member));
    }
    return;
  }
  bool active = events->front().from_active;
  member.community = events->front().from_community;
  for (const MemberEvent& e : *events) {
    if (active && member.from < e.on) {
      MemberRecord span = member;
      span.to = e.on.plus_days(-1);
      out.push_back(std::move(span));
    }
    member.community = e.to_community;
    member.from = e.on;
    active = e.to_active;
  }
  if (active) {
    out.push_back(std::move(member));
  }
}

}  // namespace

std::vector<MemberRecord> load_member_spans(SQLite::Database& db) {
  const auto events = load_events(db);
  std::vector<MemberRecord> out;
  SQLite::Statement query(db,
                          "SELECT id, community, key_contact, greetings, registered_on, "
                          "status = 'active' FROM member ORDER BY id");
  while (query.executeStep()) {
    MemberRecord member{query.getColumn(0).getInt64(), column_text(query, 1),
                        query.getColumn(2).getInt() != 0, greeting_codes(column_text(query, 3))};
    if (const auto registered = parse_iso_date(column_text(query, 4))) {
      member.from = *registered;
    }
    const auto it = events.find(member.id);
    add_spans(std::move(member), query.getColumn(5).getInt() != 0,
              it == events.end() ? nullptr : &it->second, out);
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

ActivityIndex::ActivityIndex(const config::Workspace& workspace, const Plan& plan)
    : m_townships(township_keys(workspace)) {
  for (const Duty& duty : plan.duties) {
    m_duty_types[duty.id] = duty.type;
  }
}

std::vector<ActivityIndex::Days*> ActivityIndex::targets(const ActivityRecord& a) {
  const auto named = a.duty.empty() ? m_duty_types.end() : m_duty_types.find(a.duty);
  // Filed under the duty only when its type differs, so no activity is counted twice.
  const bool by_duty = named != m_duty_types.end() && named->second != a.type;
  std::vector<Days*> lists;
  for (const std::string& key : unit_keys(a.community, m_townships)) {
    lists.push_back(&m_lists[key + '\x1f' + "T:" + a.type]);
    if (by_duty) {
      lists.push_back(&m_lists[key + '\x1f' + "D:" + a.duty]);
    }
  }
  return lists;
}

void ActivityIndex::add(const ActivityRecord& a) {
  m_scratch.assign(a.community).append(1, '\x1f').append(a.type).append(1, '\x1f').append(a.duty);
  auto it = m_targets.find(m_scratch);
  if (it == m_targets.end()) {
    it = m_targets.emplace(m_scratch, targets(a)).first;  // m_lists' nodes never move
  }
  const auto day = static_cast<int32_t>(a.date.days());
  for (Days* list : it->second) {
    list->push_back(day);
  }
}

void ActivityIndex::sort() {
  for (auto& [name, days] : m_lists) {
    std::sort(days.begin(), days.end());
    days.shrink_to_fit();
  }
  m_targets.clear();
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

std::vector<const MemberRecord*> MemberIndex::in_unit(const std::string& key, Date date) const {
  std::vector<const MemberRecord*> out;
  const auto it = m_by_unit.find(key);
  if (it != m_by_unit.end()) {
    std::copy_if(it->second.begin(), it->second.end(), std::back_inserter(out),
                 [date](const MemberRecord* m) { return m->on(date); });
  }
  return out;
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

size_t MemberIndex::active_in_community(const std::string& id, Date date) const {
  return in_unit(community_key(id), date).size();
}

}  // namespace tongxin::schedule
