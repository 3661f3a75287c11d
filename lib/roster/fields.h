// The member's fields, defined once: stored key, labels, the spreadsheet headers that name it
// (Chinese and English synonyms), how values are parsed, and whether it is sensitive personal
// information. Import, add, edit, show, list and export all work from this table.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/community_names.h"
#include "core/date.h"
#include "io/import_result.h"
#include "text/strings.h"

namespace tongxin::roster {

enum class FieldKind {
  text,       // free text, trimmed
  code,       // one entry of a code table; stored as its code
  code_list,  // several entries (split on ; ； 、 , |); stored as codes joined by ','
  boolean,    // 是/否/yes/no/y/n/1/0/true/false; stored as "1" or "0"
  date,       // YYYY-MM-DD (also YYYY/MM/DD, YYYYMMDD)
  id_number,  // 公民身份号码; stored normalised (18 characters, upper-case X)
  phone,      // a number one can dial (roster/plausible.h); stored as typed
  community,  // a community of the workspace by id, name or short name; stored as its id
};

struct FieldDef {
  std::string key;  // stored column and CSV/JSON key
  std::string zh;   // label
  std::string en;   // label
  FieldKind kind;
  std::string table;                 // code table for code / code_list
  std::vector<std::string> headers;  // header synonyms accepted on import (besides key and zh)
  bool sensitive = false;            // only with privacy.sensitive_fields enabled
  bool personal = false;  // masked unless --reveal: id_number, phone, birth_date (to its year)
};

// Every member field in display order.
const std::vector<FieldDef>& member_fields();
// The field with this key, or nullptr.
const FieldDef* field_by_key(std::string_view key);
// The field a spreadsheet header (or --set name) names: key, Chinese label or synonym,
// trimmed, case-insensitive; nullptr when none.
const FieldDef* field_by_header(std::string_view header);

// The member fields by their position in member_fields(), for code that names a field: no
// lookup by key (a test checks that the two lists agree).
enum class Field : size_t {
  name,
  sex,
  id_number,
  birth_date,
  ethnicity,
  religion,
  political_status,
  categories,
  employer,
  position,
  phone,
  address,
  community,
  key_contact,
  hardship,
  contact_cadre,
  greetings,
  notes,
  registered_on,
};

// The position of a field in member_fields(): of the field with this key (std::nullopt when
// there is none), or of `def`, which must be an element of member_fields().
std::optional<size_t> field_index(std::string_view key);
size_t field_index(const FieldDef& def);

// Stored values of one member: one string per member field, in member_fields() order; "" means
// empty. A fixed shape rather than a map: assigning one FieldValues to another reuses the
// strings' capacity, which lets the import read, check and hand over a million members without
// allocating for each.
class FieldValues {
 public:
  FieldValues();
  // {{"name", "张三"}, {"sex", "male"}}: keys must be member fields' (std::out_of_range).
  FieldValues(std::initializer_list<std::pair<std::string_view, std::string>> values);

  // The value of the field with this key; std::out_of_range for a key that is no member field's
  // (a programming error: keys come from member_fields()).
  std::string& operator[](std::string_view key);
  const std::string& operator[](std::string_view key) const;
  std::string& operator[](Field field) { return m_values[static_cast<size_t>(field)]; }
  const std::string& operator[](Field field) const { return m_values[static_cast<size_t>(field)]; }
  // The value of member_fields()[index].
  std::string& at(size_t index) { return m_values[index]; }
  const std::string& at(size_t index) const { return m_values[index]; }
  // Empties every value, keeping the strings' capacity.
  void clear();

  bool operator==(const FieldValues& other) const = default;

 private:
  std::vector<std::string> m_values;
};

// What the value checks need to know about the workspace and the day.
struct ValueContext {
  Date today;
  std::vector<config::CommunityName> communities;  // of the workspace
  std::vector<std::string> sensitive_enabled;      // ethnicity, religion as enabled
};

// How a bad value of the field `field_key` is shown in errors (io::shown_value): ID numbers and
// phones masked.
io::ValueKind value_kind(const std::string& field_key);

struct FieldProblem {
  std::string field;   // key
  std::string reason;  // in the user's language
  std::string value;   // the raw value
};

// Parses one raw value of `def` into its stored form ("" for an empty cell). On a bad value,
// returns std::nullopt and appends a problem. Pure.
std::optional<std::string> parse_value(const FieldDef& def, std::string_view raw,
                                       const ValueContext& ctx,
                                       std::vector<FieldProblem>& problems);
// The same, into `out` (assigned, so a reused string keeps its capacity); false on a bad value,
// leaving `out` unspecified.
bool parse_value_into(const FieldDef& def, std::string_view raw, const ValueContext& ctx,
                      std::vector<FieldProblem>& problems, std::string& out);

// Checks that hold between fields of one member (ID against sex and birth date, under-14s,
// sensitive categories, required name and community, no CPC member in a category outside the
// CPC) and, for a `whole_member` (not an import row that may update a registered member, whose
// empty cells change nothing), at least one category; fills birth_date and sex from the ID when
// they are empty. Pure.
void check_member(FieldValues& values, const ValueContext& ctx, std::vector<FieldProblem>& problems,
                  bool whole_member = true);

// Every member is in at least one category: a problem when `values` has none (and none was
// reported for the categories already).
void require_category(const FieldValues& values, std::vector<FieldProblem>& problems);

// The value shown to a user: labels for codes (in the current language), 是/否 for booleans,
// masked ID numbers and phones unless `reveal`.
std::string display_value(const FieldDef& def, const std::string& stored, bool reveal);

// Cell helpers, shared with every importer (lib/text/strings.h).
using text::split_list;
using text::trim;

}  // namespace tongxin::roster
