#include "report/records.h"

#include <algorithm>
#include <tuple>

#include "store/store.h"

namespace tongxin::report {

namespace {

// The active register at :as_of with the fields the 基本情况 counts.
const std::string k_as_of =
    std::string(store::k_register_at_cte) +
    ", asof AS (SELECT m.id, r.community, m.key_contact, m.hardship, "
    "m.contact_cadre FROM register_at r JOIN member m ON m.id = r.member_id "
    "WHERE r.status = 'active') ";

void load_register(SQLite::Database& db, DateRange range, Date as_of, Figures& out) {
  SQLite::Statement totals(db, k_as_of +
                                   "SELECT community, count(*), sum(key_contact), sum(hardship), "
                                   "sum(key_contact = 1 AND coalesce(contact_cadre, '') <> '') "
                                   "FROM asof GROUP BY community");
  totals.bind(":as_of", as_of.iso());
  while (totals.executeStep()) {
    CommunityFigures& c = out.communities[totals.getColumn(0).getString()];
    c.members = totals.getColumn(1).getInt64();
    c.key_contacts = totals.getColumn(2).getInt64();
    c.hardship = totals.getColumn(3).getInt64();
    c.key_with_cadre = totals.getColumn(4).getInt64();
  }
  // Straight from register_at, not through asof: joining asof (the register joined to member
  // again) made SQLite visit member_category first and look each member up at random, three
  // times slower on a large register.
  SQLite::Statement categories(db, std::string(store::k_register_at_cte) +
                                       " SELECT r.community, mc.category, count(*) FROM "
                                       "register_at r JOIN member_category mc ON mc.member_id = "
                                       "r.member_id WHERE r.status = 'active' "
                                       "GROUP BY r.community, mc.category");
  categories.bind(":as_of", as_of.iso());
  while (categories.executeStep()) {
    out.communities[categories.getColumn(0).getString()]
        .categories[categories.getColumn(1).getString()] = categories.getColumn(2).getInt64();
  }
  SQLite::Statement visited(
      db, k_as_of +
              "SELECT s.community, count(DISTINCT s.id) FROM asof s "
              "JOIN activity_member am ON am.member_id = s.id "
              "JOIN activity a ON a.id = am.activity_id WHERE s.key_contact = 1 "
              "AND a.type = 'visit' AND a.date BETWEEN :from AND :to GROUP BY s.community");
  visited.bind(":as_of", as_of.iso());
  visited.bind(":from", range.from.iso());
  visited.bind(":to", range.to.iso());
  while (visited.executeStep()) {
    out.communities[visited.getColumn(0).getString()].key_visited = visited.getColumn(1).getInt64();
  }
}

// Members of the register at :as_of by the value of one sensitive field. The column name comes
// from this fixed list, never from input.
void load_sensitive(SQLite::Database& db, Date as_of, const std::vector<std::string>& fields,
                    Figures& out) {
  for (const std::string& field : {std::string("ethnicity"), std::string("religion")}) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      continue;
    }
    SQLite::Statement q(db, std::string(store::k_register_at_cte) +
                                " SELECT r.community, coalesce(m." + field +
                                ", ''), count(*) FROM register_at r JOIN member m ON "
                                "m.id = r.member_id WHERE r.status = 'active' GROUP BY 1, 2");
    q.bind(":as_of", as_of.iso());
    while (q.executeStep()) {
      out.communities[q.getColumn(0).getString()].sensitive[field][q.getColumn(1).getString()] =
          q.getColumn(2).getInt64();
    }
  }
}

void load_changes(SQLite::Database& db, DateRange range, Figures& out) {
  // The community a member was registered in: before their first event, else theirs now.
  SQLite::Statement registered(
      db,
      "SELECT coalesce((SELECT e.from_community FROM member_event e WHERE e.member_id = m.id "
      "ORDER BY e.on_date, e.id LIMIT 1), m.community), count(*) FROM member m "
      "WHERE m.registered_on BETWEEN ?1 AND ?2 GROUP BY 1");
  registered.bind(1, range.from.iso());
  registered.bind(2, range.to.iso());
  while (registered.executeStep()) {
    out.communities[registered.getColumn(0).getString()].registered =
        registered.getColumn(1).getInt64();
  }
  SQLite::Statement events(db,
                           "SELECT kind, from_community, to_community, count(*) FROM member_event "
                           "WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
  events.bind(1, range.from.iso());
  events.bind(2, range.to.iso());
  while (events.executeStep()) {
    out.events.push_back({events.getColumn(0).getString(), events.getColumn(1).getString(),
                          events.getColumn(2).getString(), events.getColumn(3).getInt64()});
  }
}

void load_activities(SQLite::Database& db, DateRange range, Figures& out) {
  SQLite::Statement counts(db,
                           "SELECT community, type, substr(date, 1, 7), count(*) FROM activity "
                           "WHERE date BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3");
  counts.bind(1, range.from.iso());
  counts.bind(2, range.to.iso());
  while (counts.executeStep()) {
    CommunityFigures& c = out.communities[counts.getColumn(0).getString()];
    const std::string type = counts.getColumn(1).getString();
    const long n = counts.getColumn(3).getInt64();
    c.activities[type] += n;
    c.months[counts.getColumn(2).getString()][type] += n;
  }
  SQLite::Statement measures(db,
                             "SELECT a.community, a.type, m.key, sum(m.value) FROM activity a "
                             "JOIN activity_measure m ON m.activity_id = a.id "
                             "WHERE a.date BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3");
  measures.bind(1, range.from.iso());
  measures.bind(2, range.to.iso());
  while (measures.executeStep()) {
    out.communities[measures.getColumn(0).getString()]
        .measures[{measures.getColumn(1).getString(), measures.getColumn(2).getString()}] =
        measures.getColumn(3).getDouble();
  }
}

}  // namespace

Figures load_figures(SQLite::Database& db, DateRange range, Date as_of,
                     const std::vector<std::string>& sensitive_fields) {
  Figures out;
  load_register(db, range, as_of, out);
  load_sensitive(db, as_of, sensitive_fields, out);
  load_changes(db, range, out);
  load_activities(db, range, out);
  return out;
}

std::map<std::string, TitledActivities> load_titled(SQLite::Database& db, DateRange range,
                                                    size_t limit) {
  // One pass for every report of a run: a county's 2,000 communities were 4,000 queries per
  // scope when each community was read on its own.
  SQLite::Statement query(db, R"(
    SELECT date, community, type, title, total FROM (
      SELECT date, community, type, title,
             row_number() OVER (PARTITION BY community ORDER BY date, id) AS n,
             count(*) OVER (PARTITION BY community) AS total
        FROM activity WHERE date BETWEEN ?1 AND ?2 AND coalesce(title, '') <> '')
     WHERE n <= ?3 ORDER BY community, n)");
  query.bind(1, range.from.iso());
  query.bind(2, range.to.iso());
  query.bind(3, static_cast<int64_t>(limit));
  std::map<std::string, TitledActivities> out;
  while (query.executeStep()) {
    TitledActivities& titled = out[query.getColumn(1).getString()];
    titled.first.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                            query.getColumn(2).getString(), query.getColumn(3).getString()});
    titled.count = query.getColumn(4).getInt64();
  }
  return out;
}

std::pair<std::vector<NotableActivity>, long> notable_of(
    const std::map<std::string, TitledActivities>& titled,
    const std::vector<std::string>& communities, size_t limit) {
  std::pair<std::vector<NotableActivity>, long> out{{}, 0};
  // A community's first `limit` are enough to find the first `limit` of all of them.
  for (const std::string& community : communities) {
    const auto it = titled.find(community);
    if (it != titled.end()) {
      out.first.insert(out.first.end(), it->second.first.begin(), it->second.first.end());
      out.second += it->second.count;
    }
  }
  std::stable_sort(out.first.begin(), out.first.end(),
                   [](const NotableActivity& a, const NotableActivity& b) {
                     return std::tie(a.date, a.community) < std::tie(b.date, b.community);
                   });
  if (out.first.size() > limit) {
    out.first.resize(limit);
  }
  return out;
}

}  // namespace tongxin::report
