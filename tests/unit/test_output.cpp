#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "output/table.h"
#include "text/width.h"

using namespace tongxin;

TEST_CASE("display width counts CJK as two columns") {
  CHECK(text::display_width("abc") == 3);
  CHECK(text::display_width("东街社区") == 8);
  CHECK(text::display_width("A东") == 3);
  CHECK(text::display_width("（统战）") == 8);   // fullwidth parentheses
  CHECK(text::display_width("e\xCC\x81") == 1);  // combining accent takes no column
  CHECK(text::pad("东", 4) == "东  ");
  CHECK(text::pad("7", 3, true) == "  7");
}

TEST_CASE("terminal tables align mixed Chinese and Latin text") {
  output::Table t;
  t.columns = {{"id", "编号"}, {"name", "名称"}, {"n", "人数", true}};
  t.rows = {{"chengguan-dongjie", "东街社区", "12"}, {"x", "Weixing 卫星", "7"}};
  std::ostringstream out;
  output::write_table(out, t);
  CHECK(out.str() ==
        "编号               名称          人数\n"
        "chengguan-dongjie  东街社区        12\n"
        "x                  Weixing 卫星     7\n");
}

namespace {

// Rows in order through next(), in reverse through next_unordered(), counting the reads of each.
class ReversibleRows : public output::RowSource {
 public:
  explicit ReversibleRows(output::Table table) : m_table(std::move(table)) {}
  const std::vector<output::Column>& columns() const override { return m_table.columns; }
  bool next(std::vector<std::string>& cells) override {
    if (m_next == m_table.rows.size()) {
      return false;
    }
    cells = m_table.rows[m_next++];
    ++ordered_reads;
    return true;
  }
  bool next_unordered(std::vector<std::string>& cells) override {
    if (m_next == m_table.rows.size()) {
      return false;
    }
    cells = m_table.rows[m_table.rows.size() - 1 - m_next++];
    ++unordered_reads;
    return true;
  }
  void rewind() override { m_next = 0; }
  size_t ordered_reads = 0;
  size_t unordered_reads = 0;

 private:
  output::Table m_table;
  size_t m_next = 0;
};

}  // namespace

TEST_CASE("a terminal table from a RowSource sizes columns in any order, then writes in order") {
  // Byte lengths and display widths differ: 王小明王 is 12 bytes and 8 wide, abcdefg 7 and 7,
  // 王小明 9 and 6; the widest column is 8 whichever cell comes first.
  ReversibleRows rows(output::Table{{{"name", "名"}, {"n", "人数", true}},
                                    {{"王小明王", "1"}, {"abcdefg", "2"}, {"王小明", "3"}}});
  std::ostringstream out;
  CHECK(output::write_table(out, rows) == 3);
  CHECK(out.str() ==
        "名        人数\n"
        "王小明王     1\n"
        "abcdefg      2\n"
        "王小明       3\n");
  CHECK(rows.unordered_reads == 3);
  CHECK(rows.ordered_reads == 3);
}

TEST_CASE("CSV follows RFC 4180") {
  output::Table t;
  t.columns = {{"a", "A"}, {"b", "B"}};
  t.rows = {{"plain", "has,comma"}, {"say \"hi\"", "two\nlines"}};
  std::ostringstream out;
  output::write_csv(out, t);
  CHECK(out.str() == "a,b\r\nplain,\"has,comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
  SUBCASE("a BOM for Excel on request") {
    std::ostringstream bom;
    output::write_csv(bom, t, {.utf8_bom = true});
    CHECK(bom.str().rfind("\xEF\xBB\xBF"
                          "a,b",
                          0) == 0);
  }
}

TEST_CASE("formula injection is neutralised in spreadsheet exports") {
  CHECK(output::guard_formula("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
  CHECK(output::guard_formula("+86 138") == "'+86 138");
  CHECK(output::guard_formula("-1+2+cmd|' /C calc'!A0") == "'-1+2+cmd|' /C calc'!A0");
  CHECK(output::guard_formula("@SUM(A1)") == "'@SUM(A1)");
  CHECK(output::guard_formula("\tx") == "'\tx");
  CHECK(output::guard_formula("张三") == "张三");
  CHECK(output::guard_formula("") == "");
  // Plain numbers are numbers, not formulas: they stay as they are.
  CHECK(output::guard_formula("-5") == "-5");
  CHECK(output::guard_formula("-3.5") == "-3.5");
  CHECK(output::guard_formula("-1e3") == "-1e3");
  CHECK(output::guard_formula("-") == "'-");
  CHECK(output::guard_formula("-5 ") == "'-5 ");
  CHECK(output::guard_formula("-inf") == "'-inf");
  CHECK(output::guard_formula("+5") == "'+5");  // from_chars reads no '+': text
}

TEST_CASE("every CSV and TSV guards text cells, never numbers; rejects files stay verbatim") {
  output::Table t;
  t.columns = {{"a", "A"}, {"n", "N", true, true}};
  t.rows = {{"=1+1", "-5"}, {"-2+3", "3.5"}};
  std::ostringstream csv;
  output::write_csv(csv, t);
  CHECK(csv.str() == "a,n\r\n'=1+1,-5\r\n'-2+3,3.5\r\n");
  std::ostringstream tsv;
  output::write_tsv(tsv, t);
  CHECK(tsv.str() == "a\tn\n'=1+1\t-5\n'-2+3\t3.5\n");
  std::ostringstream verbatim;
  output::write_csv(verbatim, t, {.verbatim = true});
  CHECK(verbatim.str() == "a,n\r\n=1+1,-5\r\n-2+3,3.5\r\n");
  // Terminal tables and JSON are not spreadsheets: cells as they are.
  std::ostringstream json;
  output::write_json(json, t);
  CHECK(json.str().find("\"=1+1\"") != std::string::npos);
  std::ostringstream table;
  output::write_table(table, t);
  CHECK(table.str().find("'=") == std::string::npos);
}

TEST_CASE("JSON output uses keys and numbers where declared") {
  output::Table t;
  t.columns = {{"name", "名称"}, {"count", "人数", true, true}};
  t.rows = {{"东街", "12"}, {"南街", ""}};
  std::ostringstream out;
  output::write_json(out, t);
  CHECK(out.str() ==
        "[\n  {\n    \"name\": \"东街\",\n    \"count\": 12\n  },\n"
        "  {\n    \"name\": \"南街\",\n    \"count\": \"\"\n  }\n]\n");
}

TEST_CASE("JSON written a row at a time has the bytes of nlohmann's dump(2) of the whole array") {
  // What write_json wrote before it streamed: the rows as one array, dumped with indent 2.
  auto whole = [](const output::Table& t) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
        const bool number = t.columns[i].numeric && !row[i].empty() && row[i] != "x";
        object[t.columns[i].key] =
            number ? nlohmann::ordered_json(std::stod(row[i])) : nlohmann::ordered_json(row[i]);
      }
      rows.push_back(std::move(object));
    }
    return rows.dump(2) + "\n";
  };
  output::Table t;
  t.columns = {{"name", "名称"}, {"ratio", "比", true, true}, {"note \"q\"", "备注"}};
  SUBCASE("no rows") {}
  SUBCASE("rows with escapes, fractions, short rows and text in a numeric column") {
    t.rows = {
        {"东街\t\"引号\"\n", "2.5", "\x01"}, {"南街", "x", ""}, {"北街"}, {"西街", "-0.125", "é"}};
  }
  SUBCASE("no columns") {
    t.columns.clear();
    t.rows = {{}, {}};
  }
  std::ostringstream streamed;
  output::TableRows rows(t);
  CHECK(output::write_json(streamed, rows) == t.rows.size());
  CHECK(streamed.str() == whole(t));
}

TEST_CASE("CSV, TSV and JSON from a RowSource are the bytes of the same Table") {
  output::Table t;
  t.columns = {{"name", "名称"}, {"count", "人数", true, true}};
  t.rows = {{"=HYPERLINK(\"x\")", "3"}, {"a,b", "-5"}, {"-x", ""}};
  for (const bool verbatim : {false, true}) {
    for (const output::Format format :
         {output::Format::csv, output::Format::tsv, output::Format::json, output::Format::table}) {
      CAPTURE(verbatim);
      std::ostringstream from_table;
      std::ostringstream from_rows;
      output::write(from_table, t, format, {.utf8_bom = true, .verbatim = verbatim});
      output::TableRows rows(t);
      CHECK(output::write(from_rows, rows, format, {.utf8_bom = true, .verbatim = verbatim}) == 3);
      CHECK(from_rows.str() == from_table.str());
    }
  }
}

TEST_CASE("a table without rows says so on a terminal and prints nothing elsewhere") {
  output::Table t;
  t.columns = {{"id", "编号"}, {"name", "名称"}};
  std::ostringstream pipe;
  output::write(pipe, t, output::Format::table, {.empty_note = "没有符合条件的成员。"});
  CHECK(pipe.str().empty());
  std::ostringstream terminal;
  output::write(terminal, t, output::Format::table,
                {.terminal = true, .empty_note = "没有符合条件的成员。"});
  CHECK(terminal.str() == "没有符合条件的成员。\n");
  // Machine formats keep their shape: a header row, an empty array.
  std::ostringstream csv;
  output::write(csv, t, output::Format::csv, {.terminal = true, .empty_note = "x"});
  CHECK(csv.str() == "id,name\r\n");
  std::ostringstream json;
  output::write(json, t, output::Format::json);
  CHECK(json.str() == "[]\n");
}

TEST_CASE("JSON cells are typed by their column: numbers, booleans, lists") {
  output::Table t;
  t.columns = {{"id", "ID", true, true},
               {"key_contact", "重点", false, false, output::CellType::boolean},
               {"categories", "类别", false, false, output::CellType::list},
               {"phone", "电话"}};
  t.rows = {{"7", "1", "non_party,overseas_chinese", "13800000000"}, {"8", "0", "", ""}};
  std::ostringstream out;
  output::write_json(out, t);
  const auto doc = nlohmann::json::parse(out.str());
  CHECK(doc[0]["id"] == 7);
  CHECK(doc[0]["key_contact"] == true);
  CHECK(doc[1]["key_contact"] == false);
  CHECK(doc[0]["categories"] == nlohmann::json::array({"non_party", "overseas_chinese"}));
  CHECK(doc[1]["categories"] == nlohmann::json::array());
  CHECK(doc[0]["phone"] == "13800000000");  // text stays text, whatever it holds
}
