// The tongxin command line: global options, the subcommand registry and the one place errors
// become exit codes. Each subcommand lives in its own file (init.cpp, store.cpp, ...) with an
// options struct, a setup function and a run function.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "context.h"
#include "io/import_result.h"

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

// Makes `sub` run `runner` with the parsed options and a fresh Context (workspace and store opened
// as the command needs them).
template <typename Options>
void on_run(CLI::App* sub, void (*runner)(const Options&, Context&),
            std::shared_ptr<Options> options, Globals& globals, Environment& env) {
  sub->callback([runner, options, &globals, &env] {
    Context ctx(globals, env);
    runner(*options, ctx);
  });
}

// Adds `--format text|json` for an import's result to `sub`.
CLI::Option* add_import_format(CLI::App* sub, std::string& format);

// Hands an import's result to its reader in `format` (text|json, io::report) and throws when the
// import failed; after an import that wrote, says so as a notice.
void report_import(const Context& ctx, const io::ImportResult& result, const std::string& format);

// Setup functions, one per file.
void setup_init(CLI::App& app, Globals& globals, Environment& env);
void setup_store(CLI::App& app, Globals& globals, Environment& env);
void setup_activity(CLI::App& app, Globals& globals, Environment& env);
void setup_schedule(CLI::App& app, Globals& globals, Environment& env);
void setup_roster(CLI::App& app, Globals& globals, Environment& env);

// Runs tongxin with `args` (args[0] is the program name) in `env`; returns the exit code.
// Prints `tongxin: error: …` and details to env.err for any tongxin::Error.
int run(const std::vector<std::string>& args, Environment env);

// Builds the full CLI11 app (for run() and for tests that inspect options).
std::unique_ptr<CLI::App> build_app(Globals& globals, Environment& env);

}  // namespace tongxin::cli
