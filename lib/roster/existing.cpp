#include "roster/existing.h"

#include <algorithm>

#include "store/store.h"

namespace tongxin::roster {

PersonKeys person_keys(const FieldValues& values) {
  const std::string& sex = values[Field::sex];
  // Unknown and unspecified (未知, 未说明) disagree with nothing.
  PersonKeys keys{values[Field::birth_date],
                  {},
                  values[Field::employer],
                  sex == "male" || sex == "female" ? sex : ""};
  for (const char c : values[Field::phone]) {
    if (c >= '0' && c <= '9') {
      keys.phone += c;
    }
  }
  return keys;
}

MatchKey same_person(const PersonKeys& a, const PersonKeys& b) {
  auto agree = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  auto differ = [](const std::string& x, const std::string& y) {
    return !x.empty() && !y.empty() && x != y;
  };
  if (differ(a.birth_date, b.birth_date) || differ(a.sex, b.sex)) {
    return MatchKey::none;
  }
  if (agree(a.birth_date, b.birth_date)) {
    return MatchKey::birth_date;
  }
  if (agree(a.phone, b.phone)) {
    return MatchKey::phone;
  }
  if (agree(a.employer, b.employer)) {
    return MatchKey::employer;
  }
  return MatchKey::none;
}

Field match_field(MatchKey key) {
  switch (key) {
    case MatchKey::phone:
      return Field::phone;
    case MatchKey::employer:
      return Field::employer;
    case MatchKey::birth_date:
    case MatchKey::none:
      break;
  }
  return Field::birth_date;
}

uint64_t id_key(const std::string& id) {
  if (id.size() != 18) {
    return 0;
  }
  uint64_t key = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      return 0;
    }
    key = key * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  return key;
}

namespace {

// The columns add_candidates reads, after SELECT.
constexpr const char* k_candidate_columns =
    "id, community, name, id_number IS NOT NULL, birth_date, phone, employer, sex";

std::string name_key(const std::string& community, const std::string& name) {
  return community + '\n' + name;
}

}  // namespace

void ExistingMembers::add_candidates(SQLite::Statement& query) {
  while (query.executeStep()) {
    m_without_id += query.getColumn(3).getInt() == 0 ? 1 : 0;
    FieldValues values;
    values[Field::birth_date] = query.getColumn(4).getString();
    values[Field::phone] = query.getColumn(5).getString();
    values[Field::employer] = query.getColumn(6).getString();
    values[Field::sex] = query.getColumn(7).getString();
    m_by_name[name_key(query.getColumn(1).getString(), query.getColumn(2).getString())].push_back(
        {static_cast<long>(query.getColumn(0).getInt64()), query.getColumn(3).getInt() != 0,
         person_keys(values)});
  }
  query.reset();
}

ExistingMembers ExistingMembers::loaded(SQLite::Database& db) {
  ExistingMembers members;
  SQLite::Statement ids(db,
                        "SELECT id, id_number, community FROM member WHERE id_number IS NOT NULL");
  while (ids.executeStep()) {
    members.m_ids.emplace(
        id_key(ids.getColumn(1).getString()),
        Existing{static_cast<long>(ids.getColumn(0).getInt64()), ids.getColumn(2).getString()});
  }
  SQLite::Statement names(db, std::string("SELECT ") + k_candidate_columns + " FROM member");
  members.add_candidates(names);
  members.m_all_loaded = true;
  return members;
}

ExistingMembers ExistingMembers::looked_up(SQLite::Database& db, const std::string& path) {
  ExistingMembers members;
  // A search of the ID-number index (its NULL entries): cheap however large the register.
  SQLite::Statement without_id(
      db, std::string("SELECT ") + k_candidate_columns + " FROM member WHERE id_number IS NULL");
  members.add_candidates(without_id);
  members.m_connection = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
  members.m_connection->setBusyTimeout(  // as long as the importing connection waits
      db.execAndGet("PRAGMA busy_timeout").getInt());
  members.m_id_query = std::make_unique<SQLite::Statement>(
      *members.m_connection, "SELECT id, community FROM member WHERE id_number = ?");
  members.m_community_query = std::make_unique<SQLite::Statement>(
      *members.m_connection, std::string("SELECT ") + k_candidate_columns +
                                 " FROM member WHERE community = ? AND id_number IS NOT NULL");
  return members;
}

const Existing* ExistingMembers::by_id(uint64_t key, const std::string& id) {
  if (!m_id_query) {
    const auto found = m_ids.find(key);
    return found == m_ids.end() ? nullptr : &found->second;
  }
  m_id_query->bind(1, id);
  const bool found = m_id_query->executeStep();
  if (found) {
    m_found = {static_cast<long>(m_id_query->getColumn(0).getInt64()),
               m_id_query->getColumn(1).getString()};
  }
  m_id_query->reset();
  return found ? &m_found : nullptr;
}

void ExistingMembers::load_community(const std::string& community) {
  if (m_all_loaded || !m_communities.insert(community).second) {
    return;
  }
  m_community_query->bind(1, community);
  add_candidates(*m_community_query);
}

NameMatch ExistingMembers::by_name(const std::string& community, const std::string& name,
                                   const PersonKeys& keys, bool without_id_only) {
  NameMatch match;
  if (without_id_only && m_without_id == 0) {
    return match;  // the usual case: no key to build for each row of a large file
  }
  if (!without_id_only) {
    load_community(community);
  }
  const auto found = m_by_name.find(name_key(community, name));
  if (found == m_by_name.end()) {
    return match;
  }
  for (const Candidate& candidate : found->second) {
    const MatchKey key = same_person(keys, candidate.keys);
    if (key != MatchKey::none && !(without_id_only && candidate.has_id)) {
      match.key = match.member_ids.empty() ? key : match.key;
      match.member_ids.push_back(candidate.member_id);
    }
  }
  std::sort(match.member_ids.begin(), match.member_ids.end());
  return match;
}

}  // namespace tongxin::roster
