// The phase report: for each phase of the plan and each community, whether each deliverable is
// met, and whether the phase is done, upcoming, in progress or late there.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>
#include <vector>

#include "config/community.h"
#include "config/workspace.h"
#include "schedule/plan.h"
#include "schedule/records.h"

namespace tongxin::schedule {

// A phase in one community: done when every deliverable is met; otherwise upcoming before its
// start, in_progress until its end, and late after it.
enum class PhaseStatus { upcoming, in_progress, done, late };

struct PhaseRow {
  const Phase* phase = nullptr;                  // points into the Plan passed in
  const config::Community* community = nullptr;  // points into the Workspace passed in
  std::vector<bool> met;                         // one per phase->deliverables
  PhaseStatus status = PhaseStatus::upcoming;
};

// "upcoming", "in_progress", "done", "late".
std::string_view phase_status_code(PhaseStatus status);

// Pure: every phase × every community (phase order, then community id). Activity deliverables
// count activities of the type in that community dated within the phase; roster deliverables
// need one active member in the community.
std::vector<PhaseRow> evaluate_phases(const Plan& plan, const config::Workspace& workspace,
                                      const ActivityIndex& activities, const MemberIndex& members,
                                      Date today);

// Loads the store once, then evaluate_phases. Throws SQLite::Exception on store errors.
std::vector<PhaseRow> build_phases(const Plan& plan, const config::Workspace& workspace,
                                   SQLite::Database& db, Date today);

}  // namespace tongxin::schedule
