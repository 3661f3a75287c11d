// The printable HTML rendering of the audit document (render.h): one A4 page per community (the
// 验收评分表 an inspection team signs) and a summary page. Self-contained: inline CSS, no
// scripts, fonts from the system, so it prints the same offline.
#include <fmt/format.h>

#include <vector>

#include "audit/render.h"
#include "audit/render_common.h"

namespace tongxin::audit {

namespace {

using render::escape_markup;
using render::Json;
using render::label;
using render::num;
using render::text;

// Print CSS: A4 pages, each community on its own page; tables ruled like a paper form. Backgrounds
// are printed (print-color-adjust) so header cells stay shaded.
constexpr std::string_view k_style = R"(
@page { size: A4; margin: 10mm 11mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-size: 8pt; line-height: 1.15;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 1.5mm; }
h2 { font-size: 10pt; margin: 2mm 0 0.8mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 1.5mm; }
th, td { border: 0.5pt solid #000; padding: 0.3mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #e8e8e8; font-weight: bold; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.mark { text-align: center; }
table.items { table-layout: fixed; }
col.item { width: 25%; } col.mark { width: 6%; } col.points { width: 5%; } col.status { width: 6.5%; }
tr.group td { background: #f0f0f0; font-weight: bold; }
td { overflow-wrap: anywhere; }
td.status { white-space: nowrap; }
tr.fail td.status { font-weight: bold; text-decoration: underline; }
table.totals td { font-size: 11pt; font-weight: bold; text-align: center; }
table.totals th { text-align: center; }
ul.reasons { margin: 0 0 1mm; padding-left: 5mm; }
p { margin: 0 0 1mm; }
table.signature { margin: 0; }
table.signature td { height: 5mm; }
@media screen {
  body { max-width: 210mm; margin: 0 auto; padding: 12mm; }
  .page { border-bottom: 1px dashed #888; padding-bottom: 12mm; margin-bottom: 12mm; }
}
)";

// One table row of cells; `kind` is th or td, classes per cell ("" for none).
struct Cell {
  std::string value;
  std::string css_class;
};

void write_row(std::ostream& out, std::string_view kind, const std::vector<Cell>& cells,
               std::string_view row_class = "") {
  out << (row_class.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", row_class));
  for (const Cell& c : cells) {
    out << "<" << kind << (c.css_class.empty() ? "" : " class=\"" + c.css_class + "\"") << ">"
        << escape_markup(c.value) << "</" << kind << ">";
  }
  out << "</tr>\n";
}

void write_facts(std::ostream& out, const Json& doc, const Json& c) {
  out << "<table class=\"facts\">\n";
  out << fmt::format(
      "<tr><th>{}</th><td>{}</td><th>{}</th><td>{}</th><th>{}</th><td>{}</td></tr>\n",
      escape_markup(label(doc, "community")), escape_markup(text(c["name"])),
      escape_markup(label(doc, "township")), escape_markup(text(c["township"])),
      escape_markup(label(doc, "county")), escape_markup(text(c["county"])));
  out << fmt::format(
      "<tr><th>{}</th><td colspan=\"3\">{}</td><th>{}</th><td class=\"num\">{}</td></tr>\n",
      escape_markup(label(doc, "standard")), escape_markup(text(doc["standard"]["title"])),
      escape_markup(label(doc, "registered_members")), num(c["registered_members"]));
  out << fmt::format("<tr><th>{}</th><td colspan=\"3\">{}</td><th>{}</th><td>{}</td></tr>\n",
                     escape_markup(label(doc, "period")),
                     escape_markup(render::period_text(doc, c["period"])),
                     escape_markup(label(doc, "as_of")), escape_markup(text(c["as_of"])));
  out << "</table>\n";
}

// Items under a row per group (its title and subtotals in the points columns), so the item and
// evidence columns get the page's width and a long standard still fits one sheet.
void write_items(std::ostream& out, const Json& doc, const Json& c) {
  out << "<table class=\"items\">\n<colgroup><col class=\"item\"><col class=\"mark\">"
         "<col class=\"points\"><col class=\"points\"><col class=\"status\"><col></colgroup>\n"
         "<thead>";
  write_row(out, "th",
            {{label(doc, "item"), ""},
             {label(doc, "required"), "mark"},
             {label(doc, "points_possible"), "num"},
             {label(doc, "points_earned"), "num"},
             {label(doc, "status"), ""},
             {label(doc, "evidence"), ""}});
  out << "</thead>\n<tbody>\n";
  for (const Json& group : c["groups"]) {
    out << fmt::format(
        "<tr class=\"group\"><td colspan=\"2\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td colspan=\"2\"></td></tr>\n",
        escape_markup(text(group["title"])), num(group["points_possible"]),
        num(group["points_earned"]));
    for (const Json& item : group["items"]) {
      write_row(out, "td",
                {{text(item["title"]), ""},
                 {std::string(render::required_mark(item["required"])), "mark"},
                 {num(item["points_possible"]), "num"},
                 {num(item["points_earned"]), "num"},
                 {text(item["status_label"]), "status"},
                 {text(item["evidence"]), ""}},
                item["status"] == "fail" ? "fail" : "");
    }
  }
  out << "</tbody>\n</table>\n";
}

void write_totals(std::ostream& out, const Json& doc, const Json& c) {
  const Json& totals = c["totals"];
  std::vector<Cell> headers = {{label(doc, "points_earned"), ""},
                               {label(doc, "points_possible"), ""},
                               {label(doc, "percent"), ""},
                               {label(doc, "pass_mark"), ""}};
  std::vector<Cell> values = {{num(totals["points_earned"]), ""},
                              {num(totals["points_possible"]), ""},
                              {render::percent(totals["percent"]), ""},
                              {num(totals["pass_mark_points"]), ""}};
  if (render::has_stars(doc)) {
    headers.push_back({label(doc, "stars"), ""});
    values.push_back({text(c["stars_label"]), ""});
  }
  headers.push_back({label(doc, "verdict"), ""});
  values.push_back({text(c["verdict_label"]), ""});
  out << "<h2>" << escape_markup(label(doc, "total")) << "</h2>\n<table class=\"totals\">\n";
  write_row(out, "th", headers);
  write_row(out, "td", values);
  out << "</table>\n";
  if (!c["verdict_reasons"].empty()) {
    out << "<ul class=\"reasons\">\n";
    for (const Json& reason : c["verdict_reasons"]) {
      out << "<li>" << escape_markup(text(reason)) << "</li>\n";
    }
    out << "</ul>\n";
  }
}

void write_rectification(std::ostream& out, const Json& doc, const Json& c) {
  out << "<h2>" << escape_markup(label(doc, "rectification_title")) << "</h2>\n";
  if (c["rectification"].empty()) {
    out << "<p>" << escape_markup(label(doc, "none")) << "</p>\n";
    return;
  }
  out << "<table class=\"rectification\">\n";
  write_row(out, "th",
            {{label(doc, "item"), ""},
             {label(doc, "required"), "mark"},
             {label(doc, "evidence"), ""},
             {label(doc, "remediation"), ""}});
  for (const Json& r : c["rectification"]) {
    write_row(out, "td",
              {{text(r["title"]), ""},
               {std::string(render::required_mark(r["required"])), "mark"},
               {text(r["evidence"]), ""},
               {text(r["remediation"]), ""}});
  }
  out << "</table>\n";
}

void write_waivers(std::ostream& out, const Json& doc, const Json& c) {
  if (c["waivers"].empty()) {
    return;
  }
  out << "<h2>" << escape_markup(label(doc, "waivers_title"))
      << "</h2>\n<table class=\"waivers\">\n";
  write_row(out, "th",
            {{label(doc, "item"), ""},
             {label(doc, "status"), ""},
             {label(doc, "justification"), ""},
             {label(doc, "approved_by"), ""},
             {label(doc, "expires"), ""}});
  for (const Json& w : c["waivers"]) {
    write_row(out, "td",
              {{render::item_title(doc, text(w["item"])), ""},
               {text(w["status_label"]), ""},
               {text(w["justification"]), ""},
               {text(w["approved_by"]), ""},
               {text(w["expires"]), ""}});
  }
  out << "</table>\n";
}

void write_comparison(std::ostream& out, const Json& doc, const Json& c) {
  const Json& comparison = c["comparison"];
  if (comparison.is_null()) {
    return;
  }
  const Json& previous = comparison["previous"];
  out << "<h2>" << escape_markup(label(doc, "comparison_title")) << "</h2>\n";
  out << fmt::format("<p>{}{}{} {} / {} → {} / {}</p>\n", escape_markup(label(doc, "previous_run")),
                     render::colon(doc), escape_markup(text(previous["as_of"])),
                     num(previous["points_earned"]), num(previous["points_possible"]),
                     num(c["totals"]["points_earned"]), num(c["totals"]["points_possible"]));
  out << fmt::format(
      "<p>{}{}{}</p>\n", escape_markup(label(doc, "newly_failing")), render::colon(doc),
      escape_markup(render::join_list(doc, render::ref_titles(comparison["newly_failing"]))));
  out << fmt::format(
      "<p>{}{}{}</p>\n", escape_markup(label(doc, "fixed_since")), render::colon(doc),
      escape_markup(render::join_list(doc, render::ref_titles(comparison["fixed"]))));
}

// The inspection team signs the printed form: a name, a signature and a date per member.
void write_signature(std::ostream& out, const Json& doc) {
  out << "<table class=\"signature\">\n";
  write_row(out, "th",
            {{label(doc, "inspection_team"), ""},
             {label(doc, "signature"), ""},
             {label(doc, "date"), ""}});
  for (int row = 0; row < 3; ++row) {
    out << "<tr><td></td><td></td><td></td></tr>\n";
  }
  out << "</table>\n";
}

void write_community(std::ostream& out, const Json& doc, const Json& c) {
  out << "<section class=\"page community\">\n<h1>" << escape_markup(label(doc, "report_title"))
      << "</h1>\n";
  write_facts(out, doc, c);
  write_items(out, doc, c);
  write_totals(out, doc, c);
  write_rectification(out, doc, c);
  write_waivers(out, doc, c);
  write_comparison(out, doc, c);
  write_signature(out, doc);
  out << "</section>\n";
}

void write_summary_table(std::ostream& out, const Json& doc) {
  const bool stars = render::has_stars(doc);
  std::vector<Cell> headers = {{label(doc, "community"), ""},
                               {label(doc, "township"), ""},
                               {label(doc, "registered_members"), "num"},
                               {label(doc, "points_earned"), "num"},
                               {label(doc, "points_possible"), "num"},
                               {label(doc, "percent"), "num"}};
  if (stars) {
    headers.push_back({label(doc, "stars"), ""});
  }
  headers.insert(headers.end(), {{label(doc, "verdict"), ""}, {label(doc, "failed_items"), ""}});
  out << "<table class=\"summary\">\n";
  write_row(out, "th", headers);
  for (const Json& r : doc["summary"]["rows"]) {
    std::vector<Cell> row = {{text(r["name"]), ""},
                             {text(r["township"]), ""},
                             {num(r["registered_members"]), "num"},
                             {num(r["points_earned"]), "num"},
                             {num(r["points_possible"]), "num"},
                             {render::percent(r["percent"]), "num"}};
    if (stars) {
      row.push_back({render::stars_text(r["stars"]), ""});
    }
    std::vector<std::string> failed;
    for (const Json& code : r["failed_items"]) {
      failed.push_back(render::item_title(doc, text(code)));
    }
    row.insert(row.end(), {{text(doc["labels"]["verdict"][text(r["verdict"])]), ""},
                           {failed.empty() ? "" : render::join_list(doc, failed), ""}});
    write_row(out, "td", row, r["verdict"] == "fail" ? "fail" : "");
  }
  out << "</table>\n";
}

void write_rollup(std::ostream& out, const Json& doc) {
  const bool stars = render::has_stars(doc);
  const Json& verdicts = doc["labels"]["verdict"];
  std::vector<Cell> headers = {{label(doc, "township"), ""},
                               {label(doc, "communities"), "num"},
                               {label(doc, "mean_points"), "num"},
                               {label(doc, "mean_percent"), "num"}};
  if (stars) {
    headers.push_back({label(doc, "star_counts"), ""});
  }
  headers.insert(headers.end(), {{label(doc, "passed"), "num"},
                                 {text(verdicts["fail"]), "num"},
                                 {text(verdicts["pending"]), "num"},
                                 {label(doc, "pass_rate"), "num"}});
  out << "<h2>" << escape_markup(label(doc, "township_rollup_title")) << "</h2>\n";
  out << "<table class=\"rollup\">\n";
  write_row(out, "th", headers);
  auto add = [&](const std::string& name, const Json& r) {
    std::vector<Cell> row = {{name, ""},
                             {num(r["communities"]), "num"},
                             {num(r["mean_points"]), "num"},
                             {render::percent(r["mean_percent"]), "num"}};
    if (stars) {
      row.push_back({render::star_counts_text(r["star_counts"]), ""});
    }
    row.insert(row.end(), {{num(r["passed"]), "num"},
                           {num(r["failed"]), "num"},
                           {num(r["pending"]), "num"},
                           {render::percent(r["pass_rate"]), "num"}});
    write_row(out, "td", row);
  };
  for (const Json& township : doc["summary"]["townships"]) {
    add(text(township["township"]), township);
  }
  add(label(doc, "total"), doc["summary"]["overall"]);
  out << "</table>\n";
}

void write_summary_page(std::ostream& out, const Json& doc) {
  out << "<section class=\"page summary\">\n<h1>" << escape_markup(label(doc, "summary_title"))
      << "</h1>\n<table class=\"facts\">\n";
  out << fmt::format("<tr><th>{}</th><td colspan=\"3\">{}</td></tr>\n",
                     escape_markup(label(doc, "standard")),
                     escape_markup(text(doc["standard"]["title"])));
  out << fmt::format("<tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr>\n",
                     escape_markup(label(doc, "period")),
                     escape_markup(render::period_text(doc, doc["period"])),
                     escape_markup(label(doc, "as_of")), escape_markup(text(doc["as_of"])));
  out << "</table>\n";
  write_summary_table(out, doc);
  write_rollup(out, doc);
  out << "</section>\n";
}

void write_head(std::ostream& out, const Json& doc, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_markup(text(doc["language"]))
      << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << escape_markup(title)
      << "</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n";
}

}  // namespace

void write_audit_html(std::ostream& out, const Json& doc) {
  const Json& communities = doc["communities"];
  std::string title = label(doc, "report_title");
  if (communities.size() == 1) {
    title += render::colon(doc) + text(communities[0]["name"]);
  }
  write_head(out, doc, title);
  for (const Json& community : communities) {
    write_community(out, doc, community);
  }
  if (render::has_summary(doc)) {
    write_summary_page(out, doc);
  }
  out << "</body>\n</html>\n";
}

void write_audit_html_summary(std::ostream& out, const Json& doc) {
  write_head(out, doc, label(doc, "summary_title"));
  write_summary_page(out, doc);
  out << "</body>\n</html>\n";
}

}  // namespace tongxin::audit
