// The Markdown rendering of the audit document (render.h): one section per community, then the
// summary and the township roll-up. GitHub-flavoured tables; numbers right-aligned.
#include <fmt/format.h>

#include <vector>

#include "audit/render.h"
#include "audit/render_common.h"

namespace tongxin::audit {

namespace {

using render::Json;
using render::label;
using render::num;
using render::text;

// A table cell: | would end the cell and a line break the row.
std::string cell(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '|') {
      escaped += "\\|";
    } else if (c == '\n') {
      escaped += "<br>";
    } else if (c != '\r') {
      escaped += c;
    }
  }
  return escaped;
}

struct MdColumn {
  std::string header;
  bool right = false;
};

void write_table(std::ostream& out, const std::vector<MdColumn>& columns,
                 const std::vector<std::vector<std::string>>& rows) {
  std::string header = "|";
  std::string rule = "|";
  for (const MdColumn& column : columns) {
    header += " " + cell(column.header) + " |";
    rule += column.right ? " ---: |" : " --- |";
  }
  out << header << "\n" << rule << "\n";
  for (const auto& row : rows) {
    out << "|";
    for (const std::string& value : row) {
      out << " " << cell(value) << " |";
    }
    out << "\n";
  }
}

void write_fact(std::ostream& out, const Json& doc, std::string_view key,
                const std::string& value) {
  out << "- " << label(doc, key) << render::colon(doc) << value << "\n";
}

void write_facts(std::ostream& out, const Json& doc, const Json& c) {
  write_fact(out, doc, "township", text(c["township"]));
  if (!c["county"].is_null()) {
    write_fact(out, doc, "county", text(c["county"]));
  }
  write_fact(out, doc, "registered_members", num(c["registered_members"]));
  write_fact(
      out, doc, "standard",
      text(doc["standard"]["title"]) + render::parenthesized(doc, text(c["standard"]["id"])));
  write_fact(out, doc, "period", render::period_text(doc, c["period"]));
  write_fact(out, doc, "as_of", text(c["as_of"]));
}

void write_group(std::ostream& out, const Json& doc, const Json& group) {
  out << "\n## " << text(group["title"])
      << render::parenthesized(doc,
                               num(group["points_earned"]) + " / " + num(group["points_possible"]))
      << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const Json& item : group["items"]) {
    rows.push_back({text(item["title"]), std::string(render::required_mark(item["required"])),
                    text(item["status_label"]), num(item["points_earned"]),
                    num(item["points_possible"]), text(item["evidence"])});
  }
  write_table(out,
              {{label(doc, "item")},
               {label(doc, "required")},
               {label(doc, "status")},
               {label(doc, "points_earned"), true},
               {label(doc, "points_possible"), true},
               {label(doc, "evidence")}},
              rows);
}

void write_totals(std::ostream& out, const Json& doc, const Json& c) {
  const Json& totals = c["totals"];
  out << "\n## " << label(doc, "total") << "\n\n";
  std::vector<MdColumn> columns = {{label(doc, "points_earned"), true},
                                   {label(doc, "points_possible"), true},
                                   {label(doc, "percent"), true},
                                   {label(doc, "pass_mark"), true}};
  std::vector<std::string> row = {num(totals["points_earned"]), num(totals["points_possible"]),
                                  render::percent(totals["percent"]),
                                  num(totals["pass_mark_points"])};
  if (render::has_stars(doc)) {
    columns.push_back({label(doc, "stars")});
    row.push_back(text(c["stars_label"]));
  }
  columns.push_back({label(doc, "verdict")});
  row.push_back(text(c["verdict_label"]));
  write_table(out, columns, {row});
  if (!c["verdict_reasons"].empty()) {
    out << "\n";
    for (const Json& reason : c["verdict_reasons"]) {
      out << "- " << text(reason) << "\n";
    }
  }
}

void write_rectification(std::ostream& out, const Json& doc, const Json& c) {
  out << "\n## " << label(doc, "rectification_title") << "\n\n";
  if (c["rectification"].empty()) {
    out << label(doc, "none") << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Json& r : c["rectification"]) {
    rows.push_back({text(r["group_title"]), text(r["title"]),
                    std::string(render::required_mark(r["required"])), text(r["evidence"]),
                    text(r["remediation"])});
  }
  write_table(out,
              {{label(doc, "group")},
               {label(doc, "item")},
               {label(doc, "required")},
               {label(doc, "evidence")},
               {label(doc, "remediation")}},
              rows);
}

void write_waivers(std::ostream& out, const Json& doc, const Json& c) {
  if (c["waivers"].empty()) {
    return;
  }
  out << "\n## " << label(doc, "waivers_title") << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const Json& w : c["waivers"]) {
    rows.push_back({render::item_title(doc, text(w["item"])), text(w["status_label"]),
                    text(w["justification"]), text(w["approved_by"]), text(w["expires"])});
  }
  write_table(out,
              {{label(doc, "item")},
               {label(doc, "status")},
               {label(doc, "justification")},
               {label(doc, "approved_by")},
               {label(doc, "expires")}},
              rows);
}

// The last recorded run in one line: as-of (period), points earned/possible (percent), stars,
// verdict.
std::string previous_run_text(const Json& doc, const Json& previous) {
  std::string line = text(previous["as_of"]) +
                     render::parenthesized(doc, text(previous["period"])) + " " +
                     num(previous["points_earned"]) + " / " + num(previous["points_possible"]) +
                     render::parenthesized(doc, render::percent(previous["percent"]));
  if (!previous["stars"].is_null()) {
    line += " " + render::stars_text(previous["stars"]);
  }
  return line + " " + text(doc["labels"]["verdict"][text(previous["verdict"])]);
}

void write_comparison(std::ostream& out, const Json& doc, const Json& c) {
  const Json& comparison = c["comparison"];
  if (comparison.is_null()) {
    return;
  }
  out << "\n## " << label(doc, "comparison_title") << "\n\n";
  write_fact(out, doc, "previous_run", previous_run_text(doc, comparison["previous"]));
  write_fact(out, doc, "points_earned",
             fmt::format("{}{}", comparison["points_change"].get<double>() >= 0 ? "+" : "",
                         num(comparison["points_change"])));
  write_fact(out, doc, "newly_failing",
             render::join_list(doc, render::ref_titles(comparison["newly_failing"])));
  write_fact(out, doc, "fixed_since",
             render::join_list(doc, render::ref_titles(comparison["fixed"])));
}

void write_community(std::ostream& out, const Json& doc, const Json& c) {
  out << "# " << label(doc, "report_title") << render::colon(doc) << text(c["name"]) << "\n\n";
  write_facts(out, doc, c);
  for (const Json& group : c["groups"]) {
    write_group(out, doc, group);
  }
  write_totals(out, doc, c);
  write_rectification(out, doc, c);
  write_waivers(out, doc, c);
  write_comparison(out, doc, c);
}

void write_summary_table(std::ostream& out, const Json& doc) {
  std::vector<MdColumn> columns = {{label(doc, "community")},
                                   {label(doc, "township")},
                                   {label(doc, "registered_members"), true},
                                   {label(doc, "points_earned"), true},
                                   {label(doc, "points_possible"), true},
                                   {label(doc, "percent"), true}};
  if (render::has_stars(doc)) {
    columns.push_back({label(doc, "stars")});
  }
  columns.push_back({label(doc, "verdict")});
  columns.push_back({label(doc, "failed_items")});
  std::vector<std::vector<std::string>> rows;
  for (const Json& r : doc["summary"]["rows"]) {
    std::vector<std::string> row = {
        text(r["name"]),         text(r["township"]),       num(r["registered_members"]),
        num(r["points_earned"]), num(r["points_possible"]), render::percent(r["percent"])};
    if (render::has_stars(doc)) {
      row.push_back(render::stars_text(r["stars"]));
    }
    row.push_back(text(doc["labels"]["verdict"][text(r["verdict"])]));
    std::vector<std::string> failed;
    for (const Json& code : r["failed_items"]) {
      failed.push_back(render::item_title(doc, text(code)));
    }
    row.push_back(failed.empty() ? "" : render::join_list(doc, failed));
    rows.push_back(std::move(row));
  }
  write_table(out, columns, rows);
}

void write_rollup(std::ostream& out, const Json& doc) {
  std::vector<MdColumn> columns = {{label(doc, "township")},
                                   {label(doc, "communities"), true},
                                   {label(doc, "mean_points"), true},
                                   {label(doc, "mean_percent"), true}};
  if (render::has_stars(doc)) {
    columns.push_back({label(doc, "star_counts")});
  }
  const Json& verdicts = doc["labels"]["verdict"];
  columns.insert(columns.end(), {{label(doc, "passed"), true},
                                 {text(verdicts["fail"]), true},
                                 {text(verdicts["pending"]), true},
                                 {label(doc, "pass_rate"), true}});
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const std::string& name, const Json& r) {
    std::vector<std::string> row = {name, num(r["communities"]), num(r["mean_points"]),
                                    render::percent(r["mean_percent"])};
    if (render::has_stars(doc)) {
      row.push_back(render::star_counts_text(r["star_counts"]));
    }
    row.insert(row.end(), {num(r["passed"]), num(r["failed"]), num(r["pending"]),
                           render::percent(r["pass_rate"])});
    rows.push_back(std::move(row));
  };
  for (const Json& township : doc["summary"]["townships"]) {
    add(text(township["township"]), township);
  }
  add(label(doc, "total"), doc["summary"]["overall"]);
  write_table(out, columns, rows);
}

}  // namespace

void write_audit_md_summary(std::ostream& out, const Json& doc) {
  out << "# " << label(doc, "summary_title") << render::colon(doc) << text(doc["standard"]["title"])
      << "\n\n";
  write_fact(
      out, doc, "standard",
      text(doc["standard"]["title"]) + render::parenthesized(doc, text(doc["standard"]["id"])));
  write_fact(out, doc, "period", render::period_text(doc, doc["period"]));
  write_fact(out, doc, "as_of", text(doc["as_of"]));
  out << "\n";
  write_summary_table(out, doc);
  out << "\n## " << label(doc, "township_rollup_title") << "\n\n";
  write_rollup(out, doc);
}

void write_audit_md(std::ostream& out, const Json& doc) {
  bool first = true;
  for (const Json& community : doc["communities"]) {
    out << (first ? "" : "\n");
    first = false;
    write_community(out, doc, community);
  }
  if (render::has_summary(doc)) {
    out << (first ? "" : "\n");
    write_audit_md_summary(out, doc);
  }
}

}  // namespace tongxin::audit
