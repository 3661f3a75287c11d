// Terminal display width of UTF-8 text: East Asian Wide and Fullwidth characters take two
// columns (ICU's UCHAR_EAST_ASIAN_WIDTH property), combining marks and controls none.
#pragma once

#include <string>
#include <string_view>

namespace tongxin::text {

// Columns `s` occupies on a terminal. Invalid UTF-8 bytes count one column each.
int display_width(std::string_view s);

// `s` padded with spaces on the right (or left, when `right_align`) to `width` columns.
std::string pad(std::string_view s, int width, bool right_align = false);

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

}  // namespace tongxin::text
