#include "schedule/phases.h"

#include "schedule/agenda.h"

#include <algorithm>
#include <array>

namespace tongxin::schedule {

namespace {

constexpr std::array<std::string_view, 4> k_codes = {"upcoming", "in_progress", "done", "late"};

bool deliverable_met(const Deliverable& d, const Phase& phase, const config::Community& c,
                     const ActivityIndex& activities, const MemberIndex& members) {
  switch (d.require.kind) {
    case Requirement::Kind::activity:
      return activities.count_type(community_key(c.id), d.require.activity_type, phase.start,
                                   phase.end) >= static_cast<size_t>(d.require.min_count);
    case Requirement::Kind::roster:
      return members.active_in_community(c.id, phase.end) >= 1;
    case Requirement::Kind::field:
      return config::field_met(c, d.require.field, static_cast<size_t>(d.require.min_count));
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
  const StoreIndexes store = load_indexes(plan, workspace, db);
  return evaluate_phases(plan, workspace, store.activities, store.members, today);
}

}  // namespace tongxin::schedule
