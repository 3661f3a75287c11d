#include "app.h"

#include <SQLiteCpp/Exception.h>

#include <cstdint>
#include <iostream>

#include "activity/messages.h"
#include "audit/messages.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "parse_errors.h"
#include "report/messages.h"
#include "report/render_messages.h"
#include "roster/messages.h"
#include "schedule/messages.h"
#include "text/clean.h"

namespace tongxin::cli {

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> k_list = {
      {"init", "help.init", setup_init},
      {"roster", "help.roster", setup_roster},
      {"activity", "help.activity", setup_activity},
      {"schedule", "help.schedule", setup_schedule},
      {"audit", "help.audit", setup_audit},
      {"report", "help.report", setup_report},
      {"store", "help.store", setup_store},
      {"completion", "help.completion", setup_completion},
  };
  return k_list;
}

void add_messages() {
  i18n::add_messages(roster::messages());
  i18n::add_messages(activity::messages());
  i18n::add_messages(schedule::messages());
  i18n::add_messages(audit::messages());
  i18n::add_messages(report::messages());
  i18n::add_messages(report::render_messages());
}

std::unique_ptr<CLI::App> build_app(Globals& globals, Environment& env) {
  add_messages();
  auto app = std::make_unique<CLI::App>(i18n::tr("help.tongxin"), "tongxin");
  // Subcommands copy the help flag when they are added, so its text is set first.
  app->set_help_flag("-h,--help", i18n::tr("help.opt_help"));
  app->set_version_flag("--version", std::string("tongxin ") + TONGXIN_VERSION,
                        i18n::tr("help.opt_version"));
  app->require_subcommand(1);
  app->fallthrough();
  app->add_option("-C", globals.dir, i18n::tr("help.opt_dir"))->type_name("DIR");
  app->add_option("--store", globals.store, i18n::tr("help.opt_store"))->type_name("PATH");
  app->add_option("--lang", globals.lang, i18n::tr("help.opt_lang"))
      ->check(CLI::IsMember({"zh", "en"}));
  app->add_option("--actor", globals.actor, i18n::tr("help.opt_actor"))->type_name("NAME");
  app->add_flag("-q,--quiet", globals.quiet, i18n::tr("help.opt_quiet"));
  app->add_flag("-v,--verbose", globals.verbose, i18n::tr("help.opt_verbose"));
  app->add_flag("--no-color", globals.no_color, i18n::tr("help.opt_no_color"));
  for (const Subcommand& sub : subcommands()) {
    sub.setup(*app, globals, env);
  }
  return app;
}

CLI::Option* add_import_format(CLI::App* sub, std::string& format) {
  return sub->add_option("--format", format, i18n::tr("help.import_format"))
      ->check(CLI::IsMember({"text", "json"}));
}

CLI::Option* add_header_row(CLI::App* sub, long& header_row) {
  return sub->add_option("--header-row", header_row, i18n::tr("help.header_row"))
      ->type_name("N")
      ->check(CLI::PositiveNumber);
}

void report_import(const Context& ctx, const io::ImportResult& result, const std::string& format) {
  const auto f = format == "json" ? io::ResultFormat::json : io::ResultFormat::text;
  if (!(result.dry_run && f == io::ResultFormat::text)) {  // a text dry run prints it on stdout
    ctx.notice(io::header_text(result));
  }
  io::report(result, f, ctx.out(), ctx.err());
  // after --skip-invalid, text says what was imported in its summary line already
  if (result.batch_id > 0 && !(result.skip_invalid && f == io::ResultFormat::text)) {
    ctx.notice(io::done_line(result));
  }
}

void open_rejects(std::optional<output::AtomicFile>& rejects, const std::string& path,
                  const Context& ctx) {
  if (!path.empty()) {
    rejects.emplace(ctx.path(path), ctx.file_calls());
  }
}

void keep_rejects(std::optional<output::AtomicFile>& rejects, const std::string& path,
                  const io::TabularSource& source, io::ImportResult& result) {
  if (rejects && !result.rejects.empty()) {
    io::write_rejects(*rejects, result, source.encoding(), source.is_xlsx());
    result.rejects_file = path;
  }
}

namespace {

// Looks for --lang and -C before parsing so that --help is already in the right language.
void prescan_language(const std::vector<std::string>& args, const Environment& env) {
  std::string lang;
  std::string dir;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      lang = args[i + 1];
    } else if (args[i].starts_with("--lang=")) {
      lang = args[i].substr(7);
    } else if (args[i] == "-C" && i + 1 < args.size()) {
      dir = args[i + 1];
    }
  }
  const std::filesystem::path start = dir.empty() ? env.cwd : env.cwd / dir;
  choose_language(lang, start, env.lang_env);
}

int report(std::ostream& err, const Error& e) {
  // Printable: an error may quote a value from a file, which must not reach a terminal raw.
  err << "tongxin: " << i18n::tr("error.prefix") << ": " << text::printable(e.what(), SIZE_MAX)
      << '\n';
  for (const std::string& line : e.details()) {
    err << "  " << text::printable(line, SIZE_MAX) << '\n';
  }
  return static_cast<int>(e.code());
}

// Parses `args` and runs the chosen subcommand's callback; help and version end here too.
int parse_and_run(const std::vector<std::string>& args, Environment& env) {
  prescan_language(args, env);
  Globals globals;
  std::unique_ptr<CLI::App> app = build_app(globals, env);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);
    app->parse(reversed);
  } catch (const CLI::CallForHelp&) {
    *env.out << app->help();
  } catch (const CLI::CallForAllHelp&) {
    *env.out << app->help("", CLI::AppFormatMode::All);
  } catch (const CLI::CallForVersion& e) {
    *env.out << e.what() << '\n';
  } catch (const CLI::ParseError& e) {
    throw parse_error(e, app.get());  // with the app: which level, did-you-mean
  }
  return 0;
}

}  // namespace

Error error_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    return e;
  } catch (const CLI::ParseError& e) {
    return parse_error(e, nullptr);
  } catch (const SQLite::Exception& e) {
    return Error(ExitCode::store, i18n::tr("store.error", e.what()));
  } catch (const std::exception& e) {
    return Error(ExitCode::internal, i18n::tr("error.internal", e.what()));
  } catch (...) {
    return Error(ExitCode::internal, i18n::tr("error.internal", i18n::tr("error.unknown")));
  }
}

int run(const std::vector<std::string>& args, Environment env) {
  add_messages();  // before any message, error messages included
  try {
    return parse_and_run(args, env);
  } catch (...) {
    return report(*env.err, error_of(std::current_exception()));
  }
}

}  // namespace tongxin::cli
