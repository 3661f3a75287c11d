// What the work plan says about a scope and period (制度落实, 下一步): the duties due, done and
// overdue, the phases, and what falls due next. Built from lib/schedule's agenda, judged against
// the register of each occurrence's window (schema 5).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "report/document.h"
#include "schedule/agenda.h"
#include "schedule/plan.h"

namespace tongxin::report {

// The plan's figures for every scope in `scopes`, for `period`, its previous and year-earlier
// periods and the next period, with the agenda built once per period. `today` decides overdue.
std::vector<PlanFacts> plan_facts(const schedule::Plan& plan, const config::Workspace& workspace,
                                  const schedule::StoreIndexes& store,
                                  const std::vector<Scope>& scopes, const Period& period,
                                  Date today);

}  // namespace tongxin::report
