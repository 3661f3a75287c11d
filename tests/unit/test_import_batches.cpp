// Fix and re-import (issue #11 item 5): an import with --skip-invalid fails only when nothing was
// imported; the rejects file drops an earlier error column so a corrected one re-imports; the
// SHA-256 guard (--again); `store batches`; and activity import --skip-invalid and --undo.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "activity/import.h"
#include "activity/records.h"
#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "io/import_result.h"
#include "io/tabular.h"
#include "output/atomic_file.h"
#include "store/batches.h"
#include "store/store.h"

using namespace tongxin;

namespace {

activity::CheckContext context() {
  activity::CheckContext ctx;
  ctx.today = Date{2026, 11, 21};
  ctx.communities = {{"dongjie", "东街社区"}};
  ctx.find_member = [](const std::string&) -> std::optional<long> { return std::nullopt; };
  return ctx;
}

const std::string k_log =
    "日期,社区,类型,标题,错误\n"
    "2026-11-02,dongjie,例会,十一月例会,\n"
    "2026-13-01,dongjie,例会,坏日期,日期：旧的错误\n"
    "2026-11-03,dongjie,例会,第二次,\n";

io::ImportResult import_log(SQLite::Database& db, const std::string& csv,
                            activity::ImportOptions options) {
  std::istringstream in(csv);
  io::TabularOptions tabular;
  tabular.known = activity::knows_column;
  auto source = io::TabularSource::open("-", in, tabular);
  options.display_name = "log.csv";
  options.actor = "t";
  options.now = "2026-11-21T09:00:00+0800";
  options.community = "dongjie";
  return activity::import_activities(db, *source, options, context());
}

}  // namespace

TEST_CASE("with --skip-invalid an import fails only when every row is invalid") {
  io::ImportResult r;
  r.skip_invalid = true;
  r.counts = {.read = 3, .added = 1, .rejected = 2};
  CHECK_FALSE(io::failed(r));
  r.counts = {.read = 2, .rejected = 2};
  CHECK(io::failed(r));
  r.counts = {.read = 2, .unchanged = 2};
  CHECK_FALSE(io::failed(r));
}

TEST_CASE("the error column of a rejects file is recognised in both languages") {
  CHECK(io::is_error_column("错误"));
  CHECK(io::is_error_column("error"));
  CHECK_FALSE(io::is_error_column("备注"));
}

TEST_CASE("a file imported before needs --again; a dry run only warns") {
  i18n::set_language(i18n::Lang::en);
  io::ImportResult r;
  r.file = "log.csv";
  io::guard_repeat(r, 0, "", false);                         // nothing earlier
  io::guard_repeat(r, 3, "2026-11-20T10:00:00+0800", true);  // --again
  try {
    io::guard_repeat(r, 3, "2026-11-20T10:00:00+0800", false);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    CHECK(std::string(e.what()).find("batch 3") != std::string::npos);
    REQUIRE(e.details().size() == 1);
    CHECK(e.details()[0].find("--undo 3") != std::string::npos);
  }
  r.dry_run = true;
  io::guard_repeat(r, 3, "2026-11-20T10:00:00+0800", false);
  CHECK(r.earlier_batch == 3);
  std::ostringstream out;
  std::ostringstream err;
  io::report(r, io::ResultFormat::text, out, err);
  CHECK(err.str().find("warning: log.csv is the same file batch 3") != std::string::npos);
}

TEST_CASE("activity import leaves invalid rows out, writes them re-importable, and is undone") {
  i18n::set_language(i18n::Lang::zh);
  auto db = store::open(":memory:", {.create = true});
  activity::ImportOptions options;
  options.skip_invalid = true;
  const io::ImportResult first = import_log(*db, k_log, options);
  CHECK(first.batch_id > 0);
  CHECK(first.counts.added == 2);
  REQUIRE(first.rejects.size() == 1);
  CHECK(first.rejects[0].line == 3);

  testing::TempDir dir;
  const std::string rejects = (dir.path / "rejects.csv").string();
  {
    output::AtomicFile file(rejects);
    io::write_rejects(file, first, text::Encoding::utf8, false);
  }
  std::ifstream in(rejects);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(written ==
        "日期,社区,类型,标题,错误\r\n"
        "2026-13-01,dongjie,例会,坏日期,日期：日期无效，应为存在的日期，如 2026-11-05、2026/11/5、"
        "20261105 或 2026年11月5日\r\n");
  CHECK(written.find("旧的错误") == std::string::npos);  // the earlier error column is gone

  // The same bytes again: refused, then imported with --again; the rejects file once corrected.
  CHECK(testing::exit_code_of([&] { import_log(*db, k_log, options); }) == ExitCode::bad_input);
  std::string corrected = written;
  corrected.replace(corrected.find("2026-13-01"), 10, "2026-11-01");
  const io::ImportResult fixed = import_log(*db, corrected, {});
  CHECK(fixed.counts.added == 1);
  CHECK_FALSE(io::failed(fixed));

  const auto batches = store::read_batches(*db, "activity");
  REQUIRE(batches.size() == 2);
  CHECK(batches[0].added == 2);
  CHECK(batches[0].rejected == 1);
  CHECK(batches[0].sha256.size() == 64);
  CHECK(store::same_file_batch(*db, "activity", batches[0].sha256)->id == first.batch_id);
  CHECK_FALSE(store::same_file_batch(*db, "roster", batches[0].sha256));

  CHECK(activity::undo_import(*db, first.batch_id, "t", "later") == 2);
  CHECK(db->execAndGet("SELECT count(*) FROM activity").getInt() == 1);
  CHECK(store::read_batches(*db)[0].undone_at == "later");
  CHECK_FALSE(store::same_file_batch(*db, "activity", batches[0].sha256));  // undone: free again
  CHECK(testing::exit_code_of([&] { activity::undo_import(*db, first.batch_id, "t", "x"); }) ==
        ExitCode::bad_input);  // undone already
  CHECK(testing::exit_code_of([&] { activity::undo_import(*db, 99, "t", "x"); }) ==
        ExitCode::bad_input);  // no such batch
}

TEST_CASE("an activity edited after its import keeps the undo from running") {
  i18n::set_language(i18n::Lang::en);
  auto db = store::open(":memory:", {.create = true});
  const io::ImportResult r = import_log(*db, "日期,社区,类型\n2026-11-02,dongjie,例会\n", {});
  REQUIRE(r.batch_id > 0);
  activity::ActivityEdit edit;
  edit.title = "改过的标题";
  const long id = db->execAndGet("SELECT id FROM activity").getInt64();
  REQUIRE(activity::edit_activity(*db, id, edit, Date{2026, 11, 21}, "t", "now").empty());
  CHECK(testing::exit_code_of([&] { activity::undo_import(*db, r.batch_id, "t", "x"); }) ==
        ExitCode::bad_input);
  CHECK(db->execAndGet("SELECT count(*) FROM activity").getInt() == 1);
}

TEST_CASE("the batches table shows labels and a short SHA-256 on a terminal, codes otherwise") {
  i18n::set_language(i18n::Lang::zh);
  store::BatchRecord b;
  b.id = 4;
  b.kind = "roster";
  b.file_name = "台账.xlsx";
  b.sha256 = std::string(64, 'a');
  b.added = 3;
  const auto terminal = store::batches_table({b}, true);
  CHECK(terminal.rows[0][1] == "名册");
  CHECK(terminal.rows[0][3] == std::string(12, 'a'));
  const auto machine = store::batches_table({b}, false);
  CHECK(machine.columns[3].key == "sha256");
  CHECK(machine.rows[0][1] == "roster");
  CHECK(machine.rows[0][3] == std::string(64, 'a'));
}
