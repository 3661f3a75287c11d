// In-process parse tests: the CLI11 app is driven with argument vectors, no process spawned.
#include <doctest/doctest.h>

#include <sstream>

#include "app.h"

using namespace tongxin::cli;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run_args(std::vector<std::string> args) {
  std::ostringstream out;
  std::ostringstream err;
  Environment env;
  env.out = &out;
  env.err = &err;
  env.today = "2026-11-21";
  env.now = "2026-11-21T09:00:00+0800";
  env.user = "tester";
  env.cwd = "/nonexistent-tongxin-test";
  args.insert(args.begin(), "tongxin");
  args.insert(args.begin() + 1, {"--lang", "en"});
  const int code = run(args, env);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("parse errors exit 2 with a usage hint") {
  SUBCASE("no subcommand") { CHECK(run_args({}).code == 2); }
  SUBCASE("unknown flag") {
    const auto r = run_args({"--frobnicate", "store", "info"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tongxin: error: ", 0) == 0);
  }
  SUBCASE("unknown subcommand") { CHECK(run_args({"store", "frob"}).code == 2); }
  SUBCASE("bad choice") { CHECK(run_args({"store", "info", "--format", "yaml"}).code == 2); }
  SUBCASE("bad language") { CHECK(run_args({"--lang", "fr", "store", "info"}).code == 2); }
  SUBCASE("missing argument") { CHECK(run_args({"store", "backup"}).code == 2); }
}

TEST_CASE("help and version exit 0 on stdout") {
  const auto help = run_args({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("store") != std::string::npos);
  const auto sub = run_args({"store", "--help"});
  CHECK(sub.code == 0);
  CHECK(sub.out.find("backup") != std::string::npos);
  const auto version = run_args({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out.rfind("tongxin ", 0) == 0);
}

TEST_CASE("every registered subcommand appears in the app") {
  Globals globals;
  Environment env;
  auto app = build_app(globals, env);
  for (const Subcommand& s : subcommands()) {
    CAPTURE(s.name);
    CHECK(app->get_subcommand(s.name) != nullptr);
  }
}

TEST_CASE("commands outside a workspace exit 5") {
  const auto r = run_args({"store", "info"});
  CHECK(r.code == 5);
  CHECK(r.err.find("no tongxin.yaml") != std::string::npos);
}
