// The report's sections as tables and charts, read from the JSON document: what every human
// format appends to the drafted text, so each carries all the figures (with 环比 and 同比).
// Cells show the document's `display` ("<5" and "*" for suppressed counts), never the value.
#include "report/render.h"
#include "text/strings.h"

namespace tongxin::report {

namespace {

using json = nlohmann::ordered_json;

std::string label(std::string_view key) { return std::string(i18n::text(key)); }

output::Column text_column(std::string_view key) {
  return {std::string(key), label("render.col." + std::string(key))};
}

output::Column number_column(std::string key, std::string header) {
  return {std::move(key), std::move(header), true, true};
}

// The three figure columns: this period, the previous one and a year earlier, by their labels.
std::vector<output::Column> comparison_columns(const json& report) {
  return {number_column("value", report["period"].value("label", "")),
          number_column("previous", i18n::tr("render.col.previous",
                                             report["previous_period"].value("label", ""))),
          number_column("year_ago", i18n::tr("render.col.year_ago",
                                             report["year_ago_period"].value("label", "")))};
}

std::string shown(const json& cell) { return cell.is_null() ? "-" : cell.value("display", "-"); }

std::vector<std::string> comparison_cells(const json& count) {
  return {shown(count), shown(count["previous"]), shown(count["year_ago"])};
}

// A table of rows "label | this period | previous | year ago".
output::Table count_table(const json& report, std::vector<output::Column> leading,
                          const std::vector<std::pair<std::vector<std::string>, json>>& rows) {
  output::Table table;
  table.columns = std::move(leading);
  for (output::Column& column : comparison_columns(report)) {
    table.columns.push_back(std::move(column));
  }
  for (const auto& [cells, count] : rows) {
    std::vector<std::string> row = cells;
    for (std::string& cell : comparison_cells(count)) {
      row.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Block table_block(output::Table table) {
  Block block;
  block.kind = Block::Kind::table;
  block.table = std::move(table);
  return block;
}

Block chart_block(Chart chart) {
  Block block;
  block.kind = Block::Kind::chart;
  block.chart = std::move(chart);
  return block;
}

ChartBar bar(const std::string& name, const json& count) {
  const bool hidden = count.value("suppressed", false) || !count["value"].is_number();
  return {name, hidden ? std::nullopt : std::optional<double>(count["value"].get<double>()),
          shown(count)};
}

class SectionWriter {
 public:
  explicit SectionWriter(const json& report) : m_report(report) {}

  void section(std::string_view key) { m_blocks.push_back(heading_block(2, label(key))); }
  void table(std::string_view title_key, output::Table table) {
    m_blocks.push_back(heading_block(3, label(title_key)));
    m_blocks.push_back(table_block(std::move(table)));
  }
  void chart(Chart chart) { m_blocks.push_back(chart_block(std::move(chart))); }
  void paragraph(std::string text) {
    Block block;
    block.items.push_back(std::move(text));
    m_blocks.push_back(std::move(block));
  }
  std::vector<Block> take() { return std::move(m_blocks); }

  void register_section();
  void work_section();
  void two_way_section();
  void duties_section();
  void audit_section();
  void next_section();
  void missing_section();

 private:
  const json& m_report;
  std::vector<Block> m_blocks;
};

void SectionWriter::register_section() {
  const json& reg = m_report["sections"]["register"];
  section("render.section.register");
  std::vector<std::pair<std::vector<std::string>, json>> rows;
  for (const char* key : {"members", "key_contacts", "key_contacts_with_cadre",
                          "key_contacts_visited", "share_visited", "hardship"}) {
    rows.push_back({{label(std::string("render.row.") + key)}, reg[key]});
  }
  for (const char* key : {"registered", "moved_in", "moved_out", "archived", "deceased"}) {
    rows.push_back({{label(std::string("render.row.") + key)}, reg["changes"][key]});
  }
  table("render.table.register", count_table(m_report, {text_column("item")}, rows));
  rows.clear();
  Chart by_category{label("render.chart.by_category"), {}, false};
  for (const json& row : reg["by_category"]) {
    rows.push_back({{row.value("label", "")}, row["count"]});
    by_category.bars.push_back(bar(row.value("label", ""), row["count"]));
  }
  table("render.table.by_category", count_table(m_report, {text_column("category")}, rows));
  chart(std::move(by_category));
  output::Table communities;
  communities.columns = {text_column("community"), text_column("township"),
                         number_column("members", label("render.row.members")),
                         number_column("key_contacts", label("render.row.key_contacts")),
                         number_column("hardship", label("render.row.hardship"))};
  for (const json& row : reg["by_community"]) {
    communities.rows.push_back(
        {row.value("name", ""),
         row.value("township", json()).is_string() ? row["township"].get<std::string>() : "",
         shown(row["members"]), shown(row["key_contacts"]), shown(row["hardship"])});
  }
  table("render.table.register_by_community", std::move(communities));
  for (const json& field : reg["by_sensitive"]) {
    rows.clear();
    for (const json& row : field["rows"]) {
      rows.push_back({{row.value("label", "")}, row["count"]});
    }
    m_blocks.push_back(heading_block(3, field.value("label", "")));
    m_blocks.push_back(table_block(count_table(m_report, {text_column("value")}, rows)));
  }
}

void SectionWriter::work_section() {
  const json& work = m_report["sections"]["work"];
  section("render.section.work");
  std::vector<std::pair<std::vector<std::string>, json>> types{
      {{label("render.row.activities")}, work["activities"]}};
  std::vector<std::pair<std::vector<std::string>, json>> measures;
  Chart by_type{label("render.chart.by_type"), {}, false};
  for (const json& type_total : work["by_type"]) {
    const std::string type = type_total.value("label", "");
    types.push_back({{type}, type_total["count"]});
    by_type.bars.push_back(bar(type, type_total["count"]));
    for (const json& measure : type_total["measures"]) {
      measures.push_back(
          {{type, measure.value("label", ""), measure.value("unit", "")}, measure["total"]});
    }
  }
  table("render.table.by_type", count_table(m_report, {text_column("type")}, types));
  chart(std::move(by_type));
  table("render.table.measures",
        count_table(m_report, {text_column("type"), text_column("measure"), text_column("unit")},
                    measures));
  output::Table months;
  months.columns = {text_column("month"),
                    number_column("activities", label("render.row.activities"))};
  Chart by_month{label("render.chart.by_month"), {}, true};
  for (const json& month : work["by_month"]) {
    const int count = month.value("activities", 0);
    months.rows.push_back({month.value("label", ""), std::to_string(count)});
    by_month.bars.push_back({month.value("label", ""), count, std::to_string(count)});
  }
  table("render.table.by_month", std::move(months));
  chart(std::move(by_month));
  std::vector<std::pair<std::vector<std::string>, json>> communities;
  for (const json& row : work["by_community"]) {
    communities.push_back({{row.value("name", "")}, row["activities"]});
  }
  table("render.table.work_by_community",
        count_table(m_report, {text_column("community")}, communities));
  output::Table notable;
  notable.columns = {text_column("date"), text_column("community"), text_column("type"),
                     text_column("title")};
  for (const json& activity : work["notable"]) {
    notable.rows.push_back({activity.value("date", ""), activity.value("community_name", ""),
                            activity.value("type_label", ""), activity.value("title", "")});
  }
  table("render.table.notable", std::move(notable));
}

void SectionWriter::two_way_section() {
  section("render.section.two_way");
  std::vector<std::pair<std::vector<std::string>, json>> rows;
  for (const char* name : {"to_members", "from_members"}) {
    const json& direction = m_report["sections"]["two_way"][name];
    const std::string heading = direction.value("label", "");
    rows.push_back({{heading, label("render.row.activities"), ""}, direction["activities"]});
    for (const json& type_total : direction["by_type"]) {
      const std::string type = type_total.value("label", "");
      rows.push_back({{heading, type, label("render.row.activities")}, type_total["count"]});
      for (const json& measure : type_total["measures"]) {
        rows.push_back({{heading, type,
                         i18n::tr("render.row.measure_unit", measure.value("label", ""),
                                  measure.value("unit", ""))},
                        measure["total"]});
      }
    }
  }
  table("render.table.two_way",
        count_table(m_report,
                    {text_column("direction"), text_column("type"), text_column("measure")}, rows));
}

void SectionWriter::duties_section() {
  const json& duties = m_report["sections"]["duties"];
  section("render.section.duties");
  if (duties["plan"].is_null()) {
    paragraph(label("render.note.no_plan"));
    return;
  }
  std::vector<std::pair<std::vector<std::string>, json>> rows;
  for (const char* key : {"due", "done", "overdue", "open"}) {
    rows.push_back({{label(std::string("render.row.duty_") + key)}, duties[key]});
  }
  table("render.table.duties", count_table(m_report, {text_column("item")}, rows));
  output::Table by_duty;
  by_duty.columns = {text_column("duty"),
                     text_column("type"),
                     number_column("due", label("render.row.duty_due")),
                     number_column("done", label("render.row.duty_done")),
                     number_column("overdue", label("render.row.duty_overdue")),
                     number_column("open", label("render.row.duty_open"))};
  for (const json& duty : duties["by_duty"]) {
    by_duty.rows.push_back({duty.value("title", ""), duty.value("type_label", ""),
                            shown(duty["due"]), shown(duty["done"]), shown(duty["overdue"]),
                            shown(duty["open"])});
  }
  table("render.table.by_duty", std::move(by_duty));
  output::Table phases;
  phases.columns = {text_column("phase"), text_column("dates"), text_column("status"),
                    text_column("deliverable"), text_column("met")};
  for (const json& phase : duties["phases"]) {
    const std::string dates = phase.value("start", "") + " – " + phase.value("end", "");
    const std::string status = label("render.phase." + phase.value("status", ""));
    if (phase["deliverables"].empty()) {
      phases.rows.push_back({phase.value("title", ""), dates, status, "", ""});
    }
    for (const json& deliverable : phase["deliverables"]) {
      phases.rows.push_back(
          {phase.value("title", ""), dates, status, deliverable.value("title", ""),
           fmt::format("{}/{}", deliverable.value("met", 0), deliverable.value("of", 0))});
    }
  }
  table("render.table.phases", std::move(phases));
}

std::string score_text(const json& value) {
  return value.is_number() ? text::format_number(value.get<double>(), 2) : "-";
}

void SectionWriter::audit_section() {
  const json& audit = m_report["sections"]["audit"];
  if (audit.is_null()) {
    return;
  }
  section("render.section.audit");
  paragraph(i18n::tr("render.note.audit", audit["standard"].value("title", ""),
                     audit.value("as_of", "")));
  output::Table communities;
  communities.columns = {text_column("community"),
                         number_column("score", label("render.col.score")),
                         number_column("max_score", label("render.col.max_score")),
                         number_column("stars", label("render.col.stars")), text_column("verdict")};
  for (const json& row : audit["communities"]) {
    communities.rows.push_back({row.value("name", ""), score_text(row["score"]),
                                score_text(row["max_score"]), score_text(row["stars"]),
                                row.value("verdict_label", "")});
  }
  communities.rows.push_back({label("render.row.overall"), score_text(audit["score"]),
                              score_text(audit["max_score"]), score_text(audit["stars"]),
                              audit.value("verdict_label", "")});
  table("render.table.audit", std::move(communities));
  output::Table failed;
  failed.columns = {text_column("community"), text_column("audit_item"), text_column("required"),
                    text_column("remediation")};
  for (const json& item : audit["failed"]) {
    failed.rows.push_back(
        {item.value("community_name", ""), item.value("title", ""),
         label(item.value("required", false) ? "render.yes" : "render.no"),
         item["remediation"].is_string() ? item["remediation"].get<std::string>() : ""});
  }
  table("render.table.failed", std::move(failed));
}

void SectionWriter::next_section() {
  const json& next = m_report["sections"]["next"];
  section("render.section.next");
  paragraph(i18n::tr("render.note.next", next["period"].value("label", "")));
  output::Table duties;
  duties.columns = {text_column("due"), text_column("duty"), text_column("type"),
                    number_column("units", label("render.col.units"))};
  for (const json& duty : next["duties"]) {
    duties.rows.push_back({duty.value("due", ""), duty.value("title", ""),
                           duty.value("type_label", ""), std::to_string(duty.value("units", 0))});
  }
  table("render.table.next_duties", std::move(duties));
  output::Table festivals;
  festivals.columns = {text_column("date"), text_column("festival")};
  for (const json& festival : next["festivals"]) {
    festivals.rows.push_back({festival.value("date", ""), festival.value("label", "")});
  }
  table("render.table.festivals", std::move(festivals));
}

void SectionWriter::missing_section() {
  const json& missing = m_report["sections"]["missing"];
  if (missing.empty()) {
    return;
  }
  section("render.section.missing");
  output::Table table_of_missing;
  table_of_missing.columns = {text_column("community"), text_column("township")};
  for (const json& community : missing) {
    table_of_missing.rows.push_back(
        {community.value("name", ""),
         community["township"].is_string() ? community["township"].get<std::string>() : ""});
  }
  table("render.table.missing", std::move(table_of_missing));
}

}  // namespace

Document build_document(const json& report, const std::string& drafted) {
  Document document;
  document.title = i18n::tr("render.draft.title", report["scope"].value("name", ""),
                            report["period"].value("label", ""));
  document.language = report.value("language", "zh");
  document.date = report["period"].value("to", "");
  document.drafted = drafted;
  document.drafted_blocks = parse_markdown(drafted);
  SectionWriter writer(report);
  writer.register_section();
  writer.work_section();
  writer.two_way_section();
  writer.duties_section();
  writer.audit_section();
  writer.next_section();
  writer.missing_section();
  document.sections.push_back(heading_block(1, label("render.section.tables")));
  for (Block& block : writer.take()) {
    document.sections.push_back(std::move(block));
  }
  const int min_cell = report["privacy"].value("min_cell", 5);
  document.sections.push_back(Block());
  document.sections.back().items.push_back(i18n::tr("render.note.privacy", min_cell));
  if (report["rollup"].is_object()) {
    document.sections.push_back(Block());
    document.sections.back().items.push_back(i18n::tr("render.note.rollup"));
  }
  return document;
}

}  // namespace tongxin::report
