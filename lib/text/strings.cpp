#include "text/strings.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace tongxin::text {

namespace {

// Wide white space that copying from web pages, Word tables and Excel leaves around cells:
// no-break space, ideographic space (U+3000), BOM and zero-width space.
constexpr std::array<std::string_view, 4> k_wide_spaces = {"\xC2\xA0", "\xE3\x80\x80",
                                                           "\xEF\xBB\xBF", "\xE2\x80\x8B"};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool strip_one_space_front(std::string_view& s) {
  if (!s.empty() && is_ascii_space(s.front())) {
    s.remove_prefix(1);
    return true;
  }
  for (std::string_view space : k_wide_spaces) {
    if (s.starts_with(space)) {
      s.remove_prefix(space.size());
      return true;
    }
  }
  return false;
}

bool strip_one_space_back(std::string_view& s) {
  if (!s.empty() && is_ascii_space(s.back())) {
    s.remove_suffix(1);
    return true;
  }
  for (std::string_view space : k_wide_spaces) {
    if (s.ends_with(space)) {
      s.remove_suffix(space.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view trim_view(std::string_view s) {
  while (strip_one_space_front(s)) {
  }
  while (strip_one_space_back(s)) {
  }
  return s;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string fold(std::string_view s) {
  std::string out(trim_view(s));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

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

std::string format_number(double value, int max_decimals) {
  if (max_decimals < 17) {
    const double scale = std::pow(10.0, max_decimals);
    value = std::round(value * scale) / scale;
  }
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  // fmt's default is the shortest text that reads back to the same double.
  return fmt::format("{}", value);
}

}  // namespace tongxin::text
