// The tongxin command line: global options, the subcommand registry and the one place errors
// become exit codes. Each subcommand lives in its own file (init.cpp, store.cpp, ...) with an
// options struct and a run function per subcommand of its own, and one setup function.
#pragma once

#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "context.h"
#include "core/error.h"
#include "io/import_result.h"
#include "io/tabular.h"
#include "output/atomic_file.h"

namespace tongxin::cli {

// A top-level subcommand: its name, a catalogue key for its one-line summary, and the function
// that adds its options and callback to the app.
struct Subcommand {
  const char* name;
  const char* summary_key;
  std::function<void(CLI::App&, Globals&, Environment&)> setup;
};

// Every top-level subcommand, in help order. Feeds --help, completions and the man-page test.
const std::vector<Subcommand>& subcommands();

// Adds every module's messages to the i18n catalogue (they live beside their modules, and the
// lowest layer names none of them). run() and build_app() call it; so must any other entry point
// (the unit tests' main) before the first message is looked up.
void add_messages();

// Makes `sub` run `runner` with the parsed options and a fresh Context (workspace and store opened
// as the command needs them).
template <typename Options>
void on_run(CLI::App* sub, void (*runner)(const Options&, Context&),
            std::shared_ptr<Options> options, Globals& globals, Environment& env) {
  sub->callback([runner, options, &globals, &env] {
    Context ctx(globals, env);
    try {
      runner(*options, ctx);
    } catch (const SQLite::Exception& e) {
      if (auto busy = ctx.busy_error(e)) {  // say what held the store, not only "locked"
        throw *busy;
      }
      throw;
    }
  });
}

// Adds `--format text|json` for an import's result to `sub`.
CLI::Option* add_import_format(CLI::App* sub, std::string& format);

// --header-row N of roster and activity import (io::TabularOptions::header_row).
CLI::Option* add_header_row(CLI::App* sub, long& header_row);

// Hands an import's result to its reader in `format` (text|json, io::report) and throws when the
// import failed; after an import that wrote, says so as a notice.
void report_import(const Context& ctx, const io::ImportResult& result, const std::string& format);

// The --rejects file (`path`, empty for none), opened before the import so that a file that
// cannot be created stops it before it writes anything.
void open_rejects(std::optional<output::AtomicFile>& rejects, const std::string& path,
                  const Context& ctx);

// Writes the rows --skip-invalid left out into `rejects` (when open and there are some), in the
// input's encoding (with a BOM for a workbook's), and notes the file in `result`.
void keep_rejects(std::optional<output::AtomicFile>& rejects, const std::string& path,
                  const io::TabularSource& source, io::ImportResult& result);

// Setup functions, one per file.
void setup_init(CLI::App& app, Globals& globals, Environment& env);
void setup_store(CLI::App& app, Globals& globals, Environment& env);
void setup_activity(CLI::App& app, Globals& globals, Environment& env);
void setup_schedule(CLI::App& app, Globals& globals, Environment& env);
void setup_roster(CLI::App& app, Globals& globals, Environment& env);
void setup_completion(CLI::App& app, Globals& globals, Environment& env);
void setup_audit(CLI::App& app, Globals& globals, Environment& env);
void setup_report(CLI::App& app, Globals& globals, Environment& env);

// Runs tongxin with `args` (args[0] is the program name) in `env`; returns the exit code.
// Catches every exception once and prints it as error_of() makes it: `tongxin: error: …` and
// the details to env.err.
int run(const std::vector<std::string>& args, Environment env);

// What `failure` (an exception caught by run) is reported as: a tongxin::Error as it is, a
// CLI11 parse error as a usage error (exit 2), an SQLite exception as a store error (exit 4),
// and anything else, which lib/ should have turned into an Error where it happened, as an
// internal error (exit 70) that says it is a bug: never as the user's bad input.
Error error_of(const std::exception_ptr& failure);

// Builds the full CLI11 app (for run() and for tests that inspect options).
std::unique_ptr<CLI::App> build_app(Globals& globals, Environment& env);

}  // namespace tongxin::cli
