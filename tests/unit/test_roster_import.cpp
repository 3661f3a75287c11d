// roster import across many blocks: the reading thread validates, the calling thread writes, and
// what a user sees (errors in file order, ids, counts, all or nothing) must not depend on that.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "roster/id_number.h"
#include "roster/import.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::roster;
using tongxin::testing::TempDir;

namespace {

// A valid ID number for person `n` (born 1960-01-01 + n days' worth of sequence numbers).
std::string id_for(int n) {
  const std::string first17 = fmt::format("110105{}{:03}", 19600101 + n / 900, n % 900 + 1);
  return first17 + id_check_character(first17);
}

// A roster CSV of `rows` members; `bad` rows (by 0-based index) get a cell beyond the header.
std::string roster_csv(int rows, const std::vector<int>& bad = {}) {
  std::string csv = "姓名,身份证号,社区,统战类别\n";
  for (int i = 0; i < rows; ++i) {
    const bool is_bad = std::find(bad.begin(), bad.end(), i) != bad.end();
    csv += fmt::format("成员{},{},c1,{}{}\n", i, id_for(i), i % 3 == 0 ? "无党派人士" : "",
                       is_bad ? ",多余" : "");
  }
  return csv;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<SQLite::Database> db = store::open(dir.path / "t.db", {.create = true});
  ValueContext ctx{Date{2026, 11, 21}, {{"c1", "一社区"}}, {}};

  io::ImportResult run(const std::string& csv, ImportOptions options = {}) {
    std::istringstream in(csv);
    auto source = io::TabularSource::open("-", in, {});
    options.display_name = "in.csv";
    options.actor = "tester";
    options.now = "2026-11-21T09:00:00+0800";
    return import_roster(*db, *source, options, ctx);
  }

  long count(const std::string& sql) { return db->execAndGet(sql).getInt64(); }
};

}  // namespace

TEST_CASE("a large import reports every bad row in file order and writes nothing") {
  i18n::set_language(i18n::Lang::en);
  Fixture f;
  const auto report = f.run(roster_csv(5000, {8, 2500, 4999}));
  CHECK(report.counts.read == 5000);
  CHECK(report.counts.rejected == 3);
  CHECK(report.batch_id == 0);
  REQUIRE(report.errors.size() == 3);
  CHECK(report.errors[0].line == 10);  // header is line 1, row 0 is line 2
  CHECK(report.errors[1].line == 2502);
  CHECK(report.errors[2].line == 5001);
  CHECK(f.count("SELECT count(*) FROM member") == 0);
  CHECK(f.count("SELECT count(*) FROM member_category") == 0);
  CHECK(f.count("SELECT count(*) FROM import_batch") == 0);
}

TEST_CASE("with skip_invalid the valid rows of every block are written, ids in file order") {
  Fixture f;
  ImportOptions options;
  options.skip_invalid = true;
  const auto report = f.run(roster_csv(5000, {8, 2500}), options);
  CHECK(report.counts.added == 4998);
  CHECK(report.rejects.size() == 2);
  CHECK(f.count("SELECT count(*) FROM member") == 4998);
  CHECK(f.count("SELECT max(id) - min(id) + 1 FROM member") == 4998);
  CHECK(f.db->execAndGet("SELECT name FROM member WHERE id = 4998").getString() == "成员4999");
  CHECK(f.db->execAndGet("SELECT id_number FROM member WHERE name = '成员2501'").getString() ==
        id_for(2501));
  // Every third person is non-party: 1,667 of rows 0..4999 (rows 8 and 2500 are not).
  CHECK(f.count("SELECT count(*) FROM member_category WHERE category = 'non_party'") == 1667);
  CHECK(f.count("SELECT count(*) FROM member_category c LEFT JOIN member m ON m.id = "
                "c.member_id WHERE m.name NOT LIKE '成员%' OR m.id IS NULL") == 0);
  CHECK(f.count("SELECT count(*) FROM pragma_index_list('member')") == 2);  // rebuilt
  CHECK(f.db->execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("an ID repeated in a later block names the line of its first appearance") {
  i18n::set_language(i18n::Lang::en);
  Fixture f;
  std::string csv = roster_csv(3000);
  csv += fmt::format("重复,{},c1,\n", id_for(1));
  const auto report = f.run(csv);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].line == 3002);
  CHECK(report.errors[0].reason.find("line 3") != std::string::npos);
}

TEST_CASE("a second import updates members in any block and counts them") {
  Fixture f;
  f.run(roster_csv(3000));
  std::string csv = "姓名,身份证号,社区,联系电话\n";
  for (int i = 0; i < 3000; i += 2) {
    csv += fmt::format("成员{},{},c1,138{:08}\n", i, id_for(i), i);
  }
  csv += fmt::format("新人,{},c1,\n", id_for(5000));
  ImportOptions options;
  options.on_existing = OnExisting::update;
  const auto report = f.run(csv, options);
  CHECK(report.counts.updated == 1500);
  CHECK(report.counts.added == 1);
  CHECK(f.count("SELECT count(*) FROM member WHERE phone IS NOT NULL") == 1500);
  CHECK(f.count("SELECT count(*) FROM change_log WHERE action = 'import_update'") == 1500);
  CHECK(f.db->execAndGet("SELECT id FROM member WHERE name = '新人'").getInt64() == 3001);
}

TEST_CASE("a malformed file stops the import from the reading thread; nothing is written") {
  i18n::set_language(i18n::Lang::en);
  Fixture f;
  const std::string csv = roster_csv(4000) + "\"unterminated,x,c1,\n";
  const ExitCode code = tongxin::testing::exit_code_of([&] { f.run(csv); });
  CHECK(code == ExitCode::bad_input);
  CHECK(f.count("SELECT count(*) FROM member") == 0);
  CHECK(f.count("SELECT count(*) FROM import_batch") == 0);
  // The store is usable afterwards.
  CHECK(f.run(roster_csv(10)).counts.added == 10);
}

TEST_CASE("undoing a batch that is most of the register rebuilds the indexes") {
  Fixture f;
  f.run(roster_csv(10));
  CHECK(f.run(roster_csv(3000)).batch_id == 0);  // rows 0..9 exist already: all or nothing
  std::string csv = "姓名,身份证号,社区\n";
  for (int i = 10; i < 3000; ++i) {
    csv += fmt::format("成员{},{},c1\n", i, id_for(i));
  }
  const long batch = f.run(csv).batch_id;
  REQUIRE(batch > 0);
  const UndoReport undone = undo_import(*f.db, batch, "tester", "2026-11-21T10:00:00+0800");
  CHECK(undone.removed == 2990);
  CHECK(f.count("SELECT count(*) FROM member") == 10);
  CHECK(f.count("SELECT count(*) FROM pragma_index_list('member')") == 2);
  CHECK(f.count("SELECT count(*) FROM member WHERE id_number = '" + id_for(3) + "'") == 1);
  // The unique index is back: a second member with that ID is refused by the store itself.
  CHECK_THROWS_AS(
      f.db->exec("INSERT INTO member (community, name, id_number) VALUES ('c1', 'x', '" +
                 id_for(3) + "')"),
      SQLite::Exception);
}
