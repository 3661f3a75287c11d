// Strict reading of YAML mappings into typed values. Every problem (unknown key, wrong type,
// bad date, missing key) becomes a Diagnostic with the node's line and column; reading goes on so
// all problems of a file are reported together.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/diagnostics.h"
#include "core/date.h"

namespace tongxin::config {

// Loads a YAML document from `text`; a syntax error becomes a diagnostic and returns an
// undefined node (IsDefined() false).
YAML::Node parse_yaml(const std::string& text, Diagnostics& diagnostics);

// The known name a misspelt one most likely meant (at most two edits away), or "" (did-you-mean
// for keys and codes).
std::string closest(const std::string& key, const std::set<std::string>& known);

class MapReader {
 public:
  // `node` should be a mapping (anything else is reported once); `path` is the dotted key path of
  // the node ("" at the document root).
  MapReader(const YAML::Node& node, std::string path, Diagnostics& diagnostics);
  // Reports every key that no accessor asked for as unknown.
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  bool ok() const { return m_is_map; }
  bool has(const std::string& key) const;

  std::optional<std::string> string(const std::string& key, bool required = false);
  std::optional<bool> boolean(const std::string& key);
  std::optional<long> integer(const std::string& key, long min, long max, bool required = false);
  std::optional<double> number(const std::string& key, double min);
  std::optional<Date> date(const std::string& key);
  std::vector<std::string> string_list(const std::string& key);
  // A nested mapping, read by `read` with its own MapReader; absent keys are skipped.
  void map(const std::string& key, const std::function<void(MapReader&)>& read);
  // A sequence of mappings; `read` gets each item's reader and index.
  void list(const std::string& key, const std::function<void(MapReader&, size_t)>& read);
  // A raw child node (marked as known); a null node when absent.
  YAML::Node node(const std::string& key);

  // Reports a problem at `key`'s value (or at the mapping itself when the key is absent).
  void report(const std::string& key, const std::string& message);
  std::string path_of(const std::string& key) const;
  Diagnostics& diagnostics() { return m_diagnostics; }

 private:
  YAML::Node find(const std::string& key);
  void report_missing(const std::string& key);
  void report_at(const YAML::Node& node, const std::string& key, const std::string& message);
  std::optional<std::string> scalar(const std::string& key, std::string_view expected);

  YAML::Node m_node;
  std::string m_path;
  Diagnostics& m_diagnostics;
  bool m_is_map = false;
  std::set<std::string> m_known;
};

}  // namespace tongxin::config
