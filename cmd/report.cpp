// tongxin report monthly|quarterly|half-year|annual: work summaries (工作总结) for communities,
// townships and the jurisdiction. Wiring only; the figures and the document live in lib/report.
#include <filesystem>
#include <optional>

#include "app.h"
#include "audit_duties.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"
#include "report/render.h"
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
                                               const AuditPlan& plan) {
  const config::Workspace& workspace = ctx.workspace();
  if (workspace.config.standard.empty()) {
    return std::nullopt;
  }
  const audit::Standard standard = audit::load_standard(workspace, "", plan.context);
  const Date as_of = report::as_of_date(period, ctx.today());
  const Period audited = audit::audit_period(standard, "", as_of).value_or(period);
  const auto judged = audit::load_judgements(workspace, standard, audited);
  const auto duties =
      duty_figures(plan, standard, ctx, audit::counted_range(audited, as_of), as_of);
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

void run_report(const ReportOptions& o, Context& ctx) {
  const config::Workspace& workspace = ctx.workspace();
  const report::SummaryTemplate tmpl = report::choose_template(
      o.template_file.empty() ? std::nullopt : std::optional<fs::path>(o.template_file),
      workspace.root, o.kind, i18n::language());
  for (const std::string& id : o.communities) {
    ctx.require_community(id);
  }
  const Period period =
      o.period.empty() ? Period::last_complete(kind_of(o.kind), ctx.today()) : ctx.period(o.period);
  const AuditPlan plan = audit_plan(workspace);  // the plan, read once for report and audit
  const auto scopes = report::select_scopes(workspace, o.communities, o.township, o.all);
  const report::ReportRequest request{report_code(o.kind),
                                      period,
                                      ctx.today(),
                                      o.generated_at,
                                      TONGXIN_VERSION,
                                      i18n::language() == i18n::Lang::zh ? "zh" : "en",
                                      report_audit(ctx, period, plan)};
  const auto documents = report::build_reports(workspace, ctx.db(),
                                               plan.plan ? &*plan.plan : nullptr, scopes, request);
  if (o.out.empty()) {
    for (const auto& doc : documents) {
      if (report::is_rendered_format(o.format)) {
        report::write_rendered(doc, o.format, tmpl, {}, ctx.out());
      } else {
        render(ctx.out(), doc, o.format, false);
      }
    }
    return;
  }
  if (!fs::is_directory(o.out)) {
    if (documents.size() > 1) {
      throw Error(ExitCode::usage, i18n::tr("report.many_need_dir"));
    }
    write_file(o.out, documents.front(), o.format, ctx.file_calls(), tmpl, ctx.out());
    return;
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    write_file(fs::path(o.out) / (scopes[i].id + "-" + period.code() + "." + o.format),
               documents[i], o.format, ctx.file_calls(), tmpl, ctx.out());
  }
  ctx.notice(i18n::tr("report.written", documents.size(), o.out));
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
    k->add_option("--format", o->format, i18n::tr("help.report_format"))
        ->check(CLI::IsMember({"md", "html", "docx", "xlsx", "csv", "json"}));
    k->add_option("--out", o->out, i18n::tr("help.report_out"))->type_name("FILE|DIR");
    k->add_option("--template", o->template_file, i18n::tr("help.report_template"))
        ->type_name("FILE");
    k->add_option("--generated-at", o->generated_at, i18n::tr("help.report_generated_at"))
        ->type_name("TEXT");
    on_run(k, run_report, o, globals, env);
  }
}

}  // namespace tongxin::cli
