// In-process parse tests: the CLI11 app is driven with argument vectors, no process spawned.
#include <doctest/doctest.h>

#include <SQLiteCpp/Exception.h>
#include <sys/stat.h>

#include <cerrno>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "app.h"
#include "cli_run.h"
#include "helpers.h"
#include "i18n/i18n.h"

using namespace tongxin::cli;

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
  SUBCASE("an undo has no import result to format") {
    CHECK(run_args({"roster", "import", "--undo", "1", "--format", "json"}).code == 2);
  }
  SUBCASE("bad import format") {
    CHECK(run_args({"activity", "import", "-", "--format", "csv"}).code == 2);
  }
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

TEST_CASE("an import reads standard input from the environment") {
  const tongxin::testing::TempDir dir;
  REQUIRE(run_args({"init", "w", "--example", "yongdeng-2011"}, dir.path.string()).code == 0);
  const std::string w = (dir.path / "w").string();
  const std::string roster =
      "姓名,身份证号,社区,统战类别\n张三,11010519491231002X,chengguan-dongjie,其他\n李四,"
      "110105194912310021,chengguan-dongjie,其他\n";

  SUBCASE("a bad row: exit 3, the error line first, then the row") {
    const auto r =
        run_args({"roster", "import", "-", "--community", "chengguan-dongjie"}, w, roster);
    CHECK(r.code == 3);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("tongxin: error: stdin has invalid rows; nothing was written", 0) == 0);
    CHECK(r.err.find("\n  stdin:3: column '身份证号': wrong check character") != std::string::npos);
  }
  SUBCASE("JSON on stdout, the ID number masked") {
    const auto r = run_args({"roster", "import", "-", "--format", "json"}, w, roster);
    CHECK(r.code == 3);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["counts"]["read"] == 2);
    CHECK(doc["counts"]["rejected"] == 1);
    CHECK(doc["errors"][0]["line"] == 3);
    CHECK(doc["errors"][0]["value"] == "**************0021");
  }
  SUBCASE("a clean file is written as a batch") {
    const auto r =
        run_args({"roster", "import", "-", "--format", "json"}, w,
                 "姓名,身份证号,社区,统战类别\n张三,11010519491231002X,chengguan-dongjie,其他\n");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(nlohmann::json::parse(r.out)["batch_id"] == 1);
  }
  SUBCASE("activities too") {
    const auto r = run_args({"activity", "import", "-", "--dry-run"}, w,
                            "日期,社区,类型,标题\n2026-10-08,chengguan-dongjie,会议,例会\n");
    CHECK(r.code == 0);
    CHECK(r.out ==
          "stdin: header on line 1\ndry run of stdin, nothing written: 1 rows: 1 new, 0 invalid\n");
  }
}

TEST_CASE("error_of: only what lib/ did not turn into an Error is an internal error (exit 70)") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  const auto code_of = [](auto thrown) {
    return tongxin::cli::error_of(std::make_exception_ptr(thrown)).code();
  };
  using tongxin::ExitCode;
  CHECK(code_of(tongxin::Error(ExitCode::bad_input, "bad row")) == ExitCode::bad_input);
  CHECK(code_of(CLI::ExtrasError({"--frob"})) == ExitCode::usage);
  CHECK(code_of(SQLite::Exception("database is locked")) == ExitCode::store);
  CHECK(code_of(std::runtime_error("invalid byte")) == ExitCode::internal);
  CHECK(code_of(std::bad_alloc()) == ExitCode::internal);
  CHECK(code_of(42) == ExitCode::internal);
  CHECK(std::string(error_of(std::make_exception_ptr(std::out_of_range("map::at"))).what()) ==
        "internal error (a bug in tongxin, not a problem with the input; please report it): "
        "map::at");
}

namespace {

// A stdout that fails the way no lib/ code expects: with a std::logic_error.
class ThrowingBuf : public std::streambuf {
 protected:
  int_type overflow(int_type /*c*/) override { throw std::logic_error("injected failure"); }
};

}  // namespace

TEST_CASE("an unexpected exception in a command exits 70 and says it is a bug") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  tongxin::testing::TempDir dir;
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Environment env = test_env(in, out, err, dir.path);
  REQUIRE(run_in(env, {"init", "."}) == 0);

  ThrowingBuf failing;
  std::ostream failing_out(&failing);
  failing_out.exceptions(std::ios::badbit);
  env.out = &failing_out;
  err.str("");
  CHECK(run_in(env, {"roster", "list", "--format", "csv"}) == 70);
  CHECK(err.str() ==
        "tongxin: error: internal error (a bug in tongxin, not a problem with the input; please "
        "report it): injected failure\n");
}

namespace {

ssize_t disk_full(int /*fd*/, const void* /*data*/, size_t /*size*/) {
  errno = ENOSPC;
  return -1;
}

long access_log_rows(const std::string& workspace) {
  const auto info = run_args({"store", "info", "--format", "json"}, workspace);
  REQUIRE(info.code == 0);
  return nlohmann::json::parse(info.out)["tables"]["access_log"].get<long>();
}

// The Yongdeng example in `dir`/w with one member imported; returns the workspace's path.
std::string workspace_with_one_member(const tongxin::testing::TempDir& dir) {
  REQUIRE(run_args({"init", "w", "--example", "yongdeng-2011"}, dir.path.string()).code == 0);
  const std::string w = (dir.path / "w").string();
  REQUIRE(run_args({"roster", "import", "-"}, w,
                   "姓名,身份证号,社区,统战类别\n张三,11010519491231002X,chengguan-dongjie,其他\n")
              .code == 0);
  return w;
}

}  // namespace

TEST_CASE("roster list --out onto a full disk fails and leaves no file and no access-log entry") {
  const tongxin::testing::TempDir dir;
  const std::string w = workspace_with_one_member(dir);
  const auto exports = dir.path / "exports";
  std::filesystem::create_directory(exports);
  const std::string target = (exports / "x.csv").string();
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Environment env = test_env(in, out, err, w);

  env.file_calls.write = disk_full;
  CHECK(run_in(env, {"roster", "list", "--format", "csv", "--out", target}) == 2);
  CHECK(err.str() == "tongxin: error: cannot write " + target + "\n  no space left on the disk\n");
  CHECK(std::filesystem::is_empty(exports));
  CHECK(access_log_rows(w) == 0);

  env.file_calls = {};  // the same export onto a disk with room
  CHECK(run_in(env, {"roster", "list", "--format", "csv", "--out", target}) == 0);
  CHECK(std::filesystem::file_size(target) > 0);
  CHECK(access_log_rows(w) == 1);
}

TEST_CASE("init creates its folders 0700 whatever the umask") {
  const tongxin::testing::TempDir dir;
  const mode_t saved = ::umask(0);  // the widest umask: mkdir would give 0777
  const int code = run_args({"init", "a/w", "--example", "yongdeng-2011"}, dir.path.string()).code;
  ::umask(saved);
  REQUIRE(code == 0);
  for (const char* folder : {"a", "a/w", "a/w/communities", "a/w/plans", "a/w/data"}) {
    struct stat st {};
    REQUIRE(::stat((dir.path / folder).c_str(), &st) == 0);
    CHECK_MESSAGE((st.st_mode & 0777) == 0700, folder);
  }
}

TEST_CASE("an export to stdout is logged with its format, rows and whether revealed") {
  const tongxin::testing::TempDir dir;
  const std::string w = workspace_with_one_member(dir);
  REQUIRE(run_args({"roster", "list"}, w).code == 0);  // a masked terminal view: not an export
  REQUIRE(run_args({"roster", "list", "--format", "csv", "--reveal"}, w).code == 0);
  REQUIRE(run_args({"--actor", "li", "roster", "show", "1", "--format", "json"}, w).code == 0);
  const auto log = run_args({"store", "access-log", "--format", "csv"}, w);
  REQUIRE(log.code == 0);
  CHECK(log.out ==
        "id,at,actor,command,action,format,rows,revealed,destination\r\n"
        "1,2026-11-21T09:00:00+0800,tester,roster list,export,csv,1,1,\r\n"
        "2,2026-11-21T09:00:00+0800,li,roster show,export,json,1,0,\r\n");
}

TEST_CASE(
    "store access-log and batches with no entries note it on a terminal, print nothing on a pipe") {
  const tongxin::testing::TempDir dir;
  REQUIRE(run_args({"init", "w", "--example", "yongdeng-2011"}, dir.path.string()).code == 0);
  const std::string w = (dir.path / "w").string();
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  Environment env = test_env(in, out, err, w);
  env.stdout_tty = true;
  CHECK(run_in(env, {"store", "access-log"}) == 0);
  CHECK(out.str() == "No exports or reveals logged yet.\n");
  CHECK(err.str().empty());

  const auto piped = run_args({"store", "access-log"}, w);
  CHECK(piped.code == 0);
  CHECK(piped.out.empty());
  CHECK(run_args({"store", "access-log", "--format", "json"}, w).out == "[]\n");

  out.str("");
  CHECK(run_in(env, {"store", "batches"}) == 0);  // no import yet
  CHECK(out.str() == "No import batches yet.\n");
  CHECK(run_args({"store", "batches"}, w).out.empty());
}
