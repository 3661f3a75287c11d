// roster import across many blocks: the reading thread validates, the calling thread writes, and
// what a user sees (errors in file order, ids, counts, all or nothing) must not depend on that.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <functional>
#include <sstream>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "roster/existing.h"
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
    csv += fmt::format("成员{},{},c1,{}{}\n", i, id_for(i),
                       i % 3 == 0 ? "无党派人士" : "党外知识分子", is_bad ? ",多余" : "");
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
  csv += fmt::format("重复,{},c1,其他\n", id_for(1));
  const auto report = f.run(csv);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].line == 3002);
  CHECK(report.errors[0].reason.find("line 3") != std::string::npos);
}

TEST_CASE("a second import updates members in any block and counts them") {
  Fixture f;
  f.run(roster_csv(3000));
  // Rows of registered members need no category: their empty cells change nothing.
  std::string csv = "姓名,身份证号,社区,联系电话,统战类别\n";
  for (int i = 0; i < 3000; i += 2) {
    csv += fmt::format("成员{},{},c1,138{:08},\n", i, id_for(i), i);
  }
  csv += fmt::format("新人,{},c1,,其他\n", id_for(5000));
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
  std::string csv = "姓名,身份证号,社区,统战类别\n";
  for (int i = 10; i < 3000; ++i) {
    csv += fmt::format("成员{},{},c1,其他\n", i, id_for(i));
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

// People without an ID number (港澳台 and 华侨 members, incomplete sheets) are matched by name and
// a second key within the community, both when the register is looked up row by row (a small file
// into a larger register) and when it is loaded first (a file larger than the register).
namespace {

// Three people without ID numbers; `notes` pads each row (a long file is a bulk load).
std::string without_ids(const std::string& notes = "") {
  return "姓名,出生日期,联系电话,工作单位,统战类别,社区,备注\n"
         "高峰,1968-03-02,,,归侨侨眷,c1," +
         notes +
         "\n"
         "陈美玲,,139-1234-5678,,港澳同胞,c1," +
         notes +
         "\n"
         "林志远,,,兰州大学,党外知识分子,c1," +
         notes + "\n";
}

// Runs `check` against a register of `members` members with ID numbers, once with the file as it
// is (looked up) and once with rows long enough to make it a bulk load.
void in_both_modes(const std::function<void(Fixture&, const std::string& notes)>& check) {
  SUBCASE("looked up") {
    Fixture f;
    f.run(roster_csv(300));
    check(f, "");
  }
  SUBCASE("loaded") {
    Fixture f;
    check(f, std::string(1500, 'x'));  // notes hold at most 2,000 characters
  }
}

}  // namespace

TEST_CASE("rows without an ID number imported twice create no duplicates") {
  i18n::set_language(i18n::Lang::en);
  in_both_modes([](Fixture& f, const std::string& notes) {
    const long before = f.count("SELECT count(*) FROM member");
    CHECK(f.run(without_ids(notes)).counts.added == 3);
    ImportOptions repeat;
    repeat.again = true;  // the same bytes: without --again the SHA-256 guard refuses it first
    const auto again = f.run(without_ids(notes), repeat);
    CHECK(again.batch_id == 0);
    REQUIRE(again.errors.size() == 3);
    CHECK(again.errors[0].reason.find("same name and birth date") != std::string::npos);
    CHECK(again.errors[1].reason.find("same name and phone") != std::string::npos);
    CHECK(again.errors[2].reason.find("same name and employer") != std::string::npos);
    ImportOptions update;
    update.on_existing = OnExisting::update;
    update.again = true;
    const auto updated = f.run(without_ids(notes), update);
    CHECK(updated.counts.unchanged == 3);
    CHECK(updated.counts.added == 0);
    CHECK(f.count("SELECT count(*) FROM member") == before + 3);
  });
}

TEST_CASE("a row with an ID number fills in a member registered without one") {
  in_both_modes([](Fixture& f, const std::string& notes) {
    f.run(without_ids(notes));
    const std::string id = id_for(7000);  // born 1960-01-08, unlike 高峰 (1968-03-02)
    const std::string csv = "姓名,身份证号,工作单位,社区,备注,统战类别\n林志远," + id +
                            ",兰州大学,c1," + notes + ",\n高峰," + id_for(7001) + ",,c1," + notes +
                            ",归侨侨眷\n";
    ImportOptions fill;
    fill.on_existing = OnExisting::fill;
    const auto report = f.run(csv, fill);
    CHECK(report.counts.updated == 1);  // 林志远, by name and employer
    CHECK(report.counts.added == 1);    // 高峰's birth date differs from the ID's: someone else
    CHECK(f.count("SELECT count(*) FROM member WHERE name = '林志远' AND id_number = '" + id +
                  "'") == 1);
    CHECK(f.count("SELECT count(*) FROM member WHERE name = '高峰'") == 2);
  });
}

TEST_CASE("a name that could be several registered members, or an earlier row, is refused") {
  i18n::set_language(i18n::Lang::en);
  in_both_modes([](Fixture& f, const std::string& notes) {
    f.run("姓名,联系电话,工作单位,社区,统战类别,备注\n王芳,13800000001,甲厂,c1,其他," + notes +
          "\n王芳,13800000002,乙厂,c1,其他," + notes + "\n");
    const auto report =
        f.run("姓名,联系电话,工作单位,社区,统战类别,备注\n王芳,13800000001,乙厂,c1,其他," + notes +
              "\n赵六,,丙厂,c1,其他," + notes + "\n赵六,,丙厂,c1,其他," + notes +
              "\n王芳,13800000003,,c2,其他," + notes + "\n");
    REQUIRE(report.errors.size() == 3);
    CHECK(report.errors[0].line == 2);
    CHECK(report.errors[0].reason.find("registered members") != std::string::npos);
    CHECK(report.errors[1].line == 4);
    CHECK(report.errors[1].reason == "the same person as line 3 (same name and employer)");
    CHECK(report.errors[2].line == 5);  // c2 is no community of the workspace
  });
}

TEST_CASE("same_person: one agreeing key, and no birth date or sex that differs") {
  const PersonKeys born{"1968-03-02", "", "", ""};
  CHECK(same_person(born, born) == MatchKey::birth_date);
  CHECK(same_person({"", "13912345678", "", ""}, {"1970-01-01", "13912345678", "", ""}) ==
        MatchKey::phone);
  CHECK(same_person({"", "", "兰州大学", ""}, {"", "1", "兰州大学", ""}) == MatchKey::employer);
  CHECK(same_person({"1968-03-02", "1", "x", ""}, {"1969-03-02", "1", "x", ""}) == MatchKey::none);
  CHECK(same_person({"", "1", "", "male"}, {"", "1", "", "female"}) == MatchKey::none);
  CHECK(same_person({"", "1", "", "male"}, {"", "1", "", ""}) == MatchKey::phone);
  CHECK(same_person({"", "", "", ""}, {"", "", "", ""}) == MatchKey::none);
  CHECK(person_keys(FieldValues{{"phone", "139-1234 5678"}}).phone == "13912345678");
}
