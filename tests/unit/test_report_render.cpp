// The report's renderers (lib/report/render_*.cpp): Markdown read back as blocks, SVG charts,
// Markdown, HTML, Word and XLSX output of a document, the summary template and its checks.
#include <doctest/doctest.h>

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "config/codes.h"
#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "io/xlsx_reader.h"
#include "report/render.h"

using namespace tongxin;
using report::Block;

namespace {

// Blocks as comparable lines: "h2 基本情况", "p text", "ul a | b", "table a,b / 1,2".
std::string dump(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    switch (block.kind) {
      case Block::Kind::heading:
        out += "h" + std::to_string(block.level) + " " + block.items.front();
        break;
      case Block::Kind::paragraph:
        out += "p " + block.items.front();
        break;
      case Block::Kind::bullets:
      case Block::Kind::numbered:
        out += block.kind == Block::Kind::bullets ? "ul" : "ol";
        for (const std::string& item : block.items) {
          out += " | " + item;
        }
        break;
      case Block::Kind::table:
        out += "table";
        for (const auto& column : block.table.columns) {
          out += " " + column.label + (column.right_align ? ":" : "");
        }
        for (const auto& row : block.table.rows) {
          out += " /";
          for (const std::string& cell : row) {
            out += " " + cell;
          }
        }
        break;
      case Block::Kind::chart:
        out += "chart " + block.chart.title;
        break;
    }
    out += "\n";
  }
  return out;
}

// The text of `name` inside the zip archive `bytes`.
std::string zip_entry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  zip_stat_t stat;
  REQUIRE(zip_stat(archive, name.c_str(), 0, &stat) == 0);
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  REQUIRE(file != nullptr);
  std::string text(stat.size, '\0');
  CHECK(zip_fread(file, text.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_fclose(file);
  zip_discard(archive);
  return text;
}

}  // namespace

TEST_CASE("parse_markdown reads headings, paragraphs, lists and pipe tables") {
  const std::string markdown =
      "# 卫星社区工作总结\n"
      "\n"
      "本季度共开展例会6次，\n"
      "悬挂横幅4条。\n"
      "\n"
      "## 一、基本情况\n"
      "- 成员 **12** 人\n"
      "- 重点人士 3 人\n"
      "1. first\n"
      "   continued\n"
      "2) second\n"
      "\n"
      "| 类别 | 人数 |\n"
      "| --- | ---: |\n"
      "| 民主党派 \\| 无党派 | <5 |\n"
      "| 合计 | 12 |\n"
      "Latin words\n"
      "joined\n";
  CHECK(dump(report::parse_markdown(markdown)) ==
        "h1 卫星社区工作总结\n"
        "p 本季度共开展例会6次，悬挂横幅4条。\n"
        "h2 一、基本情况\n"
        "ul | 成员 **12** 人 | 重点人士 3 人\n"
        "ol | first continued | second\n"
        "table 类别 人数: / 民主党派 | 无党派 <5 / 合计 12\n"
        "p Latin words joined\n");
}

TEST_CASE("parse_spans finds **bold** runs and leaves a lone ** as text") {
  const auto spans = report::parse_spans("共 **6** 次，a ** b");
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].text == "共 ");
  CHECK(!spans[0].bold);
  CHECK(spans[1].text == "6");
  CHECK(spans[1].bold);
  CHECK(spans[2].text == " 次，a ** b");
  CHECK(!spans[2].bold);
}

TEST_CASE("SVG bar chart: bars scaled to the largest, a suppressed count as text with no bar") {
  report::Chart chart{
      "按类别", {{"民主党派", 10.0, "10"}, {"宗教<界>", std::nullopt, "<5"}}, false};
  CHECK(
      report::render_svg_chart(chart) ==
      R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 84" width="640" height="84" role="img" aria-label="按类别" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif" font-size="12"><title>按类别</title>)"
      "\n"
      R"(<text x="0" y="16" font-size="14" font-weight="bold">按类别</text>)"
      "\n"
      R"(<text x="162" y="44" text-anchor="end">民主党派</text><rect x="170" y="32" width="410.0" height="16" fill="#b22222"/><text x="584.0" y="44">10</text>)"
      "\n"
      R"(<text x="162" y="68" text-anchor="end">宗教&lt;界&gt;</text><text class="suppressed" x="174" y="68" fill="#666">&lt;5</text>)"
      "\n</svg>");
}

TEST_CASE("SVG column chart: one column per month, labels under the axis") {
  report::Chart chart{"按月", {{"1月", 2.0, "2"}, {"2月", 0.0, "0"}}, true};
  CHECK(
      report::render_svg_chart(chart) ==
      R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 228" width="640" height="228" role="img" aria-label="按月" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif" font-size="12"><title>按月</title>)"
      "\n"
      R"(<text x="0" y="16" font-size="14" font-weight="bold">按月</text>)"
      "\n"
      R"(<line x1="10" y1="200" x2="630" y2="200" stroke="#444"/>)"
      "\n"
      R"(<rect x="72.0" y="40.0" width="186.0" height="160.0" fill="#b22222"/><text x="165.0" y="36.0" text-anchor="middle">2</text><text x="165.0" y="218" text-anchor="middle">1月</text>)"
      "\n"
      R"(<rect x="382.0" y="200.0" width="186.0" height="0.0" fill="#b22222"/><text x="475.0" y="196.0" text-anchor="middle">0</text><text x="475.0" y="218" text-anchor="middle">2月</text>)"
      "\n</svg>");
}

TEST_CASE("render_docx: Word parts with heading styles, numbered lists, tables; same bytes twice") {
  i18n::set_language(i18n::Lang::zh);
  const std::vector<Block> blocks = report::parse_markdown(
      "# 总结\n\n## 一、基本情况\n\n共 **6** 次 & 更多\n\n1. 甲\n2. 乙\n\n"
      "| 类别 | 人数 |\n| --- | ---: |\n| 合计 | 12 |\n");
  const std::string docx = report::render_docx(blocks, "总结");
  CHECK(docx == report::render_docx(blocks, "总结"));
  const std::string document = zip_entry(docx, "word/document.xml");
  CHECK(document.find(R"(<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">总结)") !=
        std::string::npos);
  CHECK(document.find(
            R"(<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、基本情况)") !=
        std::string::npos);
  CHECK(
      document.find(
          R"(<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">6</w:t></w:r><w:r><w:t xml:space="preserve"> 次 &amp; 更多</w:t>)") !=
      std::string::npos);
  CHECK(document.find(R"(<w:numId w:val="2"/>)") != std::string::npos);
  CHECK(document.find(R"(<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">12</w:t>)") !=
        std::string::npos);
  CHECK(zip_entry(docx, "word/numbering.xml").find(R"(<w:lvlText w:val="%1、"/>)") !=
        std::string::npos);
  CHECK(zip_entry(docx, "docProps/core.xml").find("<dc:title>总结</dc:title>") !=
        std::string::npos);
}

namespace {

// The message and details of the tongxin::Error `f` throws, one per line.
std::string error_text(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    std::string text = std::to_string(static_cast<int>(e.code())) + " " + e.what() + "\n";
    for (const std::string& line : e.details()) {
      text += line + "\n";
    }
    return text;
  }
  return "no error";
}

const nlohmann::ordered_json k_model = nlohmann::ordered_json::parse(R"({
  "draft": {"title": "总结", "problems": [], "has_notable": false},
  "activities": [{"type": "meeting", "count": 6}]
})");

}  // namespace

TEST_CASE("check_template accepts names of the model, in sections and dotted") {
  i18n::set_language(i18n::Lang::en);
  const report::SummaryTemplate ok{
      "t.mustache",
      "# {{draft.title}}\n{{#activities}}{{type}} {{count}} {{draft.title}}{{/activities}}\n"
      "{{#draft}}{{title}}{{/draft}}{{^draft.problems}}none{{/draft.problems}}"
      "{{#draft.problems}}{{.}}{{/draft.problems}}{{! a comment }}{{{draft.title}}}{{&draft.title}}"
      "{{=<% %>=}}<% draft.title %>"};
  CHECK_NOTHROW(report::check_template(ok, k_model));
}

TEST_CASE("check_template: every unknown name, with file:line:column, a guess and a caret") {
  i18n::set_language(i18n::Lang::en);
  const report::SummaryTemplate bad{"templates/report-quarterly.md.mustache",
                                    "# {{draft.titel}}\n"
                                    "{{#activities}}{{kind}}{{/activities}}\n"
                                    "{{^draft.problems}}{{count}}{{/draft.problems}}\n"};
  CHECK(error_text([&] { report::check_template(bad, k_model); }) ==
        "5 templates/report-quarterly.md.mustache: 3 configuration problem(s)\n"
        "templates/report-quarterly.md.mustache:1:3: unknown template variable 'draft.titel', "
        "did you mean 'draft.title'?\n"
        "    # {{draft.titel}}\n"
        "      ^\n"
        "templates/report-quarterly.md.mustache:2:16: unknown template variable 'kind' (see "
        "tongxin-report(1) for the variables)\n"
        "    {{#activities}}{{kind}}{{/activities}}\n"
        "                   ^\n"
        "templates/report-quarterly.md.mustache:3:20: unknown template variable 'count' (see "
        "tongxin-report(1) for the variables)\n"
        "    {{^draft.problems}}{{count}}{{/draft.problems}}\n"
        "                       ^\n");
}

TEST_CASE("check_template: unclosed and mismatched sections, partials, unclosed tags") {
  i18n::set_language(i18n::Lang::en);
  auto first_detail = [](const std::string& text) {
    return error_text([&] { report::check_template({"t", text}, k_model); });
  };
  CHECK(first_detail("{{#activities}}\n{{type}}")
            .find("t:1:1: section 'activities' is never closed") != std::string::npos);
  CHECK(first_detail("{{#activities}}{{/draft}}")
            .find("t:1:16: closing tag 'draft' does not match the open section") !=
        std::string::npos);
  CHECK(first_detail("{{> header}}").find("t:1:1: partials are not supported: 'header'") !=
        std::string::npos);
  CHECK(first_detail("ok\n  {{draft.title").find("t:2:3: unclosed tag (no end for '{{')") !=
        std::string::npos);
}

namespace {

const std::string k_data = std::string(TONGXIN_SOURCE_DIR) + "/tests/unit/data/";

nlohmann::ordered_json sample_report() {
  std::ifstream in(k_data + "report_sample.json");
  REQUIRE(in);
  return nlohmann::ordered_json::parse(in);
}

// Compares `actual` with the whole golden file `name` under tests/unit/data; UPDATE_GOLDEN=1
// rewrites the file instead (review the diff before committing).
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = k_data + name;
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing golden file " << path << " (run with UPDATE_GOLDEN=1)");
  std::ostringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}

report::Document sample_document(i18n::Lang lang) {
  i18n::set_language(lang);
  nlohmann::ordered_json sample = sample_report();
  sample["language"] = i18n::lang_code(lang);
  return report::build_document(sample,
                                report::draft_summary(sample, report::builtin_template(lang)));
}

}  // namespace

TEST_CASE("the sample report as Markdown: the drafted 工作总结, then every section's tables") {
  check_golden("report_sample.zh.md", report::render_markdown(sample_document(i18n::Lang::zh)));
}

TEST_CASE("the sample report's drafted summary in English") {
  check_golden("report_sample.en.md", sample_document(i18n::Lang::en).drafted);
}

TEST_CASE("the sample report as HTML: self-contained, three SVG charts, suppressed cells as text") {
  const std::string html = report::render_html(sample_document(i18n::Lang::zh));
  check_golden("report_sample.html", html);
  size_t charts = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  CHECK(charts == 3);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // only the namespace
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("the sample report as docx: the same bytes twice, headings and figures in document.xml") {
  const report::Document document = sample_document(i18n::Lang::zh);
  const std::string docx = report::render_docx(document);
  CHECK(docx == report::render_docx(sample_document(i18n::Lang::zh)));
  const std::string xml = zip_entry(docx, "word/document.xml");
  for (
      const char* expected :
      {R"(<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">城关镇2012年第一季度统战工作总结)",
       R"(<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">三、存在的问题)",
       "悬挂横幅4条、张贴标语12条、分发宣传资料800份",
       R"(<w:t xml:space="preserve">&lt;5</w:t>)"}) {
    CAPTURE(expected);
    CHECK(xml.find(expected) != std::string::npos);
  }
}

TEST_CASE("the sample report as XLSX: the summary sheet, then a sheet per section") {
  testing::TempDir dir;
  const std::string path = (dir.path / "report.xlsx").string();
  report::write_xlsx(path, sample_document(i18n::Lang::zh));
  CHECK(io::xlsx_sheet_names(path) == std::vector<std::string>{"工作总结", "基本情况", "主要工作",
                                                               "双向服务", "制度落实", "验收",
                                                               "下一步", "未上报"});
  const std::vector<io::XlsxRow> rows = io::read_xlsx(path, "主要工作");
  REQUIRE(rows.size() > 3);
  CHECK(rows[0].cells[0].text == "活动按类型");
  CHECK(rows[1].cells[0].text == "活动类型");
  CHECK(rows[2].cells[0].text == "活动次数");
  CHECK(rows[2].cells[1].numeric);
  CHECK(rows[2].cells[1].text == "33");
  const std::vector<io::XlsxRow> reg = io::read_xlsx(path, "基本情况");
  const auto hidden = std::find_if(reg.begin(), reg.end(), [](const io::XlsxRow& row) {
    return !row.cells.empty() && row.cells[0].text == "香港同胞、澳门同胞";
  });
  REQUIRE(hidden != reg.end());
  CHECK(hidden->cells[1].text == "<5");
  CHECK_FALSE(hidden->cells[1].numeric);
}

TEST_CASE("the built-in templates name only the data model, in both languages") {
  const nlohmann::ordered_json model = report::template_model(sample_report());
  CHECK_NOTHROW(report::check_template(report::builtin_template(i18n::Lang::zh), model));
  CHECK_NOTHROW(report::check_template(report::builtin_template(i18n::Lang::en), model));
}

TEST_CASE("a template may name any field of the schema, even where this document has none") {
  nlohmann::ordered_json sample = sample_report();
  sample["sections"]["audit"] = nullptr;
  sample["sections"]["work"]["notable"] = nlohmann::ordered_json::array();
  const report::SummaryTemplate tmpl{
      "t",
      "{{#sections.audit}}{{verdict_label}}{{#failed}}{{remediation}}{{/failed}}"
      "{{/sections.audit}}{{#sections.work.notable}}{{title}}{{/sections.work.notable}}"};
  CHECK(report::draft_summary(sample, tmpl).empty());
}

TEST_CASE("every measure of the activity types has a phrase for the drafted text") {
  for (const auto& entry : config::code_table("activity_types").entries()) {
    for (const config::Measure& measure : entry.measures) {
      const std::string key = "render.phrase." + entry.code + "." + measure.key;
      CAPTURE(key);
      CHECK(i18n::text(key) != key);
    }
  }
}

TEST_CASE("write_rendered: md and html to stdout or a file; docx and xlsx only to a file") {
  i18n::set_language(i18n::Lang::zh);
  const nlohmann::ordered_json sample = sample_report();
  const report::SummaryTemplate tmpl = report::builtin_template(i18n::Lang::zh);
  std::ostringstream out;
  report::write_rendered(sample, "md", tmpl, {}, out);
  CHECK(out.str() == report::render_markdown(
                         report::build_document(sample, report::draft_summary(sample, tmpl))));
  testing::TempDir dir;
  for (const char* format : {"html", "docx", "xlsx"}) {
    CAPTURE(format);
    const std::filesystem::path path = dir.path / (std::string("r.") + format);
    std::ostringstream none;
    report::write_rendered(sample, format, tmpl, path, none);
    CHECK(none.str().empty());
    CHECK(std::filesystem::file_size(path) > 1000);
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  }
  CHECK(testing::exit_code_of([&] { report::write_rendered(sample, "docx", tmpl, {}, out); }) ==
        ExitCode::usage);
  CHECK(std::vector<std::filesystem::path>(std::filesystem::directory_iterator(dir.path), {})
            .size() == 3);  // no temporary files left
}
