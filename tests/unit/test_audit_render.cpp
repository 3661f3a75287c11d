// The audit document formats (audit/render.h) on the sample document
// (tests/unit/data/audit_sample.json): whole outputs compared with the files beside it
// (audit_sample.md, .html, .junit.xml, .csv, audit_sample_one.md). After an intended change,
// `UPDATE_GOLDEN=1 ./build/tests/unit_tests -tc='audit render*'` rewrites them; read the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "audit/render.h"
#include "helpers.h"
#include "io/xlsx_reader.h"

#ifndef TONGXIN_SOURCE_DIR
#error "TONGXIN_SOURCE_DIR must be defined as the repository root (a string literal)"
#endif

using Json = nlohmann::ordered_json;

namespace {

const std::string k_data = std::string(TONGXIN_SOURCE_DIR) + "/tests/unit/data/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Json sample() { return Json::parse(read_file(k_data + "audit_sample.json")); }

// The sample cut to its first community, as `tongxin audit COMMUNITY` gives it.
Json first_community_only() {
  Json doc = sample();
  doc["communities"] = Json::array({doc["communities"][0]});
  doc["summary"]["rows"] = Json::array({doc["summary"]["rows"][0]});
  return doc;
}

// Compares `actual` with the golden file `name` under tests/unit/data (rewrites it instead when
// UPDATE_GOLDEN is set).
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = k_data + name;
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  CHECK_MESSAGE(actual == read_file(path), "differs from " << path);
}

template <typename Render>
std::string rendered(const Json& doc, Render render) {
  std::ostringstream out;
  render(out, doc);
  return out.str();
}

// The lines of `text` (without their line ends).
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    result.push_back(line);
  }
  return result;
}

void write_csv_plain(std::ostream& out, const Json& doc) {
  tongxin::audit::write_audit_csv(out, doc);
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines(text)) {
    if (l == line) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("audit render: Markdown of two communities, with summary and township roll-up") {
  check_golden("audit_sample.md", rendered(sample(), tongxin::audit::write_audit_md));
}

TEST_CASE("audit render: Markdown of one community has no summary") {
  check_golden("audit_sample_one.md",
               rendered(first_community_only(), tongxin::audit::write_audit_md));
}

TEST_CASE("audit render: Markdown summary alone") {
  check_golden("audit_sample_summary.md",
               rendered(sample(), tongxin::audit::write_audit_md_summary));
}

TEST_CASE("audit render: Markdown cells escape | and line breaks") {
  Json doc = first_community_only();
  doc["communities"][0]["groups"][0]["items"][0]["evidence"] = "a|b\nc";
  const std::string md = rendered(doc, tongxin::audit::write_audit_md);
  CHECK(has_line(md, "| 有办公室 |  | 达标 | 2 | 2 | a\\|b<br>c |"));
}

TEST_CASE("audit render: HTML pages per community and a summary page") {
  check_golden("audit_sample.html", rendered(sample(), tongxin::audit::write_audit_html));
}

TEST_CASE("audit render: HTML escapes markup in names and evidence") {
  Json doc = first_community_only();
  doc["communities"][0]["groups"][0]["items"][0]["title"] = "<b>办公室</b> & \"牌子\"";
  const std::string html = rendered(doc, tongxin::audit::write_audit_html);
  CHECK(html.find("<b>办公室") == std::string::npos);
  CHECK(html.find("<td>&lt;b&gt;办公室&lt;/b&gt; &amp; &quot;牌子&quot;</td>") !=
        std::string::npos);
}

TEST_CASE("audit render: JUnit XML") {
  check_golden("audit_sample.junit.xml", rendered(sample(), tongxin::audit::write_audit_junit));
}

TEST_CASE("audit render: JUnit attributes keep line breaks and drop control characters") {
  Json doc = first_community_only();
  Json& item = doc["communities"][0]["groups"][2]["items"][0];  // work_regular_meetings: fail
  item["title"] = "例会";
  item["evidence"] = "9 次\n要求 ≥ 10 <\x01>";
  item["remediation"] = nullptr;
  const std::string xml = rendered(doc, tongxin::audit::write_audit_junit);
  CHECK(has_line(xml,
                 "      <failure type=\"activity\" message=\"例会：9 次&#10;要求 ≥ 10 &lt;&gt;\">"
                 "9 次&#10;要求 ≥ 10 &lt;&gt;</failure>"));
}

TEST_CASE("audit render: CSV with codes and labels") {
  check_golden("audit_sample.csv", rendered(sample(), write_csv_plain));
}

TEST_CASE("audit render: CSV for a file starts with a byte-order mark") {
  std::ostringstream out;
  tongxin::audit::write_audit_csv(out, sample(), true);
  CHECK(out.str() == "\xEF\xBB\xBF" + read_file(k_data + "audit_sample.csv"));
}

TEST_CASE("audit render: CSV guards text cells against formulas, never numbers") {
  Json doc = first_community_only();
  Json& item = doc["communities"][0]["groups"][0]["items"][0];
  item["evidence"] = "=HYPERLINK(\"http://x\")";
  item["title"] = "-有办公室";
  item["points_earned"] = -1;  // not a valid document, but shows numbers stay unguarded
  const std::vector<std::string> csv = lines(rendered(doc, write_csv_plain));
  REQUIRE(csv.size() == 10);
  CHECK(csv[1] ==
        "chengguan-dongjie,东街社区,城关镇,hardware,硬件建设（六有）,hw_office,'-有办公室,field,"
        "社区资料,false,pass,达标,-1,2,\"'=HYPERLINK(\"\"http://x\"\")\",");
}

TEST_CASE("audit render: XLSX has labelled columns, numbers as numbers, formulas guarded") {
  tongxin::testing::TempDir dir;
  const std::string path = (dir.path / "audit.xlsx").string();
  Json doc = sample();
  doc["communities"][1]["groups"][0]["items"][1]["evidence"] = "+牌子：无";
  tongxin::audit::write_audit_xlsx(path, doc);
  CHECK(tongxin::io::xlsx_sheet_names(path) == std::vector<std::string>{"社区统战工作验收评分表"});
  const std::vector<tongxin::io::XlsxRow> rows = tongxin::io::read_xlsx(path, "");
  REQUIRE(rows.size() == 19);
  auto texts = [](const tongxin::io::XlsxRow& row) {
    std::vector<std::string> cells;
    for (const auto& cell : tongxin::io::dense_cells(row)) {
      cells.push_back((cell.numeric ? "#" : "") + cell.text);
    }
    return cells;
  };
  CHECK(texts(rows[0]) == std::vector<std::string>{"社区", "乡镇（街道）", "考核维度", "考核项目",
                                                   "检查方式", "必备项", "结果", "得分", "满分",
                                                   "依据", "整改要求"});
  CHECK(texts(rows[3]) == std::vector<std::string>{"东街社区", "城关镇", "硬件建设（六有）",
                                                   "有专项经费", "社区资料", "✓", "达标", "#4",
                                                   "#4", "专项经费：每年 5000 元，要求 ≥ 2000 元"});
  CHECK(texts(rows[11]) == std::vector<std::string>{"北街社区", "城关镇", "硬件建设（六有）",
                                                    "有牌子", "社区资料", "", "未达标", "#0", "#2",
                                                    "'+牌子：无",
                                                    "在社区办公场所悬挂“社区统战工作室”牌子。"});
  CHECK(texts(rows[9]) == std::vector<std::string>{"东街社区", "城关镇", "日常工作", "群众评议",
                                                   "人工评定", "", "达标", "#4.5", "#5",
                                                   "人工评定 4.5 分（县考核组，2012-12-20）"});
}
