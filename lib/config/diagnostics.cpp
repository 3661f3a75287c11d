#include "config/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "text/width.h"

namespace tongxin::config {

std::string format_diagnostic(const std::string& file, const Diagnostic& d) {
  if (d.key.empty()) {
    return fmt::format("{}:{}:{}: {}", file, d.line, d.column, d.message);
  }
  return fmt::format("{}:{}:{}: {}: {}", file, d.line, d.column, d.key, d.message);
}

namespace {

std::string source_line(const std::string& source, int line) {
  std::istringstream in(source);
  std::string text;
  for (int i = 1; std::getline(in, text); ++i) {
    if (i == line) {
      if (!text.empty() && text.back() == '\r') {
        text.pop_back();
      }
      return text;
    }
  }
  return {};
}

// The caret sits under the column, counted in display columns so it lines up under Chinese text.
std::string caret_under(const std::string& line, int column) {
  size_t byte = 0;
  for (int c = 1; c < column && byte < line.size(); ++c) {
    byte++;
    while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) {
      byte++;
    }
  }
  return std::string(static_cast<size_t>(text::display_width(line.substr(0, byte))), ' ') + "^";
}

}  // namespace

void Diagnostics::throw_if_any(const std::string& source) const {
  if (m_list.empty()) {
    return;
  }
  std::vector<Diagnostic> sorted = m_list;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::vector<std::string> details;
  for (const Diagnostic& d : sorted) {
    details.push_back(format_diagnostic(m_file, d));
    const std::string line = source_line(source, d.line);
    if (!line.empty()) {
      details.push_back("    " + line);
      details.push_back("    " + caret_under(line, d.column));
    }
  }
  throw Error(ExitCode::config, i18n::tr("config.invalid", m_file, sorted.size()), details);
}

}  // namespace tongxin::config
