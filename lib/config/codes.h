// Code tables (schemas/codes/*.yaml, compiled in): categories, ethnic groups, parties, political
// status, religions, activity types and their measures, festivals, sex, education, statuses.
// Each entry has a stable ASCII code, Chinese and English names and aliases users type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tongxin::config {

struct Measure {
  std::string key;
  std::string zh;
  std::string en;
  std::string unit_zh;
  std::string unit_en;
  // Decimal places a value may have: 0 for counts (2.5 persons is refused), 2 for money (fen).
  int decimals = 0;
};

struct CodeEntry {
  std::string code;
  std::string zh;
  std::string en;
  std::vector<std::string> aliases;
  // Table-specific scalar fields (number, letter, gb, pol, party, calendar, month, day, ...).
  std::map<std::string, std::string> fields;
  std::vector<Measure> measures;  // activity types only

  // A table-specific field, or "" when absent.
  const std::string& field(const std::string& name) const;
  // The name in the current language.
  const std::string& label() const;
};

class CodeTable {
 public:
  CodeTable() = default;
  CodeTable(std::string kind, std::vector<CodeEntry> entries);

  const std::string& kind() const { return m_kind; }
  const std::vector<CodeEntry>& entries() const { return m_entries; }
  // The entry whose code, Chinese name, English name or alias equals `value` (trimmed,
  // case-insensitive for ASCII); nullptr when none.
  const CodeEntry* find(std::string_view value) const;
  // The entry with exactly this code; nullptr when none.
  const CodeEntry* by_code(std::string_view code) const;
  // "code1, code2, ..." for errors in YAML files, where only codes are accepted.
  std::string codes_list() const;
  // What a user may type where names are accepted too (command-line values, spreadsheet
  // cells), for error messages: the Chinese names joined by ； in zh (a name may hold 、), no
  // English code inside a Chinese sentence; the codes in en. Entries marked legacy are left out
  // when `current_only`.
  std::string choices_list(bool current_only = false) const;

 private:
  std::string m_kind;
  std::vector<CodeEntry> m_entries;
  // Folded name -> entry; looked up by string_view without building a string (C++20).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> m_index;
};

// Parses one code table file's text; throws tongxin::Error (exit 5) naming `file` on problems.
CodeTable parse_code_table(const std::string& file, const std::string& text);

// The built-in table `name` (e.g. "categories" for schemas/codes/categories.yaml), parsed once.
const CodeTable& code_table(const std::string& name);

// Names of all built-in tables.
std::vector<std::string> code_table_names();

}  // namespace tongxin::config
