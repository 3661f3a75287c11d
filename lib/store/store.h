// The SQLite store: people and events. Opened in WAL mode with a busy timeout and foreign keys
// on; schema migrations (schemas/sql/NNN_*.sql, compiled in) run in one transaction and are
// recorded in PRAGMA user_version. Files the store creates are mode 0600.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "output/atomic_file.h"

namespace tongxin::store {

// The schema version this binary writes: the number of the last migration.
int latest_version();

// How long a command waits for another writer to finish before giving up (exit 4).
// How long a connection waits for a store another holds, unless tongxin.yaml says otherwise
// (store.busy_timeout; config::k_default_busy_timeout_s is the same 60 s).
constexpr int k_busy_timeout_ms = 60'000;

struct OpenOptions {
  bool create = false;   // create (0600) and migrate when the file does not exist
  bool migrate = false;  // bring an older schema up to date (store migrate)
  int busy_timeout_ms = k_busy_timeout_ms;
  // Told (in the user's language) when the store's mode was tightened to 0600.
  std::function<void(const std::string&)> warn = nullptr;
};

// Opens the store at `path`. Throws tongxin::Error (exit 4) when it is missing (and !create),
// not a tongxin store (not a database, or an empty file or database, which only `create` turns
// into a store), newer than this binary, or older and !migrate. A store file (or its -wal, -shm)
// that group or others may read or write is tightened to 0600 first and `warn` is told; when
// that cannot be done (another owner) the store is refused (exit 4) with the chmod to run.
std::unique_ptr<SQLite::Database> open(const std::filesystem::path& path,
                                       const OpenOptions& options = {});

// PRAGMA user_version.
int schema_version(SQLite::Database& db);

// Applies every migration above the current version in one transaction; returns how many ran.
int migrate(SQLite::Database& db);

// BEGIN IMMEDIATE on construction (so a writer waits for the lock up front, never mid-way);
// rolls back unless commit() was called.
class WriteTransaction {
 public:
  explicit WriteTransaction(SQLite::Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  SQLite::Database& m_db;
  bool m_done = false;
};

// While it lives, the connection writes like a bulk loader: with a rollback journal instead of the
// WAL, so new pages are written once rather than to the log and again at the checkpoint (a fifth
// of a million-member import), synchronous = FULL as rollback journals need, foreign keys
// unchecked (the loader writes only references it has just created), and index builds sorted in
// small runs on two helper threads. When another connection
// holds the store, WAL cannot be left and the load runs in WAL mode, without waiting for the
// other to go. Restores the connection's settings on destruction. Create it outside any
// transaction.
class BulkLoad {
 public:
  explicit BulkLoad(SQLite::Database& db);
  ~BulkLoad();
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

 private:
  SQLite::Database& m_db;
  bool m_left_wal = false;
  int m_cache_size = 0;  // the connection's, restored
};

// The register as it stood at the end of the day bound to `:as_of`, as a WITH clause naming
// `register_at(member_id, community, status)`: each member registered by then (registered_on,
// schema v5) with the community and status before their first member_event after the day, else
// as the row is now. Audit and report count from it, so both see the same register.
constexpr const char* k_register_at_cte = R"(
  WITH register_at AS (
    SELECT m.id AS member_id, coalesce(e.from_community, m.community) AS community,
           coalesce(e.from_status, m.status) AS status
      FROM member m LEFT JOIN member_event e ON e.id = (
        SELECT x.id FROM member_event x WHERE x.member_id = m.id AND x.on_date > :as_of
         ORDER BY x.on_date, x.id LIMIT 1)
     WHERE m.registered_on IS NULL OR m.registered_on <= :as_of) )";

struct Info {
  std::string path;
  int version = 0;
  int latest = 0;
  long long size_bytes = 0;
  std::vector<std::pair<std::string, long long>> table_rows;  // user tables in name order
  std::map<std::string, long long> access_by_action;          // access_log counts
};

Info info(SQLite::Database& db, const std::filesystem::path& path);

// Problems found by PRAGMA integrity_check and foreign_key_check (empty when healthy).
std::vector<std::string> check(SQLite::Database& db);

// Copies the store to `dest` with SQLite's online backup API (consistent while others write);
// `dest` must not exist (exit 2 otherwise). The copy is written to a temporary file beside
// `dest` (output::AtomicFile: ".<name>.<random>.tmp", 0600) and renamed to `dest` only when it
// is complete and synced, so a killed backup leaves no file named like a store.
void backup(SQLite::Database& db, const std::filesystem::path& dest,
            const output::FileCalls& calls = {});

// Creates `path` as an empty file with mode 0600 if it does not exist.
void create_private_file(const std::filesystem::path& path);

}  // namespace tongxin::store
