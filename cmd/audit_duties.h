// What tongxin audit and tongxin report both need to assess communities: the workspace's plan
// (its duty ids check the standard) and the duty figures taken from the schedule's agenda. Built
// here, in cmd, so lib/audit does not depend on lib/schedule.
#pragma once

#include <optional>

#include "audit/run.h"
#include "context.h"
#include "schedule/agenda.h"
#include "schedule/plan.h"

namespace tongxin::cli {

struct AuditPlan {
  std::optional<schedule::Plan> plan;
  audit::StandardContext context;
};

// The workspace's plan, when it has one, and the duty ids a standard may name.
AuditPlan audit_plan(const config::Workspace& workspace);

// Community duties due in `range`: done, or overdue by the as-of date. Occurrences still open on
// the as-of date are not counted either way. Empty when the standard checks no duty.
// `store`: the schedule's indexes when the caller has loaded them, else they are read here.
audit::DutyFiguresByCommunity duty_figures(const AuditPlan& p, const audit::Standard& standard,
                                           Context& ctx, DateRange range, Date as_of,
                                           const schedule::StoreIndexes* store = nullptr);

}  // namespace tongxin::cli
