// The import result every importer returns: when it failed, how it prints for people (the error
// line first, then one line per row) and for scripts (one JSON object, personal values masked).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "io/import_result.h"

using namespace tongxin;
using namespace tongxin::io;

namespace {

ImportResult bad_rows() {
  ImportResult r;
  r.file = "in.csv";
  r.matches_existing = true;
  r.counts = {.read = 3, .added = 1, .rejected = 2};
  r.errors = {
      {2, "身份证号", "wrong check character", "110105194912310021", ValueKind::id_number},
      {2, "联系电话", "bad phone", "13812345678x", ValueKind::phone},
      {3, "参加人员", "no such member", "11010519491231002X", ValueKind::plain},
      {4, "", "2 non-empty cell(s) beyond the header", "", ValueKind::plain},
  };
  return r;
}

struct Printed {
  std::string out;
  std::string err;
  std::optional<Error> error;
};

Printed print(const ImportResult& r, ResultFormat format) {
  std::ostringstream out;
  std::ostringstream err;
  Printed p;
  try {
    report(r, format, out, err);
  } catch (const Error& e) {
    p.error = e;
  }
  p.out = out.str();
  p.err = err.str();
  return p;
}

}  // namespace

TEST_CASE("an import fails when any row is invalid, unless invalid rows are left out") {
  ImportResult r;
  CHECK_FALSE(failed(r));
  r.counts.rejected = 1;
  CHECK(failed(r));
  r.skip_invalid = true;
  CHECK_FALSE(failed(r));
}

TEST_CASE("counts name updates only for importers that match existing records") {
  i18n::set_language(i18n::Lang::en);
  ImportResult r = bad_rows();
  CHECK(counts_text(r) == "3 rows: 1 new, 0 updated, 0 unchanged, 2 invalid");
  r.matches_existing = false;
  CHECK(counts_text(r) == "3 rows: 1 new, 2 invalid");
}

TEST_CASE("a failed import in text throws one error whose details are the row errors") {
  i18n::set_language(i18n::Lang::en);
  const Printed p = print(bad_rows(), ResultFormat::text);
  REQUIRE(p.error.has_value());
  CHECK(p.error->code() == ExitCode::bad_input);
  CHECK(std::string(p.error->what()) ==
        "in.csv has invalid rows; nothing was written (3 rows: 1 new, 0 updated, 0 unchanged, 2 "
        "invalid)");
  CHECK(p.error->details() ==
        std::vector<std::string>{
            "in.csv:2: column '身份证号': wrong check character (**************0021)",
            "in.csv:2: column '联系电话': bad phone (138*******8x)",
            "in.csv:3: column '参加人员': no such member (**************002X)",
            "in.csv:4: 2 non-empty cell(s) beyond the header"});
  CHECK(p.out.empty());
  CHECK(p.err.empty());  // nothing before the error line
}

TEST_CASE("rows left out are a warning line on stderr followed by the rows") {
  i18n::set_language(i18n::Lang::en);
  ImportResult r = bad_rows();
  r.skip_invalid = true;
  r.batch_id = 7;
  const Printed p = print(r, ResultFormat::text);
  CHECK_FALSE(p.error.has_value());
  CHECK(p.out.empty());
  CHECK(p.err ==
        "tongxin: warning: in.csv: 2 invalid row(s) left out:\n"
        "  in.csv:2: column '身份证号': wrong check character (**************0021)\n"
        "  in.csv:2: column '联系电话': bad phone (138*******8x)\n"
        "  in.csv:3: column '参加人员': no such member (**************002X)\n"
        "  in.csv:4: 2 non-empty cell(s) beyond the header\n"
        "tongxin: in.csv: imported 1 row(s) as batch 7, left out 2 invalid row(s); keep them with "
        "--rejects FILE\n");
  CHECK(done_line(r) ==
        "imported in.csv as batch 7: 3 rows: 1 new, 0 updated, 0 unchanged, "
        "2 invalid");
}

TEST_CASE("a clean dry run prints its counts on stdout only") {
  i18n::set_language(i18n::Lang::en);
  ImportResult r;
  r.file = "stdin";
  r.dry_run = true;
  r.counts = {.read = 2, .added = 2};
  r.header_line = 2;
  const Printed p = print(r, ResultFormat::text);
  CHECK_FALSE(p.error.has_value());
  CHECK(p.out ==
        "stdin: header on line 2\ndry run of stdin, nothing written: 2 rows: 2 new, 0 invalid\n");
  CHECK(p.err.empty());
}

TEST_CASE("JSON holds counts, batch and every row error, with no whole ID number or phone") {
  i18n::set_language(i18n::Lang::en);
  const Printed p = print(bad_rows(), ResultFormat::json);
  REQUIRE(p.error.has_value());  // still exit 3
  CHECK(p.error->code() == ExitCode::bad_input);
  CHECK(p.error->details().empty());  // the rows are in the object
  CHECK(p.err.empty());
  const auto doc = nlohmann::json::parse(p.out);
  CHECK(doc["file"] == "in.csv");
  CHECK(doc["failed"] == true);
  CHECK(doc["dry_run"] == false);
  CHECK(doc["batch_id"].is_null());
  CHECK(doc["counts"] == nlohmann::json{{"read", 3},
                                        {"new", 1},
                                        {"updated", 0},
                                        {"unchanged", 0},
                                        {"skipped", 0},
                                        {"rejected", 2}});
  REQUIRE(doc["errors"].size() == 4);
  const auto& first = doc["errors"][0];
  CHECK(first == nlohmann::json{{"file", "in.csv"},
                                {"line", 2},
                                {"column", "身份证号"},
                                {"reason", "wrong check character"},
                                {"value", "**************0021"}});
  CHECK(doc["errors"][1]["value"] == "138*******8x");
  CHECK(doc["errors"][2]["value"] == "**************002X");  // an ID number in free text
  CHECK(doc["errors"][3]["column"] == "");
  CHECK(p.out.find("110105194912310021") == std::string::npos);
  CHECK(p.out.find("11010519491231002X") == std::string::npos);
  CHECK(p.out.find("13812345678") == std::string::npos);
}

TEST_CASE("JSON of a written import gives its batch and no error") {
  ImportResult r;
  r.file = "in.csv";
  r.counts = {.read = 1, .added = 1};
  r.batch_id = 3;
  const Printed p = print(r, ResultFormat::json);
  CHECK_FALSE(p.error.has_value());
  const auto doc = nlohmann::json::parse(p.out);
  CHECK(doc["batch_id"] == 3);
  CHECK(doc["failed"] == false);
  CHECK(doc["errors"].empty());
}

TEST_CASE("the header's place names the sheet of a workbook") {
  i18n::set_language(i18n::Lang::en);
  ImportResult r;
  r.file = "台账.xlsx";
  r.sheet = "台账";
  r.header_line = 2;
  CHECK(tongxin::io::header_text(r) == "台账.xlsx: sheet '台账', header on row 2");
  std::ostringstream json;
  tongxin::io::write_json(json, r);
  CHECK(json.str().find("\"sheet\": \"台账\",\n  \"header_row\": 2") != std::string::npos);
}
