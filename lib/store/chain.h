// Tamper-evident history: each change_log and access_log entry carries a hash chained to the
// previous entry's, hash = SHA-256(previous hash, the entry's fields), computed by the SQL
// function tongxin_chain_hash() that store::open registers on every connection, in the INSERT
// itself. `store check` recomputes it: a changed or deleted entry breaks the chain at itself or
// at the entry after it. The hash has no secret key: it shows edits made with SQL tools, not a
// forger who recomputes the whole chain with this program, nor the newest entries cut off.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace tongxin::store {

// The fields each log's hash covers, in order (also in schemas/sql/007_log_hash_chain.sql).
inline constexpr const char* k_change_log_fields =
    "at, actor, entity, entity_id, action, before, after, batch_id";
inline constexpr const char* k_access_log_fields =
    "at, actor, command, action, rows, format, revealed, destination";

// Registers tongxin_chain_hash(previous, field...) on `db`: hex SHA-256 of the previous hash and
// each field (NULL told apart from '', each field's length before it, so no two lists meet).
void register_chain_function(SQLite::Database& db);

// "INSERT INTO <table> (<fields>, hash) VALUES (?1, ..., ?N, tongxin_chain_hash(<last hash>,
// ?1, ..., ?N))": the entry and its link in one statement.
std::string chained_insert(const std::string& table, const std::string& fields);

// What `store check` finds in the logs, in the user's language: the first entry of each log
// whose hash does not follow, and each append-only trigger that is missing or no longer aborts.
std::vector<std::string> chain_problems(SQLite::Database& db);

}  // namespace tongxin::store
