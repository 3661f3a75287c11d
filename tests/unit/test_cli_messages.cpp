// What the user reads from the command line: parser messages in their language, notes on empty
// tables, and the language chosen from the environment.
#include <doctest/doctest.h>

#include <sstream>

#include "cli_run.h"
#include "helpers.h"
#include "i18n/i18n.h"

using namespace tongxin::cli;

namespace {

// Runs `tongxin --lang en ARGS...` from `cwd` with stdout a terminal or not.
Result run_on(bool stdout_tty, const std::filesystem::path& cwd, std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Environment env = test_env(in, out, err, cwd);
  env.stdout_tty = stdout_tty;
  const int code = run_in(env, std::move(args));
  return {code, out.str(), err.str()};
}

// Runs `tongxin --lang zh ARGS...` outside any workspace.
Result run_zh(std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  args.insert(args.begin(), {"tongxin", "--lang", "zh"});
  const int code = run(args, test_env(in, out, err, "/nonexistent-tongxin-test"));
  return {code, out.str(), err.str()};
}

// The first line of an error report, without the "tongxin: 错误: " prefix.
std::string message_of(const Result& r) {
  const std::string prefix = "tongxin: 错误: ";
  REQUIRE(r.err.rfind(prefix, 0) == 0);
  return r.err.substr(prefix.size(), r.err.find('\n') - prefix.size());
}

}  // namespace

TEST_CASE("an empty listing prints a note on a terminal and nothing to a pipe") {
  tongxin::testing::TempDir dir;
  REQUIRE(run_on(false, dir.path, {"init", "w", "--example", "yongdeng-2011"}).code == 0);
  const auto w = dir.path / "w";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"roster", "list", "--search", "nobody"},
           {"activity", "list"},
           {"schedule", "agenda", "--from", "2001-01-01", "--to", "2001-01-31"}}) {
    CAPTURE(args[0]);
    const auto piped = run_on(false, w, args);
    CHECK(piped.code == 0);
    CHECK(piped.out.empty());
    const auto terminal = run_on(true, w, args);
    CHECK(terminal.code == 0);
    CHECK(terminal.out.find("No ") == 0);
    CHECK(terminal.out.find('\n') == terminal.out.size() - 1);  // one line, no header
  }
}

TEST_CASE("every parser message comes through the catalogue in Chinese") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{},
       "tongxin "
       "需要一个子命令：init、roster、activity、schedule、audit、report、store、completion"},
      {{"store"},
       "tongxin store 需要一个子命令：info、check、migrate、backup、batches、access-log"},
      {{"roster", "archive", "1"}, "缺少 --reason，它是必需的"},
      {{"store", "backup"}, "缺少 FILE，它是必需的"},
      {{"--bogus", "store", "info"}, "无法识别的参数：--bogus"},
      {{"store", "info", "--format", "yaml"},
       "--format 不接受 'yaml'，可用：table、csv、tsv、json"},
      {{"roster", "import", "--undo", "abc"}, "--undo 应为整数，不是 'abc'"},
      {{"roster", "import", "--undo", "1", "--format", "json"}, "--undo 不能与 --format 同时使用"},
      {{"roster", "import", "x.csv", "--rejects", "r.csv"},
       "--rejects 需要与 --skip-invalid 一起使用"},
      {{"roster", "list", "--format"}, "--format 缺少取值"},
      {{"roster", "list", "--key=maybe"}, "--key 是开关，不带取值"},
      {{"schedule", "agenda", "--days", "0"}, "--days 应为正整数"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    const Result r = run_zh(c.args);
    CHECK(r.code == 2);
    CHECK(message_of(r) == c.message);
    CHECK(r.err.find("用 --help 查看用法") != std::string::npos);
  }
}

TEST_CASE("an unknown subcommand says so and suggests the closest one") {
  const Result r = run_zh({"roster", "lst"});
  CHECK(r.code == 2);
  CHECK(message_of(r) ==
        "没有子命令 'lst'（tongxin roster 的子命令：import、list、show、history、add、edit、move、"
        "archive、restore、check）");
  CHECK(r.err.find("是否想用：tongxin roster list") != std::string::npos);
  const Result top = run_args({"rostr", "list"});
  CHECK(top.err.find("no subcommand 'rostr'") != std::string::npos);
  CHECK(top.err.find("did you mean: tongxin roster") != std::string::npos);
  const Result far = run_args({"roster", "frobnicate"});
  CHECK(far.err.find("did you mean") == std::string::npos);  // nothing close: no guess
}

TEST_CASE("a misspelt option gets a did-you-mean") {
  const Result r = run_args({"store", "info", "--fromat", "json"});
  CHECK(r.code == 2);
  CHECK(r.err.find("did you mean: --format") != std::string::npos);
}

TEST_CASE("the message language follows LC_ALL, then LC_MESSAGES, then LANG") {
  using tongxin::i18n::message_locale;
  CHECK(message_locale("en_US.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8") == "en_US.UTF-8");
  CHECK(message_locale("", "zh_CN.UTF-8", "en_US.UTF-8") == "zh_CN.UTF-8");
  CHECK(message_locale(nullptr, nullptr, "zh_TW.UTF-8") == "zh_TW.UTF-8");
  CHECK(message_locale(nullptr, "", "") == "");
}

TEST_CASE("init writes zh unless the locale says English or --lang says otherwise") {
  using tongxin::i18n::Lang;
  using tongxin::i18n::new_workspace_lang;
  CHECK(new_workspace_lang("C") == Lang::zh);
  CHECK(new_workspace_lang("") == Lang::zh);
  CHECK(new_workspace_lang("zh_CN.UTF-8") == Lang::zh);
  CHECK(new_workspace_lang("en_GB.UTF-8") == Lang::en);
}
