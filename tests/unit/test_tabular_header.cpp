// Finding the header of an imported file (issue #11 item 2): the first row that names known
// columns, title rows above it skipped; --header-row forces it.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/tabular.h"

using tongxin::io::looks_like_header;
using tongxin::io::TabularOptions;
using tongxin::io::TabularRow;
using tongxin::io::TabularSource;

namespace {

bool known(const std::string& header) {
  return header == "姓名" || header == "社区" || header == "序号";
}

struct Opened {
  std::vector<std::string> header;
  long header_line = 0;
  std::vector<long> lines;  // of the data rows
  std::vector<std::string> first_cells;
};

Opened open_text(const std::string& text, long header_row = 0, bool with_known = true) {
  std::istringstream in(text);
  TabularOptions options;
  options.header_row = header_row;
  if (with_known) {
    options.known = known;
  }
  const auto source = TabularSource::open("-", in, options);
  Opened opened{source->header(), source->header_line(), {}, {}};
  TabularRow row;
  while (source->next(row)) {
    opened.lines.push_back(row.line);
    opened.first_cells.push_back(row.cells.at(0));
  }
  return opened;
}

}  // namespace

TEST_CASE("a header names two known columns, or is one known column alone") {
  CHECK(looks_like_header({"姓名", "社区", "备注"}, known));
  CHECK(looks_like_header({" 姓名 ", "", "社区"}, known));
  CHECK(looks_like_header({"", "姓名", ""}, known));
  CHECK_FALSE(looks_like_header({"西津社区统一战线工作对象台账（2024年）", "", ""}, known));
  CHECK_FALSE(looks_like_header({"说明", "姓名"}, known));
  CHECK_FALSE(looks_like_header({"", ""}, known));
  CHECK(looks_like_header({"anything"}, nullptr));  // no rule: the first row
}

TEST_CASE("the title row above the header is skipped; line numbers stay the file's") {
  const Opened o = open_text(
      "西津社区统一战线工作对象台账（2024年）,,\n,,\n姓名,社区,备注\n张三,a,\n李四,b,x\n");
  CHECK(o.header == std::vector<std::string>{"姓名", "社区", "备注"});
  CHECK(o.header_line == 3);
  CHECK(o.lines == std::vector<long>{4, 5});
  CHECK(o.first_cells == std::vector<std::string>{"张三", "李四"});
}

TEST_CASE("the header on the first line needs no search") {
  const Opened o = open_text("姓名,社区\n张三,a\n");
  CHECK(o.header_line == 1);
  CHECK(o.lines == std::vector<long>{2});
}

TEST_CASE("no row names known columns: the first row is the header, the rest are data") {
  const Opened o = open_text("甲,乙\n1,2\n3,4\n");
  CHECK(o.header == std::vector<std::string>{"甲", "乙"});
  CHECK(o.lines == std::vector<long>{2, 3});
}

TEST_CASE("a header below the searched rows is not found") {
  std::string text;
  for (size_t i = 0; i < tongxin::io::k_header_search_rows; ++i) {
    text += "说明\n";
  }
  text += "姓名,社区\n张三,a\n";
  const Opened o = open_text(text);
  CHECK(o.header_line == 1);
  CHECK(o.lines.size() == tongxin::io::k_header_search_rows + 1);
}

TEST_CASE("--header-row forces the header, known columns or not") {
  const Opened o = open_text("姓名,社区\n甲,乙\n1,2\n", 2);
  CHECK(o.header == std::vector<std::string>{"甲", "乙"});
  CHECK(o.lines == std::vector<long>{3});
}

TEST_CASE("--header-row past the end is bad input") {
  try {
    open_text("姓名,社区\n张三,a\n", 9);
    FAIL("expected an error");
  } catch (const tongxin::Error& e) {
    CHECK(e.code() == tongxin::ExitCode::bad_input);
  }
}

TEST_CASE("rows wider than the header count their extra cells, before and after the search") {
  std::istringstream in("标题\n姓名,社区\n张三,a,多余\n");
  TabularOptions options;
  options.known = known;
  const auto source = TabularSource::open("-", in, options);
  TabularRow row;
  REQUIRE(source->next(row));
  CHECK(row.cells.size() == 2);
  CHECK(row.extra_cells == 1);
}
