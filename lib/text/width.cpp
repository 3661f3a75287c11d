#include "text/width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tongxin::text {

namespace {

int char_width(UChar32 c) {
  if (c == 0 || u_iscntrl(c)) {
    return 0;
  }
  const int8_t type = static_cast<int8_t>(u_charType(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || c == 0x200B) {
    return 0;
  }
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

int display_width(std::string_view s) {
  int width = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    width += c < 0 ? 1 : char_width(c);
  }
  return width;
}

std::string pad(std::string_view s, int width, bool right_align) {
  const int fill = width - display_width(s);
  if (fill <= 0) {
    return std::string(s);
  }
  const std::string spaces(static_cast<size_t>(fill), ' ');
  return right_align ? spaces + std::string(s) : std::string(s) + spaces;
}

bool is_valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      return false;
    }
  }
  return true;
}

}  // namespace tongxin::text
