// Problems found in a configuration file, collected (not thrown one at a time) so the user sees
// every bad key of a file in one run. The layer that knows the file turns them into an Error.
#pragma once

#include <string>
#include <vector>

namespace tongxin::config {

struct Diagnostic {
  int line = 0;     // 1-based
  int column = 0;   // 1-based, in bytes of the line (as yaml-cpp counts); shown in characters
  std::string key;  // dotted path, e.g. organisation.leading_group.established
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : m_file(std::move(file)) {}

  void add(int line, int column, std::string key, std::string message) {
    m_list.push_back({line, column, std::move(key), std::move(message)});
  }
  bool empty() const { return m_list.empty(); }
  const std::vector<Diagnostic>& list() const { return m_list; }
  const std::string& file() const { return m_file; }

  // Throws tongxin::Error (exit 5) listing every diagnostic as `file:line:col: key: problem`
  // followed by the offending source line and a caret, when there is any. `source` is the file's
  // text (for the excerpt); may be empty.
  void throw_if_any(const std::string& source) const;

 private:
  std::string m_file;
  std::vector<Diagnostic> m_list;
};

// One line of the report: "file:line:col: key: message".
std::string format_diagnostic(const std::string& file, const Diagnostic& d);

}  // namespace tongxin::config
