// Old Excel and WPS workbooks (.xls) read through libfreexl (issue #11 item 3): the fixture
// tests/unit/data/roster.xls is made by make_xls_fixture.pl beside it (Spreadsheet::WriteExcel).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "helpers.h"
#include "io/tabular.h"
#include "io/xls_reader.h"

#ifndef TONGXIN_SOURCE_DIR
#error "TONGXIN_SOURCE_DIR must be defined as the repository root (a string literal)"
#endif

using tongxin::ExitCode;
using tongxin::io::XlsWorkbook;
using tongxin::io::XlsxCell;
using tongxin::io::XlsxRow;
using tongxin::testing::exit_code_of;
using tongxin::testing::TempDir;

namespace {

const std::string k_fixture = std::string(TONGXIN_SOURCE_DIR) + "/tests/unit/data/roster.xls";

// The rows of the selected sheet as "3: #1 | 王五 | …" (numbers and dates marked with #).
std::vector<std::string> dump(XlsWorkbook& book) {
  std::vector<std::string> lines;
  XlsxRow row;
  while (book.next(row)) {
    std::string line = std::to_string(row.row) + ":";
    const std::vector<XlsxCell> cells = tongxin::io::dense_cells(row);
    for (size_t i = 0; i < cells.size(); ++i) {
      line += (i ? " | " : " ") + std::string(cells[i].numeric ? "#" : "") + cells[i].text;
    }
    if (row.cells_beyond > 0) {
      line += " +" + std::to_string(row.cells_beyond);
    }
    lines.push_back(line);
  }
  return lines;
}

bool known(const std::string& header) { return header == "姓名" || header == "社区"; }

}  // namespace

TEST_CASE("an .xls is recognised by its signature, not its name") {
  CHECK(tongxin::io::looks_like_xls(k_fixture));
  TempDir dir;
  const std::string text = (dir.path / "roster.xls").string();
  std::ofstream(text) << "姓名\t社区\n张三\tchengguan-nanjie\n";
  CHECK_FALSE(tongxin::io::looks_like_xls(text));
}

TEST_CASE("an .xls workbook names its sheets in order") {
  const XlsWorkbook book(k_fixture);
  CHECK(book.sheet_names() == std::vector<std::string>{"填表说明", "台账", "身份证为数字", "活动"});
}

TEST_CASE("an .xls sheet is read as stored: text, numbers, and date cells as ISO dates") {
  XlsWorkbook book(k_fixture);
  book.select("台账");
  CHECK(dump(book) == std::vector<std::string>{
                          "1: 西津社区统一战线工作对象台账（2024年）",
                          "2: 序号 | 姓名 | 身份证号 | 社区 | 统战类别 | 出生日期 | 手机",
                          "3: #1 | 王五 | 110105197712310029 | chengguan-dongjie | 民主党派成员 | "
                          "#1977-12-31 | #13800138000",
                          "4: #2 | 赵六 | 440524197704120011 | chengguan-nanjie | 归侨侨眷 | "
                          "#1977-04-12 | #13900139000",
                      });
  book.select("活动");
  const std::vector<std::string> log = dump(book);
  REQUIRE(log.size() == 2);
  CHECK(log[1] == "2: #2024-03-05 09:00:00 | chengguan-dongjie | 会议 | 季度联席会 | #12");
}

TEST_CASE(
    "an ID number Excel turned into a number reads as the number stored (its last digits lost)") {
  XlsWorkbook book(k_fixture);
  book.select("身份证为数字");
  const std::vector<std::string> rows = dump(book);
  REQUIRE(rows.size() == 3);
  CHECK(rows[2] ==
        "3: #1 | 孙七 | #440524197704120000 | chengguan-nanjie | 归侨侨眷 | #1977-04-12 | "
        "#13900139000");
}

TEST_CASE("cells right of the column limit are counted, not kept") {
  XlsWorkbook book(k_fixture);
  book.select("");  // the first sheet
  XlsxRow row;
  REQUIRE(book.next(row));
  CHECK(row.cells.size() == 1);
  book.select("台账");
  book.limit_columns(2);
  REQUIRE(book.next(row));
  REQUIRE(book.next(row));
  CHECK(row.row == 2);
  CHECK(row.cells.size() == 2);
  CHECK(row.cells_beyond == 5);
}

TEST_CASE("a missing sheet, a damaged file and a non-.xls are refused with exit 3") {
  XlsWorkbook book(k_fixture);
  try {
    book.select("名册");
    FAIL("no error");
  } catch (const tongxin::Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    CHECK(std::string(e.what()).find("填表说明, 台账, 身份证为数字, 活动") != std::string::npos);
  }
  TempDir dir;
  const std::string cut = (dir.path / "cut.xls").string();
  {
    std::ifstream in(k_fixture, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, 3000);
  }
  CHECK(exit_code_of([&] { XlsWorkbook damaged(cut); }) == ExitCode::bad_input);
  const std::string text = (dir.path / "text.xls").string();
  std::ofstream(text) << "not a workbook\n";
  CHECK(exit_code_of([&] { XlsWorkbook not_xls(text); }) == ExitCode::bad_input);
  CHECK(exit_code_of([&] { XlsWorkbook none((dir.path / "none.xls").string()); }) ==
        ExitCode::bad_input);
}

TEST_CASE("an import opens an .xls on the first sheet with a header, under its title row") {
  std::istringstream unused;
  tongxin::io::TabularOptions options;
  options.known = known;
  const auto source = tongxin::io::TabularSource::open(k_fixture, unused, options);
  CHECK(source->sheet() == "台账");
  CHECK(source->header_line() == 2);
  CHECK(source->header().at(1) == "姓名");
  CHECK(source->is_xlsx());  // a workbook: rejects get a BOM
  tongxin::io::TabularRow row;
  REQUIRE(source->next(row));
  CHECK(row.line == 3);
  CHECK(row.cells.at(5) == "1977-12-31");
  CHECK(row.numeric.at(5));
  CHECK_FALSE(row.numeric.at(2));
  CHECK(source->sha256().size() == 64);

  options.sheet = "活动";
  options.header_row = 1;
  const auto log = tongxin::io::TabularSource::open(k_fixture, unused, options);
  CHECK(log->sheet() == "活动");
  CHECK(log->header().at(0) == "日期");
}
