// The roster's everyday operations on the store: list (filters, pinyin search, collation
// order), show, add, edit, move, archive, restore, and the consistency check. Every write goes to
// the change log in the same transaction.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <vector>

#include "output/table.h"
#include "roster/fields.h"
#include "roster/member_store.h"

namespace tongxin::roster {

struct ListFilter {
  std::string community;
  std::vector<std::string> categories;  // codes; a member matches any
  bool key_only = false;
  bool hardship_only = false;
  std::string status = "active";  // active | moved | archived | deceased | all
  std::string search;             // Chinese name, full pinyin, initials or employer
};

struct ListOptions {
  bool wide = false;  // every field with stable codes (machine formats); else terminal columns
  // Every field for people (xlsx, csv --labels): labels and values in the user's language
  // (男, 群众, 是/否, 在册), in the column order of an office's 台账. Implies wide.
  bool labels = false;
  bool reveal = false;                             // full ID numbers and phones
  std::vector<std::string> sensitive_enabled;      // ethnicity, religion appear only when listed
  std::vector<config::CommunityName> communities;  // the terminal shows their names, not ids
};

// The members matching `filter`, sorted by name in pinyin order (ICU collation), then id, read
// from the store a row at a time: SQLite sorts (by a collation_key() SQL function this registers
// on `db`), spilling to temporary files as a large result needs, so an export of a million
// members holds one row in memory. The statement lives as long as the object.
class MemberRows : public output::RowSource {
 public:
  MemberRows(SQLite::Database& db, const ListFilter& filter, const ListOptions& options);
  const std::vector<output::Column>& columns() const override { return m_columns; }
  bool next(std::vector<std::string>& cells) override;
  // The same rows in the store's order: no collation keys computed, nothing sorted.
  bool next_unordered(std::vector<std::string>& cells) override;
  void rewind() override;  // runs the queries again

 private:
  static std::unique_ptr<SQLite::Statement> prepare(SQLite::Database& db, const std::string& sql,
                                                    const std::vector<std::string>& params);
  // A row of `q` into `cells`; false at its end.
  bool step(SQLite::Statement& q, std::vector<std::string>& cells);

  std::vector<const FieldDef*> m_defs;
  ListOptions m_options;
  bool m_status_column = false;
  std::vector<output::Column> m_columns;
  std::unique_ptr<SQLite::Statement> m_query;      // sorted by name
  std::unique_ptr<SQLite::Statement> m_unordered;  // the same rows unsorted
};

// The same rows as a table, for the terminal.
output::Table list_table(SQLite::Database& db, const ListFilter& filter,
                         const ListOptions& options);

// One member as field/value rows; the community by its name among `communities`.
output::Table member_card(const MemberRow& member, bool reveal,
                          const std::vector<config::CommunityName>& communities);

// MEMBER as the user typed it: a member id, an ID number or a name. Throws tongxin::Error (exit
// 2) when nothing matches, and when a name is several members' (listing each: id, community by
// its name among `communities`, employer, masked ID number, status).
long resolve_member(SQLite::Database& db, const std::string& reference, const Date& today,
                    const std::vector<config::CommunityName>& communities);

struct WriteContext {
  std::string actor;
  std::string now;
  ValueContext values;
};

// Adds a member from raw values by field key; exit 3 with every problem when invalid.
long add_member(SQLite::Database& db, const std::vector<std::pair<std::string, std::string>>& raw,
                const WriteContext& ctx);

// Sets fields (FIELD=VALUE, FIELD by key or Chinese label; an empty VALUE clears it). Exit 2 for
// an unknown field or one that has its own command (community, status), 3 for a bad value.
void edit_member(SQLite::Database& db, long id, const std::vector<std::string>& assignments,
                 const WriteContext& ctx);

// Moves an active member to another community of the workspace on `date`.
void move_member(SQLite::Database& db, long id, const std::string& community,
                 const std::string& date, const WriteContext& ctx);

// Archives a member (status archived, moved or deceased) with a reason; history stays.
void archive_member(SQLite::Database& db, long id, const std::string& status,
                    const std::string& reason, const std::string& date, const WriteContext& ctx);

// Puts an archived, moved-away or deceased member back on the register on `date`, in the
// community they were in; logged as a restore. Exit 2 when the member is active or `date` is
// before the archive's.
void restore_member(SQLite::Database& db, long id, const std::string& date,
                    const WriteContext& ctx);

struct Finding {
  std::string kind;  // duplicate_id, likely_duplicate, key_without_cadre, invalid_record
  long member_id = 0;
  std::string detail;
};

// Duplicates across communities by ID number, likely duplicates (same name and birth date),
// key contacts without a contact cadre, and records that fail today's validation.
std::vector<Finding> check_roster(SQLite::Database& db, const ValueContext& ctx,
                                  const std::string& community);

}  // namespace tongxin::roster
