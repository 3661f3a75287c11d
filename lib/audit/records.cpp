#include "audit/records.h"

#include <fmt/format.h>

#include <set>

#include "core/error.h"
#include "store/store.h"

namespace tongxin::audit {

namespace {

// SQL that is true when a member has roster field `field` filled. Only names from
// roster_fields() reach here (the standard loader checks them), so the SQL is fixed text.
std::string filled_sql(const std::string& field) {
  if (field == "categories") {
    return "EXISTS (SELECT 1 FROM member_category c WHERE c.member_id = m.id)";
  }
  return fmt::format("coalesce(m.{}, '') <> ''", field);
}

// Every distinct set of fields named by a roster `filled` check.
std::set<std::vector<std::string>> filled_sets(const Standard& standard) {
  std::set<std::vector<std::string>> sets;
  for (const Group& group : standard.groups) {
    for (const Item& item : group.items) {
      if (item.check.kind == CheckKind::roster && item.check.roster == RosterRule::filled) {
        sets.insert(item.check.fields);
      }
    }
  }
  return sets;
}

void load_last_changes(SQLite::Database& db, Date as_of,
                       std::map<std::string, RosterFigures>& figures) {
  SQLite::Statement query(db, R"(
    SELECT community, max(day) FROM (
      SELECT m.community, substr(l.at, 1, 10) AS day
        FROM change_log l JOIN member m ON l.entity = 'member' AND l.entity_id = m.id
      UNION ALL
      SELECT m.community, substr(b.created_at, 1, 10)
        FROM member m JOIN import_batch b ON b.id = m.batch_id AND b.undone_at IS NULL)
    WHERE day <= :as_of GROUP BY community)");
  query.bind(":as_of", as_of.iso());
  while (query.executeStep()) {
    if (const auto day = parse_iso_date(query.getColumn(1).getString())) {
      figures[query.getColumn(0).getString()].last_change = *day;
    }
  }
}

long long insert_run(SQLite::Database& db, const Standard& standard, Date as_of,
                     const Period& period, const std::string& now, const std::string& actor) {
  SQLite::Statement run(db,
                        "INSERT INTO audit_run (recorded_at, actor, standard_id, standard_sha256, "
                        "as_of, period) VALUES (?, ?, ?, ?, ?, ?)");
  run.bind(1, now);
  run.bind(2, actor);
  run.bind(3, standard.id);
  run.bind(4, standard.sha256);
  run.bind(5, as_of.iso());
  run.bind(6, period.code());
  run.exec();
  return db.getLastInsertRowid();
}

RecordedResult read_result(SQLite::Statement& q) {
  RecordedResult r;
  r.run_id = q.getColumn(0).getInt64();
  r.recorded_at = q.getColumn(1).getString();
  r.standard_sha256 = q.getColumn(2).getString();
  r.as_of = q.getColumn(3).getString();
  r.period = q.getColumn(4).getString();
  r.community = q.getColumn(5).getString();
  r.members = q.getColumn(6).getInt();
  r.earned = q.getColumn(7).getDouble();
  r.possible = q.getColumn(8).getDouble();
  r.percent = q.getColumn(9).getDouble();
  if (!q.getColumn(10).isNull()) {
    r.stars = q.getColumn(10).getInt();
  }
  r.verdict = q.getColumn(11).getString();
  return r;
}

constexpr const char* k_result_columns =
    "r.id, r.recorded_at, r.standard_sha256, r.as_of, r.period, c.community, c.members, "
    "c.points_earned, c.points_possible, c.percent, c.stars, c.verdict";

}  // namespace

std::map<std::string, RosterFigures> load_roster_figures(SQLite::Database& db,
                                                         const Standard& standard, Date as_of) {
  const auto sets = filled_sets(standard);
  std::string columns;
  for (const auto& fields : sets) {
    std::string all;
    for (const std::string& field : fields) {
      all += (all.empty() ? "" : " AND ") + filled_sql(field);
    }
    columns += fmt::format(", sum(CASE WHEN {} THEN 1 ELSE 0 END)", all);
  }
  SQLite::Statement query(db,
                          fmt::format("{} SELECT s.community, count(*), sum(m.key_contact), "
                                      "sum(m.key_contact AND coalesce(m.contact_cadre, '') = ''){} "
                                      "FROM register_at s JOIN member m ON m.id = s.member_id "
                                      "WHERE s.status = 'active' GROUP BY s.community",
                                      store::k_register_at_cte, columns));
  query.bind(":as_of", as_of.iso());
  std::map<std::string, RosterFigures> figures;
  while (query.executeStep()) {
    RosterFigures& f = figures[query.getColumn(0).getString()];
    f.members = query.getColumn(1).getInt();
    f.key_contacts = query.getColumn(2).getInt();
    f.key_contacts_without_cadre = query.getColumn(3).getInt();
    int column = 4;
    for (const auto& fields : sets) {
      f.filled[fields_key(fields)] = query.getColumn(column++).getInt();
    }
  }
  load_last_changes(db, as_of, figures);
  return figures;
}

std::map<std::string, ActivityFigures> load_activity_figures(SQLite::Database& db,
                                                             const Standard& standard,
                                                             DateRange range) {
  std::map<std::string, ActivityFigures> figures;
  SQLite::Statement counts(db,
                           "SELECT community, type, count(*) FROM activity "
                           "WHERE date BETWEEN ? AND ? GROUP BY community, type");
  counts.bind(1, range.from.iso());
  counts.bind(2, range.to.iso());
  while (counts.executeStep()) {
    figures[counts.getColumn(0).getString()].count[counts.getColumn(1).getString()] =
        counts.getColumn(2).getInt();
  }
  // Whether a check sums an activity measure (an activity check or a deduction of activities).
  if (!standard.any_check([](const Check& check) { return !check.measure.empty(); })) {
    return figures;  // the join with every measure is a county's largest read: skip it unused
  }
  SQLite::Statement sums(db,
                         "SELECT a.community, a.type, v.key, sum(v.value) FROM activity a "
                         "JOIN activity_measure v ON v.activity_id = a.id "
                         "WHERE a.date BETWEEN ? AND ? GROUP BY a.community, a.type, v.key");
  sums.bind(1, range.from.iso());
  sums.bind(2, range.to.iso());
  while (sums.executeStep()) {
    figures[sums.getColumn(0).getString()]
        .sum[measure_key(sums.getColumn(1).getString(), sums.getColumn(2).getString())] =
        sums.getColumn(3).getDouble();
  }
  return figures;
}

long long record_run(SQLite::Database& db, const Standard& standard, Date as_of,
                     const Period& period, const std::vector<CommunityResult>& results,
                     const std::string& now, const std::string& actor) {
  SQLite::Transaction transaction(db);
  const long long run_id = insert_run(db, standard, as_of, period, now, actor);
  SQLite::Statement result(db, "INSERT INTO audit_result VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement item(db, "INSERT INTO audit_item VALUES (?, ?, ?, ?, ?, ?)");
  for (const CommunityResult& r : results) {
    result.bind(1, static_cast<int64_t>(run_id));
    result.bind(2, r.community->id);
    result.bind(3, static_cast<int64_t>(r.members));
    result.bind(4, r.earned);
    result.bind(5, r.possible);
    result.bind(6, r.percent);
    r.stars ? result.bind(7, *r.stars) : result.bind(7);
    result.bind(8, std::string(verdict_code(r.verdict)));
    result.exec();
    result.reset();
    for (const GroupResult& g : r.groups) {
      for (const ItemResult& i : g.items) {
        item.bind(1, static_cast<int64_t>(run_id));
        item.bind(2, r.community->id);
        item.bind(3, i.item->code);
        item.bind(4, std::string(status_code(i.status)));
        item.bind(5, i.earned);
        item.bind(6, i.possible);
        item.exec();
        item.reset();
      }
    }
  }
  transaction.commit();
  return run_id;
}

std::map<std::string, RecordedResult> last_results(SQLite::Database& db,
                                                   const std::string& standard_id) {
  std::map<std::string, RecordedResult> last;
  SQLite::Statement q(db, fmt::format("SELECT {} FROM audit_result c JOIN audit_run r "
                                      "ON r.id = c.run_id WHERE r.standard_id = ? "
                                      "ORDER BY r.id",
                                      k_result_columns));
  q.bind(1, standard_id);
  while (q.executeStep()) {
    RecordedResult r = read_result(q);
    last[r.community] = std::move(r);
  }
  SQLite::Statement items(db,
                          "SELECT item, status FROM audit_item WHERE run_id = ? AND community = ?");
  for (auto& [community, r] : last) {
    items.bind(1, static_cast<int64_t>(r.run_id));
    items.bind(2, community);
    while (items.executeStep()) {
      r.items[items.getColumn(0).getString()] = items.getColumn(1).getString();
    }
    items.reset();
  }
  return last;
}

std::vector<RecordedResult> history(SQLite::Database& db, const std::string& community) {
  SQLite::Statement q(db, fmt::format("SELECT {}, r.standard_id FROM audit_result c JOIN "
                                      "audit_run r ON r.id = c.run_id WHERE ? = '' OR "
                                      "c.community = ? ORDER BY r.id, c.community",
                                      k_result_columns));
  q.bind(1, community);
  q.bind(2, community);
  std::vector<RecordedResult> rows;
  while (q.executeStep()) {
    rows.push_back(read_result(q));
    rows.back().standard_id = q.getColumn(12).getString();
  }
  return rows;
}

}  // namespace tongxin::audit
