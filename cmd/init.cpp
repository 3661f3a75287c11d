// tongxin init [DIR] [--example NAME]: create a workspace.
#include "workspace/init.h"
#include "app.h"
#include "i18n/i18n.h"

namespace tongxin::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string example;
};

void run_init(const InitOptions& options, const Globals& globals, const Environment& env) {
  Context ctx(globals, env);
  const auto result =
      workspace::init_workspace(std::filesystem::absolute(ctx.path(options.dir)), options.example,
                                std::string(i18n::lang_code(i18n::language())));
  ctx.notice(i18n::tr("init.created", result.root.string(), result.files.size(), result.store));
  if (!options.example.empty()) {
    ctx.notice(i18n::tr("init.next_steps", options.dir));
  }
}

}  // namespace

void setup_init(CLI::App& app, Globals& globals, Environment& env) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", i18n::tr("help.init"));
  sub->add_option("DIR", options->dir, i18n::tr("help.init_dir"));
  std::string examples;
  for (const auto& name : workspace::example_names()) {
    examples += (examples.empty() ? "" : ", ") + name;
  }
  sub->add_option("--example", options->example, i18n::tr("help.init_example", examples))
      ->type_name("NAME");
  sub->callback([options, &globals, &env] { run_init(*options, globals, env); });
}

}  // namespace tongxin::cli
