#include "roster/member_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "config/codes.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "roster/id_number.h"
#include "text/pinyin.h"

namespace tongxin::roster {

namespace {

// The columns of the member table (all fields but categories), in column order: where each is in
// member_fields(), and whether it is stored as 0/1.
struct ColumnField {
  size_t index;
  bool boolean;
};

const std::vector<ColumnField>& column_fields() {
  static const std::vector<ColumnField> k_columns = [] {
    std::vector<ColumnField> columns;
    for (size_t i = 0; i < member_fields().size(); ++i) {
      if (member_fields()[i].key != "categories") {
        columns.push_back({i, member_fields()[i].kind == FieldKind::boolean});
      }
    }
    return columns;
  }();
  return k_columns;
}

}  // namespace

const std::vector<std::string>& member_columns() {
  static const std::vector<std::string> k_columns = [] {
    std::vector<std::string> columns;
    for (const ColumnField& column : column_fields()) {
      columns.push_back(member_fields()[column.index].key);
    }
    return columns;
  }();
  return k_columns;
}

std::string member_column_list(std::string_view prefix) {
  std::string list;
  for (const std::string& c : member_columns()) {
    list += (list.empty() ? "" : ", ") + std::string(prefix) + c;
  }
  return list;
}

int read_member_columns(SQLite::Statement& query, int first, FieldValues& values) {
  for (const ColumnField& column : column_fields()) {
    values.at(column.index) = query.getColumn(first++).getString();
  }
  return first;
}

namespace {

// Parameters of a member row: its columns, the two pinyin forms and the batch.
size_t insert_columns() { return member_columns().size() + 3; }

// "INSERT INTO member (id, columns, pinyin, batch) VALUES ".
std::string insert_head() {
  return "INSERT INTO member (id, " + member_column_list("") +
         ", name_pinyin, name_initials, batch_id) VALUES ";
}

std::string row_marks(size_t columns) {
  std::string marks = "(?";
  for (size_t i = 1; i < columns; ++i) {
    marks += ", ?";
  }
  return marks + ")";
}

// Members per multi-row INSERT: 32 rows of 26 parameters, well under SQLite's 32,766.
constexpr size_t k_members_per_statement = 32;
constexpr size_t k_category_rows_per_statement = 64;

std::string update_sql() {
  std::string sets;
  for (const std::string& c : member_columns()) {
    sets += c + " = ?, ";
  }
  return "UPDATE member SET " + sets + "name_pinyin = ?, name_initials = ? WHERE id = ?";
}

}  // namespace

MemberWriter::MemberWriter(SQLite::Database& db)
    : m_db(db),
      m_update(db, update_sql()),
      m_delete_categories(db, "DELETE FROM member_category WHERE member_id = ?"),
      m_insert_rows(db, insert_head(), insert_columns() + 1, k_members_per_statement),
      m_insert_categories(db, "INSERT INTO member_category (member_id, category) VALUES ", 2,
                          k_category_rows_per_statement) {}

SQLite::Statement& MultiRowInsert::statement(size_t rows) {
  if (m_statements.size() < rows) {
    m_statements.resize(rows);
  }
  auto& statement = m_statements[rows - 1];
  if (!statement) {
    const std::string marks = row_marks(m_columns);
    std::string sql = m_head + marks;
    for (size_t i = 1; i < rows; ++i) {
      sql += ", " + marks;
    }
    statement = std::make_unique<SQLite::Statement>(m_db, sql);
  }
  return *statement;
}

namespace {

size_t categories_field() {
  static const size_t k_index = *field_index("categories");
  return k_index;
}

}  // namespace

// Binds the member columns (empty → NULL) and the name's pinyin forms from parameter `first`;
// returns the next parameter's index.
int MemberWriter::bind_fields(SQLite::Statement& statement, int first, const FieldValues& values,
                              const text::PinyinForms& pinyin) {
  int index = first;
  for (const ColumnField& column : column_fields()) {
    const std::string& value = values.at(column.index);
    if (column.boolean) {
      statement.bind(index++, value == "1" ? 1 : 0);
    } else if (value.empty()) {
      statement.bind(index++);
    } else {
      // `values` outlives the statement's exec(): no need for SQLite to copy every cell.
      statement.bindNoCopy(index++, value);
    }
  }
  statement.bindNoCopy(index++, pinyin.full);
  statement.bindNoCopy(index++, pinyin.initials);
  return index;
}

void MemberWriter::append_category_rows(long member_id, std::string_view categories,
                                        std::vector<CategoryRow>& rows) {
  static const config::CodeTable& table = config::code_table("categories");
  while (!categories.empty()) {
    const size_t comma = categories.find(',');
    const std::string_view code = categories.substr(0, comma);
    if (const config::CodeEntry* entry = table.by_code(code)) {
      // The table's string can be bound without a copy: it outlives every statement.
      rows.push_back({member_id, &entry->code});
    } else if (!code.empty()) {
      rows.push_back({member_id, &*m_other_codes.emplace(code).first});
    }
    categories.remove_prefix(comma == std::string_view::npos ? categories.size() : comma + 1);
  }
}

void MemberWriter::insert_categories(const std::vector<CategoryRow>& rows) {
  m_insert_categories.insert(rows.size(), [&](SQLite::Statement& statement, size_t i, int index) {
    statement.bind(index, static_cast<int64_t>(rows[i].member_id));
    statement.bindNoCopy(index + 1, *rows[i].code);
  });
}

long MemberWriter::insert(const FieldValues& values, long batch_id) {
  return insert(values, text::pinyin_of(values[Field::name]), batch_id);
}

long MemberWriter::insert(const FieldValues& values, const text::PinyinForms& pinyin,
                          long batch_id) {
  insert_rows({{&values, &pinyin}}, 0, batch_id);
  const long id = static_cast<long>(m_db.getLastInsertRowid());
  m_category_rows.clear();
  append_category_rows(id, values.at(categories_field()), m_category_rows);
  insert_categories(m_category_rows);
  return id;
}

void MemberWriter::insert_rows(const std::vector<NewMember>& members, long first_id,
                               long batch_id) {
  m_insert_rows.insert(members.size(), [&](SQLite::Statement& statement, size_t i, int index) {
    first_id > 0 ? statement.bind(index++, static_cast<int64_t>(first_id + static_cast<long>(i)))
                 : statement.bind(index++);
    index = bind_fields(statement, index, *members[i].values, *members[i].pinyin);
    batch_id > 0 ? statement.bind(index, static_cast<int64_t>(batch_id)) : statement.bind(index);
  });
}

void MemberWriter::update(long id, const FieldValues& values) {
  const text::PinyinForms pinyin = text::pinyin_of(values[Field::name]);
  const int index = bind_fields(m_update, 1, values, pinyin);
  m_update.bind(index, static_cast<int64_t>(id));
  m_update.exec();
  m_update.reset();
  m_delete_categories.bind(1, static_cast<int64_t>(id));
  m_delete_categories.exec();
  m_delete_categories.reset();
  m_category_rows.clear();
  append_category_rows(id, values.at(categories_field()), m_category_rows);
  insert_categories(m_category_rows);
}

namespace {

constexpr const char* k_categories_sql =
    "SELECT category FROM member_category WHERE member_id = ? ORDER BY category";

// Joins the codes `query` (k_categories_sql) yields for member `id` into values' categories.
void read_categories(SQLite::Statement& query, long id, FieldValues& values) {
  std::string& categories = values[Field::categories];
  query.bind(1, static_cast<int64_t>(id));
  while (query.executeStep()) {
    categories += (categories.empty() ? "" : ",") + query.getColumn(0).getString();
  }
  query.reset();
}

}  // namespace

MemberReader::MemberReader(SQLite::Database& db)
    : m_member(db, "SELECT " + member_column_list("") + " FROM member WHERE id = ?"),
      m_categories(db, k_categories_sql) {}

std::optional<FieldValues> MemberReader::values(long id) {
  m_member.bind(1, static_cast<int64_t>(id));
  if (!m_member.executeStep()) {
    m_member.reset();
    return std::nullopt;
  }
  FieldValues values;
  read_member_columns(m_member, 0, values);
  m_member.reset();
  read_categories(m_categories, id, values);
  return values;
}

std::optional<MemberRow> load_member(SQLite::Database& db, long id) {
  // When the member was added (its import batch, or the log's create entry) and last changed (the
  // log's latest entry): the store keeps no timestamps per member row.
  SQLite::Statement q(db, "SELECT " + member_column_list("") +
                              ", status, status_date, status_reason, batch_id, "
                              "coalesce((SELECT created_at FROM import_batch WHERE id = "
                              "member.batch_id), (SELECT min(at) FROM change_log WHERE entity = "
                              "'member' AND entity_id = member.id)), (SELECT max(at) FROM "
                              "change_log WHERE entity = 'member' AND entity_id = member.id) "
                              "FROM member WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) {
    return std::nullopt;
  }
  MemberRow row;
  row.id = id;
  int i = read_member_columns(q, 0, row.values);
  row.status = q.getColumn(i++).getString();
  row.status_date = q.getColumn(i++).getString();
  row.status_reason = q.getColumn(i++).getString();
  row.batch_id = static_cast<long>(q.getColumn(i++).getInt64());
  row.created_at = q.getColumn(i++).getString();
  row.updated_at = q.getColumn(i).isNull() ? row.created_at : q.getColumn(i).getString();
  SQLite::Statement categories(db, k_categories_sql);
  read_categories(categories, id, row.values);
  return row;
}

// Drops the indexes of the member tables inside the current transaction and returns the SQL that
// recreates them (read from the schema, so it follows every migration).
std::vector<std::string> drop_member_indexes(SQLite::Database& db) {
  std::vector<std::pair<std::string, std::string>> indexes;
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                      "NULL AND tbl_name IN ('member', 'member_category') ORDER BY name");
  while (q.executeStep()) {
    indexes.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  std::vector<std::string> recreate;
  for (const auto& [name, sql] : indexes) {
    db.exec("DROP INDEX \"" + name + "\"");
    recreate.push_back(sql);
  }
  return recreate;
}

std::optional<long> find_member(SQLite::Database& db, const std::string& reference,
                                const Date& today) {
  const std::string ref = trim(reference);
  const bool short_digits =
      !ref.empty() && ref.size() <= 12 && ref.find_first_not_of("0123456789") == std::string::npos;
  if (short_digits) {
    SQLite::Statement q(db, "SELECT id FROM member WHERE id = ?");
    q.bind(1, static_cast<int64_t>(std::stoll(ref)));
    if (q.executeStep()) {
      return static_cast<long>(q.getColumn(0).getInt64());
    }
    return std::nullopt;
  }
  const IdCheck check = check_id_number(ref, today);
  SQLite::Statement q(db, "SELECT id FROM member WHERE id_number = ?");
  q.bind(1, check.normalized.empty() ? ref : check.normalized);
  if (q.executeStep()) {
    return static_cast<long>(q.getColumn(0).getInt64());
  }
  return std::nullopt;
}

std::vector<NamedMember> members_named(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db,
                      "SELECT id, community, coalesce(employer, ''), coalesce(id_number, ''), "
                      "status FROM member WHERE name = ? ORDER BY id");
  q.bind(1, trim(name));
  std::vector<NamedMember> members;
  while (q.executeStep()) {
    members.push_back({static_cast<long>(q.getColumn(0).getInt64()), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), q.getColumn(3).getString(),
                       q.getColumn(4).getString()});
  }
  return members;
}

std::string values_json(const FieldValues& values) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (size_t i = 0; i < member_fields().size(); ++i) {
    if (!values.at(i).empty()) {
      object[member_fields()[i].key] = values.at(i);
    }
  }
  return object.dump();
}

FieldValues values_from_json(const std::string& json) {
  FieldValues values;
  if (json.empty()) {
    return values;
  }
  try {
    // The parsed object must outlive the loop: items() refers into it.
    const nlohmann::json object = nlohmann::json::parse(json);
    for (const auto& [key, value] : object.items()) {
      if (const auto index = field_index(key)) {
        values.at(*index) = value.get<std::string>();
      }
    }
  } catch (const nlohmann::json::exception& e) {
    // tongxin wrote this text; when it does not parse, the store was changed by something else.
    throw Error(ExitCode::store, i18n::tr("store.bad_json", e.what()));
  }
  return values;
}

}  // namespace tongxin::roster
