#include "activity/records.h"

#include <fmt/format.h>

#include "core/error.h"
#include "i18n/i18n.h"
#include "store/batches.h"
#include "store/logs.h"
#include "store/store.h"

namespace tongxin::activity {

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
  const config::CodeEntry* type = activity_types().by_code(a.type);
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

}  // namespace

std::vector<Problem> edit_activity(SQLite::Database& db, long id, const ActivityEdit& edit,
                                   const Date& today, const std::string& actor,
                                   const std::string& now) {
  store::WriteTransaction tx(db);
  const Activity before = require_activity(db, id);
  Activity after = before;
  std::vector<Problem> problems;
  apply_edit(after, edit, today, problems);
  if (!problems.empty()) {
    return problems;  // the transaction rolls back: nothing written
  }
  if (activity_json(after) == activity_json(before)) {
    return {};  // nothing changed: nothing to write or log
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
  return {};
}

namespace {

void remove_activity(SQLite::Database& db, long id) {
  for (const char* sql :
       {"DELETE FROM activity_measure WHERE activity_id = ?",
        "DELETE FROM activity_member WHERE activity_id = ?", "DELETE FROM activity WHERE id = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, static_cast<int64_t>(id));
    q.exec();
  }
}

}  // namespace

void delete_activity(SQLite::Database& db, long id, const std::string& actor,
                     const std::string& now) {
  store::WriteTransaction tx(db);
  const Activity before = require_activity(db, id);
  remove_activity(db, id);
  store::log_change(db, now, actor, "activity", id, "delete", activity_json(before), "");
  tx.commit();
}

long undo_import(SQLite::Database& db, long batch_id, const std::string& actor,
                 const std::string& now) {
  store::WriteTransaction tx(db);
  const auto undone_at = store::batch_undone_at(db, batch_id, "activity");
  if (!undone_at) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.undo_no_batch", batch_id));
  }
  if (!undone_at->empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.undo_already", batch_id, *undone_at));
  }
  // An activity edited since the import holds work the undo would lose (one deleted since is
  // simply gone already).
  SQLite::Statement edited(db,
                           "SELECT DISTINCT a.id FROM activity a JOIN change_log c ON c.entity = "
                           "'activity' AND c.entity_id = a.id AND c.action = 'update' "
                           "WHERE a.batch_id = ? ORDER BY a.id");
  edited.bind(1, static_cast<int64_t>(batch_id));
  std::vector<std::string> problems;
  while (edited.executeStep()) {
    problems.push_back(i18n::tr("activity.undo_edited", edited.getColumn(0).getInt64()));
  }
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("activity.undo_refused", batch_id, problems.size()),
                problems);
  }
  std::vector<long> ids;
  SQLite::Statement of_batch(db, "SELECT id FROM activity WHERE batch_id = ? ORDER BY id");
  of_batch.bind(1, static_cast<int64_t>(batch_id));
  while (of_batch.executeStep()) {
    ids.push_back(static_cast<long>(of_batch.getColumn(0).getInt64()));
  }
  store::ChangeLog log(db);
  for (const long id : ids) {
    const Activity before = require_activity(db, id);
    remove_activity(db, id);
    log.add(now, actor, "activity", id, "undo", activity_json(before), "", batch_id);
  }
  SQLite::Statement done(db, "UPDATE import_batch SET undone_at = ? WHERE id = ?");
  done.bind(1, now);
  done.bind(2, static_cast<int64_t>(batch_id));
  done.exec();
  store::log_change(db, now, actor, "import_batch", batch_id, "undo", "",
                    fmt::format(R"({{"removed":{}}})", ids.size()), batch_id);
  tx.commit();
  return static_cast<long>(ids.size());
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

}  // namespace tongxin::activity
