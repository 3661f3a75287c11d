#include "text/strings.h"

#include <algorithm>

namespace tongxin::text {

std::string_view trim_view(std::string_view s) {
  static constexpr std::string_view k_ideographic_space = "\xE3\x80\x80";
  bool changed = true;
  while (changed) {
    changed = false;
    while (!s.empty() && std::string_view(" \t\r\n").find(s.front()) != std::string_view::npos) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() && std::string_view(" \t\r\n").find(s.back()) != std::string_view::npos) {
      s.remove_suffix(1);
      changed = true;
    }
    if (s.starts_with(k_ideographic_space)) {
      s.remove_prefix(3);
      changed = true;
    }
    if (s.ends_with(k_ideographic_space)) {
      s.remove_suffix(3);
      changed = true;
    }
  }
  return s;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

namespace {

// The length of the list separator at the start of `rest`, or 0: ; , | and the full-width
// ；，、 (UTF-8 lead bytes EF and E3, checked first: this runs for every byte of every list).
size_t separator_at(std::string_view rest) {
  const char c = rest.front();
  if (c == ';' || c == ',' || c == '|') {
    return 1;
  }
  if (c != '\xEF' && c != '\xE3') {
    return 0;
  }
  for (std::string_view sep :
       {"\xEF\xBC\x9B" /*；*/, "\xEF\xBC\x8C" /*，*/, "\xE3\x80\x81" /*、*/}) {
    if (rest.starts_with(sep)) {
      return sep.size();
    }
  }
  return 0;
}

}  // namespace

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  size_t start = 0;
  for (size_t i = 0; i <= cell.size();) {
    const size_t sep = i < cell.size() ? separator_at(cell.substr(i)) : 0;
    if (i == cell.size() || sep > 0) {
      std::string item = trim(cell.substr(start, i - start));
      if (!item.empty()) {
        items.push_back(std::move(item));
      }
      i += std::max<size_t>(sep, 1);
      start = i;
    } else {
      ++i;
    }
  }
  return items;
}

}  // namespace tongxin::text
