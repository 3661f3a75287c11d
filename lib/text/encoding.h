// Character encodings of imported files. Offices receive spreadsheets saved as UTF-8 (with or
// without a byte-order mark) or in the legacy Chinese code page (GBK/GB2312, read as GB18030,
// their superset). Everything inside tongxin is UTF-8; these functions convert at the edges.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::text {

enum class Encoding { utf8, gb18030 };

// utf8 when `in` from its current position to the end is well-formed UTF-8 (a BOM or none;
// overlong forms, surrogates and code points above U+10FFFF are not), else gb18030. Reads in
// fixed chunks (constant memory; sequences may straddle chunks), then rewinds: clears the state
// flags and seeks back to the starting position. Empty input is utf8. Throws nothing itself;
// `in` must be seekable (a file or string stream).
Encoding detect_encoding(std::istream& in);
Encoding detect_encoding(std::string_view bytes);

// `bytes` decoded from `from` to UTF-8, without a leading UTF-8 BOM. GB18030 goes through ICU
// (converter "gb18030"). Throws tongxin::Error (exit 3) naming the byte offset when `bytes` is
// not valid in `from` (nothing is replaced silently); the caller adds the file's name
// (Error::located). Exit 70 when ICU has no converter (a broken installation).
std::string to_utf8(std::string_view bytes, Encoding from);

// `utf8` encoded as `to` (used to write rejects files in the input's encoding); no BOM is added.
// Throws tongxin::Error (exit 3) when `utf8` is not valid UTF-8.
std::string from_utf8(std::string_view utf8, Encoding to);

// "utf-8"/"utf8" -> utf8; "gb18030"/"gbk"/"gb2312"/"cp936" -> gb18030; case-insensitive;
// nullopt for anything else.
std::optional<Encoding> parse_encoding_name(std::string_view name);

// True when `bytes` starts with the UTF-8 byte-order mark EF BB BF.
bool has_utf8_bom(std::string_view bytes);

}  // namespace tongxin::text
