#include "config/codes.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <set>

#include "config/yaml_reader.h"
#include "core/error.h"
#include "core/resources.h"
#include "i18n/i18n.h"
#include "text/strings.h"

namespace tongxin::config {

namespace {

using text::fold;

const std::string k_empty;
constexpr std::string_view k_prefix = "schemas/codes/";

Measure read_measure(MapReader& reader) {
  Measure m;
  m.key = reader.string("key", true).value_or("");
  m.zh = reader.string("zh", true).value_or("");
  m.en = reader.string("en", true).value_or("");
  m.unit_zh = reader.string("unit_zh").value_or("");
  m.unit_en = reader.string("unit_en").value_or("");
  m.decimals = static_cast<int>(reader.integer("decimals", 0, 2).value_or(0));
  return m;
}

CodeEntry read_entry(MapReader& reader) {
  CodeEntry entry;
  entry.code = reader.string("code", true).value_or("");
  entry.zh = reader.string("zh", true).value_or("");
  entry.en = reader.string("en", true).value_or("");
  entry.aliases = reader.string_list("aliases");
  reader.list("measures", [&](MapReader& m, size_t) { entry.measures.push_back(read_measure(m)); });
  return entry;
}

// Keys beyond the common ones are table-specific scalars (number, gb, calendar, ...), kept as
// strings; a nested value there is a mistake in the table.
void read_fields(const YAML::Node& node, MapReader& item, CodeEntry& entry) {
  static const std::set<std::string> k_common = {"code", "zh", "en", "aliases", "measures"};
  if (!node.IsMap()) {
    return;
  }
  for (const auto& pair : node) {
    const std::string key = pair.first.Scalar();
    if (k_common.contains(key)) {
      continue;
    }
    item.node(key);
    if (pair.second.IsScalar()) {
      entry.fields[key] = pair.second.Scalar();
    } else {
      item.report(key, i18n::tr("config.wrong_type", i18n::text("config.type.scalar")));
    }
  }
}

}  // namespace

const std::string& CodeEntry::field(const std::string& name) const {
  const auto it = fields.find(name);
  return it == fields.end() ? k_empty : it->second;
}

const std::string& CodeEntry::label() const { return i18n::pick(zh, en); }

CodeTable::CodeTable(std::string kind, std::vector<CodeEntry> entries)
    : m_kind(std::move(kind)), m_entries(std::move(entries)) {
  for (size_t i = 0; i < m_entries.size(); ++i) {
    const CodeEntry& e = m_entries[i];
    for (const std::string* name : {&e.code, &e.zh, &e.en}) {
      m_index.emplace(fold(*name), i);
    }
    for (const std::string& alias : e.aliases) {
      m_index.emplace(fold(alias), i);
    }
  }
}

const CodeEntry* CodeTable::find(std::string_view value) const {
  // Most cells are written as the table writes them: fold (a copy) only when that misses.
  auto it = m_index.find(value);
  if (it == m_index.end()) {
    it = m_index.find(fold(value));
  }
  return it == m_index.end() ? nullptr : &m_entries[it->second];
}

const CodeEntry* CodeTable::by_code(std::string_view code) const {
  for (const CodeEntry& e : m_entries) {
    if (e.code == code) {
      return &e;
    }
  }
  return nullptr;
}

std::string CodeTable::codes_list() const {
  std::string list;
  for (const CodeEntry& e : m_entries) {
    list += (list.empty() ? "" : ", ") + e.code;
  }
  return list;
}

std::string CodeTable::choices_list(bool current_only) const {
  const bool zh = i18n::language() == i18n::Lang::zh;
  std::string list;
  for (const CodeEntry& e : m_entries) {
    if (!current_only || e.field("legacy").empty()) {
      // ；, not 、: a name such as 华侨、归侨及侨眷 holds 、 itself.
      list += (list.empty() ? "" : (zh ? "；" : ", ")) + (zh ? e.zh : e.code);
    }
  }
  return list;
}

CodeTable parse_code_table(const std::string& file, const std::string& text) {
  Diagnostics diagnostics(file);
  const YAML::Node root = parse_yaml(text, diagnostics);
  std::string kind;
  std::vector<CodeEntry> entries;
  if (root.IsDefined()) {
    MapReader reader(root, "", diagnostics);
    kind = reader.string("kind", true).value_or("");
    const YAML::Node list = reader.node("entries");
    if (!list.IsSequence()) {
      reader.report("entries", i18n::tr("config.wrong_type", i18n::text("config.type.list")));
    } else {
      for (size_t i = 0; i < list.size(); ++i) {
        MapReader item(list[i], fmt::format("entries[{}]", i), diagnostics);
        CodeEntry entry = read_entry(item);
        read_fields(list[i], item, entry);
        entries.push_back(std::move(entry));
      }
    }
  }
  diagnostics.throw_if_any(text);
  return CodeTable(kind, std::move(entries));
}

const CodeTable& code_table(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, CodeTable> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it == cache.end()) {
    const std::string path = std::string(k_prefix) + name + ".yaml";
    it = cache.emplace(name, parse_code_table(path, std::string(resources::get(path)))).first;
  }
  return it->second;
}

std::vector<std::string> code_table_names() {
  std::vector<std::string> names;
  for (const auto& r : resources::under(k_prefix)) {
    std::string_view name = r.path.substr(k_prefix.size());
    if (name.ends_with(".yaml")) {
      names.emplace_back(name.substr(0, name.size() - 5));
    }
  }
  return names;
}

}  // namespace tongxin::config
