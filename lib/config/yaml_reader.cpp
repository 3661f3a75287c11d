#include "config/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include <unicode/utf8.h>

#include "i18n/i18n.h"
#include "text/clean.h"

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

namespace {

// Deeper than any file tongxin reads needs; a deeper document is an attack or a mistake.
constexpr int k_max_depth = 32;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t end = text.find('\n'); end != std::string_view::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

// YAML allows only printable characters (YAML 1.2 §5.1) and tongxin reads UTF-8 only; yaml-cpp
// checks neither. Reports the first offender (columns in bytes, as yaml-cpp counts them) and
// returns false. Also notes where flow brackets first nest deeper than k_max_depth, for a clearer
// message when yaml-cpp gives up on a deeply nested line.
bool check_characters(std::string_view text, Diagnostics& diagnostics, YAML::Mark& too_deep) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int line = 1;
  int32_t line_start = 0;
  int depth = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const int column = static_cast<int>(start - line_start) + 1;
    if (c < 0) {
      diagnostics.add(line, column, "", i18n::tr("config.bad_utf8", bytes[start]));
      return false;
    }
    if (c == '\n') {
      ++line;
      line_start = i;
    } else if (c != '\t' && c != '\r' && c != 0xFEFF && text::is_control_character(c)) {
      diagnostics.add(line, column, "", i18n::tr("config.control_char", static_cast<int>(c)));
      return false;
    }
    depth += (c == '[' || c == '{') ? 1 : ((c == ']' || c == '}') && depth > 0 ? -1 : 0);
    if (depth > k_max_depth && too_deep.line < 0) {
      too_deep.line = line - 1;
      too_deep.column = column - 1;
    }
  }
  return true;
}

// Whether the quoted scalar opening at byte `column` (0-based) of `line` closes on that line.
// yaml-cpp lets a quoted value run on to the end of the file, which swallowed the rest of a
// tongxin.yaml into one value; tongxin's files never need a quoted value over several lines.
bool quote_closes(std::string_view line, size_t column) {
  const char quote = line[column];
  for (size_t i = column + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;  // '' is an escaped quote inside single quotes
        continue;
      }
      return true;
    }
  }
  return false;
}

// Where a scalar may start: at the start of a line's content or after `:`, `-`, `?`, `[`, `{` or
// `,` and a blank.
bool starts_scalar(std::string_view line, size_t column) {
  size_t i = column;
  while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
    --i;
  }
  if (i == 0) {
    return true;
  }
  const char before = line[i - 1];
  return before == '[' || before == '{' || before == ',' ||
         ((before == ':' || before == '-' || before == '?') && i < column);
}

// The first place in lines[0..last] where a quoted scalar opens and does not close on its line,
// or a line is indented with a tab: yaml-cpp reports either far from where it is, at the end of
// the flow or of the file. Comments and quoted text are skipped.
std::optional<std::pair<YAML::Mark, std::string>> cause_of_syntax_error(
    const std::vector<std::string_view>& lines, size_t last) {
  for (size_t n = 0; n <= last && n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    YAML::Mark at;
    at.line = static_cast<int>(n);
    const size_t content = line.find_first_not_of(" \t");
    if (content != std::string_view::npos && line.substr(0, content).find('\t') != line.npos) {
      at.column = static_cast<int>(line.find('\t'));
      return std::pair{at, i18n::tr("config.tab_indent")};
    }
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ')) {
        break;
      }
      if ((line[i] != '"' && line[i] != '\'') || !starts_scalar(line, i)) {
        continue;
      }
      if (!quote_closes(line, i)) {
        at.column = static_cast<int>(i);
        return std::pair{at, i18n::tr("config.unterminated_quote")};
      }
      const char quote = line[i];
      for (++i; i < line.size() && line[i] != quote; ++i) {
        i += (quote == '"' && line[i] == '\\') ? 1 : 0;
      }
    }
  }
  return std::nullopt;
}

// The checks yaml-cpp does not make, on the parsed tree: duplicate keys (yaml-cpp keeps both and
// a reader would silently take one), quoted values that do not end on their line, nesting depth.
void check_tree(const YAML::Node& node, const std::vector<std::string_view>& lines, int depth,
                Diagnostics& diagnostics) {
  const YAML::Mark mark = node.Mark();
  if (depth > k_max_depth) {
    diagnostics.add(line_of(mark), column_of(mark), "", i18n::tr("config.too_deep", k_max_depth));
    return;
  }
  if (node.IsScalar()) {
    const auto line = static_cast<size_t>(mark.line);
    const auto column = static_cast<size_t>(mark.column);
    if (mark.line >= 0 && line < lines.size() && column < lines[line].size() &&
        (lines[line][column] == '"' || lines[line][column] == '\'') &&
        !quote_closes(lines[line], column)) {
      diagnostics.add(line_of(mark), column_of(mark), "", i18n::tr("config.unterminated_quote"));
    }
    return;
  }
  if (node.IsSequence()) {
    for (const auto& item : node) {
      check_tree(item, lines, depth + 1, diagnostics);
    }
    return;
  }
  if (!node.IsMap()) {
    return;
  }
  std::map<std::string, int> first_line;
  for (const auto& pair : node) {
    check_tree(pair.first, lines, depth + 1, diagnostics);
    check_tree(pair.second, lines, depth + 1, diagnostics);
    if (!pair.first.IsScalar()) {
      continue;
    }
    const auto [seen, added] = first_line.emplace(pair.first.Scalar(), line_of(pair.first.Mark()));
    if (!added) {
      diagnostics.add(line_of(pair.first.Mark()), column_of(pair.first.Mark()), "",
                      i18n::tr("config.duplicate_key", pair.first.Scalar(), seen->second));
    }
  }
}

}  // namespace

YAML::Node parse_yaml(const std::string& text, Diagnostics& diagnostics) {
  // Undefined, not null, on any problem: callers skip reading a document that did not parse.
  const YAML::Node nothing(YAML::NodeType::Undefined);
  YAML::Mark too_deep = YAML::Mark::null_mark();
  if (!check_characters(text, diagnostics, too_deep)) {
    return nothing;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    if (too_deep.line >= 0) {
      diagnostics.add(line_of(too_deep), column_of(too_deep), "",
                      i18n::tr("config.too_deep", k_max_depth));
    } else if (const auto cause = cause_of_syntax_error(
                   split_lines(text), e.mark.line < 0 ? 0 : static_cast<size_t>(e.mark.line))) {
      diagnostics.add(line_of(cause->first), column_of(cause->first), "", cause->second);
    } else {
      diagnostics.add(line_of(e.mark), column_of(e.mark), "",
                      i18n::tr("config.yaml_syntax", e.msg));
    }
    return nothing;
  }
  if (root.IsNull()) {
    diagnostics.add(1, 1, "", i18n::tr("config.empty_file"));
    return nothing;
  }
  const size_t before = diagnostics.list().size();
  check_tree(root, split_lines(text), 0, diagnostics);
  return diagnostics.list().size() == before ? root : nothing;
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

std::optional<std::string> MapReader::scalar(const std::string& key, std::string_view expected) {
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
  auto value = scalar(key, i18n::text("config.type.string"));
  if (required && (!value || value->empty())) {
    report_missing(key);
  }
  return value;
}

std::optional<bool> MapReader::boolean(const std::string& key) {
  const auto value = scalar(key, i18n::text("config.type.boolean"));
  if (!value) {
    return std::nullopt;
  }
  if (*value == "true") {
    return true;
  }
  if (*value == "false") {
    return false;
  }
  report_at(find(key), key,
            i18n::tr("config.wrong_type_value", i18n::text("config.type.boolean"), *value));
  return std::nullopt;
}

std::optional<long> MapReader::integer(const std::string& key, long min, long max, bool required) {
  const auto value = scalar(key, i18n::text("config.type.integer"));
  if (!value) {
    if (required) {
      report_missing(key);
    }
    return std::nullopt;
  }
  long number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc() || end != value->data() + value->size()) {
    report_at(find(key), key,
              i18n::tr("config.wrong_type_value", i18n::text("config.type.integer"), *value));
    return std::nullopt;
  }
  if (number < min || number > max) {
    report_at(find(key), key, i18n::tr("config.out_of_range", number, min, max));
    return std::nullopt;
  }
  return number;
}

std::optional<double> MapReader::number(const std::string& key, double min) {
  const auto value = scalar(key, i18n::text("config.type.number"));
  if (!value) {
    return std::nullopt;
  }
  double number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc() || end != value->data() + value->size() || !std::isfinite(number)) {
    report_at(find(key), key,
              i18n::tr("config.wrong_type_value", i18n::text("config.type.number"), *value));
    return std::nullopt;
  }
  if (number < min) {
    report_at(find(key), key, i18n::tr("config.below_min", *value, min));
    return std::nullopt;
  }
  return number;
}

std::optional<Date> MapReader::date(const std::string& key) {
  const auto value = scalar(key, i18n::text("config.type.date"));
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
    report_at(value, key, i18n::tr("config.wrong_type", i18n::text("config.type.strings")));
    return items;
  }
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      report_at(item, key, i18n::tr("config.wrong_type", i18n::text("config.type.string")));
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
    report_at(value, key, i18n::tr("config.wrong_type", i18n::text("config.type.list")));
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
