// Encoding detection and conversion of imported files (UTF-8 with or without BOM, GB18030/GBK).
#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "core/error.h"
#include "i18n/i18n.h"
#include "text/encoding.h"

namespace {

using tongxin::text::detect_encoding;
using tongxin::text::Encoding;
using tongxin::text::from_utf8;
using tongxin::text::has_utf8_bom;
using tongxin::text::parse_encoding_name;
using tongxin::text::to_utf8;

const std::string k_chinese = "姓名,社区,政治面貌\n张三,幸福里社区,民盟盟员\n";
const std::string k_zhang_san_gbk = "\xD5\xC5\xC8\xFD";  // 张三 in GBK (and GB18030)

Encoding detect_stream(const std::string& bytes) {
  std::istringstream in(bytes);
  const Encoding encoding = detect_encoding(in);
  // The stream is rewound: the whole input can be read again.
  const std::string again((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(again == bytes);
  return encoding;
}

}  // namespace

TEST_CASE("detect_encoding recognises UTF-8") {
  SUBCASE("empty") {
    CHECK(detect_encoding(std::string_view()) == Encoding::utf8);
    CHECK(detect_stream("") == Encoding::utf8);
  }
  SUBCASE("ASCII") {
    CHECK(detect_encoding("name,phone\nZhang San,13812345678\n") == Encoding::utf8);
    CHECK(detect_stream("name,phone\nZhang San,13812345678\n") == Encoding::utf8);
  }
  SUBCASE("Chinese") {
    CHECK(detect_encoding(k_chinese) == Encoding::utf8);
    CHECK(detect_stream(k_chinese) == Encoding::utf8);
  }
  SUBCASE("with a BOM") {
    CHECK(detect_encoding("\xEF\xBB\xBF" + k_chinese) == Encoding::utf8);
    // A BOM settles it, so that a broken byte further on is reported as broken UTF-8.
    CHECK(detect_encoding("\xEF\xBB\xBF" + k_chinese + "\xC3\x28") == Encoding::utf8);
    CHECK(detect_stream("\xEF\xBB\xBF" + k_chinese + "\xC3\x28") == Encoding::utf8);
    CHECK(detect_stream("\xEF\xBB\xBF" + k_chinese) == Encoding::utf8);
  }
  SUBCASE("4-byte characters (CJK Extension B)") {
    CHECK(detect_encoding("\xF0\xA0\x80\x80") == Encoding::utf8);  // U+20000
  }
}

TEST_CASE("detect_encoding falls back to GB18030 for anything not UTF-8") {
  SUBCASE("literal GBK bytes") {
    CHECK(detect_encoding(k_zhang_san_gbk) == Encoding::gb18030);
    CHECK(detect_stream(k_zhang_san_gbk + ",13812345678\n") == Encoding::gb18030);
  }
  SUBCASE("Chinese converted to GB18030") {
    const std::string gb = from_utf8(k_chinese, Encoding::gb18030);
    CHECK(detect_encoding(gb) == Encoding::gb18030);
    CHECK(detect_stream(gb) == Encoding::gb18030);
  }
  SUBCASE("ill-formed UTF-8: overlong, surrogate, above U+10FFFF, truncated") {
    CHECK(detect_encoding("\xC0\xAF") == Encoding::gb18030);
    CHECK(detect_encoding("\xE0\x80\xAF") == Encoding::gb18030);
    CHECK(detect_encoding("\xED\xA0\x80") == Encoding::gb18030);
    CHECK(detect_encoding("\xF4\x90\x80\x80") == Encoding::gb18030);
    CHECK(detect_encoding("abc\xE5\xBC") == Encoding::gb18030);
    CHECK(detect_stream("abc\xE5\xBC") == Encoding::gb18030);
  }
  SUBCASE("ill-formed bytes after long runs of well-formed Chinese") {
    std::string text;
    for (int i = 0; i < 1000; ++i) {
      text += k_chinese;
    }
    for (const std::string bad :
         {"\xE5\xBC,", "\xE5\x41\x80", "\xED\xA0\x80", "\xE0\x80\xAF", "\x80", "\xEF\xBF"}) {
      CAPTURE(bad);
      CHECK(detect_encoding(text + bad + k_chinese) == Encoding::gb18030);
      CHECK(detect_encoding(text + bad) == Encoding::gb18030);
    }
    CHECK(detect_encoding(text + "\xEF\xBF\xBD") == Encoding::utf8);  // U+FFFD
  }
}

TEST_CASE("detect_encoding reads a stream in chunks without losing split sequences") {
  SUBCASE("a character split at every offset across the 64 KiB chunk boundary") {
    // 张 is E5 BC A0; each shift moves the boundary through it.
    for (size_t shift = 0; shift < 4; ++shift) {
      CAPTURE(shift);
      std::string bytes(64 * 1024 - 3 + shift, 'a');
      bytes += "张三\n";
      bytes += std::string(70 * 1024, 'b');
      CHECK(detect_stream(bytes) == Encoding::utf8);
      // A bad byte in a later chunk is still found.
      CHECK(detect_stream(bytes + k_zhang_san_gbk) == Encoding::gb18030);
    }
  }
  SUBCASE("rewinds to where the stream was, not to byte 0") {
    std::istringstream in("skip|张三");
    in.seekg(5);
    CHECK(detect_encoding(in) == Encoding::utf8);
    CHECK(in.tellg() == std::streampos(5));
  }
}

TEST_CASE("to_utf8 decodes GB18030 and UTF-8") {
  SUBCASE("literal GBK bytes") { CHECK(to_utf8(k_zhang_san_gbk, Encoding::gb18030) == "张三"); }
  SUBCASE("round trip through GB18030") {
    const std::string gb = from_utf8(k_chinese, Encoding::gb18030);
    CHECK(gb != k_chinese);
    CHECK(to_utf8(gb, Encoding::gb18030) == k_chinese);
  }
  SUBCASE("characters outside GBK use GB18030's four-byte forms") {
    const std::string text = "𠀀€";  // U+20000, U+20AC
    CHECK(to_utf8(from_utf8(text, Encoding::gb18030), Encoding::gb18030) == text);
  }
  SUBCASE("ASCII is unchanged either way") {
    CHECK(to_utf8("a,b\r\n", Encoding::gb18030) == "a,b\r\n");
    CHECK(to_utf8("a,b\r\n", Encoding::utf8) == "a,b\r\n");
  }
  SUBCASE("UTF-8 passes through") { CHECK(to_utf8(k_chinese, Encoding::utf8) == k_chinese); }
}

TEST_CASE("to_utf8 strips a leading byte-order mark") {
  SUBCASE("UTF-8 BOM") { CHECK(to_utf8("\xEF\xBB\xBF张三", Encoding::utf8) == "张三"); }
  SUBCASE("only at the start") {
    CHECK(to_utf8("a\xEF\xBB\xBF", Encoding::utf8) == "a\xEF\xBB\xBF");
  }
  SUBCASE("GB18030 BOM (84 31 95 33)") {
    CHECK(to_utf8("\x84\x31\x95\x33" + k_zhang_san_gbk, Encoding::gb18030) == "张三");
  }
}

TEST_CASE("to_utf8 and from_utf8 throw on invalid input instead of replacing it") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  SUBCASE("truncated GB18030") {
    CHECK_THROWS_AS(to_utf8("\xD5\xC5\xC8", Encoding::gb18030), tongxin::Error);
  }
  SUBCASE("invalid GB18030 byte pair, with its offset") {
    CHECK_THROWS_WITH_AS(to_utf8("ab\xD5\x20", Encoding::gb18030),
                         "invalid GB18030 byte sequence at byte 2", tongxin::Error);
  }
  SUBCASE("invalid UTF-8 declared as UTF-8") {
    CHECK_THROWS_WITH_AS(to_utf8("abc" + k_zhang_san_gbk, Encoding::utf8),
                         "invalid UTF-8 byte sequence at byte 3", tongxin::Error);
  }
  SUBCASE("UTF-8 cut off at the end: the offset of the incomplete character") {
    CHECK_THROWS_WITH_AS(to_utf8("abc\xE5\xBC", Encoding::utf8),
                         "invalid UTF-8 byte sequence at byte 3", tongxin::Error);
  }
  SUBCASE("invalid UTF-8 given to from_utf8") {
    CHECK_THROWS_AS(from_utf8(k_zhang_san_gbk, Encoding::gb18030), tongxin::Error);
    CHECK_THROWS_AS(from_utf8(k_zhang_san_gbk, Encoding::utf8), tongxin::Error);
  }
}

TEST_CASE("from_utf8 encodes for writing") {
  SUBCASE("GB18030 of 张三 is the GBK bytes") {
    CHECK(from_utf8("张三", Encoding::gb18030) == k_zhang_san_gbk);
  }
  SUBCASE("UTF-8 is unchanged and gets no BOM") {
    CHECK(from_utf8("张三", Encoding::utf8) == "张三");
  }
  SUBCASE("empty") {
    CHECK(from_utf8("", Encoding::gb18030).empty());
    CHECK(from_utf8(std::string_view(), Encoding::gb18030).empty());
    CHECK(to_utf8(std::string_view(), Encoding::gb18030).empty());
  }
}

TEST_CASE("parse_encoding_name accepts the usual spellings") {
  CHECK(parse_encoding_name("utf-8") == Encoding::utf8);
  CHECK(parse_encoding_name("UTF8") == Encoding::utf8);
  CHECK(parse_encoding_name("gb18030") == Encoding::gb18030);
  CHECK(parse_encoding_name("GBK") == Encoding::gb18030);
  CHECK(parse_encoding_name("gb2312") == Encoding::gb18030);
  CHECK(parse_encoding_name("cp936") == Encoding::gb18030);
  CHECK_FALSE(parse_encoding_name("latin1").has_value());
  CHECK_FALSE(parse_encoding_name("").has_value());
}

TEST_CASE("has_utf8_bom looks only at the first three bytes") {
  CHECK(has_utf8_bom("\xEF\xBB\xBFx"));
  CHECK(has_utf8_bom("\xEF\xBB\xBF"));
  CHECK_FALSE(has_utf8_bom("\xEF\xBB"));
  CHECK_FALSE(has_utf8_bom("x\xEF\xBB\xBF"));
  CHECK_FALSE(has_utf8_bom(""));
}
