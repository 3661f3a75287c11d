#include "text/clean.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "i18n/i18n.h"

namespace tongxin::text {

namespace {

bool is_line_break(UChar32 c) {
  return c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

std::string escape(UChar32 c) {
  switch (c) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default:
      return c <= 0xFF ? fmt::format("\\x{:02X}", static_cast<unsigned>(c))
                       : fmt::format("\\u{:04X}", static_cast<unsigned>(c));
  }
}

}  // namespace

bool is_control_character(int32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

TextFault check_text(std::string_view value, TextLimits limits) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(value.data());
  const auto length = static_cast<int32_t>(value.size());
  size_t chars = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      return TextFault::invalid_utf8;
    }
    if (c == 0) {
      return TextFault::nul;
    }
    if (is_line_break(c)) {
      if (!limits.multiline) {
        return TextFault::line_break;
      }
    } else if (is_control_character(c)) {
      return TextFault::control;
    }
    if (++chars > limits.max_chars) {
      return TextFault::too_long;
    }
  }
  return TextFault::none;
}

std::string fault_reason(TextFault fault, TextLimits limits) {
  switch (fault) {
    case TextFault::none:
      return "";
    case TextFault::invalid_utf8:
      return i18n::tr("text.invalid_utf8");
    case TextFault::nul:
      return i18n::tr("text.nul");
    case TextFault::control:
      return i18n::tr("text.control");
    case TextFault::line_break:
      return i18n::tr("text.line_break");
    case TextFault::too_long:
      return i18n::tr("text.too_long", limits.max_chars);
  }
  return "";
}

std::string printable(std::string_view value, size_t max_chars) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(value.data());
  const auto length = static_cast<int32_t>(value.size());
  std::string out;
  size_t chars = 0;
  for (int32_t i = 0; i < length;) {
    if (chars++ == max_chars) {
      return out + "…";
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\uFFFD";
    } else if (c != '\t' && (is_control_character(c) || is_line_break(c))) {
      out += escape(c);
    } else {
      out.append(value.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace tongxin::text
