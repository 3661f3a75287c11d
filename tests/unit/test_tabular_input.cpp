// What an import says about input it cannot read as rows: bytes in no encoding it knows, and a
// workbook given on standard input. Messages name the input and follow the user's language.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "io/tabular.h"

using tongxin::ExitCode;
using tongxin::io::TabularSource;
namespace i18n = tongxin::i18n;

namespace {

// Sets the language for one test and puts English back (the other tests expect it).
struct Language {
  explicit Language(i18n::Lang lang) { i18n::set_language(lang); }
  ~Language() { i18n::set_language(i18n::Lang::en); }
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;
};

struct Failure {
  ExitCode code = ExitCode::ok;
  std::string message;
};

Failure open_failure(const std::string& path, const std::string& input,
                     const std::string& encoding = "auto") {
  std::istringstream in(input);
  tongxin::io::TabularOptions options;
  options.encoding = encoding;
  try {
    TabularSource::open(path, in, options);
  } catch (const tongxin::Error& e) {
    return {e.code(), e.what()};
  }
  return {};
}

// Line 2 breaks UTF-8 (张 in GBK, D5 C5), line 3 breaks GB18030 as well (a lone 0xFF).
const std::string k_neither = "姓名,社区\n\xd5\xc5,c\n\xff,c\n";

}  // namespace

TEST_CASE("bytes that are neither UTF-8 nor GB18030 are called that, with the line and a fix") {
  const Language en(i18n::Lang::en);
  const Failure piped = open_failure("-", k_neither);
  CHECK(piped.code == ExitCode::bad_input);
  CHECK(piped.message ==
        "stdin:2: neither UTF-8 nor GB18030/GBK text (not UTF-8 from byte 14; not GB18030 from "
        "byte 19, on line 3). Save the file as UTF-8 (in Excel: CSV UTF-8), or name its "
        "encoding with --encoding");

  const tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "台账.csv").string();
  std::ofstream(path, std::ios::binary) << k_neither;
  i18n::set_language(i18n::Lang::zh);
  const Failure file = open_failure(path, "");
  CHECK(file.code == ExitCode::bad_input);
  CHECK(file.message == path +
                            ":2: 既不是 UTF-8 也不是 GB18030/GBK 编码的文本（按 UTF-8 第 14 字节起"
                            "无效；按 GB18030 第 19 字节起无效，在第 3 行）。请把文件另存为 UTF-8"
                            "（Excel 中选“CSV UTF-8”），或用 --encoding 指定它的编码");

  SUBCASE("a forced GB18030 is only said not to be GB18030") {
    i18n::set_language(i18n::Lang::en);
    CHECK(open_failure(path, "", "gb18030").message.starts_with(path + ":3: not valid GB18030"));
  }
}

TEST_CASE("a workbook on standard input is refused (exit 2) before anything is read as text") {
  const Language en(i18n::Lang::en);
  const Failure xlsx = open_failure("-", std::string("PK\3\4\x14\0\0\0", 8) + "rest of a zip");
  CHECK(xlsx.code == ExitCode::usage);
  CHECK(xlsx.message ==
        "standard input is an Excel workbook (.xlsx), which is read only from its file: give the "
        "workbook's file name instead of - (standard input takes CSV or TSV text); nothing was "
        "written");
  const Failure xls = open_failure("-", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE2 file");
  CHECK(xls.code == ExitCode::usage);
  CHECK(xls.message.starts_with("standard input is an Excel workbook (.xls),"));

  i18n::set_language(i18n::Lang::zh);
  CHECK(open_failure("-", "PK\3\4").message.starts_with("标准输入是 Excel 工作簿（.xlsx）"));
  CHECK(open_failure("-", "PK,社区\n1,c\n").code == ExitCode::ok);  // text that starts with PK
}
