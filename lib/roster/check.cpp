// roster check: every registered member's values checked again, and likely duplicates.
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
