#include "store/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/error.h"
#include "core/resources.h"
#include "i18n/i18n.h"
#include "store/chain.h"
#include "store/lock_holder.h"

namespace tongxin::store {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_migrations = "schemas/sql/";

std::vector<resources::Resource> migrations() {
  std::vector<resources::Resource> list;
  for (const auto& r : resources::under(k_migrations)) {
    if (r.path.ends_with(".sql")) {
      list.push_back(r);
    }
  }
  return list;
}

bool has_user_tables(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt() > 0;
}

// Process-wide, before SQLite's first use: each connection is used by one thread at a time (the
// import hands rows between threads, never the connection), so SQLite needs no mutex per call,
// and no allocation statistics (a mutex per malloc). Both showed in profiles of large imports.
void configure_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

// The store and the files SQLite keeps beside it, which hold the same data.
std::vector<fs::path> store_files(const fs::path& path) {
  return {path, path.string() + "-wal", path.string() + "-shm", path.string() + "-journal"};
}

// A store readable by others is not used silently: each of its files that group or others may
// read or write is set to 0600 and `warn` told once (SQLite gives the -wal and -shm files the
// store's mode, so they follow it); a file we may not chmod (another owner) refuses the store,
// saying how to fix it.
void make_private(const fs::path& path, const OpenOptions& options) {
  bool told = false;
  for (const fs::path& file : store_files(path)) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & 077) == 0) {
      continue;
    }
    const unsigned mode = st.st_mode & 0777;
    if (::chmod(file.c_str(), 0600) != 0) {
      throw Error(ExitCode::store, i18n::tr("store.mode_refused", file.string(),
                                            fmt::format("{:o}", mode), std::strerror(errno)));
    }
    if (options.warn && !told) {
      options.warn(i18n::tr("store.mode_tightened", file.string(), fmt::format("{:o}", mode)));
      told = true;
    }
  }
}

void configure(SQLite::Database& db, int busy_timeout_ms) {
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

int latest_version() { return static_cast<int>(migrations().size()); }

void create_private_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0) {
    ::close(fd);
  }
}

int schema_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

int migrate(SQLite::Database& db) {
  const auto list = migrations();
  const int from = schema_version(db);
  if (from >= static_cast<int>(list.size())) {
    return 0;
  }
  WriteTransaction tx(db);
  for (size_t i = static_cast<size_t>(from); i < list.size(); ++i) {
    db.exec(std::string(list[i].data));
  }
  db.exec(fmt::format("PRAGMA user_version = {}", list.size()));
  tx.commit();
  return static_cast<int>(list.size()) - from;
}

std::unique_ptr<SQLite::Database> open(const fs::path& path, const OpenOptions& options) {
  std::error_code ec;
  // SQLite's in-memory database (tests) has no file: none is created in the current folder.
  const bool exists = path == ":memory:" || fs::exists(path, ec);
  if (!exists && !options.create) {
    throw Error(ExitCode::store, i18n::tr("store.missing", path.string()));
  }
  if (!exists) {
    create_private_file(path);
  }
  configure_library();
  std::unique_ptr<SQLite::Database> db;
  int version = 0;
  try {
    // The busy timeout is set as the connection opens, before its first statement: a command
    // started while an import holds the store waits for it instead of failing at once.
    db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE,
                                            options.busy_timeout_ms);
    register_chain_function(*db);  // the log inserts and migration 007 compute their hashes
    version = schema_version(*db);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY) {
      throw locked_error(path, options.busy_timeout_ms, e.what());
    }
    if (e.getErrorCode() == SQLITE_NOTADB) {
      throw Error(ExitCode::store, i18n::tr("store.not_a_store", path.string()));
    }
    throw Error(ExitCode::store, i18n::tr("store.cannot_open", path.string(), e.what()));
  }
  const int latest = latest_version();
  if (version > latest) {
    throw Error(ExitCode::store, i18n::tr("store.too_new", path.string(), version, latest));
  }
  const bool fresh = version == 0 && !has_user_tables(*db);
  // An empty file or database becomes a store only when asked to create one (init, migrate, an
  // import): `store check` or a listing must not turn a wrong --store into an empty store.
  if ((fresh && !options.create && !options.migrate) || (version == 0 && !fresh)) {
    throw Error(ExitCode::store, i18n::tr("store.not_a_store", path.string()));
  }
  make_private(path, options);  // a file that is not a store is left as it was
  try {
    configure(*db, options.busy_timeout_ms);  // after the checks: WAL mode writes to the file
  } catch (const SQLite::Exception& e) {
    throw Error(ExitCode::store, i18n::tr("store.cannot_open", path.string(), e.what()));
  }
  if (version < latest && !fresh && !options.migrate) {
    throw Error(ExitCode::store, i18n::tr("store.needs_migration", path.string(), version, latest));
  }
  if (version < latest) {
    migrate(*db);
  }
  return db;
}

WriteTransaction::WriteTransaction(SQLite::Database& db) : m_db(db) {
  try {
    m_db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() != SQLITE_BUSY) {
      throw;
    }
    throw locked_error(m_db.getFilename(), m_db.execAndGet("PRAGMA busy_timeout").getInt(),
                       e.what());
  }
}

WriteTransaction::~WriteTransaction() {
  if (!m_done) {
    try {
      m_db.exec("ROLLBACK");
    } catch (...) {
      // Nothing to do: the connection closes the transaction anyway.
    }
  }
}

void WriteTransaction::commit() {
  m_db.exec("COMMIT");
  m_done = true;
}

BulkLoad::BulkLoad(SQLite::Database& db) : m_db(db) {
  const int busy_timeout_ms = db.execAndGet("PRAGMA busy_timeout").getInt();
  db.setBusyTimeout(0);  // leaving WAL needs the store to itself: ask once, do not wait
  try {
    m_left_wal = db.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
  } catch (const SQLite::Exception&) {
    m_left_wal = false;  // busy: another connection has the store open
  }
  db.setBusyTimeout(busy_timeout_ms);
  if (m_left_wal) {
    db.exec("PRAGMA synchronous = FULL");
  }
  db.exec("PRAGMA foreign_keys = OFF");
  // CREATE INDEX sorts fastest in small runs that fit the CPU's cache, merged on helper threads:
  // a 2 MB page cache (which also sizes the sorter's runs) and two threads build a million
  // members' two indexes in 0.7 s, against 1.7 s with one 96 MB run. Appending rows needs no
  // larger cache.
  m_cache_size = db.execAndGet("PRAGMA cache_size").getInt();
  db.exec("PRAGMA cache_size = -2048");
  db.exec("PRAGMA threads = 2");
}

BulkLoad::~BulkLoad() {
  try {
    m_db.exec("PRAGMA threads = 0");
    m_db.exec(fmt::format("PRAGMA cache_size = {}", m_cache_size));
    m_db.exec("PRAGMA foreign_keys = ON");
    if (m_left_wal) {
      m_db.exec("PRAGMA journal_mode = WAL");
      m_db.exec("PRAGMA synchronous = NORMAL");
    }
  } catch (const SQLite::Exception&) {
    // Every open sets these again; a failure here must not turn into std::terminate.
  }
}

Info info(SQLite::Database& db, const fs::path& path) {
  Info result;
  result.path = path.string();
  result.version = schema_version(db);
  result.latest = latest_version();
  std::error_code ec;
  result.size_bytes = static_cast<long long>(fs::file_size(path, ec));
  SQLite::Statement tables(db,
                           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' ORDER BY name");
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    const long long rows = db.execAndGet("SELECT count(*) FROM \"" + name + "\"").getInt64();
    result.table_rows.emplace_back(name, rows);
  }
  if (db.tableExists("access_log")) {
    SQLite::Statement access(db, "SELECT action, count(*) FROM access_log GROUP BY action");
    while (access.executeStep()) {
      result.access_by_action[access.getColumn(0).getString()] = access.getColumn(1).getInt64();
    }
  }
  return result;
}

std::vector<std::string> check(SQLite::Database& db) {
  std::vector<std::string> problems;
  SQLite::Statement integrity(db, "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    const std::string line = integrity.getColumn(0).getString();
    if (line != "ok") {
      problems.push_back("integrity: " + line);
    }
  }
  SQLite::Statement keys(db, "PRAGMA foreign_key_check");
  while (keys.executeStep()) {
    problems.push_back(fmt::format("foreign key: {} row {} refers to missing {}",
                                   keys.getColumn(0).getString(), keys.getColumn(1).getInt64(),
                                   keys.getColumn(2).getString()));
  }
  const auto chain = chain_problems(db);
  problems.insert(problems.end(), chain.begin(), chain.end());
  return problems;
}

void backup(SQLite::Database& db, const fs::path& dest, const output::FileCalls& calls) {
  std::error_code ec;
  if (fs::exists(dest, ec) || fs::is_symlink(dest, ec)) {
    throw Error(ExitCode::usage, i18n::tr("store.backup_exists", dest.string()));
  }
  output::AtomicFile file(dest, calls);  // removes the temporary file unless committed
  try {
    SQLite::Database target(file.temp_path().string(), SQLite::OPEN_READWRITE);
    SQLite::Backup copy(target, db);
    copy.executeStep();  // -1 pages: the whole database in one step
  } catch (const SQLite::Exception& e) {
    throw Error(ExitCode::store, i18n::tr("store.backup_failed", dest.string(), e.what()));
  }
  if (fs::exists(dest, ec)) {  // made while the copy ran: still never overwritten
    throw Error(ExitCode::usage, i18n::tr("store.backup_exists", dest.string()));
  }
  file.commit();  // fsync, then rename: `dest` appears complete or not at all
}

}  // namespace tongxin::store
