#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "core/error.h"
#include "core/resources.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "store/chain.h"
#include "store/lock_holder.h"
#include "store/logs.h"
#include "store/store.h"

using namespace tongxin;
namespace fs = std::filesystem;

using tongxin::testing::TempDir;

namespace {

ExitCode code_of(const std::function<void()>& f) { return tongxin::testing::exit_code_of(f); }

}  // namespace

TEST_CASE("a new store is created private, in WAL mode, at the latest schema") {
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  CHECK(store::schema_version(*db) == store::latest_version());
  CHECK(db->execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db->execAndGet("PRAGMA foreign_keys").getInt() == 1);
  struct stat st {};
  REQUIRE(stat((dir.path / "t.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("opening refuses missing, newer and unmigrated stores with exit 4") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  CHECK(code_of([&] { store::open(dir.path / "none.db"); }) == ExitCode::store);
  {
    auto db = store::open(dir.path / "t.db", {.create = true});
    db->exec("PRAGMA user_version = 42");
  }
  try {
    store::open(dir.path / "t.db");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::store);
    CHECK(std::string(e.what()).find(fmt::format("schema version 42, newer than this binary's {}",
                                                 store::latest_version())) != std::string::npos);
  }
}

TEST_CASE("a version 1 store is migrated only when asked, keeping its members") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const auto path = dir.path / "v1.db";
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(std::string(resources::get("schemas/sql/001_initial.sql")));
    raw.exec("PRAGMA user_version = 1");
    raw.exec(
        "INSERT INTO member (community, name, created_at, updated_at) VALUES ('c', '张三', 't', "
        "'t'); INSERT INTO member_category VALUES (1, 'non_party')");
  }
  CHECK(code_of([&] { store::open(path); }) == ExitCode::store);
  auto db = store::open(path, {.migrate = true});
  CHECK(store::schema_version(*db) == store::latest_version());
  CHECK(db->execAndGet("SELECT name FROM member").getString() == "张三");
  CHECK(db->execAndGet("SELECT category FROM member_category").getString() == "non_party");
  CHECK(db->execAndGet("SELECT count(*) FROM sqlite_master WHERE name = "
                       "'member_category_by_category'")
            .getInt() == 0);
  CHECK(db->execAndGet("SELECT count(*) FROM pragma_table_info('member') WHERE name IN "
                       "('created_at', 'updated_at')")
            .getInt() == 0);
  // v3: the consent table nothing wrote is gone.
  CHECK(db->execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'consent'").getInt() == 0);
}

TEST_CASE("migration 8 keeps the member events, their ids, and accepts restores") {
  TempDir dir;
  const auto path = dir.path / "v7.db";
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store::register_chain_function(raw);
    for (const char* name : {"001_initial", "002_lean_member", "003_drop_consent", "004_audit_runs",
                             "005_register_dates", "006_access_log_detail", "007_log_hash_chain"}) {
      raw.exec(std::string(resources::get(fmt::format("schemas/sql/{}.sql", name))));
    }
    raw.exec("PRAGMA user_version = 7");
    raw.exec(
        "INSERT INTO member_event VALUES (7, 1, '2026-10-01', 'archived', 'c', 'c', 'active', "
        "'archived')");
    CHECK_THROWS(
        raw.exec("INSERT INTO member_event VALUES (8, 1, '2026-11-01', 'restored', "
                 "'c', 'c', 'archived', 'active')"));
  }
  auto db = store::open(path, {.migrate = true});
  CHECK(store::schema_version(*db) == 8);
  CHECK(db->execAndGet("SELECT id || kind || on_date FROM member_event").getString() ==
        "7archived2026-10-01");
  db->exec(
      "INSERT INTO member_event VALUES (8, 1, '2026-11-01', 'restored', 'c', 'c', 'archived', "
      "'active')");
  CHECK_THROWS(db->exec(
      "INSERT INTO member_event VALUES (9, 1, '2026-11-02', 'revived', 'c', 'c', 'a', 'b')"));
  CHECK(db->execAndGet("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'member_event' AND "
                       "type = 'index'")
            .getInt() == 2);
}

TEST_CASE("the change log cannot be updated or deleted") {
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  db->exec("INSERT INTO change_log (at, actor, entity, action) VALUES ('t', 'a', 'member', 'x')");
  CHECK_THROWS_AS(db->exec("UPDATE change_log SET actor = 'b'"), SQLite::Exception);
  CHECK_THROWS_AS(db->exec("DELETE FROM change_log"), SQLite::Exception);
  CHECK_THROWS_AS(db->exec("INSERT INTO access_log (at, actor, command, action) VALUES "
                           "('t','a','c','reveal'); DELETE FROM access_log"),
                  SQLite::Exception);
  CHECK(db->execAndGet("SELECT actor FROM change_log").getString() == "a");
}

TEST_CASE("a bulk load leaves WAL only while it is alone, and restores it") {
  TempDir dir;
  const auto path = dir.path / "t.db";
  auto db = store::open(path, {.create = true});
  const auto mode = [&] { return db->execAndGet("PRAGMA journal_mode").getString(); };
  const auto pragma = [&](const std::string& name) {
    return db->execAndGet("PRAGMA " + name).getInt();
  };
  db->exec("PRAGMA cache_size = -4000");
  db->setBusyTimeout(1234);
  {
    store::BulkLoad bulk(*db);
    CHECK(mode() == "delete");
    CHECK(pragma("foreign_keys") == 0);
    CHECK(pragma("threads") == 2);
    CHECK(pragma("cache_size") == -2048);
  }
  CHECK(mode() == "wal");
  CHECK(pragma("foreign_keys") == 1);
  CHECK(pragma("threads") == 0);
  CHECK(pragma("cache_size") == -4000);
  CHECK(pragma("busy_timeout") == 1234);

  auto other = store::open(path);  // another process reading, say
  CHECK(other->execAndGet("SELECT count(*) FROM member").getInt() == 0);
  const auto start = std::chrono::steady_clock::now();
  {
    store::BulkLoad bulk(*db);
    CHECK(mode() == "wal");
  }
  // It does not wait out the busy timeout for the other connection to go away.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(mode() == "wal");
}

TEST_CASE("write transactions roll back unless committed") {
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  {
    store::WriteTransaction tx(*db);
    db->exec(
        "INSERT INTO import_batch (kind, file_name, sha256, actor, created_at) VALUES "
        "('roster', 'f', 's', 'a', 't')");
  }
  CHECK(db->execAndGet("SELECT count(*) FROM import_batch").getInt() == 0);
}

TEST_CASE("backup copies a consistent store and never overwrites") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  store::log_change(*db, "t", "a", "member", 1, "x", "", "");
  store::backup(*db, dir.path / "copy.db");
  auto copy = store::open(dir.path / "copy.db");
  CHECK(copy->execAndGet("SELECT count(*) FROM change_log").getInt() == 1);
  CHECK(code_of([&] { store::backup(*db, dir.path / "copy.db"); }) == ExitCode::usage);
  CHECK(store::check(*copy).empty());
}

TEST_CASE("opening a store another connection holds waits for it from the first statement") {
  // Regression: user_version was read before the busy timeout was set, so a command started
  // during a bulk import (rollback journal, exclusive lock) failed at once with exit 4.
  TempDir dir;
  const fs::path path = dir.path / "t.db";
  store::open(path, {.create = true});
  SQLite::Database holder(path.string(), SQLite::OPEN_READWRITE);
  holder.exec("PRAGMA journal_mode = DELETE");
  holder.exec("BEGIN EXCLUSIVE");
  holder.exec("CREATE TABLE held (x)");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.exec("COMMIT");
  });
  std::unique_ptr<SQLite::Database> db;
  CHECK_NOTHROW(db = store::open(path, {.busy_timeout_ms = 10000}));
  release.join();
  REQUIRE(db != nullptr);
  CHECK(store::schema_version(*db) == store::latest_version());
}

TEST_CASE("a failed backup leaves neither the copy nor a temporary file") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  auto db = store::open(dir.path / "t.db", {.create = true});
  output::FileCalls failing;
  failing.fsync = [](int) {
    errno = EIO;
    return -1;
  };
  CHECK(code_of([&] { store::backup(*db, dir.path / "copy.db", failing); }) == ExitCode::usage);
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    left.push_back(entry.path().filename().string());
  }
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"t.db", "t.db-shm", "t.db-wal"});
}

TEST_CASE("what is not a tongxin store is refused with exit 4 and left as it was") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const fs::path empty = dir.path / "empty.db";
  store::create_private_file(empty);
  const fs::path text = dir.path / "notes.txt";
  { std::ofstream(text) << "not a database at all, just some text that is long enough\n"; }
  const fs::path foreign = dir.path / "other.db";
  SQLite::Database(foreign.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
      .exec("CREATE TABLE t (x)");
  for (const fs::path& path : {empty, text, foreign}) {
    const auto size = fs::file_size(path);
    try {
      store::open(path);
      FAIL("expected an error for " << path);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::store);
      CHECK(std::string(e.what()).find("is not a tongxin store") != std::string::npos);
    }
    CHECK(fs::file_size(path) == size);  // an empty file stays empty: nothing was created
  }
  // Asked to create one (init, an import, store migrate), an empty file becomes a store.
  CHECK(store::schema_version(*store::open(empty, {.create = true})) == store::latest_version());
}

TEST_CASE("a store readable by others is tightened to 0600, and said so") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const fs::path path = dir.path / "t.db";
  store::open(path, {.create = true});
  REQUIRE(::chmod(path.c_str(), 0644) == 0);
  std::vector<std::string> warnings;
  store::open(path, {.warn = [&](const std::string& w) { warnings.push_back(w); }});
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "the store file " + path.string() +
                           " had mode 644, readable by group or others; it is now 600");
  warnings.clear();
  store::open(path, {.warn = [&](const std::string& w) { warnings.push_back(w); }});
  CHECK(warnings.empty());  // a private store says nothing
}

TEST_CASE("the write lock's owner is read from /proc/locks") {
  const char* locks =
      "1: POSIX  ADVISORY  READ 300 08:01:77 128 128\n"
      "2: POSIX  ADVISORY  WRITE 400 08:01:99 120 120\n"
      "2: -> POSIX  ADVISORY  WRITE 500 08:01:77 120 120\n"
      "3: POSIX  ADVISORY  WRITE 600 fd:0a:77 120 EOF\n"
      "4: POSIX  ADVISORY  WRITE 700 08:01:77 1073741825 1073741825\n";
  CHECK(store::write_lock_owner(locks, {8, 1, 77}, 120, 1) == 0);  // a read lock, a waiter
  CHECK(store::write_lock_owner(locks, {8, 1, 99}, 120, 1) == 400);
  CHECK(store::write_lock_owner(locks, {8, 1, 99}, 120, 400) == 0);  // ourselves
  CHECK(store::write_lock_owner(locks, {0xfd, 0x0a, 77}, 5000, 1) == 600);
  CHECK(store::write_lock_owner(locks, {8, 1, 77}, 0x40000001, 1) == 700);
}

TEST_CASE("a store another process holds past the timeout names that process (exit 4)") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const fs::path path = dir.path / "t.db";
  store::open(path, {.create = true});  // closed again before the fork
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // holds the write lock until killed
    SQLite::Database holder(path.string(), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    (void)!::write(ready[1], "x", 1);
    ::pause();
    ::_exit(0);
  }
  char byte = 0;
  REQUIRE(::read(ready[0], &byte, 1) == 1);
  auto db = store::open(path, {.busy_timeout_ms = 0});
  try {
    store::WriteTransaction tx(*db);
    FAIL("expected the store to be busy");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::store);
    CHECK(std::string(e.what()) ==
          "the store " + path.string() +
              " is held by another process, still after waiting 0 s (database is locked)");
    REQUIRE(e.details().size() == 2);
    CHECK(e.details()[0].starts_with(fmt::format("held by process {} (", child)));
    CHECK(e.details()[1] ==
          "to wait longer, set busy_timeout (seconds) under store: in "
          "tongxin.yaml");
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ::close(ready[0]);
  ::close(ready[1]);
}
