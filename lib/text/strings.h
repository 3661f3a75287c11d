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

// Splits a list cell on ; ； 、 , ， | (trimming each item, dropping empty ones).
std::vector<std::string> split_list(std::string_view cell);

}  // namespace tongxin::text
