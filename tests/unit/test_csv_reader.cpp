// The streaming CSV/TSV reader (RFC 4180 plus what spreadsheets actually write).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "io/csv_reader.h"

namespace {

using tongxin::io::CsvError;
using tongxin::io::CsvReader;
using tongxin::io::Record;
using tongxin::io::sniff_delimiter;
using Fields = std::vector<std::string>;

struct Row {
  Fields fields;
  long line;
  bool operator==(const Row&) const = default;
};

std::vector<Row> read_all(const std::string& text, char delimiter = ',',
                          size_t chunk_size = CsvReader::k_default_chunk_size) {
  std::istringstream in(text);
  CsvReader reader(in, delimiter, chunk_size);
  std::vector<Row> rows;
  Record record;
  while (reader.next(record)) {
    rows.push_back({record.fields, record.line});
  }
  return rows;
}

// A small input exercising every rule at once.
const std::string k_tricky =
    "\xEF\xBB\xBF"
    "姓名,电话,备注\r\n"
    "张三,13812345678,\"住址:幸福里 3 号,2 单元\"\r\n"
    "\r\n"
    "李四,,\"第一行\r\n第二行\n第三行\"\r\n"
    "\"王\"\"五\"\"\",\"\",\n"
    "\n"
    "赵六,\"\"\"\",x\"y\r\n"
    "末行,无换行,\"a\"";

const std::vector<Row> k_tricky_rows = {
    {{"姓名", "电话", "备注"}, 1},
    {{"张三", "13812345678", "住址:幸福里 3 号,2 单元"}, 2},
    {{"李四", "", "第一行\r\n第二行\n第三行"}, 4},
    {{"王\"五\"", "", ""}, 7},
    {{"赵六", "\"", "x\"y"}, 9},
    {{"末行", "无换行", "a"}, 10},
};

}  // namespace

TEST_CASE("CsvReader reads simple records") {
  SUBCASE("LF") {
    CHECK(read_all("a,b,c\n1,2,3\n") ==
          std::vector<Row>{{{"a", "b", "c"}, 1}, {{"1", "2", "3"}, 2}});
  }
  SUBCASE("empty fields and a trailing delimiter") {
    CHECK(read_all(",a,,\n") == std::vector<Row>{{{"", "a", "", ""}, 1}});
  }
  SUBCASE("spaces are kept") {
    CHECK(read_all(" a , b \n") == std::vector<Row>{{{" a ", " b "}, 1}});
  }
  SUBCASE("empty input") { CHECK(read_all("").empty()); }
}

TEST_CASE("CsvReader accepts CRLF line ends") {
  CHECK(read_all("a,b\r\n1,2\r\n") == std::vector<Row>{{{"a", "b"}, 1}, {{"1", "2"}, 2}});
  SUBCASE("a CR inside a field is kept") {
    CHECK(read_all("a\rb,c\r\n") == std::vector<Row>{{{"a\rb", "c"}, 1}});
  }
}

TEST_CASE("CsvReader reads quoted fields holding delimiters") {
  CHECK(read_all("name,addr\n张三,\"幸福里,3号\"\n") ==
        std::vector<Row>{{{"name", "addr"}, 1}, {{"张三", "幸福里,3号"}, 2}});
  SUBCASE("quoted field followed by CRLF") {
    CHECK(read_all("\"a,b\",\"c\"\r\nd\r\n") == std::vector<Row>{{{"a,b", "c"}, 1}, {{"d"}, 2}});
  }
}

TEST_CASE("CsvReader reads line breaks inside quotes and keeps counting physical lines") {
  const std::vector<Row> rows =
      read_all("h1,h2\n1,\"two\nlines\"\n2,\"three\r\nphysical\nlines\"\n3,x\n");
  CHECK(rows == std::vector<Row>{{{"h1", "h2"}, 1},
                                 {{"1", "two\nlines"}, 2},
                                 {{"2", "three\r\nphysical\nlines"}, 4},
                                 {{"3", "x"}, 7}});
}

TEST_CASE("CsvReader turns doubled quotes into one") {
  SUBCASE("inside a quoted field") {
    CHECK(read_all("\"say \"\"hi\"\"\",b\n") == std::vector<Row>{{{"say \"hi\"", "b"}, 1}});
  }
  SUBCASE("a field that is just a quote, and an empty quoted field") {
    CHECK(read_all("\"\"\"\",\"\"\n") == std::vector<Row>{{{"\"", ""}, 1}});
  }
  SUBCASE("a quote inside an unquoted field is ordinary") {
    CHECK(read_all("5\"3,b\n") == std::vector<Row>{{{"5\"3", "b"}, 1}});
  }
  SUBCASE("text after the closing quote is kept, as Excel does") {
    CHECK(read_all("\"a\"b,c\n") == std::vector<Row>{{{"ab", "c"}, 1}});
  }
}

TEST_CASE("CsvReader skips a UTF-8 BOM at the start only") {
  CHECK(read_all("\xEF\xBB\xBFname\nx\n") == std::vector<Row>{{{"name"}, 1}, {{"x"}, 2}});
  SUBCASE("a quoted first field after the BOM") {
    CHECK(read_all("\xEF\xBB\xBF\"name\"\n") == std::vector<Row>{{{"name"}, 1}});
  }
  SUBCASE("a BOM later in the file is data") {
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(read_all("a\n" + bom + "b\n") == std::vector<Row>{{{"a"}, 1}, {{bom + "b"}, 2}});
  }
  SUBCASE("a file that is only a BOM") { CHECK(read_all("\xEF\xBB\xBF").empty()); }
}

TEST_CASE("CsvReader reads a last record without a final line break") {
  SUBCASE("unquoted") {
    CHECK(read_all("a,b\n1,2") == std::vector<Row>{{{"a", "b"}, 1}, {{"1", "2"}, 2}});
  }
  SUBCASE("quoted") { CHECK(read_all("a,\"b\"") == std::vector<Row>{{{"a", "b"}, 1}}); }
  SUBCASE("ending in a delimiter") { CHECK(read_all("a,") == std::vector<Row>{{{"a", ""}, 1}}); }
  SUBCASE("ending in CR") { CHECK(read_all("a,b\r") == std::vector<Row>{{{"a", "b"}, 1}}); }
}

TEST_CASE("CsvReader skips blank lines but counts them") {
  SUBCASE("LF and CRLF, leading, inner and trailing") {
    CHECK(read_all("\n\r\nh\n\n\nx\r\n\r\n\n") == std::vector<Row>{{{"h"}, 3}, {{"x"}, 6}});
  }
  SUBCASE("only blank lines") { CHECK(read_all("\n\r\n\n").empty()); }
  SUBCASE("a line of delimiters is a record") {
    CHECK(read_all("a,b\n,\n") == std::vector<Row>{{{"a", "b"}, 1}, {{"", ""}, 2}});
  }
}

TEST_CASE("CsvReader reads TSV") {
  CHECK(read_all("姓名\t电话\n张三\t138,1234\n", '\t') ==
        std::vector<Row>{{{"姓名", "电话"}, 1}, {{"张三", "138,1234"}, 2}});
  SUBCASE("quoted tabs") {
    CHECK(read_all("\"a\tb\"\tc\n", '\t') == std::vector<Row>{{{"a\tb", "c"}, 1}});
  }
}

TEST_CASE("sniff_delimiter picks tab only when tabs outnumber commas") {
  CHECK(sniff_delimiter("name,phone,address") == ',');
  CHECK(sniff_delimiter("name\tphone\taddress") == '\t');
  CHECK(sniff_delimiter("name\tphone,address") == ',');
  CHECK(sniff_delimiter("name\tphone\taddr,ess") == '\t');
  CHECK(sniff_delimiter("name") == ',');
  CHECK(sniff_delimiter("") == ',');
}

TEST_CASE("CsvReader throws on a quote left open at the end of the input") {
  SUBCASE("names the line where the record starts") {
    std::istringstream in("a,b\n1,2\n3,\"open\nmore\nlines\n");
    CsvReader reader(in, ',');
    Record record;
    CHECK(reader.next(record));
    CHECK(reader.next(record));
    try {
      reader.next(record);
      FAIL("no exception");
    } catch (const CsvError& error) {
      CHECK(error.line() == 3);
      CHECK(std::string(error.what()) ==
            "unterminated quoted field: the record starting on line 3 runs to the end of the file");
    }
  }
  SUBCASE("is a std::runtime_error") {
    CHECK_THROWS_AS(read_all("\"abc"), std::runtime_error);
    CHECK_THROWS_AS(read_all("a,\""), std::runtime_error);
  }
}

TEST_CASE("CsvReader reuses the record and shrinks it to the fields read") {
  std::istringstream in("a,b,c\nd\n");
  CsvReader reader(in, ',');
  Record record;
  record.fields = {"stale", "stale", "stale", "stale"};
  REQUIRE(reader.next(record));
  CHECK(record.fields == Fields{"a", "b", "c"});
  REQUIRE(reader.next(record));
  CHECK(record.fields == Fields{"d"});
  CHECK(record.line == 2);
  CHECK_FALSE(reader.next(record));
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("CsvReader gives the same records whatever the chunk boundaries") {
  SUBCASE("reference result") { CHECK(read_all(k_tricky) == k_tricky_rows); }
  SUBCASE("every small chunk size") {
    for (size_t chunk = 1; chunk <= 48; ++chunk) {
      CAPTURE(chunk);
      CHECK(read_all(k_tricky, ',', chunk) == k_tricky_rows);
    }
  }
  SUBCASE("an input larger than the default 1 MiB chunk") {
    std::string text;
    std::vector<Row> expected;
    long line = 1;
    for (int i = 0; text.size() < 3 * CsvReader::k_default_chunk_size; ++i) {
      const std::string id = std::to_string(i);
      text += id + ",张三" + id + ",\"多行\n备注 " + id + "\",\"引号\"\"" + id + "\"\r\n";
      expected.push_back({{id, "张三" + id, "多行\n备注 " + id, "引号\"" + id}, line});
      line += 2;
    }
    CHECK(read_all(text) == expected);
  }
}
