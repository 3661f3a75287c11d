// Members in the SQLite store: the SQL of the roster lives here. Values travel as FieldValues
// (stored forms by field key; categories as a ','-joined list of codes).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
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

// One row of member_category: a member and one of its category codes.
struct CategoryRow {
  long member_id;
  const std::string* code;  // the code table's own string (lives as long as the program)
};

// A member for insert_rows: its values and its name's pinyin (both outlive the call).
struct NewMember {
  const FieldValues* values;
  const text::PinyinForms* pinyin;
};

// INSERT statements of 1..max_rows rows, each prepared once: a bulk load binds many rows per
// statement, which at a million members costs less than a statement per row.
class MultiRowInsert {
 public:
  // `head`: "INSERT INTO t (a, b) VALUES "; `columns`: parameters per row.
  MultiRowInsert(SQLite::Database& db, std::string head, size_t columns, size_t max_rows)
      : m_db(db), m_head(std::move(head)), m_columns(columns), m_max_rows(max_rows) {}
  // Inserts `rows` rows, max_rows() per statement; bind_row(statement, i, first) binds row i's
  // parameters from index `first`.
  template <typename BindRow>
  void insert(size_t rows, BindRow bind_row) {
    for (size_t start = 0; start < rows; start += m_max_rows) {
      const size_t count = std::min(m_max_rows, rows - start);
      SQLite::Statement& sql = statement(count);
      for (size_t i = 0; i < count; ++i) {
        bind_row(sql, start + i, static_cast<int>(i * m_columns + 1));
      }
      sql.exec();
      sql.reset();
    }
  }

 private:
  // The statement for `rows` rows (1..max_rows()).
  SQLite::Statement& statement(size_t rows);

  SQLite::Database& m_db;
  const std::string m_head;
  const size_t m_columns;
  const size_t m_max_rows;
  std::vector<std::unique_ptr<SQLite::Statement>> m_statements;  // by row count - 1
};

// Prepared statements for writing members, reused across rows (bind, exec, reset).
class MemberWriter {
 public:
  explicit MemberWriter(SQLite::Database& db);
  // Inserts a member; returns its id. `pinyin`: of the name, when the caller has it already.
  long insert(const FieldValues& values, long batch_id);
  long insert(const FieldValues& values, const text::PinyinForms& pinyin, long batch_id);
  // Inserts member rows alone, with ids first_id, first_id + 1, ... (free: the caller holds the
  // write lock and took them above max(id)), or ids SQLite picks when first_id is 0; their
  // categories are the caller's to write with insert_categories. For bulk loads: few statements
  // for many members.
  void insert_rows(const std::vector<NewMember>& members, long first_id, long batch_id);
  // Appends a row for each code of `categories`, a stored list (codes joined by ',').
  void append_category_rows(long member_id, std::string_view categories,
                            std::vector<CategoryRow>& rows);
  // Inserts category rows, up to 64 per statement.
  void insert_categories(const std::vector<CategoryRow>& rows);
  // Replaces every field of member `id` with `values`.
  void update(long id, const FieldValues& values);

 private:
  int bind_fields(SQLite::Statement& statement, int first, const FieldValues& values,
                  const text::PinyinForms& pinyin);

  SQLite::Database& m_db;
  SQLite::Statement m_update;
  SQLite::Statement m_delete_categories;
  MultiRowInsert m_insert_rows;
  MultiRowInsert m_insert_categories;
  std::vector<CategoryRow> m_category_rows;
  std::set<std::string, std::less<>> m_other_codes;  // stored codes no longer in the table
};

// Prepared statements for reading members' stored values, reused across calls (an import
// updating many members reads each one first).
class MemberReader {
 public:
  explicit MemberReader(SQLite::Database& db);
  // The member's values (categories joined by ',' in code order), or std::nullopt.
  std::optional<FieldValues> values(long id);

 private:
  SQLite::Statement m_member;
  SQLite::Statement m_categories;
};

// The fields stored in the member table itself (all but categories), in column order.
const std::vector<std::string>& member_columns();
// Those columns as "a, b, c", each name after `prefix` (e.g. "m.").
std::string member_column_list(std::string_view prefix);
// Reads a result row's member columns (SELECTed as member_column_list, starting at column
// `first`) into `values`; returns the index of the next column.
int read_member_columns(SQLite::Statement& query, int first, FieldValues& values);

std::optional<MemberRow> load_member(SQLite::Database& db, long id);

// Drops the indexes of the member tables inside the current transaction and returns the SQL that
// recreates them: writing or deleting most of a register is faster without them, building them
// once afterwards (roster import, undo).
std::vector<std::string> drop_member_indexes(SQLite::Database& db);
// Resolves MEMBER as the user typed it: a member id (digits, short) or an ID number.
std::optional<long> find_member(SQLite::Database& db, const std::string& reference,
                                const Date& today);

// A member a name may mean: what tells them apart for the user.
struct NamedMember {
  long id = 0;
  std::string community;  // id
  std::string employer;
  std::string id_number;  // stored, unmasked
  std::string status;
};

// The members whose name is `name` (trimmed), in id order, whatever their status.
std::vector<NamedMember> members_named(SQLite::Database& db, const std::string& name);

// FieldValues as a JSON object (only non-empty values), for the change log.
std::string values_json(const FieldValues& values);
// The FieldValues of such an object; throws tongxin::Error (exit 4) when `json` does not parse.
FieldValues values_from_json(const std::string& json);

}  // namespace tongxin::roster
