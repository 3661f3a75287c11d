// Who is registered already, as an import sees the register when it begins: members by their ID
// number, and, for people without one (common for 港澳台 and 华侨 members and incomplete sheets),
// by name within a community together with a second key: birth date, phone or employer.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "roster/fields.h"

namespace tongxin::roster {

// What tells two people of the same name apart when there is no ID number.
struct PersonKeys {
  std::string birth_date;  // YYYY-MM-DD
  std::string phone;       // digits only
  std::string employer;
  std::string sex;  // male or female (else empty): it only ever vetoes a match
};

// The keys of stored member values (the phone reduced to its digits). Pure.
PersonKeys person_keys(const FieldValues& values);

// The key on which two records of the same name in the same community are one person.
enum class MatchKey { none, birth_date, phone, employer };

// The first of birth date, phone and employer that both records have and that agree; none when
// no such key agrees, or when both have a birth date, or a sex, and they differ (those never
// change; a phone or an employer may). Pure.
MatchKey same_person(const PersonKeys& a, const PersonKeys& b);

// The member field a match key compares (for messages).
Field match_field(MatchKey key);

// A compact key for a normalised 18-character ID: its first 17 digits (the check character
// follows from them). 0 when the ID is not of that shape.
uint64_t id_key(const std::string& id);

struct Existing {
  long member_id = 0;
  std::string community;
};

// The registered members a record of this name could be.
struct NameMatch {
  std::vector<long> member_ids;   // one: that member; several: it cannot tell which
  MatchKey key = MatchKey::none;  // on which the first of them matched
};

class ExistingMembers {
 public:
  // Every member loaded up front: for bulk loads, where the register is small beside the file,
  // and for stores in memory.
  static ExistingMembers loaded(SQLite::Database& db);

  // IDs looked up one at a time, through the unique index, on a read-only connection of their
  // own (the writing thread owns the other): for a few rows into a large register, where loading
  // a million IDs first took a second. Members without an ID number are loaded up front (the
  // ID-number index lists them), those with one by community when a row without an ID number
  // first needs them. The import's own uncommitted rows are not visible to that connection,
  // which is what "existing" means.
  static ExistingMembers looked_up(SQLite::Database& db, const std::string& path);

  // The member holding `id` (normalised, `key` its id_key), or nullptr. The result is valid
  // until the next call.
  const Existing* by_id(uint64_t key, const std::string& id);

  // Whether any registered member lacks an ID number.
  bool has_without_id() const { return m_without_id > 0; }

  // The members of `community` named `name` who are the same person as `keys` (same_person);
  // only those without an ID number when `without_id_only` (a record that has an ID number not
  // in the register may be a member registered before the ID was known).
  NameMatch by_name(const std::string& community, const std::string& name, const PersonKeys& keys,
                    bool without_id_only);

 private:
  struct Candidate {
    long member_id;
    bool has_id;
    PersonKeys keys;
  };

  ExistingMembers() = default;
  // Adds the members `query` yields as (id, community, name, has_id, birth_date, phone,
  // employer, sex).
  void add_candidates(SQLite::Statement& query);
  void load_community(const std::string& community);

  std::unordered_map<uint64_t, Existing> m_ids;
  std::unordered_map<std::string, std::vector<Candidate>> m_by_name;  // community '\n' name
  std::unordered_set<std::string> m_communities;  // whose members with an ID are loaded
  long m_without_id = 0;                          // candidates without an ID number
  bool m_all_loaded = false;
  std::unique_ptr<SQLite::Database> m_connection;
  std::unique_ptr<SQLite::Statement> m_id_query;
  std::unique_ptr<SQLite::Statement> m_community_query;
  Existing m_found;
};

}  // namespace tongxin::roster
