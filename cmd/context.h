// What every subcommand needs from the global options and the process environment: the
// language, the workspace, the store, output settings, "today" and "now". Built from Globals by
// the CLI; lib/ receives the pieces as parameters, never this struct.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "config/workspace.h"
#include "core/date.h"
#include "core/error.h"
#include "core/period.h"
#include "output/atomic_file.h"
#include "output/table.h"
#include "store/store.h"

namespace tongxin::cli {

// Global options (tongxin(1)). Defaults as documented there.
struct Globals {
  std::string dir;        // -C DIR
  std::string store;      // --store PATH
  std::string lang;       // --lang zh|en
  std::string actor;      // --actor NAME, default $USER
  bool quiet = false;     // -q
  bool verbose = false;   // -v: notices even when not on a terminal
  bool no_color = false;  // --no-color (also NO_COLOR)
};

// The process environment, read once in main and injectable by tests.
struct Environment {
  std::istream* in = nullptr;  // standard input, for FILE "-" (nullptr reads as empty)
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool stdout_tty = false;
  bool stderr_tty = false;
  std::string lang_env;       // LC_ALL, else LC_MESSAGES, else LANG (i18n::message_locale)
  std::string user;           // USER
  bool no_color_env = false;  // NO_COLOR set
  std::string today;          // TONGXIN_TODAY (YYYY-MM-DD), else the local date
  std::string now;            // TONGXIN_NOW, else the local time, ISO 8601 with offset
  std::filesystem::path cwd;
  output::FileCalls file_calls;  // how files given with --out and --rejects reach the disk
};

// Reads the real environment (isatty, getenv, the clock).
Environment real_environment(std::istream& in, std::ostream& out, std::ostream& err);

class Context {
 public:
  Context(const Globals& globals, const Environment& env);

  std::istream& in() const;
  std::ostream& out() const { return *m_env.out; }
  // Where warnings and row errors go; use notice() for what was done.
  std::ostream& err() const { return *m_env.err; }
  // Prints a notice (what was done) to stderr unless quiet; shown when stderr is a terminal or
  // with -v, so scripts and cron stay quiet by default.
  void notice(const std::string& line) const;
  // Prints "tongxin: warning: <line>" to stderr, always (even with -q): something the user must
  // know was found and set right (a store readable by others).
  void warning(const std::string& line) const;
  // How the store is opened: the busy timeout (tongxin.yaml's store.busy_timeout when there is
  // a workspace, also with --store) and where warnings go.
  store::OpenOptions store_options(bool create = false);
  // The exit-4 error for a statement that gave up waiting for the store (SQLITE_BUSY), naming
  // what held it; nullopt for any other failure, or when no store was opened.
  std::optional<Error> busy_error(const SQLite::Exception& e) const;
  bool color() const;
  // Colour and whether stdout is a terminal; `empty_note` is what a terminal table with no rows
  // says instead (nothing is printed when stdout is not a terminal).
  output::RenderOptions render_options(std::string empty_note = {}) const;

  Date today() const { return m_today; }
  // A --period value (lib/core/period.h), relative forms taken from today; a usage error (exit 2)
  // listing the accepted forms when it is none of them.
  Period period(const std::string& text) const;
  // A date flag's value (`flag`, e.g. "--date"): the one date grammar of core/date.h, `today`
  // or +Nd/-Nd; a usage error (exit 2) naming the flag and the accepted forms otherwise.
  Date date_flag(const std::string& text, std::string_view flag) const;
  const std::string& now() const { return m_env.now; }
  // For every file written for the user (output::AtomicFile).
  const output::FileCalls& file_calls() const { return m_env.file_calls; }
  std::string actor() const;

  // The workspace (found by walking up from -C or the current directory) with its communities,
  // loaded once; exit 5 when there is none or any of its files is broken.
  const config::Workspace& workspace();
  // tongxin.yaml alone, for commands that need no community (the store commands): a broken
  // community file does not stop them. Exit 5 when there is no workspace or tongxin.yaml is
  // broken.
  const config::WorkspaceConfig& workspace_config();
  // The id of the community `reference` (a --community value: id, name or unique short name)
  // means; "" for "". Throws a usage error (exit 2) listing the communities when it means none
  // or several (config::resolve_community).
  std::string community(const std::string& reference);
  // The store (from --store or the workspace's tongxin.yaml), opened once.
  SQLite::Database& db(bool create = false);
  std::filesystem::path store_path();
  // The folder commands start from: -C or the current directory.
  std::filesystem::path start_dir() const;
  // A path given on the command line (FILE, --out, --rejects, --template, --store, backup FILE,
  // init DIR), as git takes it under -C: a relative one is relative to start_dir(). "" and "-"
  // (standard input) stay as they are. The one place such paths are resolved.
  std::string path(const std::string& given) const;

 private:
  Globals m_globals;
  Environment m_env;
  Date m_today;
  // The folder holding tongxin.yaml, found once.
  const std::filesystem::path& workspace_root();

  std::optional<std::filesystem::path> m_root;
  std::optional<config::WorkspaceConfig> m_config;
  std::optional<config::Workspace> m_workspace;
  std::unique_ptr<SQLite::Database> m_db;
};

// Sets the process language from --lang, else the workspace found from the start folder, else
// LANG. Called before the CLI is built so --help speaks the user's language.
void choose_language(const std::string& lang_flag, const std::filesystem::path& start,
                     const std::string& lang_env);

}  // namespace tongxin::cli
