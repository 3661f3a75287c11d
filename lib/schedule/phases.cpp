#include "schedule/phases.h"

#include <algorithm>
#include <array>

namespace tongxin::schedule {

namespace {

constexpr std::array<std::string_view, 4> k_codes = {"upcoming", "in_progress", "done", "late"};

bool organisation_met(const config::Community& c, const std::string& key, size_t min_count) {
  if (key == "leading_group") {
    return c.leading_group.present;
  }
  if (key == "coordination_group") {
    return c.coordination_group.present;
  }
  const size_t size = key == "liaison_officers"    ? c.liaison_officers.size()
                      : key == "friendship_groups" ? c.friendship_groups.size()
                      : key == "building_liaisons" ? c.building_liaisons.size()
                                                   : 0;
  return size >= min_count;
}

bool deliverable_met(const Deliverable& d, const Phase& phase, const config::Community& c,
                     const ActivityIndex& activities, const MemberIndex& members) {
  switch (d.require.kind) {
    case Requirement::Kind::activity:
      return activities.count_type(community_key(c.id), d.require.activity_type, phase.start,
                                   phase.end) >= static_cast<size_t>(d.require.min_count);
    case Requirement::Kind::roster:
      return members.active_in_community(c.id) >= 1;
    case Requirement::Kind::field:
      return field_met(c, d.require);
  }
  return false;
}

PhaseStatus status(const Phase& phase, bool all_met, Date today) {
  if (all_met) {
    return PhaseStatus::done;
  }
  if (today < phase.start) {
    return PhaseStatus::upcoming;
  }
  return today <= phase.end ? PhaseStatus::in_progress : PhaseStatus::late;
}

}  // namespace

std::string_view phase_status_code(PhaseStatus s) { return k_codes[static_cast<size_t>(s)]; }

bool field_met(const config::Community& c, const Requirement& requirement) {
  const std::string& path = requirement.field;
  const size_t dot = path.find('.');
  const std::string group = path.substr(0, dot);
  std::string key = dot == std::string::npos ? std::string() : path.substr(dot + 1);
  if (group == "activity_room") {
    const auto it = c.activity_room.find(key);
    return it != c.activity_room.end() && it->second;
  }
  if (group == "facilities") {
    if (key.ends_with(".present")) {
      key.resize(key.size() - 8);
    }
    const auto it = c.facilities.find(key);
    return it != c.facilities.end() && it->second.present;
  }
  if (group == "organisation") {
    return organisation_met(c, key, static_cast<size_t>(requirement.min_count));
  }
  return false;
}

std::vector<PhaseRow> evaluate_phases(const Plan& plan, const config::Workspace& workspace,
                                      const ActivityIndex& activities, const MemberIndex& members,
                                      Date today) {
  std::vector<PhaseRow> rows;
  for (const Phase& phase : plan.phases) {
    for (const config::Community& c : workspace.communities) {
      PhaseRow row{&phase, &c, {}, PhaseStatus::upcoming};
      for (const Deliverable& d : phase.deliverables) {
        row.met.push_back(deliverable_met(d, phase, c, activities, members));
      }
      row.status = status(
          phase, std::all_of(row.met.begin(), row.met.end(), [](bool m) { return m; }), today);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<PhaseRow> build_phases(const Plan& plan, const config::Workspace& workspace,
                                   SQLite::Database& db, Date today) {
  const ActivityIndex activities(load_activities(db), workspace, plan);
  const MemberIndex members(load_active_members(db), {}, workspace);
  return evaluate_phases(plan, workspace, activities, members, today);
}

}  // namespace tongxin::schedule
