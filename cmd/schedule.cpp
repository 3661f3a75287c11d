// tongxin schedule festivals|agenda|phases: festival calendar, what is due and what was missed,
// and how far each phase of the plan has come. Wiring only; the rules live in lib/schedule.
#include <algorithm>

#include "app.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "schedule/agenda.h"
#include "schedule/festivals.h"
#include "schedule/phases.h"
#include "schedule/plan.h"
#include "schedule/render.h"

namespace tongxin::cli {

namespace {

struct FestivalsOptions {
  int year = 0;  // YEAR; default: the current year
  int from = 0;  // --from YEAR (with --to)
  int to = 0;    // --to YEAR (with --from)
  std::string format = "table";
};

struct AgendaOptions {
  std::string from;                   // default: 30 days before today
  std::string to;                     // default: see agenda_range
  int days = 0;                       // --days N: the range is N days from --from
  std::string community;              // default: every community
  std::vector<std::string> statuses;  // default: every status
  std::string format = "table";
  bool fail_on_overdue = false;
};

struct PhasesOptions {
  std::string format = "table";
};

// The plan's festival overrides when run inside a workspace; none outside one.
schedule::FestivalOverrides overrides_here(Context& ctx) {
  if (!config::find_workspace_root(ctx.start_dir())) {
    return {};
  }
  return schedule::workspace_overrides(ctx.workspace());
}

void run_festivals(const FestivalsOptions& o, Context& ctx) {
  const int first = o.year != 0 ? o.year : (o.from != 0 ? o.from : ctx.today().year);
  const int last = o.year != 0 ? o.year : (o.to != 0 ? o.to : ctx.today().year);
  const auto dates = schedule::festival_dates(
      first, last, schedule::festival_rules(config::code_table("festivals")),
      schedule::builtin_tables(), overrides_here(ctx));
  const auto format = output::parse_format(o.format);
  const bool terminal = format == output::Format::table;
  output::write(ctx.out(), schedule::festivals_table(dates, terminal), format,
                ctx.render_options());
}

// Defaults (tongxin-schedule(1)): 30 days back to 30 days ahead, so recent misses show; --days N
// alone is the N days from today; --from alone gives 30 days.
DateRange agenda_range(const AgendaOptions& o, const Context& ctx) {
  const Date today = ctx.today();
  Date from = o.from.empty() ? today.plus_days(-30) : ctx.date_flag(o.from, "--from");
  if (o.from.empty() && o.days > 0) {
    from = today;
  }
  Date to = today.plus_days(30);
  if (!o.to.empty()) {
    to = ctx.date_flag(o.to, "--to");
  } else if (o.days > 0 || !o.from.empty()) {
    to = from.plus_days((o.days > 0 ? o.days : 30) - 1);
  }
  if (to < from) {
    throw Error(ExitCode::usage, i18n::tr("schedule.range_reversed", from.iso(), to.iso()));
  }
  return {from, to};
}

schedule::AgendaQuery agenda_query(const AgendaOptions& o, Context& ctx) {
  schedule::AgendaQuery query{agenda_range(o, ctx), ctx.today(), ctx.community(o.community), {}};
  for (const std::string& s : o.statuses) {
    query.statuses.push_back(*schedule::parse_status(s));  // CLI11 checked the names
  }
  return query;
}

void write_agenda(const AgendaOptions& o, const std::vector<schedule::AgendaRow>& rows,
                  Context& ctx) {
  if (o.format == "ics") {
    const auto stamp = schedule::utc_stamp(ctx.now());
    if (!stamp) {
      throw Error(ExitCode::usage, i18n::tr("schedule.bad_now", ctx.now()));
    }
    schedule::write_ics(ctx.out(), schedule::agenda_calendar(rows, *stamp));
  } else if (o.format == "json") {
    schedule::write_agenda_json(ctx.out(), rows);
  } else {
    const auto format = output::parse_format(o.format);
    output::write(ctx.out(), schedule::agenda_table(rows, format == output::Format::table), format,
                  ctx.render_options(i18n::tr("schedule.agenda_none")));
  }
}

void run_agenda(const AgendaOptions& o, Context& ctx) {
  const schedule::AgendaQuery query = agenda_query(o, ctx);
  const schedule::Plan plan = schedule::load_plan(ctx.workspace());
  const auto rows = schedule::build_agenda(plan, ctx.workspace(), ctx.db(), query);
  write_agenda(o, rows, ctx);
  if (o.fail_on_overdue && schedule::any_overdue(rows)) {
    const auto overdue = std::count_if(rows.begin(), rows.end(), [](const auto& r) {
      return r.status == schedule::Status::overdue;
    });
    throw Error(ExitCode::check_failed, i18n::tr("schedule.overdue", overdue));
  }
}

void run_phases(const PhasesOptions& o, Context& ctx) {
  const schedule::Plan plan = schedule::load_plan(ctx.workspace());
  const auto rows = schedule::build_phases(plan, ctx.workspace(), ctx.db(), ctx.today());
  if (o.format == "json") {
    schedule::write_phases_json(ctx.out(), rows);
    return;
  }
  const auto format = output::parse_format(o.format);
  output::write(ctx.out(), schedule::phases_table(rows, format == output::Format::table), format,
                ctx.render_options(i18n::tr("schedule.phases_none")));
}

void setup_festivals(CLI::App& schedule, Globals& globals, Environment& env) {
  auto o = std::make_shared<FestivalsOptions>();
  CLI::App* sub = schedule.add_subcommand("festivals", i18n::tr("help.schedule_festivals"));
  CLI::Option* year = sub->add_option("YEAR", o->year, i18n::tr("help.schedule_year"));
  CLI::Option* from =
      sub->add_option("--from", o->from, i18n::tr("help.schedule_from_year"))->type_name("YEAR");
  CLI::Option* to =
      sub->add_option("--to", o->to, i18n::tr("help.schedule_to_year"))->type_name("YEAR");
  from->needs(to)->excludes(year);
  to->needs(from)->excludes(year);
  sub->add_option("--format", o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "json"}));
  on_run(sub, run_festivals, o, globals, env);
}

void setup_agenda(CLI::App& schedule, Globals& globals, Environment& env) {
  auto o = std::make_shared<AgendaOptions>();
  CLI::App* sub = schedule.add_subcommand("agenda", i18n::tr("help.schedule_agenda"));
  sub->add_option("--from", o->from, i18n::tr("help.schedule_from"))->type_name("DATE");
  CLI::Option* to = sub->add_option("--to", o->to, i18n::tr("help.schedule_to"))->type_name("DATE");
  sub->add_option("--days", o->days, i18n::tr("help.schedule_days"))
      ->check(CLI::PositiveNumber)
      ->excludes(to);
  sub->add_option("--community", o->community, i18n::tr("help.schedule_community"))
      ->type_name("ID");
  sub->add_option("--status", o->statuses, i18n::tr("help.schedule_status"))
      ->check(CLI::IsMember({"upcoming", "due", "overdue", "done"}))
      ->delimiter(',');
  sub->add_option("--format", o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "json", "ics"}));
  sub->add_flag("--fail-on-overdue", o->fail_on_overdue, i18n::tr("help.schedule_fail_on_overdue"));
  on_run(sub, run_agenda, o, globals, env);
}

void setup_phases(CLI::App& schedule, Globals& globals, Environment& env) {
  auto o = std::make_shared<PhasesOptions>();
  CLI::App* sub = schedule.add_subcommand("phases", i18n::tr("help.schedule_phases"));
  sub->add_option("--format", o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "json"}));
  on_run(sub, run_phases, o, globals, env);
}

}  // namespace

void setup_schedule(CLI::App& app, Globals& globals, Environment& env) {
  CLI::App* schedule = app.add_subcommand("schedule", i18n::tr("help.schedule"));
  schedule->require_subcommand(1);
  setup_festivals(*schedule, globals, env);
  setup_agenda(*schedule, globals, env);
  setup_phases(*schedule, globals, env);
}

}  // namespace tongxin::cli
