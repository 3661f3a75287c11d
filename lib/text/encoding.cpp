#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::text {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_gb18030_bom = "\x84\x31\x95\x33";
constexpr std::string_view k_utf16le_bom = "\xFF\xFE";
constexpr std::string_view k_utf16be_bom = "\xFE\xFF";
constexpr size_t k_detect_chunk = 64 * 1024;

// Incremental UTF-8 well-formedness check (Unicode Table 3-7): feed bytes in any split, then
// ask whether the input ended on a character boundary.
class Utf8Validator {
 public:
  // False as soon as an ill-formed sequence is seen.
  bool feed(const unsigned char* p, size_t n) {
    const unsigned char* const end = p + n;
    while (p < end) {
      if (m_need == 0) {
        p = skip_ascii(p, end);
        p = skip_common_three_byte(p, end);
        if (p == end) {
          break;
        }
        if (*p < 0x80) {
          continue;
        }
        if (!start_sequence(*p++)) {
          return false;
        }
        continue;
      }
      if (*p < m_lo || *p > m_hi) {
        return false;
      }
      m_lo = 0x80;
      m_hi = 0xBF;
      --m_need;
      ++p;
    }
    return true;
  }

  bool at_boundary() const { return m_need == 0; }

 private:
  static const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
    while (end - p >= 8) {
      uint64_t word = 0;
      std::memcpy(&word, p, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) {
        break;
      }
      p += 8;
    }
    while (p < end && *p < 0x80) {
      ++p;
    }
    return p;
  }

  // Whole three-byte sequences whose lead needs no special range (E1–EC, EE–EF: most CJK text),
  // checked without the state machine.
  static const unsigned char* skip_common_three_byte(const unsigned char* p,
                                                     const unsigned char* end) {
    while (end - p >= 3 && ((p[0] >= 0xE1 && p[0] <= 0xEC) || p[0] == 0xEE || p[0] == 0xEF) &&
           (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      p += 3;
    }
    return p;
  }

  // Sets the number of continuation bytes and the allowed range of the first of them.
  bool start_sequence(unsigned char lead) {
    m_lo = 0x80;
    m_hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      m_need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      m_need = 2;
      if (lead == 0xE0) {
        m_lo = 0xA0;  // no overlong forms
      } else if (lead == 0xED) {
        m_hi = 0x9F;  // no surrogates
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      m_need = 3;
      if (lead == 0xF0) {
        m_lo = 0x90;
      } else if (lead == 0xF4) {
        m_hi = 0x8F;  // nothing above U+10FFFF
      }
    } else {
      return false;
    }
    return true;
  }

  int m_need = 0;
  unsigned char m_lo = 0x80;
  unsigned char m_hi = 0xBF;
};

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// A converter that stops at the first invalid or unmappable sequence instead of substituting a
// replacement character.
ConverterPtr open_converter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name, &status));
  if (U_FAILURE(status)) {
    // ICU without its converter data is a broken installation, not the user's input.
    throw Error(ExitCode::internal,
                i18n::tr("error.internal",
                         std::string("ICU converter ") + name + ": " + u_errorName(status)));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  return converter;
}

// `bytes` converted from `from_name` to `to_name` through a small UTF-16 pivot, a block at a
// time, so memory is the input plus the output. `size_hint` reserves the output up front.
std::string convert(std::string_view bytes, const char* from_name, const char* to_name,
                    size_t size_hint) {
  if (bytes.empty()) {
    return {};  // also keeps a null data() away from ICU
  }
  const ConverterPtr from = open_converter(from_name);
  const ConverterPtr to = open_converter(to_name);
  std::string out;
  out.reserve(size_hint);
  std::array<char, 64 * 1024> block{};
  std::array<UChar, 16 * 1024> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  bool reset = true;
  while (true) {
    char* target = block.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, block.data() + block.size(), &source, source_end,
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset,
                   /*flush=*/true, &status);
    reset = false;
    out.append(block.data(), target);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      continue;
    }
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t invalid_length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(from.get(), invalid, &invalid_length, &ignored);
      const auto offset = (source - bytes.data()) - std::max<int8_t>(invalid_length, 0);
      throw InvalidBytes(i18n::tr("encoding.invalid_bytes", from_name, offset),
                         static_cast<size_t>(offset));
    }
    return out;
  }
}

bool is_utf8(std::string_view bytes) {
  Utf8Validator validator;
  return validator.feed(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) &&
         validator.at_boundary();
}

std::optional<Encoding> utf16_by_bom(std::string_view start) {
  if (start.starts_with(k_utf16le_bom)) {
    return Encoding::utf16le;
  }
  if (start.starts_with(k_utf16be_bom)) {
    return Encoding::utf16be;
  }
  return std::nullopt;
}

void require_utf8(std::string_view bytes) {
  if (!is_utf8(bytes)) {
    const size_t offset = first_invalid_utf8_offset(bytes);
    throw InvalidBytes(i18n::tr("encoding.invalid_bytes", "UTF-8", offset), offset);
  }
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

size_t first_invalid_utf8_offset(std::string_view bytes) {
  // A byte-by-byte rescan only runs on the error path.
  Utf8Validator validator;
  size_t sequence_start = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (validator.at_boundary()) {
      sequence_start = i;
    }
    if (!validator.feed(reinterpret_cast<const unsigned char*>(bytes.data()) + i, 1)) {
      return sequence_start;
    }
  }
  return sequence_start;
}

bool has_utf8_bom(std::string_view bytes) { return bytes.starts_with(k_utf8_bom); }

const char* encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "UTF-8";
    case Encoding::gb18030:
      return "GB18030";
    case Encoding::utf16le:
      return "UTF-16LE";
    case Encoding::utf16be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

Encoding detect_encoding(std::string_view bytes) {
  if (const auto utf16 = utf16_by_bom(bytes)) {
    return *utf16;
  }
  // A UTF-8 BOM settles it: a broken byte further on is then reported as broken UTF-8 on its
  // line, not as GB18030 that fails on the BOM.
  return has_utf8_bom(bytes) || is_utf8(bytes) ? Encoding::utf8 : Encoding::gb18030;
}

Encoding detect_encoding(std::istream& in) {
  const std::istream::pos_type start = in.tellg();
  char bom[3] = {};
  in.read(bom, 3);
  const std::string_view head(bom, static_cast<size_t>(in.gcount()));
  in.clear();
  in.seekg(start == std::istream::pos_type(-1) ? std::istream::pos_type(0) : start);
  if (const auto utf16 = utf16_by_bom(head)) {
    return *utf16;
  }
  if (has_utf8_bom(head)) {
    return Encoding::utf8;
  }
  std::vector<char> chunk(k_detect_chunk);
  Utf8Validator validator;
  bool valid = true;
  while (valid && in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<size_t>(in.gcount());
    valid = validator.feed(reinterpret_cast<const unsigned char*>(chunk.data()), got);
  }
  valid = valid && validator.at_boundary();
  in.clear();
  in.seekg(start == std::istream::pos_type(-1) ? std::istream::pos_type(0) : start);
  return valid ? Encoding::utf8 : Encoding::gb18030;
}

std::string to_utf8(std::string_view bytes, Encoding from) {
  if (from == Encoding::utf8) {
    if (has_utf8_bom(bytes)) {
      bytes.remove_prefix(k_utf8_bom.size());
    }
    require_utf8(bytes);
    return std::string(bytes);
  }
  if (from == Encoding::utf16le || from == Encoding::utf16be) {
    const size_t bom = utf16_by_bom(bytes) == from ? 2 : 0;
    try {
      return convert(bytes.substr(bom), encoding_name(from), "UTF-8",
                     bytes.size() + bytes.size() / 2);
    } catch (const InvalidBytes& e) {
      throw InvalidBytes(i18n::tr("encoding.invalid_bytes", encoding_name(from), e.offset() + bom),
                         e.offset() + bom);
    }
  }
  // GB18030 writes U+FEFF as 84 31 95 33; a file may start with it like a UTF-8 BOM.
  if (bytes.starts_with(k_gb18030_bom)) {
    bytes.remove_prefix(k_gb18030_bom.size());
  }
  // Two-byte Chinese becomes three bytes; ASCII stays one.
  return convert(bytes, "GB18030", "UTF-8", bytes.size() + bytes.size() / 2);
}

std::string from_utf8(std::string_view utf8, Encoding to) {
  require_utf8(utf8);
  if (to == Encoding::utf8) {
    return std::string(utf8);
  }
  return convert(utf8, "UTF-8", encoding_name(to), utf8.size());
}

std::optional<Encoding> parse_encoding_name(std::string_view name) {
  std::string lower;
  for (char c : name) {
    lower += ascii_lower(c);
  }
  if (lower == "utf-8" || lower == "utf8") {
    return Encoding::utf8;
  }
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") {
    return Encoding::gb18030;
  }
  if (lower == "utf-16" || lower == "utf16" || lower == "utf-16le" || lower == "unicode") {
    return Encoding::utf16le;
  }
  if (lower == "utf-16be") {
    return Encoding::utf16be;
  }
  return std::nullopt;
}

}  // namespace tongxin::text
