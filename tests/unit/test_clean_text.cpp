#include <doctest/doctest.h>

#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/tabular.h"
#include "text/clean.h"

using namespace tongxin;
using text::TextFault;

TEST_CASE("clean text: what a stored field may hold") {
  const text::TextLimits line{10, false};
  const text::TextLimits notes{10, true};
  CHECK(text::check_text("张三 Li", line) == TextFault::none);
  CHECK(text::check_text("", line) == TextFault::none);
  CHECK(text::check_text("a\xff", line) == TextFault::invalid_utf8);
  CHECK(text::check_text("\xc0\xaf", line) == TextFault::invalid_utf8);  // overlong '/'
  CHECK(text::check_text(std::string("a\0b", 3), notes) == TextFault::nul);
  CHECK(text::check_text("\x1b[31mred", notes) == TextFault::control);
  CHECK(text::check_text("a\x7f", line) == TextFault::control);
  CHECK(text::check_text("a\xc2\x9b", line) == TextFault::control);      // C1 CSI
  CHECK(text::check_text("a\xe2\x80\xae", line) == TextFault::control);  // RLO override
  CHECK(text::check_text("a\nb", line) == TextFault::line_break);
  CHECK(text::check_text("a\tb", line) == TextFault::line_break);
  CHECK(text::check_text("a\r\nb\tc", notes) == TextFault::none);
  CHECK(text::check_text("一二三四五六七八九十", line) ==
        TextFault::none);  // characters, not bytes
  CHECK(text::check_text("一二三四五六七八九十一", line) == TextFault::too_long);
  i18n::set_language(i18n::Lang::en);
  CHECK(text::fault_reason(TextFault::too_long, line) == "too long: at most 10 characters");
  CHECK(text::fault_reason(TextFault::none, line).empty());
}

TEST_CASE("clean text: a value is echoed printable and short") {
  CHECK(text::printable("张三") == "张三");
  CHECK(text::printable("\x1b[2J") == "\\x1B[2J");
  CHECK(text::printable("a\xffz") == "a\xEF\xBF\xBDz");
  CHECK(text::printable("a\nb\tc") == "a\\nb\tc");
  CHECK(text::printable("a\xe2\x80\xae") == "a\\u202E");
  CHECK(text::printable("一二三四", 2) == "一二…");
}

TEST_CASE("a quote that never closes names the file and the line it opens on") {
  i18n::set_language(i18n::Lang::en);
  std::istringstream in("姓名,社区\n张三,a\n\"李四,b\n王五,c\n");
  try {
    auto source = io::TabularSource::open("-", in, io::TabularOptions{});
    io::TabularRow row;
    while (source->next(row)) {
    }
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "stdin:3: the quote opened on this line never closes");
  }
}
