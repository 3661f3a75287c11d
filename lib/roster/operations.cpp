#include "roster/operations.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/import_result.h"
#include "roster/id_number.h"
#include "roster/render.h"
#include "store/logs.h"
#include "store/store.h"
#include "text/mask.h"
#include "text/pinyin.h"

namespace tongxin::roster {

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
                                    : i18n::tr("import.error", name, p.reason,
                                               io::shown_value(value_kind(p.field), p.value)));
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

}  // namespace tongxin::roster
