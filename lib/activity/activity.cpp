#include "activity/activity.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.h"
#include "i18n/i18n.h"
#include "store/logs.h"
#include "store/store.h"
#include "text/strings.h"

namespace tongxin::activity {

namespace {

const config::CodeTable& types() { return config::code_table("activity_types"); }

using text::fold;

bool names_measure(const config::Measure& m, std::string_view name) {
  const std::string n = fold(name);
  if (n == fold(m.key) || n == fold(m.zh) || n == fold(m.en)) {
    return true;
  }
  for (const auto& [header, key] : measure_synonyms()) {
    if (key == m.key && n == fold(header)) {
      return true;
    }
  }
  return false;
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& measure_synonyms() {
  // Headers office spreadsheets use (the 2011 Yongdeng ledgers among them).
  static const std::vector<std::pair<std::string, std::string>> k_synonyms = {
      {"走访", "visits"},
      {"走访户数", "visits"},
      {"走访人数", "persons_visited"},
      {"慰问人数", "persons_visited"},
      {"服务人次", "persons_served"},
      {"参会人数", "attendees"},
      {"参会人次", "attendees"},
      {"宣传栏", "board_updates"},
  };
  return k_synonyms;
}

const config::CodeEntry* find_type(std::string_view text) { return types().find(text); }

const config::Measure* find_measure(const config::CodeEntry& type, std::string_view name) {
  for (const config::Measure& m : type.measures) {
    if (names_measure(m, name)) {
      return &m;
    }
  }
  return nullptr;
}

std::string measure_key_for_header(std::string_view header) {
  for (const config::CodeEntry& type : types().entries()) {
    if (const config::Measure* m = find_measure(type, header)) {
      return m->key;
    }
  }
  return "";
}

std::optional<double> parse_measure_value(const std::string& name, std::string_view raw,
                                          std::vector<Problem>& problems) {
  const std::string text = text::trim(raw);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    problems.push_back({name, i18n::tr("activity.bad_number"), text});
    return std::nullopt;
  }
  if (value < 0) {
    problems.push_back({name, i18n::tr("activity.negative_measure"), text});
    return std::nullopt;
  }
  return value;
}

std::string measures_list(const config::CodeEntry& type) {
  std::string out;
  for (const config::Measure& m : type.measures) {
    out += (out.empty() ? "" : i18n::tr("activity.list_separator")) +
           i18n::tr("activity.measure_item", m.key, i18n::pick(m.zh, m.en));
  }
  return out;
}

std::string format_number(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

namespace {

std::optional<Date> parse_date(const std::string& raw, Date today) {
  std::string text = text::trim(raw);
  std::replace(text.begin(), text.end(), '/', '-');
  return parse_user_date(text, today);
}

void check_measures(const RawActivity& raw, const config::CodeEntry* type, Activity& a,
                    std::vector<Problem>& problems) {
  std::vector<std::pair<const config::Measure*, double>> found;
  for (const auto& [name, value] : raw.measures) {
    if (text::trim(value).empty()) {
      continue;
    }
    const auto number = parse_measure_value(name, value, problems);
    if (type == nullptr || !number) {
      continue;
    }
    const config::Measure* m = find_measure(*type, name);
    if (m == nullptr) {
      problems.push_back(
          {name, i18n::tr("activity.measure_not_of_type", type->label(), measures_list(*type)),
           value});
      continue;
    }
    found.emplace_back(m, *number);
  }
  if (type == nullptr) {
    return;
  }
  // In the type's order, one value per key (the last given wins).
  for (const config::Measure& m : type->measures) {
    std::optional<double> value;
    for (const auto& [measure, number] : found) {
      value = measure->key == m.key ? std::optional(number) : value;
    }
    if (value) {
      a.measures.emplace_back(m.key, *value);
    }
  }
}

void check_members(const RawActivity& raw, const CheckContext& ctx, Activity& a,
                   std::vector<Problem>& problems) {
  for (const std::string& reference : raw.members) {
    for (const std::string& item : text::split_list(reference)) {
      const auto id = ctx.find_member ? ctx.find_member(item) : std::nullopt;
      if (!id) {
        problems.push_back({"members", i18n::tr("activity.no_member"), item});
      } else if (std::find(a.members.begin(), a.members.end(), *id) == a.members.end()) {
        a.members.push_back(*id);
      }
    }
  }
  std::sort(a.members.begin(), a.members.end());
}

}  // namespace

Activity check_activity(const RawActivity& raw, const CheckContext& ctx,
                        std::vector<Problem>& problems) {
  Activity a;
  a.community = text::trim(raw.community);
  if (a.community.empty()) {
    problems.push_back({"community", i18n::tr("activity.community_required"), ""});
  } else if (std::find(ctx.communities.begin(), ctx.communities.end(), a.community) ==
             ctx.communities.end()) {
    std::string known;
    for (const std::string& c : ctx.communities) {
      known += (known.empty() ? "" : ", ") + c;
    }
    problems.push_back({"community", i18n::tr("activity.unknown_community", known), a.community});
  }
  const config::CodeEntry* type = find_type(raw.type);
  if (text::trim(raw.type).empty()) {
    problems.push_back({"type", i18n::tr("activity.required"), ""});
  } else if (type == nullptr) {
    problems.push_back(
        {"type", i18n::tr("activity.unknown_type", types().codes_list()), text::trim(raw.type)});
  } else {
    a.type = type->code;
  }
  const auto date = parse_date(raw.date, ctx.today);
  if (text::trim(raw.date).empty()) {
    problems.push_back({"date", i18n::tr("activity.required"), ""});
  } else if (!date) {
    problems.push_back({"date", i18n::tr("activity.bad_date"), text::trim(raw.date)});
  } else {
    a.date = date->iso();
  }
  a.title = text::trim(raw.title);
  a.duty = text::trim(raw.duty);
  a.notes = text::trim(raw.notes);
  check_measures(raw, type, a, problems);
  check_members(raw, ctx, a, problems);
  return a;
}

std::vector<std::pair<std::string, std::string>> split_assignments(
    const std::vector<std::string>& assignments, std::vector<Problem>& problems) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& a : assignments) {
    const auto eq = a.find('=');
    if (eq == std::string::npos) {
      problems.push_back({"measure", i18n::tr("activity.bad_assignment"), a});
      continue;
    }
    out.emplace_back(text::trim(a.substr(0, eq)), text::trim(a.substr(eq + 1)));
  }
  return out;
}

namespace {

nlohmann::ordered_json measures_object(const Measures& measures) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, value] : measures) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
      object[key] = static_cast<long long>(value);
    } else {
      object[key] = value;
    }
  }
  return object;
}

}  // namespace

std::string activity_json(const Activity& a) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["community"] = a.community;
  o["type"] = a.type;
  o["date"] = a.date;
  o["title"] = a.title;
  o["duty"] = a.duty;
  o["notes"] = a.notes;
  o["measures"] = measures_object(a.measures);
  o["members"] = a.members;
  return o.dump();
}

// ---- store ----

ActivityWriter::ActivityWriter(SQLite::Database& db)
    : m_db(db),
      m_insert(db,
               "INSERT INTO activity (community, type, date, title, duty, "
               "notes, batch_id, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      m_measure(db,
                "INSERT INTO activity_measure (activity_id, key, value) "
                "VALUES (?, ?, ?)"),
      m_member(db,
               "INSERT INTO activity_member (activity_id, member_id) "
               "VALUES (?, ?)") {}

namespace {

void bind_text(SQLite::Statement& q, int index, const std::string& value) {
  value.empty() ? q.bind(index) : q.bind(index, value);
}

void write_measures(SQLite::Statement& measure, long id, const Measures& measures) {
  for (const auto& [key, value] : measures) {
    measure.bind(1, static_cast<int64_t>(id));
    measure.bind(2, key);
    measure.bind(3, value);
    measure.exec();
    measure.reset();
  }
}

void write_links(SQLite::Statement& measure, SQLite::Statement& member, long id,
                 const Activity& a) {
  write_measures(measure, id, a.measures);
  for (long m : a.members) {
    member.bind(1, static_cast<int64_t>(id));
    member.bind(2, static_cast<int64_t>(m));
    member.exec();
    member.reset();
  }
}

}  // namespace

long ActivityWriter::insert(const Activity& a, long batch_id, const std::string& now) {
  m_insert.bind(1, a.community);
  m_insert.bind(2, a.type);
  m_insert.bind(3, a.date);
  bind_text(m_insert, 4, a.title);
  bind_text(m_insert, 5, a.duty);
  bind_text(m_insert, 6, a.notes);
  batch_id > 0 ? m_insert.bind(7, static_cast<int64_t>(batch_id)) : m_insert.bind(7);
  m_insert.bind(8, now);
  m_insert.bind(9, now);
  m_insert.exec();
  m_insert.reset();
  const long id = static_cast<long>(m_db.getLastInsertRowid());
  write_links(m_measure, m_member, id, a);
  return id;
}

long add_activity(SQLite::Database& db, const Activity& a, const std::string& actor,
                  const std::string& now) {
  store::WriteTransaction tx(db);
  ActivityWriter writer(db);
  const long id = writer.insert(a, 0, now);
  store::log_change(db, now, actor, "activity", id, "create", "", activity_json(a));
  tx.commit();
  return id;
}

namespace {

const char* k_select =
    "SELECT id, community, type, date, coalesce(title, ''), coalesce(duty, "
    "''), "
    "coalesce(notes, ''), coalesce(batch_id, 0) FROM activity";

Activity read_row(SQLite::Statement& q) {
  Activity a;
  a.id = static_cast<long>(q.getColumn(0).getInt64());
  a.community = q.getColumn(1).getString();
  a.type = q.getColumn(2).getString();
  a.date = q.getColumn(3).getString();
  a.title = q.getColumn(4).getString();
  a.duty = q.getColumn(5).getString();
  a.notes = q.getColumn(6).getString();
  a.batch_id = static_cast<long>(q.getColumn(7).getInt64());
  return a;
}

// Fills measures (in the type's order) and members of `a`.
void read_links(SQLite::Statement& measures, SQLite::Statement& members, Activity& a) {
  std::vector<std::pair<std::string, double>> stored;
  measures.bind(1, static_cast<int64_t>(a.id));
  while (measures.executeStep()) {
    stored.emplace_back(measures.getColumn(0).getString(), measures.getColumn(1).getDouble());
  }
  measures.reset();
  const config::CodeEntry* type = types().by_code(a.type);
  for (size_t i = 0; type != nullptr && i < type->measures.size(); ++i) {
    for (const auto& measure : stored) {
      if (measure.first == type->measures[i].key) {
        a.measures.push_back(measure);
      }
    }
  }
  members.bind(1, static_cast<int64_t>(a.id));
  while (members.executeStep()) {
    a.members.push_back(static_cast<long>(members.getColumn(0).getInt64()));
  }
  members.reset();
}

struct LinkQueries {
  explicit LinkQueries(SQLite::Database& db)
      : measures(db, "SELECT key, value FROM activity_measure WHERE activity_id = ?"),
        members(db,
                "SELECT member_id FROM activity_member WHERE activity_id = "
                "? ORDER BY member_id") {}
  SQLite::Statement measures;
  SQLite::Statement members;
};

}  // namespace

std::optional<Activity> load_activity(SQLite::Database& db, long id) {
  SQLite::Statement q(db, std::string(k_select) + " WHERE id = ?");
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) {
    return std::nullopt;
  }
  Activity a = read_row(q);
  LinkQueries links(db);
  read_links(links.measures, links.members, a);
  return a;
}

namespace {

Activity require_activity(SQLite::Database& db, long id) {
  auto a = load_activity(db, id);
  if (!a) {
    throw Error(ExitCode::usage, i18n::tr("activity.no_such", id));
  }
  return *a;
}

void apply_edit(Activity& a, const ActivityEdit& edit, const Date& today,
                std::vector<Problem>& problems) {
  if (edit.date) {
    const auto date = parse_date(*edit.date, today);
    date ? void(a.date = date->iso())
         : problems.push_back({"date", i18n::tr("activity.bad_date"), *edit.date});
  }
  if (edit.type) {
    const config::CodeEntry* type = find_type(*edit.type);
    type != nullptr
        ? void(a.type = type->code)
        : problems.push_back(
              {"type", i18n::tr("activity.unknown_type", types().codes_list()), *edit.type});
  }
  a.title = edit.title ? text::trim(*edit.title) : a.title;
  a.duty = edit.duty ? text::trim(*edit.duty) : a.duty;
  a.notes = edit.notes ? text::trim(*edit.notes) : a.notes;
}

// The measures after `edit`: the old ones (by key) overridden or removed by
// those given, all checked against the (possibly new) type.
void edit_measures(Activity& a, const ActivityEdit& edit, std::vector<Problem>& problems) {
  const config::CodeEntry* type = types().by_code(a.type);
  RawActivity raw;
  for (const auto& [key, value] : a.measures) {
    raw.measures.emplace_back(key, format_number(value));
  }
  for (const auto& [name, value] : edit.measures) {
    const config::Measure* m = type == nullptr ? nullptr : find_measure(*type, name);
    const std::string key = m != nullptr ? m->key : measure_key_for_header(name);
    std::erase_if(raw.measures, [&](const auto& p) { return p.first == key; });
    raw.measures.emplace_back(name, value);
  }
  a.measures.clear();
  check_measures(raw, type, a, problems);
}

}  // namespace

void edit_activity(SQLite::Database& db, long id, const ActivityEdit& edit, const Date& today,
                   const std::string& actor, const std::string& now) {
  store::WriteTransaction tx(db);
  const Activity before = require_activity(db, id);
  Activity after = before;
  std::vector<Problem> problems;
  apply_edit(after, edit, today, problems);
  edit_measures(after, edit, problems);
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.invalid_values", problems.size()),
                problem_lines(problems));
  }
  if (activity_json(after) == activity_json(before)) {
    return;  // nothing changed: nothing to write or log
  }
  SQLite::Statement q(db,
                      "UPDATE activity SET type = ?, date = ?, title = ?, duty = ?, notes = ?, "
                      "updated_at = ? WHERE id = ?");
  q.bind(1, after.type);
  q.bind(2, after.date);
  bind_text(q, 3, after.title);
  bind_text(q, 4, after.duty);
  bind_text(q, 5, after.notes);
  q.bind(6, now);
  q.bind(7, static_cast<int64_t>(id));
  q.exec();
  SQLite::Statement drop(db, "DELETE FROM activity_measure WHERE activity_id = ?");
  drop.bind(1, static_cast<int64_t>(id));
  drop.exec();
  SQLite::Statement measure(db,
                            "INSERT INTO activity_measure (activity_id, "
                            "key, value) VALUES (?, ?, ?)");
  write_measures(measure, id, after.measures);
  store::log_change(db, now, actor, "activity", id, "update", activity_json(before),
                    activity_json(after));
  tx.commit();
}

void delete_activity(SQLite::Database& db, long id, const std::string& actor,
                     const std::string& now) {
  store::WriteTransaction tx(db);
  const Activity before = require_activity(db, id);
  for (const char* sql :
       {"DELETE FROM activity_measure WHERE activity_id = ?",
        "DELETE FROM activity_member WHERE activity_id = ?", "DELETE FROM activity WHERE id = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, static_cast<int64_t>(id));
    q.exec();
  }
  store::log_change(db, now, actor, "activity", id, "delete", activity_json(before), "");
  tx.commit();
}

std::vector<Activity> list_activities(SQLite::Database& db, const ListFilter& filter) {
  SQLite::Statement q(db, std::string(k_select) +
                              " WHERE (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) AND "
                              "(?3 = '' OR type = ?3) AND (?4 = '' OR community = ?4) "
                              "ORDER BY date, community, id");
  q.bind(1, filter.from ? filter.from->iso() : "");
  q.bind(2, filter.to ? filter.to->iso() : "");
  q.bind(3, filter.type);
  q.bind(4, filter.community);
  std::vector<Activity> out;
  LinkQueries links(db);
  while (q.executeStep()) {
    out.push_back(read_row(q));
    read_links(links.measures, links.members, out.back());
  }
  return out;
}

namespace {

std::string measures_cell(const Activity& a, bool machine) {
  const config::CodeEntry* type = types().by_code(a.type);
  std::string out;
  for (const auto& [key, value] : a.measures) {
    if (machine) {
      out += (out.empty() ? "" : ";") + key + "=" + format_number(value);
      continue;
    }
    const config::Measure* m = type == nullptr ? nullptr : find_measure(*type, key);
    const std::string label = m == nullptr ? key : i18n::pick(m->zh, m->en);
    out += (out.empty() ? "" : i18n::tr("activity.measure_separator")) + label + " " +
           format_number(value);
  }
  return out;
}

}  // namespace

output::Table activity_table(const std::vector<Activity>& activities, bool machine) {
  output::Table t;
  t.columns = {{"id", i18n::tr("activity.col_id"), true, true},
               {"date", i18n::tr("activity.col_date")},
               {"community", i18n::tr("activity.col_community")},
               {"type", i18n::tr("activity.col_type")},
               {"title", i18n::tr("activity.col_title")},
               {"measures", i18n::tr("activity.col_measures")},
               {"members", i18n::tr("activity.col_members"), true, true}};
  for (const Activity& a : activities) {
    const config::CodeEntry* type = types().by_code(a.type);
    const std::string type_cell = machine || type == nullptr ? a.type : type->label();
    t.rows.push_back({std::to_string(a.id), a.date, a.community, type_cell, a.title,
                      measures_cell(a, machine), std::to_string(a.members.size())});
  }
  return t;
}

void write_activities_json(std::ostream& out, const std::vector<Activity>& activities) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Activity& a : activities) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    o["id"] = a.id;
    o["date"] = a.date;
    o["community"] = a.community;
    o["type"] = a.type;
    o["title"] = a.title;
    o["measures"] = measures_object(a.measures);
    o["members"] = a.members.size();
    rows.push_back(std::move(o));
  }
  out << rows.dump(2) << '\n';
}

std::vector<std::string> problem_lines(const std::vector<Problem>& problems) {
  static const std::vector<std::string> k_flags = {"date",    "community", "type",  "title",
                                                   "members", "duty",      "notes", "measure"};
  std::vector<std::string> lines;
  for (const Problem& p : problems) {
    const bool flag = std::find(k_flags.begin(), k_flags.end(), p.field) != k_flags.end();
    const std::string name = flag ? "--" + p.field : "--measure " + p.field;
    lines.push_back(p.value.empty() ? i18n::tr("activity.flag_error_no_value", name, p.reason)
                                    : i18n::tr("activity.flag_error", name, p.reason, p.value));
  }
  return lines;
}

}  // namespace tongxin::activity
