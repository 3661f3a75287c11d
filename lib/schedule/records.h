// What the schedule reads from the store: activities, active members and which members each
// activity reached. The only SQL of lib/schedule lives in records.cpp; everything else works on
// the indexes built here.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/workspace.h"
#include "core/date.h"
#include "schedule/plan.h"

namespace tongxin::schedule {

struct ActivityRecord {
  std::string community;
  std::string type;
  std::string duty;  // plan duty id it names, or ""
  Date date;
};

// A member's time in one community: from the day they were registered or moved in to the day
// before they moved on, were archived or died (a member who moved has one record per community).
struct MemberRecord {
  long long id = 0;
  std::string community;
  bool key_contact = false;
  std::vector<std::string> greetings;  // festival codes the member opted in to
  Date from = k_first_day;             // first day in the community, active
  Date to = k_last_day;                // last day (k_last_day: still there)

  static constexpr Date k_first_day{1900, 1, 1};
  static constexpr Date k_last_day{9999, 12, 31};
  bool on(Date date) const { return from <= date && date <= to; }
};

// One member reached by one activity.
struct MemberLink {
  long long member_id = 0;
  std::string type;
  std::string duty;
  Date date;
};

// Calls `each` with every activity with a valid date, one at a time (the record is reused), so a
// county's millions of activities are indexed without being held. Throws SQLite::Exception on
// store errors.
void for_each_activity(SQLite::Database& db,
                       const std::function<void(const ActivityRecord&)>& each);
// Every member's active spans, from registered_on and member_event (the register as of any
// date: a member counts on D when one of their records is on(D)). `greetings` (comma-separated
// codes, names or aliases of schemas/codes/festivals.yaml) become codes; unknown entries are
// dropped.
std::vector<MemberRecord> load_member_spans(SQLite::Database& db);
// Every activity_member link, with its activity's type, duty and date.
std::vector<MemberLink> load_member_links(SQLite::Database& db);

// The key of a scope unit in the indexes: "c:<community id>", "t:<township>", or "*" (county).
std::string community_key(const std::string& id);
std::string township_key(const std::string& township);
inline const std::string k_county_key = "*";

// Activities by (scope unit, type), each list sorted by date, so counting those in a window is
// a binary search. Every activity is filed under its community, its community's township and
// the county. An activity naming a duty of another type is also filed under that duty, so it
// counts for the duty it names too.
class ActivityIndex {
 public:
  ActivityIndex(const config::Workspace& workspace, const Plan& plan);
  // Files one activity; sort() once after the last.
  void add(const ActivityRecord& activity);
  void sort();
  // Activities of `type` in unit `key` dated start..end.
  size_t count_type(const std::string& key, const std::string& type, Date start, Date end) const;
  // Activities that count for `duty` (its type, or naming it) in unit `key` dated start..end.
  size_t count_duty(const std::string& key, const Duty& duty, Date start, Date end) const;

 private:
  using Days = std::vector<int32_t>;  // Date::days() of each activity: 4 bytes, not 12
  size_t count(const std::string& key, const std::string& list, Date start, Date end) const;
  std::vector<Days*> targets(const ActivityRecord& activity);

  std::map<std::string, std::string> m_duty_types;  // duty id -> its type
  std::map<std::string, std::string> m_townships;   // community id -> township key or ""
  std::unordered_map<std::string, Days> m_lists;    // "<unit key>\x1f<T:type|D:duty>"
  // The lists an activity of each (community, type, duty) goes to, worked out once per
  // combination: a county has millions of activities but a few thousand combinations.
  std::unordered_map<std::string, std::vector<Days*>> m_targets;
  std::string m_scratch;  // the m_targets key of the activity being added
};

// Active members by scope unit (members of communities outside the workspace are left out),
// and the links of each member. Holds pointers into itself: movable, not copyable.
class MemberIndex {
 public:
  MemberIndex(std::vector<MemberRecord> members, std::vector<MemberLink> links,
              const config::Workspace& workspace);
  MemberIndex(const MemberIndex&) = delete;
  MemberIndex& operator=(const MemberIndex&) = delete;
  MemberIndex(MemberIndex&&) = default;
  // The members of unit `key` on `date` (registered by then, active, in one of its communities),
  // in id order.
  std::vector<const MemberRecord*> in_unit(const std::string& key, Date date) const;
  // Activities that count for `duty` reaching member `id`, dated start..end.
  size_t visits(long long id, const Duty& duty, Date start, Date end) const;
  // Members of community `id` on `date`.
  size_t active_in_community(const std::string& id, Date date) const;

 private:
  std::vector<MemberRecord> m_members;
  std::unordered_map<std::string, std::vector<const MemberRecord*>> m_by_unit;
  std::unordered_map<long long, std::vector<MemberLink>> m_links;
};

}  // namespace tongxin::schedule
