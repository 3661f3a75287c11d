#include "audit_duties.h"

#include "schedule/agenda.h"

namespace tongxin::cli {

namespace {

bool uses_duties(const audit::Standard& standard) {
  return standard.any_check([](const audit::Check& check) {
    return check.kind == audit::CheckKind::duty ||
           (check.kind == audit::CheckKind::deduct && check.deduct_of == audit::DeductOf::duty);
  });
}

}  // namespace

AuditPlan audit_plan(const config::Workspace& workspace) {
  AuditPlan p;
  if (workspace.config.plan.empty()) {
    return p;
  }
  p.plan = schedule::load_plan(workspace);
  p.context.plan_loaded = true;
  for (const schedule::Duty& duty : p.plan->duties) {
    p.context.duties.insert(duty.id);
  }
  return p;
}

audit::DutyFiguresByCommunity duty_figures(const AuditPlan& p, const audit::Standard& standard,
                                           Context& ctx, DateRange range, Date as_of,
                                           const schedule::StoreIndexes* store) {
  audit::DutyFiguresByCommunity figures;
  if (!p.plan || !uses_duties(standard)) {
    return figures;
  }
  // Judged as of the as-of date: an occurrence whose window closed by then is done or missed.
  const schedule::AgendaQuery query{range, as_of, "", {}};
  const auto rows = store != nullptr
                        ? schedule::build_agenda(*p.plan, ctx.workspace(), *store, query)
                        : schedule::build_agenda(*p.plan, ctx.workspace(), ctx.db(), query);
  for (const auto& row : rows) {
    if (row.unit.scope != schedule::Scope::community || !range.contains(row.window.due)) {
      continue;
    }
    audit::DutyFigures& f = figures[row.unit.id][row.duty->id];
    if (row.status == schedule::Status::done) {
      f.due++;
      f.done++;
    } else if (row.status == schedule::Status::overdue) {
      f.due++;
    }
  }
  return figures;
}

}  // namespace tongxin::cli
