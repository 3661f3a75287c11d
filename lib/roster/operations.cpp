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

namespace {

// The members a name fits, as an aligned table for an error's details.
std::vector<std::string> candidate_lines(const std::vector<NamedMember>& members,
                                         const std::vector<config::CommunityName>& communities) {
  output::Table t;
  t.columns = {{"id", "ID", true},
               {"community", i18n::tr("roster.col_community")},
               {"employer", i18n::tr("roster.col_employer")},
               {"id_number", i18n::tr("roster.col_id_number")},
               {"status", i18n::tr("roster.col_status")}};
  for (const NamedMember& m : members) {
    t.rows.push_back({std::to_string(m.id), config::community_name(communities, m.community),
                      m.employer, m.id_number.empty() ? "" : text::mask_id(m.id_number),
                      i18n::tr("roster.status." + m.status)});
  }
  std::ostringstream out;
  output::write_table(out, t);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

long resolve_member(SQLite::Database& db, const std::string& reference, const Date& today,
                    const std::vector<config::CommunityName>& communities) {
  if (const auto id = find_member(db, reference, today)) {
    return *id;
  }
  const auto named = members_named(db, reference);
  // The reference may be an ID number: never echoed whole.
  const std::string shown = text::mask_id_numbers_in(trim(reference));
  if (named.empty()) {
    throw Error(ExitCode::usage, i18n::tr("roster.no_such_member", shown));
  }
  if (named.size() > 1) {
    throw Error(ExitCode::usage, i18n::tr("roster.ambiguous_name", shown, named.size()),
                candidate_lines(named, communities));
  }
  return named.front().id;
}

namespace {

[[noreturn]] void fail_values(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> lines;
  for (const FieldProblem& p : problems) {
    const FieldDef* def = field_by_key(p.field);
    const std::string name = def ? i18n::pick(def->zh, def->en) : p.field;
    lines.push_back(p.value.empty() ? i18n::tr("import.error_no_value", name, p.reason)
                                    : i18n::tr("import.error", name, p.reason, p.value));
  }
  throw Error(ExitCode::bad_input, i18n::tr("roster.invalid_values", problems.size()), lines);
}

void check_unique_id(SQLite::Database& db, const FieldValues& values, long self,
                     std::vector<FieldProblem>& problems) {
  const std::string& id_number = values[Field::id_number];
  if (id_number.empty()) {
    return;
  }
  SQLite::Statement q(db, "SELECT id FROM member WHERE id_number = ? AND id != ?");
  q.bind(1, id_number);
  q.bind(2, static_cast<int64_t>(self));
  if (q.executeStep()) {
    problems.push_back(
        {"id_number", i18n::tr("import.exists", q.getColumn(0).getInt64()), id_number});
  }
}

MemberRow require_member(SQLite::Database& db, long id) {
  auto row = load_member(db, id);
  if (!row) {
    throw Error(ExitCode::usage, i18n::tr("roster.no_member", id));
  }
  return *row;
}

// Sets the member's community and status, and records the change with the day it took effect
// (member_event), from which the register is counted as of a date. The event's kind: a move from
// active to active, a restore from any other status to active, else the new status.
void set_status(SQLite::Database& db, const MemberRow& current, const std::string& community,
                const std::string& status, const std::string& date, const std::string& reason) {
  const long id = current.id;
  SQLite::Statement event(db,
                          "INSERT INTO member_event (member_id, on_date, kind, from_community, "
                          "to_community, from_status, to_status) VALUES (?, ?, ?, ?, ?, ?, ?)");
  event.bind(1, static_cast<int64_t>(id));
  event.bind(2, date);
  const bool from_active = current.status == "active";
  event.bind(3, status != "active" ? status : from_active ? "move" : "restored");
  event.bind(4, current.values[Field::community]);
  event.bind(5, community);
  event.bind(6, current.status);
  event.bind(7, status);
  event.exec();
  SQLite::Statement q(db,
                      "UPDATE member SET community = ?, status = ?, status_date = ?, "
                      "status_reason = ? WHERE id = ?");
  q.bind(1, community);
  q.bind(2, status);
  date.empty() ? q.bind(3) : q.bind(3, date);
  reason.empty() ? q.bind(4) : q.bind(4, reason);
  q.bind(5, static_cast<int64_t>(id));
  q.exec();
}

// A change-log object for a status change: the member's fields and the status, as codes (the
// history translates them when it shows them).
nlohmann::json with_status(const FieldValues& values, const std::string& status) {
  nlohmann::json object = nlohmann::json::parse(values_json(values));
  object["status"] = status;
  return object;
}

}  // namespace

long add_member(SQLite::Database& db, const std::vector<std::pair<std::string, std::string>>& raw,
                const WriteContext& ctx) {
  std::vector<FieldProblem> problems;
  FieldValues values;
  for (const auto& [key, value] : raw) {
    const FieldDef* def = field_by_key(key);
    if (auto parsed = parse_value(*def, value, ctx.values, problems)) {
      values[key] = *parsed;
    }
  }
  check_member(values, ctx.values, problems);
  store::WriteTransaction tx(db);
  check_unique_id(db, values, 0, problems);
  if (!problems.empty()) {
    fail_values(problems);
  }
  if (values[Field::registered_on].empty()) {
    values[Field::registered_on] = ctx.values.today.iso();
  }
  MemberWriter writer(db);
  const long id = writer.insert(values, 0);
  store::log_change(db, ctx.now, ctx.actor, "member", id, "create", "", values_json(values));
  tx.commit();
  return id;
}

void edit_member(SQLite::Database& db, long id, const std::vector<std::string>& assignments,
                 const WriteContext& ctx) {
  store::WriteTransaction tx(db);
  const MemberRow current = require_member(db, id);
  FieldValues next = current.values;
  std::vector<FieldProblem> problems;
  for (const std::string& a : assignments) {
    const auto eq = a.find('=');
    const FieldDef* def = eq == std::string::npos ? nullptr : field_by_header(a.substr(0, eq));
    if (def == nullptr || def->key == "community") {
      throw Error(ExitCode::usage,
                  i18n::tr(def ? "roster.edit_use_move" : "roster.edit_bad_field", a));
    }
    if (auto parsed = parse_value(*def, a.substr(eq + 1), ctx.values, problems)) {
      next[def->key] = *parsed;
    }
  }
  check_member(next, ctx.values, problems);
  check_unique_id(db, next, id, problems);
  if (!problems.empty()) {
    fail_values(problems);
  }
  if (next == current.values) {
    return;
  }
  MemberWriter(db).update(id, next);
  store::log_change(db, ctx.now, ctx.actor, "member", id, "update", values_json(current.values),
                    values_json(next));
  tx.commit();
}

void move_member(SQLite::Database& db, long id, const std::string& community,
                 const std::string& date, const WriteContext& ctx) {
  store::WriteTransaction tx(db);
  const MemberRow current = require_member(db, id);
  std::vector<FieldProblem> problems;
  parse_value(*field_by_key("community"), community, ctx.values, problems);
  if (!problems.empty()) {
    fail_values(problems);
  }
  if (current.status != "active" || current.values[Field::community] == community) {
    throw Error(ExitCode::usage, i18n::tr("roster.cannot_move", id,
                                          current.values[Field::community], current.status));
  }
  set_status(db, current, community, "active", date, "");
  FieldValues after = current.values;
  after["community"] = community;
  nlohmann::json moved = nlohmann::json::parse(values_json(after));
  moved["community_date"] = date;
  store::log_change(db, ctx.now, ctx.actor, "member", id, "move", values_json(current.values),
                    moved.dump());
  tx.commit();
}

void archive_member(SQLite::Database& db, long id, const std::string& status,
                    const std::string& reason, const std::string& date, const WriteContext& ctx) {
  store::WriteTransaction tx(db);
  const MemberRow current = require_member(db, id);
  if (current.status != "active") {
    throw Error(ExitCode::usage,
                i18n::tr("roster.not_active", id, i18n::tr("roster.status." + current.status)));
  }
  set_status(db, current, current.values[Field::community], status, date, reason);
  const nlohmann::json before = with_status(current.values, current.status);
  nlohmann::json after = with_status(current.values, status);
  after["status_date"] = date;
  after["status_reason"] = reason;
  store::log_change(db, ctx.now, ctx.actor, "member", id, "archive", before.dump(), after.dump());
  tx.commit();
}

void restore_member(SQLite::Database& db, long id, const std::string& date,
                    const WriteContext& ctx) {
  store::WriteTransaction tx(db);
  const MemberRow current = require_member(db, id);
  if (current.status == "active") {
    throw Error(ExitCode::usage, i18n::tr("roster.already_active", id));
  }
  // The day an archive took effect is before its restore: otherwise the register as of a date
  // would replay them in the wrong order.
  if (!current.status_date.empty() && date < current.status_date) {
    throw Error(ExitCode::usage,
                i18n::tr("roster.restore_before_archive", date,
                         i18n::tr("roster.status." + current.status), current.status_date));
  }
  std::vector<FieldProblem> problems;  // the community may have left the workspace since
  parse_value(*field_by_key("community"), current.values[Field::community], ctx.values, problems);
  if (!problems.empty()) {
    fail_values(problems);
  }
  set_status(db, current, current.values[Field::community], "active", date, "");
  const nlohmann::json before = with_status(current.values, current.status);
  nlohmann::json after = with_status(current.values, "active");
  after["status_date"] = date;
  store::log_change(db, ctx.now, ctx.actor, "member", id, "restore", before.dump(), after.dump());
  tx.commit();
}

namespace {

// A query over active members, restricted to `community` when one is given (bound, never
// spliced into the text); `rest` (GROUP BY, ORDER BY) follows the restriction.
SQLite::Statement active_members_query(SQLite::Database& db, const std::string& select,
                                       const std::string& community, const std::string& rest) {
  SQLite::Statement q(db, select + (community.empty() ? "" : " AND community = ?") + rest);
  if (!community.empty()) {
    q.bind(1, community);
  }
  return q;
}

// Members who are likely one person: the same name and birth date anywhere, or, within a
// community, the same name and phone or the same name and employer (the keys on which an import
// matches people without an ID number), unless their birth dates differ. A group found on one key
// is not reported again on the next.
void find_likely_duplicates(SQLite::Database& db, const std::string& community,
                            std::vector<Finding>& out) {
  struct Key {
    std::string value;  // the second key (SQL), beside the name
    std::string group_by;
    std::string message;
  };
  static const std::vector<Key> k_keys = {
      {"birth_date", "name, birth_date", "check.likely_duplicate"},
      {"replace(replace(phone, '-', ''), ' ', '')", "community, name, 3",
       "check.likely_duplicate_phone"},
      {"employer", "community, name, 3", "check.likely_duplicate_employer"},
  };
  std::set<std::string> reported;
  for (const Key& key : k_keys) {
    // Members in id order, so that each group lists its ids in order.
    SQLite::Statement groups = active_members_query(
        db,
        "SELECT group_concat(id, ', '), min(id), " + key.value +
            " FROM (SELECT * FROM member ORDER BY id) WHERE status = 'active' AND " + key.value +
            " IS NOT NULL",
        community,
        " GROUP BY " + key.group_by +
            " HAVING count(*) > 1 AND count(DISTINCT birth_date) <= 1 ORDER BY min(id)");
    while (groups.executeStep()) {
      const std::string ids = groups.getColumn(0).getString();
      if (reported.insert(ids).second) {
        out.push_back({"likely_duplicate", static_cast<long>(groups.getColumn(1).getInt64()),
                       i18n::tr(key.message, ids)});
      }
    }
  }
}

void find_duplicates(SQLite::Database& db, const std::string& community,
                     std::vector<Finding>& out) {
  SQLite::Statement ids =
      active_members_query(db,
                           "SELECT group_concat(id), count(DISTINCT community) FROM member WHERE "
                           "id_number IS NOT NULL AND status = 'active'",
                           community, " GROUP BY upper(id_number) HAVING count(*) > 1");
  while (ids.executeStep()) {
    out.push_back(
        {"duplicate_id", 0, i18n::tr("check.duplicate_id", ids.getColumn(0).getString())});
  }
  find_likely_duplicates(db, community, out);
  SQLite::Statement cadre =
      active_members_query(db,
                           "SELECT id FROM member WHERE status = 'active' AND key_contact = 1 AND "
                           "(contact_cadre IS NULL OR trim(contact_cadre) = '')",
                           community, " ORDER BY id");
  while (cadre.executeStep()) {
    out.push_back({"key_without_cadre", static_cast<long>(cadre.getColumn(0).getInt64()),
                   i18n::tr("check.key_without_cadre")});
  }
}

}  // namespace

std::vector<Finding> check_roster(SQLite::Database& db, const ValueContext& ctx,
                                  const std::string& community) {
  std::vector<Finding> findings;
  find_duplicates(db, community, findings);
  // One pass over the register, each record checked as an import would check it today.
  SQLite::Statement all =
      active_members_query(db,
                           "SELECT id, " + member_column_list("") +
                               ", (SELECT group_concat(category, ',') FROM member_category WHERE "
                               "member_id = member.id) FROM member WHERE status = 'active'",
                           community, " ORDER BY id");
  while (all.executeStep()) {
    const long id = static_cast<long>(all.getColumn(0).getInt64());
    FieldValues values;
    const int categories = read_member_columns(all, 1, values);
    values[Field::categories] = all.getColumn(categories).getString();
    std::vector<FieldProblem> problems;
    for (const FieldDef& f : member_fields()) {
      const std::string& stored = values.at(field_index(f));
      if (!stored.empty() && f.kind != FieldKind::boolean) {
        parse_value(f, stored, ctx, problems);
      }
    }
    check_member(values, ctx, problems);
    for (const FieldProblem& p : problems) {
      // Labels, not keys and codes: the detail is read by people.
      const FieldDef* def = field_by_key(p.field);
      const std::string value = def != nullptr ? display_value(*def, p.value, false) : p.value;
      findings.push_back(
          {"invalid_record", id,
           i18n::tr("check.invalid_record", def != nullptr ? i18n::pick(def->zh, def->en) : p.field,
                    p.reason, value)});
    }
  }
  return findings;
}

}  // namespace tongxin::roster
