#include "config/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "i18n/i18n.h"
#include "text/clean.h"
#include "text/width.h"

namespace tongxin::config {

std::string format_diagnostic(const std::string& file, const Diagnostic& d) {
  if (d.key.empty()) {
    return fmt::format("{}:{}:{}: {}", file, d.line, d.column, d.message);
  }
  return fmt::format("{}:{}:{}: {}: {}", file, d.line, d.column, d.key, d.message);
}

namespace {

// The echoed source line is cut to this many characters around the column: a minified or
// malicious file may hold one line of megabytes.
constexpr size_t k_excerpt_chars = 160;

std::string_view source_line(std::string_view source, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) {
      return {};
    }
    ++start;
  }
  std::string_view text = source.substr(std::min(start, source.size()));
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') {
    text.remove_suffix(1);
  }
  return text;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Characters (code points) in `text`, counting a stray byte as one.
size_t char_count(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

// The byte offset where character `index` (0-based) of `text` starts.
size_t byte_of_char(std::string_view text, size_t index) {
  size_t byte = 0;
  for (size_t c = 0; c < index && byte < text.size(); ++c) {
    ++byte;
    while (byte < text.size() && is_continuation(text[byte])) {
      ++byte;
    }
  }
  return byte;
}

// yaml-cpp counts columns in bytes; people count characters.
int char_column(std::string_view line, int byte_column) {
  const size_t bytes = std::min(line.size(), static_cast<size_t>(std::max(byte_column - 1, 0)));
  return static_cast<int>(char_count(line.substr(0, bytes))) + 1;
}

// The line as printed under a diagnostic (controls escaped, at most k_excerpt_chars characters
// around the column) and a caret under the column, counted in display columns so it lines up
// under Chinese text.
std::pair<std::string, std::string> excerpt(std::string_view line, int column) {
  const size_t at = static_cast<size_t>(std::max(column - 1, 0));
  const size_t total = char_count(line);
  const size_t first = total <= k_excerpt_chars || at < k_excerpt_chars / 2
                           ? 0
                           : std::min(at - k_excerpt_chars / 2, total - k_excerpt_chars);
  const size_t begin = byte_of_char(line, first);
  const std::string_view window =
      line.substr(begin, byte_of_char(line, first + k_excerpt_chars) - begin);
  const std::string lead = first > 0 ? "…" : "";
  const std::string tail = first + k_excerpt_chars < total ? "…" : "";
  const std::string before =
      lead + text::printable(window.substr(0, byte_of_char(window, at - first)), SIZE_MAX);
  return {lead + text::printable(window, SIZE_MAX) + tail,
          std::string(static_cast<size_t>(text::display_width(before)), ' ') + "^"};
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
  for (Diagnostic d : sorted) {
    const std::string_view line = source_line(source, d.line);
    d.column = char_column(line, d.column);
    details.push_back(format_diagnostic(m_file, d));
    if (!line.empty()) {
      const auto [shown, caret] = excerpt(line, d.column);
      details.push_back("    " + shown);
      details.push_back("    " + caret);
    }
  }
  throw Error(ExitCode::config, i18n::tr("config.invalid", m_file, sorted.size()), details);
}

}  // namespace tongxin::config
