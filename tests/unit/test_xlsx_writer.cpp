// The XLSX writer's own SpreadsheetML (output/xlsx_writer, xlsx_sheet, xlsx_parts, zip_stream),
// read back part by part: the package's parts, the exact XML of a sheet, widths taken from a
// sample of a long sheet, several sheets with titled parts, fixed bytes for a fixed date, and
// failures that leave nothing. Round trips through read_xlsx are in test_xlsx.cpp.
#include <doctest/doctest.h>
#include <zip.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "io/xlsx_reader.h"
#include "output/table.h"
#include "output/xlsx_writer.h"

namespace fs = std::filesystem;
using tongxin::output::Column;
using tongxin::output::Sheet;
using tongxin::output::SheetPart;
using tongxin::output::Table;
using tongxin::output::write_xlsx;
using tongxin::output::write_xlsx_workbook;
using tongxin::testing::error_text;

namespace {

// Every entry of the zip at `path`, by name, read through libzip (which checks each CRC).
std::map<std::string, std::string> entries(const std::string& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE(archive != nullptr);
  std::map<std::string, std::string> parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    std::string bytes(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    char past_end = 0;
    CHECK(zip_fread(file, &past_end, 1) == 0);  // the end, where libzip compares the CRC
    zip_fclose(file);
    parts[stat.name] = bytes;
  }
  zip_discard(archive);
  return parts;
}

// Rows given as they are asked for.
class ListRows : public tongxin::output::RowSource {
 public:
  ListRows(std::vector<Column> columns, std::vector<std::vector<std::string>> rows)
      : m_columns(std::move(columns)), m_rows(std::move(rows)) {}
  const std::vector<Column>& columns() const override { return m_columns; }
  bool next(std::vector<std::string>& cells) override {
    if (m_next == m_rows.size()) {
      return false;
    }
    cells = m_rows[m_next++];
    return true;
  }
  void rewind() override { m_next = 0; }

 private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
  size_t m_next = 0;
};

const std::string k_sheet_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
const std::string k_frozen_view =
    "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" "
    "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection "
    "pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
const std::string k_sheet_tail =
    "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
    "header=\"0.3\" footer=\"0.3\"/></worksheet>";

std::string col(int n, const std::string& width) {
  return "<col min=\"" + std::to_string(n) + "\" max=\"" + std::to_string(n) + "\" width=\"" +
         width + "\" customWidth=\"1\"/>";
}

}  // namespace

TEST_CASE("an xlsx workbook holds the parts libxlsxwriter wrote, each well-formed XML") {
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "w.xlsx").string();
  Table table;
  table.columns = {{"name", "姓名", false, false}};
  table.rows = {{"王小明"}};
  write_xlsx_workbook(path, {Sheet{"名册", {SheetPart{"", table}}}, Sheet{"b", {}}}, false, 0);
  const auto parts = entries(path);
  std::vector<std::string> names;
  for (const auto& [name, bytes] : parts) {
    names.push_back(name);
    const fs::path copy = dir.path / "part.xml";
    std::ofstream(copy, std::ios::binary) << bytes;
    const std::string part = name;  // clang 14 cannot capture a structured binding
    INFO(part);
    CHECK(std::system(("xmllint --noout " + copy.string()).c_str()) == 0);
  }
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
                                          "docProps/core.xml", "xl/_rels/workbook.xml.rels",
                                          "xl/styles.xml", "xl/theme/theme1.xml", "xl/workbook.xml",
                                          "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"});
  CHECK(parts.at("xl/workbook.xml").find("<sheet name=\"b\" sheetId=\"2\" r:id=\"rId2\"/>") !=
        std::string::npos);
  CHECK(parts.at("xl/_rels/workbook.xml.rels").find("Id=\"rId4\"") != std::string::npos);
}

TEST_CASE("a sheet's XML: bold frozen header, numbers, inline strings escaped and guarded") {
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "s.xlsx").string();
  Table table;
  table.columns = {{"name", "姓名", false, false}, {"count", "人数", true, true}};
  table.rows = {{"甲 & <乙>", "12"},
                {"=1+1", "2.5"},
                {"_x0041_", "n/a"},
                {"a\x01"
                 "b\r",
                 ""},
                {" lead", "-5"},
                {"", "1e3"}};
  write_xlsx(path, table, "s", false);
  const std::string expected =
      k_sheet_head + "<dimension ref=\"A1:B7\"/>" + k_frozen_view + "<cols>" +
      col(1, "11.7109375") + col(2, "6.7109375") +
      "</cols><sheetData>"
      "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
      "<c r=\"B1\" s=\"1\" t=\"inlineStr\"><is><t>人数</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲 &amp; &lt;乙&gt;</t></is></c>"
      "<c r=\"B2\"><v>12</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>'=1+1</t></is></c>"
      "<c r=\"B3\"><v>2.5</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>_x005F_x0041_</t></is></c>"
      "<c r=\"B4\" t=\"inlineStr\"><is><t>n/a</t></is></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a_x0001_b_x000D_"
      "</t></is></c></row>"
      "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> lead</t></is></c>"
      "<c r=\"B6\"><v>-5</v></c></row>"
      "<row r=\"7\"><c r=\"B7\"><v>1000</v></c></row>" +
      k_sheet_tail;
  CHECK(entries(path).at("xl/worksheets/sheet1.xml") == expected);
  CHECK(tongxin::output::xlsx_column_widths(table, false) == std::vector<double>{11, 6});
}

TEST_CASE("a sheet longer than the width sample takes its widths from the sample and streams") {
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "long.xlsx").string();
  std::vector<std::vector<std::string>> cells;
  for (int i = 1; i <= 50; ++i) {
    cells.push_back({"row " + std::to_string(i)});
  }
  cells.push_back({std::string(30, 'x')});  // row 52 of the sheet: past a sample of 10 rows
  const std::vector<Column> columns = {{"note", "备注", false, false}};
  SUBCASE("sampled") {
    ListRows rows(columns, cells);
    CHECK(write_xlsx(path, rows, "s", false, {}, {10, 1 << 20}) == 51);
    const std::string sheet = entries(path).at("xl/worksheets/sheet1.xml");
    // "row 10" (6 columns) is the widest of the first 11 rows; no dimension is known up front.
    CHECK(sheet.find("<cols>" + col(1, "8.7109375") + "</cols>") != std::string::npos);
    CHECK(sheet.find("<dimension") == std::string::npos);
  }
  SUBCASE("a sample of bytes counts too") {
    ListRows rows(columns, cells);
    CHECK(write_xlsx(path, rows, "s", false, {}, {1000, 1200}) == 51);  // ~60 bytes a row: 20 rows
    CHECK(entries(path).at("xl/worksheets/sheet1.xml").find("<cols>" + col(1, "8.7109375")) !=
          std::string::npos);
  }
  SUBCASE("whole within the default sample: exact widths and the dimension") {
    ListRows rows(columns, cells);
    CHECK(write_xlsx(path, rows, "s", false) == 51);
    const std::string sheet = entries(path).at("xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<cols>" + col(1, "32.7109375") + "</cols>") != std::string::npos);
    CHECK(sheet.find("<dimension ref=\"A1:A52\"/>") != std::string::npos);
  }
  const auto read = tongxin::io::read_xlsx(path, "");
  REQUIRE(read.size() == 52);
  CHECK(read.back().cells.at(0).text == std::string(30, 'x'));
  CHECK(read[25].cells.at(0).text == "row 25");
}

TEST_CASE("a workbook of titled parts: bold titles, a blank row between, unique sheet names") {
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "report.xlsx").string();
  Table counts;
  counts.columns = {{"item", "项目", false, false}, {"n", "数", true, true}};
  counts.rows = {{"成员", "38"}};
  const std::string long_name(31, 'a');
  write_xlsx_workbook(
      path,
      {Sheet{"总结", {SheetPart{"", counts}}},
       Sheet{"Sheet", {SheetPart{"统战成员", counts}, SheetPart{"活动", counts}}},
       Sheet{"sheet", {SheetPart{"", counts}}}, Sheet{long_name, {}}, Sheet{long_name, {}}},
      false, 0);
  CHECK(tongxin::io::xlsx_sheet_names(path) ==
        std::vector<std::string>{"总结", "Sheet", "sheet (2)", long_name,
                                 std::string(27, 'a') + " (2)"});
  const auto parts = entries(path);
  const std::string& titled = parts.at("xl/worksheets/sheet2.xml");
  CHECK(titled.find("<sheetView workbookViewId=\"0\"/>") != std::string::npos);  // not frozen
  CHECK(titled.find("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>统战成员</t>") !=
        std::string::npos);
  CHECK(titled.find("<row r=\"4\">") == std::string::npos);  // the blank row between the parts
  CHECK(titled.find("<row r=\"5\"><c r=\"A5\" s=\"1\" t=\"inlineStr\"><is><t>活动</t>") !=
        std::string::npos);
  CHECK(titled.find("<dimension ref=\"A1:B7\"/>") != std::string::npos);
  CHECK(parts.at("xl/worksheets/sheet1.xml").find("state=\"frozen\"") != std::string::npos);
  CHECK(parts.at("xl/worksheets/sheet3.xml").find("tabSelected") == std::string::npos);
}

TEST_CASE("a titled sheet from rows as they come is the titled table's sheet") {
  tongxin::testing::TempDir dir;
  Table table;
  table.columns = {{"name", "姓名", false, false}, {"n", "数", true, true}};
  table.rows = {{"王小明", "1"}, {"李四", "2"}};
  const std::string streamed = (dir.path / "streamed.xlsx").string();
  const std::string whole = (dir.path / "whole.xlsx").string();
  ListRows rows(table.columns, table.rows);
  CHECK(write_xlsx(streamed, rows, "名册", false, {}, {}, "台账（2026年）") == 2);
  write_xlsx_workbook(whole, {Sheet{"名册", {SheetPart{"台账（2026年）", table}}}}, false, 0);
  const std::string sheet = entries(streamed).at("xl/worksheets/sheet1.xml");
  CHECK(sheet == entries(whole).at("xl/worksheets/sheet1.xml"));
  CHECK(sheet.find("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>台账（2026年）</t>") !=
        std::string::npos);
  CHECK(sheet.find("frozen") == std::string::npos);
}

TEST_CASE("a fixed creation date gives the same bytes; the date is in docProps/core.xml") {
  tongxin::testing::TempDir dir;
  Table table;
  table.columns = {{"name", "姓名", false, false}};
  table.rows = {{"王小明"}};
  const std::vector<Sheet> sheets = {Sheet{"名册", {SheetPart{"", table}}}};
  const std::time_t created = 1325289600;  // 2011-12-31 00:00:00 UTC
  const std::string a = (dir.path / "a.xlsx").string();
  const std::string b = (dir.path / "b.xlsx").string();
  write_xlsx_workbook(a, sheets, false, created);
  write_xlsx_workbook(b, sheets, false, created);
  CHECK(tongxin::testing::read_bytes(a) == tongxin::testing::read_bytes(b));
  CHECK(entries(a)
            .at("docProps/core.xml")
            .find("<dcterms:created "
                  "xsi:type=\"dcterms:W3CDTF\">2011-12-31T00:00:00Z</dcterms:created>") !=
        std::string::npos);
  write_xlsx_workbook(b, sheets, false, created + 1);
  CHECK(tongxin::testing::read_bytes(a) != tongxin::testing::read_bytes(b));
}

TEST_CASE("xlsx failures mid-sheet leave nothing: a full disk, a bad cell, a cell too long") {
  tongxin::i18n::set_language(tongxin::i18n::Lang::en);
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "x.xlsx").string();
  std::vector<std::vector<std::string>> cells;
  for (int i = 0; i < 20000; ++i) {
    cells.push_back({"member " + std::to_string(i), std::to_string(i)});
  }
  const std::vector<Column> columns = {{"name", "姓名", false, false}, {"n", "数", true, true}};
  SUBCASE("the disk fills while the rows stream") {
    tongxin::testing::disk_room = 100000;  // past the fixed parts, within the sheet
    tongxin::output::FileCalls calls;
    calls.write = tongxin::testing::write_until_full;
    ListRows rows(columns, cells);
    CHECK(error_text([&] {
            write_xlsx(path, rows, "s", false, calls, {100, 1 << 20});
          }) == "cannot write " + path + " | no space left on the disk");
  }
  SUBCASE("invalid UTF-8 in a streamed row: exit 3 naming the cell") {
    cells[15000][0] = "\xff";
    ListRows rows(columns, cells);
    CHECK(error_text([&] {
            write_xlsx(path, rows, "s", false, {}, {100, 1 << 20});
          }) == path + ": row 15002, column 姓名: text is not valid UTF-8");
    CHECK(tongxin::testing::exit_code_of([&] {
            ListRows again(columns, cells);
            write_xlsx(path, again, "s", false);
          }) == tongxin::ExitCode::bad_input);
  }
  SUBCASE("too long counts characters, not bytes") {
    cells[3][0] = std::string(32767, 'x') + "y";
    ListRows rows(columns, cells);
    CHECK(error_text([&] { write_xlsx(path, rows, "s", false); }) ==
          path + ": row 5, column 姓名: text longer than Excel's 32,767 characters");
    std::string chinese;
    for (int i = 0; i < 32767; ++i) {
      chinese += "字";
    }
    cells[3][0] = chinese;
    ListRows fits(columns, cells);
    CHECK(write_xlsx(path, fits, "s", false) == 20000);
    fs::remove(path);
  }
  CHECK(fs::is_empty(dir.path));
}
