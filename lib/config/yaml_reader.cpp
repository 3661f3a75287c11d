#include "config/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "i18n/i18n.h"

namespace tongxin::config {

namespace {

// yaml-cpp marks are 0-based; users count from 1.
int line_of(const YAML::Mark& mark) { return mark.line + 1; }
int column_of(const YAML::Mark& mark) { return mark.column + 1; }

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest(const std::string& key, const std::set<std::string>& known) {
  std::string best;
  size_t best_distance = 3;
  for (const std::string& k : known) {
    const size_t d = edit_distance(key, k);
    if (d < best_distance) {
      best = k;
      best_distance = d;
    }
  }
  return best;
}

YAML::Node parse_yaml(const std::string& text, Diagnostics& diagnostics) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diagnostics.add(line_of(e.mark), column_of(e.mark), "", i18n::tr("config.yaml_syntax", e.msg));
    // Undefined, not null: callers skip reading a document that did not parse.
    return YAML::Node(YAML::NodeType::Undefined);
  }
}

MapReader::MapReader(const YAML::Node& node, std::string path, Diagnostics& diagnostics)
    : m_node(node), m_path(std::move(path)), m_diagnostics(diagnostics) {
  m_is_map = node.IsMap();
  if (!m_is_map && node.IsDefined() && !node.IsNull()) {
    report_at(node, "", i18n::tr("config.expected_mapping"));
  }
}

MapReader::~MapReader() {
  if (!m_is_map) {
    return;
  }
  std::string expected;
  for (const std::string& k : m_known) {
    expected += (expected.empty() ? "" : ", ") + k;
  }
  for (const auto& pair : m_node) {
    const std::string key = pair.first.Scalar();
    if (m_known.contains(key)) {
      continue;
    }
    const std::string guess = closest(key, m_known);
    const std::string message = guess.empty()
                                    ? i18n::tr("config.unknown_key", expected)
                                    : i18n::tr("config.unknown_key_guess", guess, expected);
    m_diagnostics.add(line_of(pair.first.Mark()), column_of(pair.first.Mark()), path_of(key),
                      message);
  }
}

std::string MapReader::path_of(const std::string& key) const {
  if (m_path.empty()) {
    return key;
  }
  return key.empty() ? m_path : m_path + "." + key;
}

bool MapReader::has(const std::string& key) const {
  return m_is_map && m_node[key].IsDefined() && !m_node[key].IsNull();
}

YAML::Node MapReader::find(const std::string& key) {
  m_known.insert(key);
  if (!m_is_map) {
    return YAML::Node(YAML::NodeType::Undefined);
  }
  for (const auto& pair : m_node) {
    if (pair.first.Scalar() == key) {
      return pair.second;
    }
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::node(const std::string& key) { return find(key); }

void MapReader::report_at(const YAML::Node& node, const std::string& key,
                          const std::string& message) {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : m_node.Mark();
  m_diagnostics.add(line_of(mark), column_of(mark), path_of(key), message);
}

// A required key that is absent, null (`id:`) or empty is missing; a present value of the wrong
// type has already been reported by scalar().
void MapReader::report_missing(const std::string& key) {
  const YAML::Node value = find(key);
  if (!value.IsDefined() || value.IsNull() || (value.IsScalar() && value.Scalar().empty())) {
    report_at(value, key, i18n::tr("config.missing_key"));
  }
}

void MapReader::report(const std::string& key, const std::string& message) {
  report_at(find(key), key, message);
}

std::optional<std::string> MapReader::scalar(const std::string& key, const char* expected) {
  const YAML::Node value = find(key);
  if (!value.IsDefined() || value.IsNull()) {
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    report_at(value, key, i18n::tr("config.wrong_type", expected));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::string> MapReader::string(const std::string& key, bool required) {
  auto value = scalar(key, "string");
  if (required && (!value || value->empty())) {
    report_missing(key);
  }
  return value;
}

std::optional<bool> MapReader::boolean(const std::string& key) {
  const auto value = scalar(key, "true or false");
  if (!value) {
    return std::nullopt;
  }
  if (*value == "true") {
    return true;
  }
  if (*value == "false") {
    return false;
  }
  report_at(find(key), key, i18n::tr("config.wrong_type_value", "true or false", *value));
  return std::nullopt;
}

std::optional<long> MapReader::integer(const std::string& key, long min, long max, bool required) {
  const auto value = scalar(key, "integer");
  if (!value) {
    if (required) {
      report_missing(key);
    }
    return std::nullopt;
  }
  long number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc() || end != value->data() + value->size()) {
    report_at(find(key), key, i18n::tr("config.wrong_type_value", "integer", *value));
    return std::nullopt;
  }
  if (number < min || number > max) {
    report_at(find(key), key, i18n::tr("config.out_of_range", number, min, max));
    return std::nullopt;
  }
  return number;
}

std::optional<double> MapReader::number(const std::string& key, double min) {
  const auto value = scalar(key, "number");
  if (!value) {
    return std::nullopt;
  }
  double number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc() || end != value->data() + value->size() || !std::isfinite(number)) {
    report_at(find(key), key, i18n::tr("config.wrong_type_value", "number", *value));
    return std::nullopt;
  }
  if (number < min) {
    report_at(find(key), key, i18n::tr("config.below_min", *value, min));
    return std::nullopt;
  }
  return number;
}

std::optional<Date> MapReader::date(const std::string& key) {
  const auto value = scalar(key, "date YYYY-MM-DD");
  if (!value) {
    return std::nullopt;
  }
  auto parsed = parse_iso_date(*value);
  if (!parsed) {
    report_at(find(key), key, i18n::tr("config.bad_date", *value));
  }
  return parsed;
}

std::vector<std::string> MapReader::string_list(const std::string& key) {
  const YAML::Node value = find(key);
  std::vector<std::string> items;
  if (!value.IsDefined() || value.IsNull()) {
    return items;
  }
  if (!value.IsSequence()) {
    report_at(value, key, i18n::tr("config.wrong_type", "list of strings"));
    return items;
  }
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      report_at(item, key, i18n::tr("config.wrong_type", "string"));
      continue;
    }
    items.push_back(item.Scalar());
  }
  return items;
}

void MapReader::map(const std::string& key, const std::function<void(MapReader&)>& read) {
  const YAML::Node value = find(key);
  if (!value.IsDefined() || value.IsNull()) {
    return;
  }
  MapReader child(value, path_of(key), m_diagnostics);
  if (child.ok()) {
    read(child);
  }
}

void MapReader::list(const std::string& key, const std::function<void(MapReader&, size_t)>& read) {
  const YAML::Node value = find(key);
  if (!value.IsDefined() || value.IsNull()) {
    return;
  }
  if (!value.IsSequence()) {
    report_at(value, key, i18n::tr("config.wrong_type", "list"));
    return;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    MapReader child(value[i], path_of(key) + "[" + std::to_string(i) + "]", m_diagnostics);
    if (child.ok()) {
      read(child, i);
    }
  }
}

}  // namespace tongxin::config
