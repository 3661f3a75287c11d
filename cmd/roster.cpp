// tongxin roster import|list|show|history|add|edit|move|archive|restore|check: the member
// register.
#include <fmt/format.h>

#include <optional>

#include "app.h"
#include "config/codes.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"
#include "output/xlsx_writer.h"
#include "roster/history.h"
#include "roster/import.h"
#include "roster/operations.h"
#include "roster/render.h"
#include "store/access_log.h"
#include "store/logs.h"
#include "store/store.h"

namespace tongxin::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string community;  // for rows without a community column or value
  bool dry_run = false;
  std::string on_existing = "error";
  std::string encoding = "auto";
  std::string sheet;
  long header_row = 0;  // 0: the first row naming known columns
  bool skip_invalid = false;
  std::string rejects;
  long undo = 0;                // --undo BATCH instead of a file
  std::string format = "text";  // of the result: text or json
  bool again = false;           // a file an earlier batch imported (same SHA-256)
};

struct ListOptions {
  std::string community;
  std::vector<std::string> categories;
  bool key = false;
  bool hardship = false;
  std::string status = "active";
  std::string search;
  std::string format;  // --format; without it, from the --out file's extension, else table
  std::string out;     // a file instead of stdout (an export, in the access log)
  bool reveal = false;
  bool labels = false;  // --labels: headers and values for people (csv)
  bool codes = false;   // --codes: keys and codes in a .csv file, which gets labels by default
  std::string title;    // --title: a title row above the header (xlsx, labelled csv)
};

// --format as given, else the one the --out file's name says (台账.xlsx, 台账.csv), else table.
std::string list_format(const ListOptions& o) {
  if (!o.format.empty()) {
    return o.format;
  }
  for (const std::string extension : {"csv", "tsv", "json", "xlsx"}) {
    if (o.out.size() > extension.size() + 1 && o.out.ends_with("." + extension)) {
      return extension;
    }
  }
  return "table";
}

// Whether the listing is for people (labels) or machines (codes): xlsx always, csv with
// --labels or when it goes to a .csv file (unless --codes); json and tsv never.
bool labelled(const ListOptions& o) {
  if (o.format == "xlsx") {
    return true;
  }
  const bool csv_file = o.out.size() > 4 && o.out.ends_with(".csv");
  return o.format == "csv" && !o.codes && (o.labels || csv_file);
}

struct ShowOptions {
  std::string member;
  bool reveal = false;
  std::string format = "table";
};

struct HistoryOptions {
  std::string member;
  bool reveal = false;
  std::string format = "table";
};

struct AddOptions {
  std::map<std::string, std::string> values;  // field key -> value, from --name, --community, ...
};

struct EditOptions {
  std::string member;
  std::vector<std::string> assignments;  // FIELD=VALUE
};

struct MoveOptions {
  std::string member;
  std::string to;
  std::string date;  // default: today
};

struct ArchiveOptions {
  std::string member;
  std::string reason;
  std::string status = "archived";
  std::string date;  // default: today
};

struct RestoreOptions {
  std::string member;
  std::string date;  // default: today
};

struct CheckOptions {
  std::string community;
  std::string format = "table";
};

roster::ValueContext value_context(Context& ctx) {
  roster::ValueContext v;
  v.today = ctx.today();
  v.communities = ctx.workspace().community_names();
  for (const auto& [field, purpose] : ctx.workspace().config.privacy.sensitive_fields) {
    v.sensitive_enabled.push_back(field);
  }
  return v;
}

roster::WriteContext write_context(Context& ctx) {
  return {ctx.actor(), ctx.now(), value_context(ctx)};
}

long resolve(Context& ctx, const std::string& reference) {
  return roster::resolve_member(ctx.db(), reference, ctx.today(),
                                ctx.workspace().community_names());
}

// The day a move, archive or restore takes effect: --date, else today.
std::string effective_date(Context& ctx, const std::string& flag) {
  return flag.empty() ? ctx.today().iso() : ctx.date_flag(flag, "--date").iso();
}

void run_undo(const ImportOptions& o, Context& ctx) {
  const auto report = roster::undo_import(ctx.db(), o.undo, ctx.actor(), ctx.now());
  ctx.notice(i18n::tr("undo.done", o.undo, report.removed, report.restored));
}

void run_import(const ImportOptions& o, Context& ctx) {
  if (o.undo > 0) {
    run_undo(o, ctx);
    return;
  }
  if (o.file.empty()) {
    throw Error(ExitCode::usage, i18n::tr("import.need_file"));
  }
  const std::string community = ctx.community(o.community);
  const auto value_ctx = value_context(ctx);
  auto source = io::TabularSource::open(ctx.path(o.file), ctx.in(),
                                        {o.encoding, o.sheet, o.header_row, roster::knows_column});
  std::optional<output::AtomicFile> rejects;  // opened first: a bad --rejects stops the import
  open_rejects(rejects, o.rejects, ctx);
  roster::ImportOptions options{o.file == "-" ? "stdin" : o.file,
                                community,
                                o.dry_run,
                                roster::parse_on_existing(o.on_existing),
                                o.skip_invalid,
                                ctx.actor(),
                                ctx.now(),
                                o.again};
  auto result = roster::import_roster(ctx.db(true), *source, options, value_ctx);
  keep_rejects(rejects, o.rejects, *source, result);
  report_import(ctx, result, o.format);
}

// A labelled CSV's title row: one cell, guarded like every other.
void write_title(std::ostream& out, const std::string& title) {
  if (!title.empty()) {
    out << output::csv_field(output::guard_formula(title)) << "\r\n";
  }
}

// Writes the rows to --out (output::AtomicFile: whole or not at all, mode 0600) or stdout, a row
// at a time; returns how many were written.
size_t emit(const ListOptions& o, Context& ctx, output::RowSource& rows) {
  const bool xlsx = o.format == "xlsx";
  if (xlsx && o.out.empty()) {
    throw Error(ExitCode::usage, i18n::tr("roster.xlsx_needs_out"));
  }
  const bool labels = labelled(o);
  if (o.out.empty()) {
    output::RenderOptions options = ctx.render_options(i18n::tr("roster.none"));
    options.label_header = labels;
    write_title(ctx.out(), o.title);
    return output::write(ctx.out(), rows, output::parse_format(o.format), options);
  }
  size_t count = 0;
  if (xlsx) {
    count = output::write_xlsx(ctx.path(o.out), rows, i18n::tr("roster.sheet_name"), false,
                               ctx.file_calls(), {}, o.title);
  } else {
    output::write_file(
        ctx.path(o.out),
        [&](std::ostream& file) {
          if (o.format == "csv") {
            file << "\xEF\xBB\xBF";  // for Excel, before the title row too
          }
          write_title(file, o.title);
          count =
              output::write(file, rows, output::parse_format(o.format), {.label_header = labels});
        },
        ctx.file_calls());
  }
  ctx.notice(i18n::tr("roster.exported", count, o.out));
  return count;
}

// The access log records every export of member records (a machine format, or --out) and every
// --reveal on the terminal: who, when, which command, format, rows, revealed, where to.
void log_disclosure(Context& ctx, const std::string& command, long rows, bool reveal,
                    const std::string& format, const std::string& out = "") {
  store::AccessEntry entry = store::disclosure(command, format, rows, reveal, out);
  entry.at = ctx.now();
  entry.actor = ctx.actor();
  store::log_access(ctx.db(), entry);
}

// --labels and --title are for people's formats; JSON and TSV keep codes for machines.
void check_labels(const ListOptions& o) {
  if (o.labels && o.format != "csv") {
    throw Error(ExitCode::usage, i18n::tr("roster.labels_format"));
  }
  if (!o.title.empty() && !labelled(o)) {
    throw Error(ExitCode::usage, i18n::tr("roster.title_format"));
  }
}

void run_list(const ListOptions& given, Context& ctx) {
  ListOptions o = given;
  o.format = list_format(given);
  roster::ListFilter filter{ctx.community(o.community), {}, o.key, o.hardship, o.status, o.search};
  std::vector<std::string> problems;
  for (const std::string& c : o.categories) {
    const auto* entry = config::code_table("categories").find(c);
    if (entry == nullptr) {
      throw Error(ExitCode::usage, i18n::tr("roster.unknown_category", c,
                                            config::code_table("categories").choices_list()));
    }
    filter.categories.push_back(entry->code);
  }
  const bool wide = o.format != "table";
  check_labels(o);
  roster::MemberRows rows(ctx.db(), filter,
                          {wide, labelled(o), o.reveal, value_context(ctx).sensitive_enabled,
                           ctx.workspace().community_names()});
  // emit throws unless the file is in place: no log entry for a failed export
  const size_t count = emit(o, ctx, rows);
  log_disclosure(ctx, "roster list", static_cast<long>(count), o.reveal, o.format, o.out);
}

void run_show(const ShowOptions& o, Context& ctx) {
  const long id = resolve(ctx, o.member);
  const auto member = roster::load_member(ctx.db(), id);
  if (o.format == "json") {  // typed, keys and codes: not the card people read
    roster::write_member_json(ctx.out(), *member, o.reveal);
  } else {
    output::write(ctx.out(),
                  roster::member_card(*member, o.reveal,
                                      o.format == "table" ? ctx.workspace().community_names()
                                                          : std::vector<config::CommunityName>{}),
                  output::parse_format(o.format), ctx.render_options());
  }
  log_disclosure(ctx, "roster show", 1, o.reveal, o.format);
}

void run_history(const HistoryOptions& o, Context& ctx) {
  const auto history = roster::member_history(ctx.db(), resolve(ctx, o.member));
  if (o.format == "json") {
    roster::write_history_json(ctx.out(), history, o.reveal);
  } else {
    output::write(ctx.out(),
                  roster::history_table(history, o.reveal, o.format != "table",
                                        ctx.workspace().community_names()),
                  output::parse_format(o.format),
                  ctx.render_options(i18n::tr("roster.no_history")));
  }
  log_disclosure(ctx, "roster history", 1, o.reveal, o.format);
}

void run_add(const AddOptions& o, Context& ctx) {
  std::vector<std::pair<std::string, std::string>> raw(o.values.begin(), o.values.end());
  const long id = roster::add_member(ctx.db(true), raw, write_context(ctx));
  ctx.out() << id << '\n';  // the new member's id, for scripts
  ctx.notice(i18n::tr("roster.added", id));
}

void run_edit(const EditOptions& o, Context& ctx) {
  const long id = resolve(ctx, o.member);
  roster::edit_member(ctx.db(), id, o.assignments, write_context(ctx));
  ctx.notice(i18n::tr("roster.edited", id));  // the id: MEMBER may be an ID number
}

void run_move(const MoveOptions& o, Context& ctx) {
  const std::string date = effective_date(ctx, o.date);
  const std::string to = ctx.community(o.to);
  const long id = resolve(ctx, o.member);
  roster::move_member(ctx.db(), id, to, date, write_context(ctx));
  ctx.notice(
      i18n::tr("roster.moved", id, config::community_name(value_context(ctx).communities, to)));
}

void run_archive(const ArchiveOptions& o, Context& ctx) {
  const std::string date = effective_date(ctx, o.date);
  const long id = resolve(ctx, o.member);
  roster::archive_member(ctx.db(), id, o.status, o.reason, date, write_context(ctx));
  ctx.notice(i18n::tr("roster.archived", id));
}

void run_restore(const RestoreOptions& o, Context& ctx) {
  const std::string date = effective_date(ctx, o.date);
  const long id = resolve(ctx, o.member);
  roster::restore_member(ctx.db(), id, date, write_context(ctx));
  ctx.notice(i18n::tr("roster.restored", id));
}

void run_check(const CheckOptions& o, Context& ctx) {
  const auto findings =
      roster::check_roster(ctx.db(), value_context(ctx), ctx.community(o.community));
  output::Table t;
  t.columns = {{"kind", i18n::tr("check.col_kind")},
               {"member", i18n::tr("check.col_member"), true, true},
               {"detail", i18n::tr("check.col_detail")}};
  const bool labels = o.format == "table";  // people read kinds as words, scripts as codes
  for (const auto& f : findings) {
    t.rows.push_back({labels ? i18n::tr("check.kind." + f.kind) : f.kind,
                      f.member_id ? std::to_string(f.member_id) : "", f.detail});
  }
  if (!findings.empty()) {
    output::write(ctx.out(), t, output::parse_format(o.format), ctx.render_options());
    throw Error(ExitCode::check_failed, i18n::tr("check.found", findings.size()));
  }
  ctx.notice(i18n::tr("check.clean"));
}

void add_format(CLI::App* sub, std::string& format, std::vector<std::string> formats) {
  sub->add_option("--format", format, i18n::tr("help.opt_format"))->check(CLI::IsMember(formats));
}

void add_member_fields(CLI::App* sub, AddOptions& o) {
  for (const auto& f : roster::member_fields()) {
    if (f.key == "name" || f.key == "community") {
      continue;
    }
    std::string flag = "--" + f.key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    sub->add_option_function<std::string>(
        flag, [&o, key = f.key](const std::string& v) { o.values[key] = v; },
        i18n::pick(f.zh, f.en));
  }
}

// show and history: one member, masked unless --reveal.
template <typename Options>
void add_member_view(CLI::App* roster, const std::string& name,
                     void (*runner)(const Options&, Context&), Globals& g, Environment& env) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = roster->add_subcommand(name, i18n::tr("help.roster_" + name));
  sub->add_option("MEMBER", o->member, i18n::tr("help.roster_member"))->required();
  sub->add_flag("--reveal", o->reveal, i18n::tr("help.roster_reveal"));
  add_format(sub, o->format, {"table", "csv", "tsv", "json"});
  on_run(sub, runner, o, g, env);
}

}  // namespace

void setup_roster(CLI::App& app, Globals& g, Environment& env) {
  CLI::App* roster = app.add_subcommand("roster", i18n::tr("help.roster"));
  roster->require_subcommand(1);

  auto imp_o = std::make_shared<ImportOptions>();
  CLI::App* imp = roster->add_subcommand("import", i18n::tr("help.roster_import"));
  imp->add_option("FILE", imp_o->file, i18n::tr("help.roster_import_file"));
  imp->add_option("--community", imp_o->community, i18n::tr("help.roster_opt_community"));
  imp->add_flag("--dry-run", imp_o->dry_run, i18n::tr("help.roster_dry_run"));
  imp->add_option("--on-existing", imp_o->on_existing, i18n::tr("help.roster_on_existing"))
      ->check(CLI::IsMember({"update", "fill", "skip", "error"}));
  imp->add_option("--encoding", imp_o->encoding, i18n::tr("help.roster_encoding"))
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030", "utf-16"}));
  imp->add_option("--sheet", imp_o->sheet, i18n::tr("help.roster_sheet"));
  add_header_row(imp, imp_o->header_row);
  auto* skip =
      imp->add_flag("--skip-invalid", imp_o->skip_invalid, i18n::tr("help.roster_skip_invalid"));
  imp->add_option("--rejects", imp_o->rejects, i18n::tr("help.roster_rejects"))->needs(skip);
  auto* undo =
      imp->add_option("--undo", imp_o->undo, i18n::tr("help.roster_undo"))->type_name("BATCH");
  undo->excludes(add_import_format(imp, imp_o->format));  // an undo has no import result
  imp->add_flag("--again", imp_o->again, i18n::tr("help.import_again"))->excludes(undo);
  on_run(imp, run_import, imp_o, g, env);

  auto list_o = std::make_shared<ListOptions>();
  CLI::App* list = roster->add_subcommand("list", i18n::tr("help.roster_list"));
  list->add_option("--community", list_o->community, i18n::tr("help.roster_opt_community"));
  list->add_option("--category", list_o->categories, i18n::tr("help.roster_category"))
      ->type_name("CODE");
  list->add_flag("--key", list_o->key, i18n::tr("help.roster_key"));
  list->add_flag("--hardship", list_o->hardship, i18n::tr("help.roster_hardship"));
  list->add_option("--status", list_o->status, i18n::tr("help.roster_status"))
      ->check(CLI::IsMember({"active", "moved", "archived", "deceased", "all"}));
  list->add_option("--search", list_o->search, i18n::tr("help.roster_search"));
  add_format(list, list_o->format, {"table", "csv", "tsv", "json", "xlsx"});
  list->add_option("--out", list_o->out, i18n::tr("help.roster_out"));
  list->add_flag("--reveal", list_o->reveal, i18n::tr("help.roster_reveal"));
  auto* labels = list->add_flag("--labels", list_o->labels, i18n::tr("help.roster_labels"));
  list->add_flag("--codes", list_o->codes, i18n::tr("help.roster_codes"))->excludes(labels);
  list->add_option("--title", list_o->title, i18n::tr("help.roster_title"))->type_name("TEXT");
  on_run(list, run_list, list_o, g, env);

  add_member_view(roster, "show", run_show, g, env);
  add_member_view(roster, "history", run_history, g, env);

  auto add_o = std::make_shared<AddOptions>();
  CLI::App* add = roster->add_subcommand("add", i18n::tr("help.roster_add"));
  add->add_option_function<std::string>(
         "--community", [add_o](const std::string& v) { add_o->values["community"] = v; },
         i18n::tr("help.roster_opt_community"))
      ->required();
  add->add_option_function<std::string>(
         "--name", [add_o](const std::string& v) { add_o->values["name"] = v; },
         i18n::tr("help.roster_name"))
      ->required();
  add_member_fields(add, *add_o);
  on_run(add, run_add, add_o, g, env);

  auto edit_o = std::make_shared<EditOptions>();
  CLI::App* edit = roster->add_subcommand("edit", i18n::tr("help.roster_edit"));
  edit->add_option("MEMBER", edit_o->member, i18n::tr("help.roster_member"))->required();
  edit->add_option("--set", edit_o->assignments, i18n::tr("help.roster_set"))
      ->required()
      ->type_name("FIELD=VALUE");
  on_run(edit, run_edit, edit_o, g, env);

  auto move_o = std::make_shared<MoveOptions>();
  CLI::App* move = roster->add_subcommand("move", i18n::tr("help.roster_move"));
  move->add_option("MEMBER", move_o->member, i18n::tr("help.roster_member"))->required();
  move->add_option("--to", move_o->to, i18n::tr("help.roster_to"))
      ->required()
      ->type_name("COMMUNITY");
  move->add_option("--date", move_o->date, i18n::tr("help.roster_date"));
  on_run(move, run_move, move_o, g, env);

  auto archive_o = std::make_shared<ArchiveOptions>();
  CLI::App* archive = roster->add_subcommand("archive", i18n::tr("help.roster_archive"));
  archive->add_option("MEMBER", archive_o->member, i18n::tr("help.roster_member"))->required();
  archive->add_option("--reason", archive_o->reason, i18n::tr("help.roster_reason"))->required();
  archive->add_option("--as", archive_o->status, i18n::tr("help.roster_as"))
      ->check(CLI::IsMember({"archived", "moved", "deceased"}));
  archive->add_option("--date", archive_o->date, i18n::tr("help.roster_date"));
  on_run(archive, run_archive, archive_o, g, env);

  auto restore_o = std::make_shared<RestoreOptions>();
  CLI::App* restore = roster->add_subcommand("restore", i18n::tr("help.roster_restore"));
  restore->add_option("MEMBER", restore_o->member, i18n::tr("help.roster_member"))->required();
  restore->add_option("--date", restore_o->date, i18n::tr("help.roster_date"));
  on_run(restore, run_restore, restore_o, g, env);

  auto check_o = std::make_shared<CheckOptions>();
  CLI::App* check = roster->add_subcommand("check", i18n::tr("help.roster_check"));
  check->add_option("--community", check_o->community, i18n::tr("help.roster_opt_community"));
  add_format(check, check_o->format, {"table", "csv", "tsv", "json"});
  on_run(check, run_check, check_o, g, env);
}

}  // namespace tongxin::cli
