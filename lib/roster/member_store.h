// Members in the SQLite store: the SQL of the roster lives here. Values travel as FieldValues
// (stored forms by field key; categories as a ','-joined list of codes).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "roster/fields.h"
#include "text/pinyin.h"

namespace tongxin::roster {

struct MemberRow {
  long id = 0;
  FieldValues values;
  std::string status = "active";
  std::string status_date;
  std::string status_reason;
  long batch_id = 0;
  std::string created_at;  // of its import batch, or its create entry in the change log
  std::string updated_at;  // of its latest change-log entry (created_at when there is none)
};

// Prepared statements for writing members, reused across rows (bind, exec, reset).
class MemberWriter {
 public:
  explicit MemberWriter(SQLite::Database& db);
  // Inserts a member; returns its id. `pinyin`: of the name, when the caller has it already.
  long insert(const FieldValues& values, long batch_id);
  long insert(const FieldValues& values, const text::PinyinForms& pinyin, long batch_id);
  // Replaces every field of member `id` with `values`.
  void update(long id, const FieldValues& values);

 private:
  void bind_fields(SQLite::Statement& statement, const FieldValues& values,
                   const text::PinyinForms& pinyin);
  void write_categories(long id, const std::string& categories);

  SQLite::Database& m_db;
  SQLite::Statement m_insert;
  SQLite::Statement m_update;
  SQLite::Statement m_insert_category;
  SQLite::Statement m_delete_categories;
};

// The fields stored in the member table itself (all but categories), in column order.
const std::vector<std::string>& member_columns();

std::optional<MemberRow> load_member(SQLite::Database& db, long id);
// Resolves MEMBER as the user typed it: a member id (digits, short) or an ID number.
std::optional<long> find_member(SQLite::Database& db, const std::string& reference,
                                const Date& today);

// FieldValues as a JSON object (only non-empty values), for the change log.
std::string values_json(const FieldValues& values);
FieldValues values_from_json(const std::string& json);

}  // namespace tongxin::roster
