// Clean text: what a text field may hold before it reaches the store, and how a value that is not
// clean is shown back to a person. Values come from spreadsheets, the command line and YAML, so
// they may carry broken UTF-8, NUL bytes or terminal escape sequences; none of these may be stored
// (every JSON or XLSX export would fail, or a terminal would run the escape) or echoed raw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tongxin::text {

// What one field accepts. Lengths count Unicode characters (code points), not bytes.
struct TextLimits {
  size_t max_chars = 200;
  bool multiline = false;  // tab, line feed and carriage return allowed (notes)
};

// The limits of the stored fields (documented in tongxin-roster(1) and tongxin-activity(1)).
inline constexpr TextLimits k_name_limits{64, false};    // a member's name
inline constexpr TextLimits k_line_limits{200, false};   // titles, employers, addresses, codes
inline constexpr TextLimits k_notes_limits{2000, true};  // notes

enum class TextFault {
  none,
  invalid_utf8,  // a byte sequence that is not UTF-8
  nul,           // U+0000
  control,       // other C0/C1 controls, DEL, bidirectional overrides (ESC sequences, …)
  line_break,    // tab, CR, LF, U+2028/U+2029 in a one-line field
  too_long,      // more characters than the field allows
};

// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates ("Trojan
// Source"): characters that change what a terminal or a reader shows without being text. Tab,
// CR and LF are among them; callers that accept line breaks test for those first.
bool is_control_character(int32_t c);

// The first fault of `value` under `limits`; TextFault::none when the value may be stored. Pure.
TextFault check_text(std::string_view value, TextLimits limits);

// Why a value with `fault` is refused, in the user's language ("" for TextFault::none).
std::string fault_reason(TextFault fault, TextLimits limits);

// `value` safe to print on a terminal or in a log: invalid bytes become U+FFFD, control
// characters (tab excepted) a visible escape such as \x1B or \n, and text beyond `max_chars`
// characters is cut with "…".
std::string printable(std::string_view value, size_t max_chars = 200);

}  // namespace tongxin::text
