// XLSX reading (io/xlsx_reader) and writing (output/xlsx_writer): a round trip through our own
// writer, and a workbook from another producer (tests/unit/data/roster_two_sheets.xlsx, made by
// tests/unit/data/make_xlsx_fixture.py with openpyxl plus hand-written Excel-style cells).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "io/tabular.h"
#include "io/xlsx_dates.h"
#include "io/xlsx_reader.h"
#include "output/table.h"
#include "output/xlsx_writer.h"

#ifndef TONGXIN_SOURCE_DIR
#error "TONGXIN_SOURCE_DIR must be defined as the repository root (a string literal)"
#endif

namespace fs = std::filesystem;
using tongxin::io::read_xlsx;
using tongxin::io::xlsx_sheet_names;
using tongxin::io::XlsxCell;
using tongxin::io::XlsxRow;
using tongxin::output::Table;
using tongxin::output::write_xlsx;

namespace {

constexpr size_t k_sheet_rows = 1048576;  // Excel's limits
constexpr size_t k_sheet_columns = 16384;

const std::string k_fixture =
    std::string(TONGXIN_SOURCE_DIR) + "/tests/unit/data/roster_two_sheets.xlsx";

// A fresh, empty temporary folder removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tongxin-xlsx-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    m_path = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { fs::remove_all(m_path); }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  fs::path m_path;
};

// Rows as comparable strings: "2: 王小明 | #4.4e+17 | " (numbers marked with #).
std::vector<std::string> dump(const std::vector<XlsxRow>& rows) {
  std::vector<std::string> lines;
  for (const XlsxRow& row : rows) {
    std::string line = std::to_string(row.row) + ":";
    const std::vector<XlsxCell> cells = tongxin::io::dense_cells(row);
    for (size_t i = 0; i < cells.size(); ++i) {
      line += (i ? " | " : " ") + std::string(cells[i].numeric ? "#" : "") + cells[i].text;
    }
    lines.push_back(line);
  }
  return lines;
}

Table sample_table() {
  Table table;
  table.columns = {{"name", "姓名", false, false},
                   {"id_number", "身份证号", false, false},
                   {"phone", "电话", false, false},
                   {"note", "备注", false, false},
                   {"count", "人数", true, true}};
  table.rows = {{"王小明", "440524188001010014", "13800138000", "=1+1", "12"},
                {"Zhang San", "44052419800101001X", "0755-1234567", "", "2.5"},
                {"李四", "", "+8613912345678", "-", "n/a"}};
  return table;
}

int file_mode(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 07777);
}

std::string error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("write_xlsx then read_xlsx gives the table back, IDs as text, formulas guarded") {
  TempDir dir;
  const std::string path = dir.file("roster.xlsx");
  write_xlsx(path, sample_table(), "名册", false);

  CHECK(xlsx_sheet_names(path) == std::vector<std::string>{"名册"});
  const std::vector<XlsxRow> rows = read_xlsx(path, "");
  CHECK(dump(rows) == std::vector<std::string>{
                          "1: 姓名 | 身份证号 | 电话 | 备注 | 人数",
                          "2: 王小明 | 440524188001010014 | 13800138000 | '=1+1 | #12",
                          "3: Zhang San | 44052419800101001X | 0755-1234567 |  | #2.5",
                          "4: 李四 |  | '+8613912345678 | '- | n/a",
                      });
  REQUIRE(rows.size() == 4);
  CHECK_FALSE(rows[1].cells[1].numeric);  // the 18-digit ID keeps every digit as text
  CHECK(rows[1].cells[4].numeric);
  CHECK_FALSE(
      tongxin::io::dense_cells(rows[3])[4].numeric);  // "n/a" in a numeric column stays text
}

TEST_CASE("write_xlsx guards text, never a number, in text and numeric columns alike") {
  TempDir dir;
  const std::string path = dir.file("guard.xlsx");
  Table table;
  table.columns = {{"note", "备注", false, false}, {"change", "变化", true, true}};
  table.rows = {{"-5", "-5"}, {"=cmd|' /C calc'!A0", "-3.5"}, {"-2+3", "@x"}};
  write_xlsx(path, table, "s", true);
  CHECK(dump(read_xlsx(path, "")) == std::vector<std::string>{
                                         "1: note | change",
                                         "2: -5 | #-5",
                                         "3: '=cmd|' /C calc'!A0 | #-3.5",
                                         "4: '-2+3 | '@x",
                                     });
}

TEST_CASE("write_xlsx writes the keys as header when use_keys") {
  TempDir dir;
  const std::string path = dir.file("keys.xlsx");
  write_xlsx(path, sample_table(), "roster", true);
  const std::vector<XlsxRow> rows = read_xlsx(path, "roster");
  REQUIRE_FALSE(rows.empty());
  CHECK(dump({rows[0]}) == std::vector<std::string>{"1: name | id_number | phone | note | count"});
}

TEST_CASE("write_xlsx creates the file 0600 and replaces an existing file with a 0600 one") {
  TempDir dir;
  SUBCASE("new file") {
    const std::string path = dir.file("new.xlsx");
    write_xlsx(path, sample_table(), "s", false);
    CHECK(file_mode(path) == 0600);
  }
  SUBCASE("existing file is replaced") {
    const std::string path = dir.file("old.xlsx");
    std::ofstream(path) << "old content";
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    write_xlsx(path, sample_table(), "s", false);
    CHECK(file_mode(path) == 0600);
    CHECK(read_xlsx(path, "s").size() == 4);
  }
}

TEST_CASE("write_xlsx keeps control characters and a table with no rows") {
  TempDir dir;
  const std::string path = dir.file("odd.xlsx");
  Table table;
  table.columns = {{"note", "备注", false, false}};
  SUBCASE("control characters and _x escapes survive") {
    table.rows = {{"甲\r\n乙\t丙"}, {"_x0041_ stays"}};
    write_xlsx(path, table, "s", false);
    CHECK(dump(read_xlsx(path, "")) ==
          std::vector<std::string>{"1: 备注", "2: 甲\r\n乙\t丙", "3: _x0041_ stays"});
  }
  SUBCASE("header only") {
    write_xlsx(path, table, "s", false);
    CHECK(dump(read_xlsx(path, "")) == std::vector<std::string>{"1: 备注"});
  }
}

int fsync_fails(int /*fd*/) {
  errno = EIO;
  return -1;
}

TEST_CASE("write_xlsx failures name the path and leave no file, not even a temporary one") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  TempDir dir;
  SUBCASE("missing folder: a usage error") {
    const std::string path = dir.file("no/such/dir.xlsx");
    CHECK(error_of([&] { write_xlsx(path, sample_table(), "s", false); }).find(path) !=
          std::string::npos);
    CHECK(tongxin::testing::exit_code_of([&] { write_xlsx(path, sample_table(), "s", false); }) ==
          tongxin::ExitCode::usage);
  }
  SUBCASE("invalid UTF-8 cell") {
    const std::string path = dir.file("bad.xlsx");
    Table table = sample_table();
    table.rows[1][0] = "\xff\xfe";
    CHECK(error_of([&] { write_xlsx(path, table, "s", false); }) ==
          path + ": row 3, column 姓名: text is not valid UTF-8");
  }
  SUBCASE("cell longer than Excel allows") {
    const std::string path = dir.file("long.xlsx");
    Table table = sample_table();
    table.rows[0][3] = std::string(40000, 'x');
    CHECK_THROWS_AS(write_xlsx(path, table, "s", false), tongxin::Error);
  }
  SUBCASE("the disk fails when the workbook is synced") {
    tongxin::output::FileCalls calls;
    calls.fsync = fsync_fails;
    CHECK(error_of([&] { write_xlsx(dir.file("x.xlsx"), sample_table(), "s", false, calls); }) ==
          "cannot write " + dir.file("x.xlsx"));
  }
  CHECK(fs::is_empty(dir.file("")));
}

namespace {

// `count` rows made as they are asked for: "row 1", "row 2", ... under one column, or under none
// (so that nothing is written, only counted).
class CountingRows : public tongxin::output::RowSource {
 public:
  CountingRows(size_t count, bool with_column) : m_count(count) {
    if (with_column) {
      m_columns = {{"note", "备注", false, false}};
    }
  }
  const std::vector<tongxin::output::Column>& columns() const override { return m_columns; }
  bool next(std::vector<std::string>& cells) override {
    if (m_given == m_count) {
      return false;
    }
    cells = {"row " + std::to_string(++m_given)};
    return true;
  }
  void rewind() override { m_given = 0; }

 private:
  std::vector<tongxin::output::Column> m_columns;
  size_t m_count;
  size_t m_given = 0;
};

}  // namespace

TEST_CASE("write_xlsx from a RowSource writes the rows as they come and counts them") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  TempDir dir;
  SUBCASE("three rows") {
    CountingRows rows(3, true);
    CHECK(write_xlsx(dir.file("r.xlsx"), rows, "s", false) == 3);
    CHECK(dump(read_xlsx(dir.file("r.xlsx"), "")) ==
          std::vector<std::string>{"1: 备注", "2: row 1", "3: row 2", "4: row 3"});
  }
  SUBCASE("one row more than a sheet holds: every row counted, no file left") {
    CountingRows rows(k_sheet_rows + 1, false);
    try {
      write_xlsx(dir.file("big.xlsx"), rows, "s", false);
      FAIL("no error");
    } catch (const tongxin::Error& e) {
      CHECK(std::string(e.what()) == "cannot write " + dir.file("big.xlsx"));
      CHECK(
          e.details() ==
          std::vector<std::string>{
              "an xlsx sheet holds at most 1048575 rows under its header; this table has 1048577"});
    }
    CHECK(fs::is_empty(dir.file("")));
  }
}

TEST_CASE("xlsx_column_widths counts CJK as two columns, with padding and bounds") {
  Table table;
  table.columns = {{"a", "姓名", false, false}, {"b", "b", false, false}, {"c", "c", false, false}};
  table.rows = {{"王小明", "x", std::string(100, 'y')}};
  CHECK(tongxin::output::xlsx_column_widths(table, false) == std::vector<double>{8, 6, 60});
}

TEST_CASE("xlsx_sheet_name makes names Excel accepts") {
  using tongxin::output::xlsx_sheet_name;
  CHECK(xlsx_sheet_name("名册") == "名册");
  CHECK(xlsx_sheet_name("2026/10 [a]:b*?\\") == "2026_10 _a__b___");
  CHECK(xlsx_sheet_name("'quoted'") == "quoted");
  CHECK(xlsx_sheet_name("") == "Sheet1");
  CHECK(xlsx_sheet_name(std::string(40, 'a')) == std::string(31, 'a'));
  std::string chinese;
  for (int i = 0; i < 40; ++i) {
    chinese += "名";
  }
  CHECK(xlsx_sheet_name(chinese).size() == 31 * 3);
}

TEST_CASE("read_xlsx reads a workbook written by another producer") {
  CHECK(xlsx_sheet_names(k_fixture) == std::vector<std::string>{"名册", "其他"});

  const std::vector<std::string> expected = {
      "1: 姓名 | 身份证号 |  | 电话 | 出生日期 | 人数 | 备注",
      "2: 王小明 | #4.4052418800101e+17 |  | 13800138000 | #1980-01-01 | #3 |   前后空格 ",
      "4: 李四 | 44052419800101001X |  | #13912345678 |  | #2.5 | 1",
      "5: 赵六  | 内联文本 |  | 公式结果 |  | #DIV/0! | 甲\r乙",
  };
  SUBCASE("by name") { CHECK(dump(read_xlsx(k_fixture, "名册")) == expected); }
  SUBCASE("the first sheet by default") { CHECK(dump(read_xlsx(k_fixture, "")) == expected); }
  SUBCASE("another sheet, with inline strings") {
    CHECK(dump(read_xlsx(k_fixture, "其他")) == std::vector<std::string>{"1: 其他表 | #1"});
  }
}

// Rows "成员N" in column A and the number N in the last column, XFD, under a header of 姓名 and
// 身份证号 (the other 16,382 columns have no label and no cells).
class WideRows : public tongxin::output::RowSource {
 public:
  explicit WideRows(int count) : m_count(count), m_columns(k_sheet_columns) {
    m_columns[0].label = "姓名";
    m_columns[1].label = "身份证号";
    m_columns.back().numeric = true;
  }
  const std::vector<tongxin::output::Column>& columns() const override { return m_columns; }
  bool next(std::vector<std::string>& cells) override {
    if (m_given == m_count) {
      return false;
    }
    ++m_given;
    cells.assign(k_sheet_columns, "");
    cells.front() = "成员" + std::to_string(m_given);
    cells.back() = std::to_string(m_given);
    return true;
  }
  void rewind() override { m_given = 0; }

 private:
  int m_count;
  int m_given = 0;
  std::vector<tongxin::output::Column> m_columns;
};

// A sheet "姓名 | 身份证号" whose every row also has a cell at the last column, XFD: what
// exhausted memory when each row was held with all 16,384 columns and the whole sheet at once.
void write_wide_sheet(const std::string& path, int rows) {
  WideRows source(rows);
  REQUIRE(write_xlsx(path, source, "wide", false) == static_cast<size_t>(rows));
}

TEST_CASE("a row holds its non-empty cells only, and none right of the column limit") {
  TempDir dir;
  const std::string path = dir.file("wide.xlsx");
  constexpr int k_rows = 3000;  // several 64 KB chunks of sheet XML
  write_wide_sheet(path, k_rows);
  SUBCASE("sparse rows, each cell with its column") {
    tongxin::io::XlsxSheetReader reader(path, "");
    XlsxRow row;
    REQUIRE(reader.next(row));
    CHECK(row.cells.size() == 2);
    int count = 0;
    while (reader.next(row)) {
      ++count;
      REQUIRE(row.cells.size() == 2);
      CHECK(row.cells[1].column == k_sheet_columns - 1);
      CHECK(row.cells[1].numeric);
    }
    CHECK(count == k_rows);
  }
  SUBCASE("cells right of the limit are counted, not kept, in rows queued before it too") {
    tongxin::io::XlsxSheetReader reader(path, "");
    XlsxRow row;
    REQUIRE(reader.next(row));
    reader.limit_columns(2);
    int count = 0;
    while (reader.next(row)) {
      ++count;
      REQUIRE(row.cells.size() == 1);
      CHECK(row.cells[0].text == "成员" + std::to_string(count));
      CHECK(row.cells_beyond == 1);
    }
    CHECK(count == k_rows);
  }
  SUBCASE("an import reads rows as wide as the header, the XFD cell as one extra cell") {
    std::istringstream no_input;
    const auto source = tongxin::io::TabularSource::open(path, no_input, {});
    CHECK(source->header() == std::vector<std::string>{"姓名", "身份证号"});
    tongxin::io::TabularRow row;
    REQUIRE(source->next(row));
    CHECK(row.line == 2);
    CHECK(row.cells == std::vector<std::string>{"成员1", ""});
    CHECK(row.extra_cells == 1);
  }
}

TEST_CASE("read_xlsx errors name the file and what is wrong") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  SUBCASE("missing sheet lists the sheets") {
    CHECK(error_of([] { read_xlsx(k_fixture, "花名册"); }) ==
          k_fixture + ": no sheet named '花名册' (sheets: 名册, 其他)");
  }
  TempDir dir;
  SUBCASE("not a zip") {
    const std::string path = dir.file("fake.xlsx");
    std::ofstream(path) << "姓名,电话\n王小明,13800138000\n";
    CHECK(error_of([&] { read_xlsx(path, ""); }) ==
          path + ": not an xlsx workbook (not a zip archive)");
    CHECK_THROWS_AS(xlsx_sheet_names(path), tongxin::Error);
  }
  SUBCASE("missing file") {
    const std::string path = dir.file("missing.xlsx");
    CHECK(error_of([&] { read_xlsx(path, ""); }).starts_with(path + ": cannot read the file: "));
  }
  SUBCASE("empty file") {
    const std::string path = dir.file("empty.xlsx");
    std::ofstream{path};
    CHECK(error_of([&] { read_xlsx(path, ""); }).starts_with(path + ": not an xlsx workbook"));
  }
}

TEST_CASE("Excel number formats: which show dates") {
  using tongxin::io::xlsx::is_date_format_code;
  using tongxin::io::xlsx::is_date_format_id;
  CHECK(is_date_format_id(14));
  CHECK(is_date_format_id(22));
  CHECK(is_date_format_id(31));  // yyyy"年"m"月"d"日" of Chinese Excel
  CHECK(is_date_format_id(45));
  CHECK_FALSE(is_date_format_id(0));
  CHECK_FALSE(is_date_format_id(49));  // @ (text)
  CHECK(is_date_format_code("yyyy/m/d"));
  CHECK(is_date_format_code("yyyy\"年\"m\"月\"d\"日\""));
  CHECK(is_date_format_code("[$-F800]dddd, mmmm dd, yyyy"));
  CHECK(is_date_format_code("h:mm:ss"));
  CHECK_FALSE(is_date_format_code("General"));
  CHECK_FALSE(is_date_format_code("0.00"));
  CHECK_FALSE(is_date_format_code("#,##0\"元\""));
  CHECK_FALSE(is_date_format_code("[Red]0.00"));
  CHECK_FALSE(is_date_format_code("0\\d"));
}

TEST_CASE("Excel serial dates in the 1900 and 1904 systems") {
  using tongxin::io::xlsx::serial_to_text;
  CHECK(serial_to_text("1", false) == "1900-01-01");
  CHECK(serial_to_text("59", false) == "1900-02-28");
  CHECK(serial_to_text("60", false) == "1900-02-29");  // Excel's nonexistent day, refused later
  CHECK(serial_to_text("61", false) == "1900-03-01");
  CHECK(serial_to_text("28227", false) == "1977-04-12");
  CHECK(serial_to_text("46331", false) == "2026-11-05");
  CHECK(serial_to_text("46331.604166666664", false) == "2026-11-05 14:30:00");
  CHECK(serial_to_text("0.5", false) == "12:00:00");
  CHECK(serial_to_text("0", true) == "1904-01-01");
  CHECK(serial_to_text("26765", true) == "1977-04-12");
  CHECK(serial_to_text("-1", false).empty());
  CHECK(serial_to_text("abc", false).empty());
  CHECK(serial_to_text("3000000", false).empty());
  // The last day ISO text can write, 9999-12-31, in each system; the day after is no date.
  CHECK(serial_to_text("2958465", false) == "9999-12-31");
  CHECK(serial_to_text("2958466", false).empty());
  CHECK(serial_to_text("2957003", true) == "9999-12-31");
  CHECK(serial_to_text("2958436", true).empty());  // found by fuzz_date: year 10000 in 1904
}

TEST_CASE("read_xlsx errors follow the user's language and name the file, sheet and cell") {
  const std::string bad = std::string(TONGXIN_SOURCE_DIR) + "/tests/bad-inputs/roster/";
  const std::string shared = bad + "xlsx_bad_shared_string.xlsx";
  tongxin::i18n::set_language(tongxin::i18n::Lang::zh);
  const std::string missing_sheet = error_of([] { read_xlsx(k_fixture, "花名册"); });
  const std::string no_string = error_of([&] { read_xlsx(shared, ""); });
  const std::string broken = error_of([&] { read_xlsx(bad + "xlsx_broken_xml.xlsx", ""); });
  const std::string not_zip = error_of([&] { read_xlsx(bad + "not_a_zip.xlsx", ""); });
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  CHECK(missing_sheet == k_fixture + ": 没有名为“花名册”的工作表（工作表有：名册、其他）");
  CHECK(no_string ==
        shared +
            ": 工作表“名册”（xl/worksheets/sheet1.xml）: 单元格 A2 引用的共享字符串 99 "
            "不存在（工作簿共有 0 个）");
  CHECK(broken.starts_with(bad +
                           "xlsx_broken_xml.xlsx: 工作表“名册”（xl/worksheets/sheet1.xml）:1："
                           "XML 格式错误"));
  CHECK(not_zip == bad + "not_a_zip.xlsx: 不是 xlsx 工作簿（不是 zip 压缩包）");
  CHECK(error_of([&] { read_xlsx(shared, ""); }) ==
        shared +
            ": sheet '名册' (xl/worksheets/sheet1.xml): cell A2 refers to shared string 99, which "
            "does not exist (the workbook has 0)");
}
