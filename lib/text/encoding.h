// Character encodings of imported files. Offices receive spreadsheets saved as UTF-8 (with or
// without a byte-order mark) or in the legacy Chinese code page (GBK/GB2312, read as GB18030,
// their superset). Everything inside tongxin is UTF-8; these functions convert at the edges.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tongxin::text {

enum class Encoding { utf8, gb18030, utf16le, utf16be };

// What to_utf8 and from_utf8 throw for bytes that are not valid in the encoding: exit 3, with the
// byte offset, so the caller can name the file and the line (tabular.cpp).
class InvalidBytes : public Error {
 public:
  InvalidBytes(const std::string& what, size_t offset)
      : Error(ExitCode::bad_input, what), m_offset(offset) {}
  size_t offset() const { return m_offset; }

 private:
  size_t m_offset;
};

// The encoding's name as people know it: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE".
const char* encoding_name(Encoding encoding);

// utf16le or utf16be when `in` (from its current position) starts with that byte-order mark, as
// Excel's "Unicode 文本" (Unicode text) and Notepad write it; else utf8 when the rest is
// well-formed UTF-8 (a BOM or none;
// overlong forms, surrogates and code points above U+10FFFF are not), else gb18030. Reads in
// fixed chunks (constant memory; sequences may straddle chunks), then rewinds: clears the state
// flags and seeks back to the starting position. Empty input is utf8. Throws nothing itself;
// `in` must be seekable (a file or string stream).
Encoding detect_encoding(std::istream& in);
Encoding detect_encoding(std::string_view bytes);

// `bytes` decoded from `from` to UTF-8, without a leading byte-order mark. GB18030 and UTF-16 go
// through ICU. Throws InvalidBytes (exit 3) naming the byte offset when `bytes` is not valid in
// `from` (nothing is replaced silently); the caller adds the file's name and line. Exit 70 when ICU
// has no converter (a broken installation).
std::string to_utf8(std::string_view bytes, Encoding from);

// `utf8` encoded as `to` (used to write rejects files in the input's encoding); no BOM is added.
// Throws tongxin::Error (exit 3) when `utf8` is not valid UTF-8.
std::string from_utf8(std::string_view utf8, Encoding to);

// "utf-8"/"utf8" -> utf8; "gb18030"/"gbk"/"gb2312"/"cp936" -> gb18030; "utf-16"/"utf-16le"/
// "unicode" -> utf16le; "utf-16be" -> utf16be; case-insensitive;
// nullopt for anything else.
std::optional<Encoding> parse_encoding_name(std::string_view name);

// Offset of the first byte of the first ill-formed UTF-8 sequence in `bytes` (or of a sequence
// cut off by the end); meaningful only when `bytes` is not valid UTF-8.
size_t first_invalid_utf8_offset(std::string_view bytes);

// True when `bytes` starts with the UTF-8 byte-order mark EF BB BF.
bool has_utf8_bom(std::string_view bytes);

}  // namespace tongxin::text
