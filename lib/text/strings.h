// Small text helpers for spreadsheet cells: trimming (with wide white space) and splitting
// lists written with Chinese or Latin separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::text {

// Trims ASCII white space, no-break space, U+3000 (ideographic space), BOM and zero-width space
// from both ends.
std::string trim(std::string_view s);
// The same, as a view into `s`.
std::string_view trim_view(std::string_view s);
// Trimmed, with ASCII letters lower-cased (other bytes kept): for comparing names users type.
std::string fold(std::string_view s);

// A number as people and CSV cells write it: whole numbers without a decimal point (4, 800),
// others rounded to at most `max_decimals` decimals and in their shortest form (2.5, 0.75).
// The default keeps every decimal the double holds.
std::string format_number(double value, int max_decimals = 17);

// Splits a list cell on ; ； 、 , ， | (trimming each item, dropping empty ones).
std::vector<std::string> split_list(std::string_view cell);

}  // namespace tongxin::text
