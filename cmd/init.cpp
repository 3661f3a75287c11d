// tongxin init [DIR] [--example NAME]: create a workspace.
#include "workspace/init.h"
#include "app.h"
#include "config/workspace.h"
#include "i18n/i18n.h"

namespace tongxin::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string example;
};

// A workspace inside another hides the outer one from every command started below it: said
// always (not only as a notice), as the user may have meant the outer one.
void warn_if_nested(const Context& ctx, const std::filesystem::path& dir) {
  const auto outer = config::find_workspace_root(dir.parent_path());
  if (outer && !std::filesystem::exists(dir / config::k_workspace_file)) {
    ctx.err() << "tongxin: " << i18n::tr("warning.prefix") << ": "
              << i18n::tr("init.nested", dir.string(), outer->string()) << '\n';
  }
}

void run_init(const InitOptions& options, const Globals& globals, const Environment& env) {
  Context ctx(globals, env);
  const std::filesystem::path dir = std::filesystem::absolute(ctx.path(options.dir));
  // The new workspace's language: --lang, else zh unless the locale says English (init asks
  // nothing: it runs the same under LANG=C, from a script or by hand).
  const i18n::Lang language =
      i18n::parse_lang(globals.lang).value_or(i18n::new_workspace_lang(env.lang_env));
  warn_if_nested(ctx, dir);
  const auto result = workspace::init_workspace(
      dir, options.example, std::string(i18n::lang_code(language)), ctx.today().year);
  ctx.notice(i18n::tr("init.created", result.root.string(), result.files.size(), result.store));
  if (!options.example.empty()) {
    ctx.notice(i18n::tr("init.next_steps", options.dir));
  } else {
    ctx.notice(i18n::tr("init.first_steps", options.dir));
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
