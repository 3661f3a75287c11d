#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/resources.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "store/access_log.h"
#include "store/logs.h"
#include "store/store.h"

using namespace tongxin;
using tongxin::testing::TempDir;

namespace {

// A store with three change-log entries and one access-log entry, all written by the program.
std::unique_ptr<SQLite::Database> logged_store(const std::filesystem::path& path) {
  auto db = store::open(path, {.create = true});
  for (int i = 1; i <= 3; ++i) {
    store::log_change(*db, "t", "wang", "member", i, "create", "", fmt::format(R"({{"n":{}}})", i));
  }
  auto entry = store::disclosure("roster list", "csv", 3, false, "");
  entry.at = "t";
  entry.actor = "wang";
  store::log_access(*db, entry);
  return db;
}

}  // namespace

TEST_CASE("entries written by the program pass store check, each with its own hash") {
  TempDir dir;
  auto db = logged_store(dir.path / "t.db");
  CHECK(store::check(*db).empty());
  CHECK(db->execAndGet("SELECT count(DISTINCT hash) FROM change_log WHERE length(hash) = 64")
            .getInt() == 3);
}

TEST_CASE("store check names the first entry changed or deleted, and a dropped trigger") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  auto db = logged_store(dir.path / "t.db");
  SUBCASE("a changed entry") {
    db->exec("DROP TRIGGER change_log_no_update; UPDATE change_log SET actor = 'li' WHERE id = 2");
    CHECK(store::check(*db) ==
          std::vector<std::string>{
              "trigger change_log_no_update is missing or changed: the log could be rewritten",
              "change_log entry 2 does not match the hash chain: it was changed, or an entry "
              "before it was deleted or changed"});
  }
  SUBCASE("a deleted entry") {
    db->exec("DROP TRIGGER change_log_no_delete; DELETE FROM change_log WHERE id = 2");
    const auto problems = store::check(*db);
    REQUIRE(problems.size() == 2);
    CHECK(problems[1] == "change_log entries before entry 3 (from entry 2) were deleted");
  }
  SUBCASE("a trigger replaced by one that lets changes through") {
    db->exec(
        "DROP TRIGGER access_log_no_delete; CREATE TRIGGER access_log_no_delete BEFORE DELETE ON "
        "access_log BEGIN SELECT 1; END");
    CHECK(store::check(*db) ==
          std::vector<std::string>{
              "trigger access_log_no_delete is missing or changed: the log could be rewritten"});
  }
  SUBCASE("an entry inserted without the program") {
    db->exec(
        "INSERT INTO access_log (at, actor, command, action) VALUES ('t', 'x', 'c', 'export')");
    CHECK(store::check(*db) ==
          std::vector<std::string>{"access_log entry 2 does not match the hash chain: it was "
                                   "changed, or an entry before it was deleted or changed"});
  }
}

TEST_CASE("migrating a version 6 store chains its existing entries") {
  TempDir dir;
  const auto path = dir.path / "v6.db";
  {
    tongxin::testing::make_store_at_version(path, 6);
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO change_log (at, actor, entity, entity_id, action, after) VALUES "
        "('t1', 'a', 'member', 1, 'create', '{}'), ('t2', 'a', 'member', 1, 'update', NULL), "
        "('t3', 'b', 'activity', 4, 'delete', '')");
    raw.exec(
        "INSERT INTO access_log (at, actor, command, action, rows) VALUES "
        "('t1', 'a', 'roster show', 'reveal', 1), ('t2', 'a', 'roster list', 'export', 9)");
  }
  auto db = store::open(path, {.migrate = true});
  CHECK(store::check(*db).empty());
  CHECK(db->execAndGet("SELECT count(*) FROM change_log WHERE length(hash) = 64").getInt() == 3);
  store::log_change(*db, "t4", "c", "member", 2, "create", "", "{}");  // chains on
  CHECK(store::check(*db).empty());
  CHECK_THROWS_AS(db->exec("UPDATE access_log SET actor = 'b'"), SQLite::Exception);
}
