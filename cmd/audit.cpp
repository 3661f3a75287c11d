// tongxin audit [COMMUNITY...] and tongxin audit history: assess communities against the
// workspace's standard (验收/目标考核). Wiring only; the rules live in lib/audit. Duty figures come
// from lib/schedule's agenda, built here so lib/audit does not depend on lib/schedule.
#include <filesystem>

#include "app.h"
#include "audit/document.h"
#include "audit/records.h"
#include "audit/render.h"
#include "audit/run.h"
#include "audit_duties.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"

namespace tongxin::cli {

namespace {

namespace fs = std::filesystem;

struct AuditOptions {
  std::vector<std::string> communities;  // default: every community of the workspace
  std::string township;                  // --township: only its communities
  std::string standard;                  // --standard FILE; default: the workspace's standard:
  std::string as_of;                     // --as-of DATE; default: today
  std::string period;                    // --period P; default: the standard's, else the year
  std::string format = "text";           // text | json | junit | md | html | csv | xlsx
  std::string out;                       // --out FILE or DIR; default: stdout
  bool failed_only = false;              // only communities that do not pass
  bool record = false;                   // keep the run in the store
};

struct HistoryOptions {
  std::string community;  // default: every community
};

Date as_of_date(const AuditOptions& o, const Context& ctx) {
  return o.as_of.empty() ? ctx.today() : ctx.date_flag(o.as_of, "--as-of");
}

// One rendering of the document: the whole of it, or (`summary`) the summary file of --out DIR.
// CSV files get a byte-order mark so Excel reads them as UTF-8; standard output does not.
void render(std::ostream& out, const nlohmann::ordered_json& doc, const std::string& format,
            bool color, bool summary, bool file) {
  if (format == "json") {
    out << doc.dump(2) << "\n";
  } else if (format == "md") {
    summary ? audit::write_audit_md_summary(out, doc) : audit::write_audit_md(out, doc);
  } else if (format == "html") {
    summary ? audit::write_audit_html_summary(out, doc) : audit::write_audit_html(out, doc);
  } else if (format == "junit") {
    audit::write_audit_junit(out, doc);
  } else if (format == "csv") {
    audit::write_audit_csv(out, doc, file);
  } else {
    audit::write_audit_text(out, doc, color);
  }
}

// Writes a file whole or not at all (output::AtomicFile).
void write_file(const fs::path& path, const nlohmann::ordered_json& doc, const std::string& format,
                bool summary) {
  if (format == "xlsx") {
    // Atomic itself (output::write_xlsx); inside another AtomicFile its rename would replace
    // the outer temporary file, which then refuses to commit.
    audit::write_audit_xlsx(path.string(), doc);
    return;
  }
  output::AtomicFile file(path);
  render(file.stream(), doc, format, false, summary, true);
  file.commit();
}

// The document narrowed to one community (for --out DIR).
nlohmann::ordered_json one_community(const nlohmann::ordered_json& document, size_t index) {
  nlohmann::ordered_json one = document;
  one["communities"] = nlohmann::ordered_json::array({document["communities"][index]});
  one["summary"]["rows"] = nlohmann::ordered_json::array({document["summary"]["rows"][index]});
  one["verdict"] = document["communities"][index]["verdict"];
  return one;
}

std::string extension(const std::string& format) {
  if (format == "text") {
    return ".txt";
  }
  return "." + (format == "junit" ? std::string("xml") : format);
}

void write_output(const AuditOptions& o, const nlohmann::ordered_json& document, Context& ctx) {
  if (o.out.empty()) {
    if (o.format == "xlsx") {
      throw Error(ExitCode::usage, i18n::tr("audit.xlsx_needs_out"));
    }
    render(ctx.out(), document, o.format, ctx.color(), false, false);
    return;
  }
  const fs::path out = ctx.path(o.out);
  if (!fs::is_directory(out)) {
    write_file(out, document, o.format, false);
    return;
  }
  const std::string ext = extension(o.format);
  for (size_t i = 0; i < document["communities"].size(); ++i) {
    const std::string id = document["communities"][i]["id"].get<std::string>();
    write_file(out / (id + ext), one_community(document, i), o.format, false);
  }
  write_file(out / ("summary" + ext), document, o.format, true);
}

void drop_passing(std::vector<audit::CommunityResult>& results) {
  std::erase_if(results,
                [](const audit::CommunityResult& r) { return r.verdict == audit::Verdict::pass; });
}

void run_audit(const AuditOptions& o, Context& ctx) {
  const config::Workspace& workspace = ctx.workspace();
  const AuditPlan plan = audit_plan(workspace);
  const audit::Standard standard = audit::load_standard(workspace, o.standard, plan.context);
  const Date as_of = as_of_date(o, ctx);
  const auto period = audit::audit_period(standard, o.period, as_of);
  if (!period) {
    throw Error(ExitCode::usage, i18n::tr("audit.bad_period", o.period, period_forms()));
  }
  const auto communities = audit::select_communities(workspace, o.communities, o.township);
  const audit::WorkspaceJudgements judged = audit::load_judgements(workspace, standard, *period);
  const auto duties =
      duty_figures(plan, standard, ctx, audit::counted_range(*period, as_of), as_of);
  auto results =
      audit::assess(workspace, ctx.db(), standard, judged, as_of, *period, duties, communities);
  const auto previous = audit::last_results(ctx.db(), standard.id);
  if (o.record) {
    const long long run =
        audit::record_run(ctx.db(), standard, as_of, *period, results, ctx.now(), ctx.actor());
    ctx.notice(i18n::tr("audit.recorded", run, results.size()));
  }
  const auto failing = std::count_if(results.begin(), results.end(), [](const auto& r) {
    return r.verdict != audit::Verdict::pass;
  });
  if (o.failed_only) {
    drop_passing(results);
  }
  write_output(o, audit::audit_document(standard, as_of, *period, results, previous), ctx);
  if (failing > 0) {
    throw Error(ExitCode::check_failed, i18n::tr("audit.failed", failing, communities.size()));
  }
}

void run_history(const HistoryOptions& o, Context& ctx) {
  audit::write_history_text(ctx.out(), audit::history(ctx.db(), ctx.community(o.community)),
                            ctx.color());
}

CLI::App* setup_history(CLI::App& audit, Globals& globals, Environment& env) {
  auto o = std::make_shared<HistoryOptions>();
  CLI::App* sub = audit.add_subcommand("history", i18n::tr("help.audit_history"));
  sub->add_option("COMMUNITY", o->community, i18n::tr("help.audit_history_community"));
  on_run(sub, run_history, o, globals, env);
  return sub;
}

}  // namespace

void setup_audit(CLI::App& app, Globals& globals, Environment& env) {
  auto o = std::make_shared<AuditOptions>();
  CLI::App* sub = app.add_subcommand("audit", i18n::tr("help.audit"));
  sub->add_option("COMMUNITY", o->communities, i18n::tr("help.audit_communities"));
  sub->add_option("--township", o->township, i18n::tr("help.audit_township"))->type_name("NAME");
  sub->add_option("--standard", o->standard, i18n::tr("help.audit_standard"))->type_name("FILE");
  sub->add_option("--as-of", o->as_of, i18n::tr("help.audit_as_of"))->type_name("DATE");
  sub->add_option("--period", o->period, i18n::tr("help.audit_period"))->type_name("P");
  sub->add_option("--format", o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"text", "json", "junit", "md", "html", "csv", "xlsx"}));
  sub->add_option("--out", o->out, i18n::tr("help.audit_out"))->type_name("FILE|DIR");
  sub->add_flag("--failed-only", o->failed_only, i18n::tr("help.audit_failed_only"));
  sub->add_flag("--record", o->record, i18n::tr("help.audit_record"));
  CLI::App* history = setup_history(*sub, globals, env);
  sub->require_subcommand(0, 1);
  // CLI11 runs a parent's callback after its subcommand's: `audit history` must not audit too.
  sub->callback([o, history, &globals, &env] {
    if (!history->parsed()) {
      Context ctx(globals, env);
      run_audit(*o, ctx);
    }
  });
}

}  // namespace tongxin::cli
