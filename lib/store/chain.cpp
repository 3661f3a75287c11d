#include "store/chain.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>

#include "i18n/i18n.h"
#include "io/tabular.h"

namespace tongxin::store {

namespace {

void chain_hash(sqlite3_context* context, int argc, sqlite3_value** argv) {
  std::string message;
  for (int i = 0; i < argc; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      message += "-;";
      continue;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    const int size = sqlite3_value_bytes(argv[i]);
    message += fmt::format("{}:", size);
    message.append(text, static_cast<size_t>(size));
    message += ';';
  }
  const std::string hash = io::sha256_hex(message);
  sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
}

std::string numbered_params(int count) {
  std::string list;
  for (int i = 1; i <= count; ++i) {
    list += fmt::format("{}?{}", i > 1 ? ", " : "", i);
  }
  return list;
}

int field_count(const std::string& fields) {
  return static_cast<int>(std::count(fields.begin(), fields.end(), ',')) + 1;
}

// The log's name in the user's language (its table name in English).
std::string log_name(const std::string& table) {
  return i18n::tr(table == "change_log" ? "store.change_log" : "store.access_log");
}

// The first entry of `table` whose stored hash is not the one its fields and the previous
// entry's stored hash give.
void check_chain(SQLite::Database& db, const std::string& table, const std::string& fields,
                 std::vector<std::string>& problems) {
  SQLite::Statement q(db, fmt::format("SELECT id, hash, tongxin_chain_hash(coalesce(lag(hash) "
                                      "OVER (ORDER BY id), ''), {1}) FROM {0} "
                                      "ORDER BY id",
                                      table, fields));
  long long expected_id = 1;
  while (q.executeStep()) {
    const long long id = q.getColumn(0).getInt64();
    if (id != expected_id) {  // rowids are never skipped: the entries between were deleted
      problems.push_back(i18n::tr("store.chain_gap", log_name(table), id, expected_id));
      return;
    }
    if (q.getColumn(1).getString() != q.getColumn(2).getString()) {
      problems.push_back(i18n::tr("store.chain_broken", log_name(table), id));
      return;
    }
    expected_id = id + 1;
  }
}

void check_trigger(SQLite::Database& db, const std::string& name,
                   std::vector<std::string>& problems) {
  SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
  q.bind(1, name);
  if (!q.executeStep() || q.getColumn(0).getString().find("RAISE(ABORT") == std::string::npos) {
    problems.push_back(i18n::tr("store.trigger_missing", name));
  }
}

}  // namespace

void register_chain_function(SQLite::Database& db) {
  sqlite3_create_function_v2(db.getHandle(), "tongxin_chain_hash", -1,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, chain_hash, nullptr,
                             nullptr, nullptr);
}

std::string chained_insert(const std::string& table, const std::string& fields) {
  const std::string params = numbered_params(field_count(fields));
  return fmt::format(
      "INSERT INTO {0} ({1}, hash) VALUES ({2}, tongxin_chain_hash(coalesce((SELECT hash FROM {0} "
      "ORDER BY id DESC LIMIT 1), ''), {2}))",
      table, fields, params);
}

std::vector<std::string> chain_problems(SQLite::Database& db) {
  std::vector<std::string> problems;
  for (const char* table : {"change_log", "access_log"}) {
    check_trigger(db, fmt::format("{}_no_update", table), problems);
    check_trigger(db, fmt::format("{}_no_delete", table), problems);
  }
  check_chain(db, "change_log", k_change_log_fields, problems);
  check_chain(db, "access_log", k_access_log_fields, problems);
  return problems;
}

}  // namespace tongxin::store
