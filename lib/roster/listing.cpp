// roster list and show: the listing's filter, columns and cells, its rows streamed from SQLite
// in the register's collation order (MemberRows), and a member's card.
#include "roster/operations.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "roster/id_number.h"
#include "roster/render.h"
#include "store/logs.h"
#include "store/store.h"
#include "text/mask.h"
#include "text/pinyin.h"

namespace tongxin::roster {

namespace {

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

// `text` for a LIKE pattern with ESCAPE '\\': its %, _ and backslashes match themselves.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// WHERE clause and its parameters for a filter.
std::pair<std::string, std::vector<std::string>> where_clause(const ListFilter& f) {
  std::string where = "1 = 1";
  std::vector<std::string> params;
  if (!f.community.empty()) {
    where += " AND m.community = ?";
    params.push_back(f.community);
  }
  if (f.status != "all") {
    where += " AND m.status = ?";
    params.push_back(f.status);
  }
  if (f.key_only) {
    where += " AND m.key_contact = 1";
  }
  if (f.hardship_only) {
    where += " AND m.hardship = 1";
  }
  if (!f.categories.empty()) {
    std::string marks;
    for (const std::string& c : f.categories) {
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(c);
    }
    where +=
        " AND m.id IN (SELECT member_id FROM member_category WHERE category IN (" + marks + "))";
  }
  const std::string q = trim(f.search);
  if (!q.empty()) {
    // ASCII text is pinyin (full or initials) or part of an employer's name; other text is part
    // of a name or an employer.
    const bool pinyin = is_ascii(q);
    // % and _ in the search are literal (a search for "50%" is not "everything"): escaped with \.
    const std::string like = "%" + like_escaped(pinyin ? text::fold(q) : q) + "%";
    where += pinyin ? " AND (m.name_pinyin LIKE ? ESCAPE '\\' OR m.name_initials LIKE ? ESCAPE "
                      "'\\' OR m.employer LIKE ? ESCAPE '\\')"
                    : " AND (m.name LIKE ? ESCAPE '\\' OR m.employer LIKE ? ESCAPE '\\')";
    params.insert(params.end(), pinyin ? 3 : 2, like);
  }
  return {where, params};
}

}  // namespace

namespace {

// The order of the columns of an office's 台账 (register): who, then identity, then where they
// work and live, then the office's own marks, notes last.
const std::vector<std::string>& ledger_order() {
  static const std::vector<std::string> k_order = {
      "name",      "sex",         "ethnicity",     "birth_date", "id_number", "political_status",
      "religion",  "categories",  "employer",      "position",   "phone",     "address",
      "community", "key_contact", "contact_cadre", "hardship",   "greetings", "registered_on",
      "notes"};
  return k_order;
}

// Every member field, in the ledger's order for people's exports, else in member_fields() order.
std::vector<const FieldDef*> fields_in_order(bool ledger) {
  std::vector<const FieldDef*> defs;
  if (ledger) {
    for (const std::string& key : ledger_order()) {
      defs.push_back(field_by_key(key));
    }
    return defs;
  }
  for (const FieldDef& f : member_fields()) {
    defs.push_back(&f);
  }
  return defs;
}

// The fields a listing shows, in order.
std::vector<const FieldDef*> listed_fields(const ListOptions& options) {
  static const std::vector<std::string> k_terminal = {
      "name",     "sex",      "community", "categories", "political_status",
      "employer", "position", "phone",     "key_contact"};
  std::vector<const FieldDef*> defs;
  for (const FieldDef* field : fields_in_order(options.labels)) {
    const FieldDef& f = *field;
    const bool allowed = !f.sensitive || std::find(options.sensitive_enabled.begin(),
                                                   options.sensitive_enabled.end(),
                                                   f.key) != options.sensitive_enabled.end();
    const bool wanted =
        options.wide || std::find(k_terminal.begin(), k_terminal.end(), f.key) != k_terminal.end();
    if (allowed && wanted) {
      defs.push_back(&f);
    }
  }
  return defs;
}

// A cell: machine formats keep codes (stable), the terminal shows labels; ID numbers, phones and
// birth dates are masked in both unless revealed.
std::string list_cell(const FieldDef& def, const std::string& stored, const ListOptions& options) {
  if (options.wide && !options.labels && !def.personal) {
    return stored;
  }
  return def.kind == FieldKind::community ? config::community_name(options.communities, stored)
                                          : display_value(def, stored, options.reveal);
}

}  // namespace

namespace {

// collation_key(TEXT) -> BLOB: text::collation_key, so that ORDER BY sorts names as ICU's zh
// collator does, comparing keys with memcmp.
void sql_collation_key(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  const auto* utf8 = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const std::string key = text::collation_key(
      utf8 ? std::string_view(utf8, static_cast<size_t>(sqlite3_value_bytes(argv[0]))) : "");
  sqlite3_result_blob(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

void register_collation_key(SQLite::Database& db) {
  const int status = sqlite3_create_function_v2(db.getHandle(), "collation_key", 1,
                                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                                sql_collation_key, nullptr, nullptr, nullptr);
  if (status != SQLITE_OK) {
    throw SQLite::Exception(db.getHandle(), status);
  }
}

}  // namespace

MemberRows::MemberRows(SQLite::Database& db, const ListFilter& filter, const ListOptions& options)
    : m_defs(listed_fields(options)), m_options(options) {
  m_columns.push_back({"id", options.labels ? i18n::tr("roster.col_id") : "ID", true, true});
  std::string columns;
  for (const FieldDef* def : m_defs) {
    m_columns.push_back({def->key, i18n::pick(def->zh, def->en), false, false, json_type(*def)});
    columns +=
        def->key == "categories"
            ? "(SELECT group_concat(category, ',') FROM (SELECT category FROM member_category "
              "WHERE member_id = m.id ORDER BY category)), "
            : "m." + def->key + ", ";
  }
  // Machine formats always have the status; the terminal shows it when it is not one status.
  m_status_column = options.wide || filter.status != "active";
  if (m_status_column) {
    m_columns.push_back({"status", i18n::tr("roster.col_status")});
  }
  register_collation_key(db);
  const auto [where, params] = where_clause(filter);
  const std::string select = "SELECT m.id, " + columns + "m.status FROM member m WHERE " + where;
  m_query = prepare(db, select + " ORDER BY collation_key(m.name), m.id", params);
  m_unordered = prepare(db, select, params);
}

bool MemberRows::next(std::vector<std::string>& cells) { return step(*m_query, cells); }

bool MemberRows::next_unordered(std::vector<std::string>& cells) {
  return step(*m_unordered, cells);
}

std::unique_ptr<SQLite::Statement> MemberRows::prepare(SQLite::Database& db, const std::string& sql,
                                                       const std::vector<std::string>& params) {
  auto query = std::make_unique<SQLite::Statement>(db, sql);
  for (size_t i = 0; i < params.size(); ++i) {
    query->bind(static_cast<int>(i + 1), params[i]);
  }
  return query;
}

bool MemberRows::step(SQLite::Statement& q, std::vector<std::string>& cells) {
  if (!q.executeStep()) {
    return false;
  }
  cells.resize(m_columns.size());
  cells[0] = q.getColumn(0).getString();
  for (size_t i = 0; i < m_defs.size(); ++i) {
    cells[i + 1] =
        list_cell(*m_defs[i], q.getColumn(static_cast<int>(i + 1)).getString(), m_options);
  }
  if (m_status_column) {
    const std::string status = q.getColumn(static_cast<int>(m_defs.size() + 1)).getString();
    const bool code = m_options.wide && !m_options.labels;
    cells[m_defs.size() + 1] = code ? status : i18n::tr("roster.status." + status);
  }
  return true;
}

void MemberRows::rewind() {
  m_query->reset();
  m_unordered->reset();
}

output::Table list_table(SQLite::Database& db, const ListFilter& filter,
                         const ListOptions& options) {
  MemberRows rows(db, filter, options);
  output::Table table{rows.columns(), {}};
  for (std::vector<std::string> cells; rows.next(cells);) {
    table.rows.push_back(std::move(cells));
  }
  return table;
}

output::Table member_card(const MemberRow& m, bool reveal,
                          const std::vector<config::CommunityName>& communities) {
  output::Table t;
  t.columns = {{"field", i18n::tr("roster.col_field")}, {"value", i18n::tr("roster.col_value")}};
  t.rows.push_back({"ID", std::to_string(m.id)});
  for (const FieldDef& f : member_fields()) {
    const std::string& value = m.values.at(field_index(f));
    if (!value.empty()) {
      t.rows.push_back({i18n::pick(f.zh, f.en), f.kind == FieldKind::community
                                                    ? config::community_name(communities, value)
                                                    : display_value(f, value, reveal)});
    }
  }
  t.rows.push_back({i18n::tr("roster.col_status"),
                    i18n::tr("roster.status." + m.status) +
                        (m.status_date.empty() ? "" : " " + m.status_date) +
                        (m.status_reason.empty() ? "" : "（" + m.status_reason + "）")});
  t.rows.push_back({i18n::tr("roster.col_created"), m.created_at});
  t.rows.push_back({i18n::tr("roster.col_updated"), m.updated_at});
  return t;
}

}  // namespace tongxin::roster
