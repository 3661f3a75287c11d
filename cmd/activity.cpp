// tongxin activity add|import|list|edit|delete: the activity record (events and
// their measures).
#include <algorithm>

#include "activity/import.h"
#include "activity/records.h"
#include "activity/render.h"
#include "activity/rules.h"
#include "app.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "roster/member_store.h"

namespace tongxin::cli {

namespace {

// The fields add and edit share.
struct FieldOptions {
  std::optional<std::string> title;
  std::vector<std::string> measures;  // KEY=N
  std::optional<std::string> duty;
  std::optional<std::string> notes;
};

struct AddOptions {
  std::string community;
  std::string type;
  std::string date;
  std::vector<std::string> members;
  FieldOptions fields;
};

struct ImportOptions {
  std::string file;
  std::string community;  // for rows without a community column or value
  bool dry_run = false;
  std::string encoding = "auto";
  std::string sheet;
  long header_row = 0;  // 0: the first row naming known columns
  std::string format = "text";
  bool skip_invalid = false;
  std::string rejects;  // the rows --skip-invalid left out, to correct and import again
  long undo = 0;        // --undo BATCH instead of a file
  bool again = false;   // a file an earlier batch imported (same SHA-256)
};

struct ListOptions {
  std::string from;
  std::string to;
  std::string period;
  std::string type;
  std::string community;
  std::string format = "table";
};

struct EditOptions {
  long activity = 0;
  std::string date;  // "" = unchanged
  std::string type;  // "" = unchanged
  FieldOptions fields;
};

struct DeleteOptions {
  long activity = 0;
};

// Problems of command-line values as lines "--flag: reason (value)" for an
// Error's details; a measure is named as given, after --measure.
std::vector<std::string> problem_lines(const std::vector<activity::Problem>& problems) {
  static const std::vector<std::string> k_flags = {"date",    "community", "type",  "title",
                                                   "members", "duty",      "notes", "measure"};
  std::vector<std::string> lines;
  for (const activity::Problem& p : problems) {
    const bool flag = std::find(k_flags.begin(), k_flags.end(), p.field) != k_flags.end();
    const std::string name = flag ? "--" + p.field : "--measure " + p.field;
    lines.push_back(p.value.empty() ? i18n::tr("activity.flag_error_no_value", name, p.reason)
                                    : i18n::tr("activity.flag_error", name, p.reason, p.value));
  }
  return lines;
}

activity::CheckContext check_context(Context& ctx) {
  activity::CheckContext c;
  c.today = ctx.today();
  c.communities = ctx.workspace().community_names();
  SQLite::Database* db = &ctx.db();
  const Date today = ctx.today();
  c.find_member = [db, today](const std::string& ref) {
    return roster::find_member(*db, ref, today);
  };
  return c;
}

// Every problem of the flags (community, type, date, members, measures) is
// reported at once.
void run_add(const AddOptions& o, Context& ctx) {
  std::vector<activity::Problem> problems;
  activity::RawActivity raw{o.community,
                            o.type,
                            o.date,
                            o.fields.title.value_or(""),
                            o.members,
                            activity::split_assignments(o.fields.measures, problems),
                            o.fields.duty.value_or(""),
                            o.fields.notes.value_or("")};
  const auto a = activity::check_activity(raw, check_context(ctx), problems);
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.invalid_values", problems.size()),
                problem_lines(problems));
  }
  const long id = activity::add_activity(ctx.db(), a, ctx.actor(), ctx.now());
  ctx.out() << id << '\n';
}

void run_import(const ImportOptions& o, Context& ctx) {
  if (o.undo > 0) {
    const long removed = activity::undo_import(ctx.db(), o.undo, ctx.actor(), ctx.now());
    ctx.notice(i18n::tr("activity.undo_done", o.undo, removed));
    return;
  }
  if (o.file.empty()) {
    throw Error(ExitCode::usage, i18n::tr("activity.need_file"));
  }
  const std::string community = ctx.community(o.community);
  auto source = io::TabularSource::open(
      ctx.path(o.file), ctx.in(), {o.encoding, o.sheet, o.header_row, activity::knows_column});
  std::optional<output::AtomicFile> rejects;  // opened first: a bad --rejects stops the import
  open_rejects(rejects, o.rejects, ctx);
  activity::ImportOptions options{o.file == "-" ? "stdin" : o.file,
                                  community,
                                  o.dry_run,
                                  ctx.actor(),
                                  ctx.now(),
                                  o.skip_invalid,
                                  o.again};
  const auto check = check_context(ctx);
  auto result = activity::import_activities(ctx.db(), *source, options, check);
  keep_rejects(rejects, o.rejects, *source, result);
  report_import(ctx, result, o.format);
}

void run_list(const ListOptions& o, Context& ctx) {
  activity::ListFilter filter;
  filter.community = ctx.community(o.community);
  if (!o.period.empty()) {
    const DateRange range = ctx.period(o.period).range();
    filter.from = range.from;
    filter.to = range.to;
  }
  if (!o.from.empty()) {
    filter.from = ctx.date_flag(o.from, "--from");
  }
  if (!o.to.empty()) {
    filter.to = ctx.date_flag(o.to, "--to");
  }
  if (!o.type.empty()) {
    const auto* type = activity::find_type(o.type);
    if (type == nullptr) {
      throw Error(ExitCode::usage, i18n::tr("activity.unknown_type_flag", o.type,
                                            config::code_table("activity_types").choices_list()));
    }
    filter.type = type->code;
  }
  const auto activities = activity::list_activities(ctx.db(), filter);
  if (o.format == "json") {
    activity::write_activities_json(ctx.out(), activities);
    return;
  }
  output::write(
      ctx.out(),
      activity::activity_table(activities, o.format != "table", ctx.workspace().community_names()),
      output::parse_format(o.format), ctx.render_options(i18n::tr("activity.none")));
}

void run_edit(const EditOptions& o, Context& ctx) {
  std::vector<activity::Problem> problems;
  activity::ActivityEdit edit;
  edit.date = o.date.empty() ? std::nullopt : std::optional(o.date);
  edit.type = o.type.empty() ? std::nullopt : std::optional(o.type);
  edit.title = o.fields.title;
  edit.duty = o.fields.duty;
  edit.notes = o.fields.notes;
  edit.measures = activity::split_assignments(o.fields.measures, problems);
  if (!problems.empty()) {
    throw Error(ExitCode::usage, i18n::tr("activity.invalid_values", problems.size()),
                problem_lines(problems));
  }
  problems =
      activity::edit_activity(ctx.db(), o.activity, edit, ctx.today(), ctx.actor(), ctx.now());
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.invalid_values", problems.size()),
                problem_lines(problems));
  }
  ctx.notice(i18n::tr("activity.edited", o.activity));
}

void run_delete(const DeleteOptions& o, Context& ctx) {
  activity::delete_activity(ctx.db(), o.activity, ctx.actor(), ctx.now());
  ctx.notice(i18n::tr("activity.deleted", o.activity));
}

void add_fields(CLI::App* sub, FieldOptions& o) {
  sub->add_option("--title", o.title, i18n::tr("help.activity_title"));
  sub->add_option("--measure", o.measures, i18n::tr("help.activity_measure"))->type_name("KEY=N");
  sub->add_option("--duty", o.duty, i18n::tr("help.activity_duty"));
  sub->add_option("--notes", o.notes, i18n::tr("help.activity_notes"));
}

}  // namespace

void setup_activity(CLI::App& app, Globals& g, Environment& env) {
  CLI::App* activity = app.add_subcommand("activity", i18n::tr("help.activity"));
  activity->require_subcommand(1);

  auto add_o = std::make_shared<AddOptions>();
  CLI::App* add = activity->add_subcommand("add", i18n::tr("help.activity_add"));
  add->add_option("--community", add_o->community, i18n::tr("help.activity_community"))->required();
  add->add_option("--type", add_o->type, i18n::tr("help.activity_type"))->required();
  add->add_option("--date", add_o->date, i18n::tr("help.activity_date"))->required();
  add->add_option("--members", add_o->members, i18n::tr("help.activity_members"))
      ->type_name("M,...");
  add_fields(add, add_o->fields);
  on_run(add, run_add, add_o, g, env);

  auto import_o = std::make_shared<ImportOptions>();
  CLI::App* imp = activity->add_subcommand("import", i18n::tr("help.activity_import"));
  imp->add_option("FILE", import_o->file, i18n::tr("help.activity_import_file"));
  imp->add_option("--community", import_o->community, i18n::tr("help.activity_community"));
  imp->add_flag("--dry-run", import_o->dry_run, i18n::tr("help.activity_dry_run"));
  imp->add_option("--encoding", import_o->encoding, i18n::tr("help.activity_encoding"))
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030", "utf-16"}));
  imp->add_option("--sheet", import_o->sheet, i18n::tr("help.activity_sheet"));
  add_header_row(imp, import_o->header_row);
  auto* skip = imp->add_flag("--skip-invalid", import_o->skip_invalid,
                             i18n::tr("help.activity_skip_invalid"));
  imp->add_option("--rejects", import_o->rejects, i18n::tr("help.activity_rejects"))->needs(skip);
  auto* undo =
      imp->add_option("--undo", import_o->undo, i18n::tr("help.activity_undo"))->type_name("BATCH");
  undo->excludes(add_import_format(imp, import_o->format));  // an undo has no import result
  imp->add_flag("--again", import_o->again, i18n::tr("help.import_again"))->excludes(undo);
  on_run(imp, run_import, import_o, g, env);

  auto list_o = std::make_shared<ListOptions>();
  CLI::App* list = activity->add_subcommand("list", i18n::tr("help.activity_list"));
  list->add_option("--from", list_o->from, i18n::tr("help.activity_from"))->type_name("D");
  list->add_option("--to", list_o->to, i18n::tr("help.activity_to"))->type_name("D");
  list->add_option("--period", list_o->period, i18n::tr("help.activity_period"))->type_name("P");
  list->add_option("--type", list_o->type, i18n::tr("help.activity_type"));
  list->add_option("--community", list_o->community, i18n::tr("help.activity_community"));
  list->add_option("--format", list_o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json"}));
  on_run(list, run_list, list_o, g, env);

  auto edit_o = std::make_shared<EditOptions>();
  CLI::App* edit = activity->add_subcommand("edit", i18n::tr("help.activity_edit"));
  edit->add_option("ACTIVITY", edit_o->activity, i18n::tr("help.activity_id"))->required();
  edit->add_option("--date", edit_o->date, i18n::tr("help.activity_date"));
  edit->add_option("--type", edit_o->type, i18n::tr("help.activity_type"));
  add_fields(edit, edit_o->fields);
  on_run(edit, run_edit, edit_o, g, env);

  auto delete_o = std::make_shared<DeleteOptions>();
  CLI::App* del = activity->add_subcommand("delete", i18n::tr("help.activity_delete"));
  del->add_option("ACTIVITY", delete_o->activity, i18n::tr("help.activity_id"))->required();
  on_run(del, run_delete, delete_o, g, env);
}

}  // namespace tongxin::cli
