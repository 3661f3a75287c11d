// tongxin report monthly|quarterly|half-year|annual: work summaries (工作总结) for communities,
// townships and the jurisdiction; tongxin report rollup: the same summary merged from lower
// levels' JSON submissions (逐级上报). Wiring only; the figures and the document live in
// lib/report.
#include <filesystem>
#include <optional>

#include "app.h"
#include "audit_duties.h"
#include "config/workspace.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"
#include "report/render.h"
#include "report/rollup.h"
#include "report/run.h"

namespace tongxin::cli {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::string kind;                      // monthly, quarterly, half-year, annual
  std::string period;                    // --period P; default: the last complete of the kind
  std::vector<std::string> communities;  // --community ID...
  std::string township;                  // --township NAME
  bool all = false;                      // --all
  std::string format = "json";           // md | html | docx | xlsx | csv | json
  std::string out;                       // --out FILE|DIR
  std::string template_file;             // --template FILE (md)
  std::string generated_at;              // --generated-at TEXT
};

struct RollupOptions {
  std::vector<std::string> files;  // FILE|DIR...
  std::string period;              // --period P (required)
  std::string township;            // --township NAME; default the jurisdiction
  std::string format = "json";
  std::string out;  // --out FILE
  std::string template_file;
  std::string generated_at;
};

PeriodKind kind_of(const std::string& kind) {
  if (kind == "monthly") {
    return PeriodKind::month;
  }
  if (kind == "quarterly") {
    return PeriodKind::quarter;
  }
  return kind == "half-year" ? PeriodKind::half : PeriodKind::year;
}

std::string report_code(const std::string& kind) {
  return kind == "half-year" ? "half_year" : kind;
}

void render(std::ostream& out, const nlohmann::ordered_json& doc, const std::string& format,
            bool file) {
  if (format == "csv") {
    report::write_report_csv(out, doc, file);
  } else {
    report::write_report_json(out, doc);
  }
}

void write_file(const fs::path& path, const nlohmann::ordered_json& doc, const std::string& format,
                const output::FileCalls& calls, const report::SummaryTemplate& tmpl,
                std::ostream& out) {
  if (report::is_rendered_format(format)) {
    report::write_rendered(doc, format, tmpl, path, out);
    return;
  }
  output::AtomicFile file(path, calls);
  render(file.stream(), doc, format, true);
  file.commit();
}

// The workspace's standard assessed as `tongxin audit --as-of` would on the report's as-of day
// (the period's end, or today when it has not ended); none when no standard is configured.
std::optional<report::AuditInput> report_audit(Context& ctx, const Period& period,
                                               const AuditPlan& plan,
                                               const schedule::StoreIndexes* store) {
  const config::Workspace& workspace = ctx.workspace();
  if (workspace.config.standard.empty()) {
    return std::nullopt;
  }
  const audit::Standard standard = audit::load_standard(workspace, "", plan.context);
  const Date as_of = report::as_of_date(period, ctx.today());
  const Period audited = audit::audit_period(standard, "", as_of).value_or(period);
  const auto judged = audit::load_judgements(workspace, standard, audited);
  const auto duties =
      duty_figures(plan, standard, ctx, audit::counted_range(audited, as_of), as_of, store);
  const auto results = audit::assess(workspace, ctx.db(), standard, judged, as_of, audited, duties,
                                     audit::select_communities(workspace, {}, ""));
  report::AuditInput in{standard.id, standard.title.label(), as_of, {}, {}};
  for (const char* verdict : {"pass", "fail", "pending"}) {
    in.verdict_labels[verdict] = i18n::tr(std::string("audit.verdict.") + verdict);
  }
  for (const audit::CommunityResult& r : results) {
    report::AuditedCommunity c{r.community->id,
                               r.community->name,
                               r.earned,
                               r.possible,
                               r.stars,
                               std::string(audit::verdict_code(r.verdict)),
                               in.verdict_labels[std::string(audit::verdict_code(r.verdict))],
                               {}};
    for (const audit::ItemResult* item : r.failed()) {
      c.failed.push_back({item->group->code, item->item->code, item->item->title.label(),
                          item->item->required, item->item->remediation.label()});
    }
    in.communities.push_back(std::move(c));
  }
  return in;
}

// Writes one document to --out FILE (or into the folder --out DIR as <scope>-<period>.<ext>), or
// to standard output.
void write_one(const nlohmann::ordered_json& doc, const std::string& format, const std::string& out,
               const report::SummaryTemplate& tmpl, Context& ctx) {
  if (out.empty()) {
    if (report::is_rendered_format(format)) {
      report::write_rendered(doc, format, tmpl, {}, ctx.out());
    } else {
      render(ctx.out(), doc, format, false);
    }
    return;
  }
  fs::path path = out;
  if (fs::is_directory(path)) {
    path /= doc["scope"]["id"].get<std::string>() + "-" + doc["period"]["code"].get<std::string>() +
            "." + format;
  }
  write_file(path, doc, format, ctx.file_calls(), tmpl, ctx.out());
}

void run_rollup(const RollupOptions& o, Context& ctx) {
  const config::Workspace& workspace = ctx.workspace();
  const report::SummaryTemplate tmpl = report::choose_template(
      o.template_file.empty() ? std::nullopt : std::optional<fs::path>(ctx.path(o.template_file)),
      workspace.root, "rollup", i18n::language());
  std::vector<std::string> files;
  for (const std::string& file : o.files) {
    files.push_back(ctx.path(file));
  }
  const auto submissions = report::read_submissions(
      files, [](const fs::path& file) { return config::read_file(file, 3); });
  const report::RollupRequest request{ctx.period(o.period), o.township, o.generated_at,
                                      TONGXIN_VERSION,
                                      i18n::language() == i18n::Lang::zh ? "zh" : "en"};
  write_one(report::rollup(workspace, submissions, request), o.format, ctx.path(o.out), tmpl, ctx);
}

void add_output_options(CLI::App* k, std::string& format, std::string& out,
                        std::string& template_file, std::string& generated_at) {
  k->add_option("--format", format, i18n::tr("help.report_format"))
      ->check(CLI::IsMember({"md", "html", "docx", "xlsx", "csv", "json"}));
  k->add_option("--out", out, i18n::tr("help.report_out"))->type_name("FILE|DIR");
  k->add_option("--template", template_file, i18n::tr("help.report_template"))->type_name("FILE");
  k->add_option("--generated-at", generated_at, i18n::tr("help.report_generated_at"))
      ->type_name("TEXT");
}

void run_report(const ReportOptions& o, Context& ctx) {
  const config::Workspace& workspace = ctx.workspace();
  const report::SummaryTemplate tmpl = report::choose_template(
      o.template_file.empty() ? std::nullopt : std::optional<fs::path>(ctx.path(o.template_file)),
      workspace.root, o.kind, i18n::language());
  for (const std::string& reference : o.communities) {
    ctx.community(reference);  // an unknown community stops the report before anything is read
  }
  const Period period =
      o.period.empty() ? Period::last_complete(kind_of(o.kind), ctx.today()) : ctx.period(o.period);
  const AuditPlan plan = audit_plan(workspace);  // the plan, read once for report and audit
  const auto scopes = report::select_scopes(workspace, o.communities, o.township, o.all);
  // The schedule's indexes (every activity and member span: 5M and 1M at county size) are read
  // once, with the plan, for both the audit's duty figures and the report's agendas.
  std::optional<report::PlanInput> plan_input;
  if (plan.plan) {
    plan_input.emplace(
        report::PlanInput{*plan.plan, schedule::load_indexes(*plan.plan, workspace, ctx.db())});
  }
  const schedule::StoreIndexes* store = plan_input ? &plan_input->store : nullptr;
  const report::ReportRequest request{report_code(o.kind),
                                      period,
                                      ctx.today(),
                                      o.generated_at,
                                      TONGXIN_VERSION,
                                      i18n::language() == i18n::Lang::zh ? "zh" : "en",
                                      report_audit(ctx, period, plan, store)};
  const std::string out = ctx.path(o.out);
  const bool folder = !out.empty() && fs::is_directory(out);
  if (!out.empty() && !folder && scopes.size() > 1) {
    throw Error(ExitCode::usage, i18n::tr("report.many_need_dir"));
  }
  report::build_reports(
      workspace, ctx.db(), plan_input ? &*plan_input : nullptr, scopes, request,
      [&](const nlohmann::ordered_json& doc) { write_one(doc, o.format, out, tmpl, ctx); });
  if (folder) {
    ctx.notice(i18n::tr("report.written", scopes.size(), o.out));
  }
}

}  // namespace

void setup_report(CLI::App& app, Globals& globals, Environment& env) {
  CLI::App* sub = app.add_subcommand("report", i18n::tr("help.report"));
  sub->require_subcommand(1);
  for (const char* kind : {"monthly", "quarterly", "half-year", "annual"}) {
    auto o = std::make_shared<ReportOptions>();
    o->kind = kind;
    CLI::App* k = sub->add_subcommand(kind, i18n::tr("help.report_kind") + ": " + kind);
    k->add_option("--period", o->period, i18n::tr("help.report_period"))->type_name("P");
    k->add_option("--community", o->communities, i18n::tr("help.report_community"))
        ->type_name("ID");
    k->add_option("--township", o->township, i18n::tr("help.report_township"))->type_name("NAME");
    k->add_flag("--all", o->all, i18n::tr("help.report_all"));
    add_output_options(k, o->format, o->out, o->template_file, o->generated_at);
    on_run(k, run_report, o, globals, env);
  }
  auto r = std::make_shared<RollupOptions>();
  CLI::App* k = sub->add_subcommand("rollup", i18n::tr("help.report_rollup"));
  k->add_option("files", r->files, i18n::tr("help.report_rollup_files"))
      ->type_name("FILE|DIR")
      ->required();
  k->add_option("--period", r->period, i18n::tr("help.report_rollup_period"))
      ->type_name("P")
      ->required();
  k->add_option("--township", r->township, i18n::tr("help.report_rollup_township"))
      ->type_name("NAME");
  add_output_options(k, r->format, r->out, r->template_file, r->generated_at);
  on_run(k, run_rollup, r, globals, env);
}

}  // namespace tongxin::cli
