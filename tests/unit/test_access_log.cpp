#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/resources.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "store/access_log.h"
#include "store/store.h"

using namespace tongxin;
using tongxin::testing::TempDir;

TEST_CASE("an export is any machine format or file; a terminal view only when revealed") {
  CHECK(store::disclosure("roster list", "csv", 3, false, "").action == "export");
  CHECK(store::disclosure("roster list", "json", 3, true, "").action == "export");
  CHECK(store::disclosure("roster list", "table", 3, false, "x.txt").action == "export");
  CHECK(store::disclosure("roster show", "table", 1, true, "").action == "reveal");
  CHECK(store::disclosure("roster show", "table", 1, false, "").action.empty());
}

TEST_CASE("the access log keeps command, actor, format, rows, revealed and destination") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  auto entry = store::disclosure("roster list", "csv", 200, true, "all.csv");
  entry.at = "2026-11-21T09:00:00+0800";
  entry.actor = "wang";
  store::log_access(*db, entry);
  store::log_access(*db, store::disclosure("roster show", "table", 1, false, ""));  // not logged
  entry = store::disclosure("roster list", "json", 7, false, "");
  entry.at = "2026-11-21T10:00:00+0800";
  entry.actor = "li";
  store::log_access(*db, entry);

  const auto entries = store::read_access_log(*db);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].actor == "wang");
  CHECK(entries[0].rows == 200);
  CHECK(entries[0].revealed);
  CHECK(entries[0].destination == "all.csv");
  CHECK(entries[1].format == "json");
  CHECK_FALSE(entries[1].revealed);

  const auto codes = store::access_log_table(entries, false);
  CHECK(codes.rows[1] == std::vector<std::string>{"2", "2026-11-21T10:00:00+0800", "li",
                                                  "roster list", "export", "json", "7", "0", ""});
  const auto labels = store::access_log_table(entries, true);
  CHECK(labels.rows[1][7] == "no");
  CHECK(labels.rows[1][8] == "standard output");
}

TEST_CASE("migrating a version 5 store backfills revealed on its access log") {
  TempDir dir;
  const auto path = dir.path / "v5.db";
  {
    tongxin::testing::make_store_at_version(path, 5);
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO access_log (at, actor, command, action, rows) VALUES "
        "('t1', 'a', 'roster show', 'reveal', 1), ('t2', 'a', 'roster list', 'export', 9)");
  }
  auto db = store::open(path, {.migrate = true});
  const auto entries = store::read_access_log(*db);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].revealed);
  CHECK_FALSE(entries[1].revealed);
  CHECK(entries[1].rows == 9);
  CHECK(entries[1].format.empty());
  CHECK_THROWS_AS(db->exec("UPDATE access_log SET actor = 'b'"), SQLite::Exception);
}
