// The text report of an audit, read from the audit document (document.h) so it says exactly
// what the JSON says. Tables are aligned by display width (output::write_table).
#include <fmt/format.h>

#include "audit/document.h"
#include "audit/render_common.h"
#include "i18n/i18n.h"
#include "output/table.h"

namespace tongxin::audit {

namespace {

using render::Json;
using render::label;
using render::num;
using render::stars_text;

// "label：value" / "label: value", "a（b）" / "a (b)": punctuation follows the language.
std::string pair(const std::string& label, const std::string& value) {
  return i18n::tr("audit.text.pair", label, value);
}
std::string paren(const std::string& text, const std::string& inside) {
  return i18n::tr("audit.text.paren", text, inside);
}

std::string heading(const std::string& text, bool color) {
  return color ? "\x1b[1m" + text + "\x1b[0m" : text;
}

output::Column column(const Json& doc, const char* key, bool right = false) {
  return {key, label(doc, key), right, right};
}

void write_items(std::ostream& out, const Json& doc, const Json& community) {
  output::Table table;
  table.columns = {column(doc, "group"),  column(doc, "item"),         column(doc, "required"),
                   column(doc, "status"), column(doc, "points", true), column(doc, "evidence")};
  for (const Json& group : community["groups"]) {
    bool first = true;
    for (const Json& item : group["items"]) {
      const std::string group_cell =
          first ? fmt::format("{} {}/{}", group["title"].get<std::string>(),
                              num(group["points_earned"]), num(group["points_possible"]))
                : "";
      first = false;
      table.rows.push_back(
          {group_cell, item["title"].get<std::string>(), item["required"].get<bool>() ? "★" : "",
           item["status_label"].get<std::string>(),
           fmt::format("{}/{}", num(item["points_earned"]), num(item["points_possible"])),
           item["evidence"].get<std::string>()});
    }
  }
  output::write_table(out, table);
}

void write_totals(std::ostream& out, const Json& doc, const Json& c) {
  const Json& t = c["totals"];
  out << pair(label(doc, "total"), paren(num(t["points_earned"]) + "/" + num(t["points_possible"]),
                                         num(t["percent"]) + "%"))
      << "  " << pair(label(doc, "pass_mark"), num(t["pass_mark_points"]));
  if (!c["stars"].is_null()) {
    out << "  " << pair(label(doc, "stars"), stars_text(c["stars"]));
  }
  out << "  " << pair(label(doc, "verdict"), c["verdict_label"].get<std::string>()) << "\n";
  for (const Json& reason : c["verdict_reasons"]) {
    out << "  - " << reason.get<std::string>() << "\n";
  }
}

void write_rectification(std::ostream& out, const Json& doc, const Json& c, bool color) {
  if (c["rectification"].empty()) {
    return;
  }
  out << "\n" << heading(label(doc, "rectification_title"), color) << "\n";
  int n = 0;
  for (const Json& r : c["rectification"]) {
    const std::string title =
        paren(r["title"].get<std::string>(), r["group_title"].get<std::string>()) +
        (r["required"].get<bool>() ? "★" : "");
    out << ++n << ". " << pair(title, r["evidence"].get<std::string>()) << "\n";
    if (!r["remediation"].is_null()) {
      out << "   " << pair(label(doc, "remediation"), r["remediation"].get<std::string>()) << "\n";
    }
  }
}

void write_waivers(std::ostream& out, const Json& doc, const Json& c, bool color) {
  if (c["waivers"].empty()) {
    return;
  }
  out << "\n" << heading(label(doc, "waivers_title"), color) << "\n";
  output::Table table;
  table.columns = {column(doc, "item"), column(doc, "status"), column(doc, "justification"),
                   column(doc, "approved_by"), column(doc, "expires")};
  for (const Json& w : c["waivers"]) {
    table.rows.push_back({w["item"].get<std::string>(), w["status_label"].get<std::string>(),
                          w["justification"].get<std::string>(),
                          w["approved_by"].is_null() ? "" : w["approved_by"].get<std::string>(),
                          w["expires"].is_null() ? "" : w["expires"].get<std::string>()});
  }
  output::write_table(out, table);
}

std::string titles(const Json& refs, const Json& doc) {
  if (refs.empty()) {
    return label(doc, "none");
  }
  std::string text;
  for (const Json& r : refs) {
    text +=
        (text.empty() ? "" : i18n::tr("audit.ev.list_separator")) + r["title"].get<std::string>();
  }
  return text;
}

void write_comparison(std::ostream& out, const Json& doc, const Json& c, bool color) {
  const Json& cmp = c["comparison"];
  if (cmp.is_null()) {
    return;
  }
  const Json& prev = cmp["previous"];
  out << "\n" << heading(label(doc, "comparison_title"), color) << "\n";
  out << i18n::tr("audit.text.previous", prev["recorded_at"].get<std::string>(),
                  prev["as_of"].get<std::string>(), num(prev["points_earned"]),
                  num(prev["percent"]), fmt::format("{:+g}", cmp["points_change"].get<double>()))
      << "\n";
  if (cmp["standard_changed"].get<bool>()) {
    out << i18n::tr("audit.text.standard_changed") << "\n";
  }
  out << pair(label(doc, "newly_failing"), titles(cmp["newly_failing"], doc)) << "\n";
  out << pair(label(doc, "fixed_since"), titles(cmp["fixed"], doc)) << "\n";
}

void write_one(std::ostream& out, const Json& doc, const Json& c, bool color) {
  out << heading(pair(label(doc, "report_title"),
                      paren(c["name"].get<std::string>(), c["township"].get<std::string>())),
                 color)
      << "\n";
  out << pair(label(doc, "standard"), paren(doc["standard"]["title"].get<std::string>(),
                                            doc["standard"]["id"].get<std::string>()))
      << "\n";
  out << pair(label(doc, "as_of"), c["as_of"].get<std::string>()) << "  "
      << pair(label(doc, "period"), c["period"]["label"].get<std::string>()) << "  "
      << pair(label(doc, "registered_members"), std::to_string(c["registered_members"].get<long>()))
      << "\n\n";
  write_items(out, doc, c);
  out << "\n";
  write_totals(out, doc, c);
  write_rectification(out, doc, c, color);
  write_waivers(out, doc, c, color);
  write_comparison(out, doc, c, color);
}

void write_summary(std::ostream& out, const Json& doc, bool color) {
  const bool stars = !doc["standard"]["star_bands"].empty();
  out << heading(pair(label(doc, "summary_title"), doc["standard"]["title"].get<std::string>()),
                 color)
      << "\n";
  out << pair(label(doc, "as_of"), doc["as_of"].get<std::string>()) << "  "
      << pair(label(doc, "period"), doc["period"]["label"].get<std::string>()) << "\n\n";
  output::Table table;
  table.columns = {column(doc, "community"), column(doc, "township"),
                   column(doc, "registered_members", true), column(doc, "points_earned", true),
                   column(doc, "percent", true)};
  if (stars) {
    table.columns.push_back(column(doc, "stars"));
  }
  table.columns.push_back(column(doc, "verdict"));
  table.columns.push_back(column(doc, "failed_items"));
  for (const Json& c : doc["communities"]) {
    std::vector<std::string> row = {c["name"].get<std::string>(), c["township"].get<std::string>(),
                                    std::to_string(c["registered_members"].get<long>()),
                                    fmt::format("{}/{}", num(c["totals"]["points_earned"]),
                                                num(c["totals"]["points_possible"])),
                                    num(c["totals"]["percent"])};
    if (stars) {
      row.push_back(stars_text(c["stars"]));
    }
    row.push_back(c["verdict_label"].get<std::string>());
    std::string failed;
    for (const Json& r : c["rectification"]) {
      failed += (failed.empty() ? "" : " ") + r["item"].get<std::string>();
    }
    row.push_back(failed);
    table.rows.push_back(row);
  }
  output::write_table(out, table);
}

void write_rollup(std::ostream& out, const Json& doc, bool color) {
  const bool stars = !doc["standard"]["star_bands"].empty();
  out << "\n" << heading(label(doc, "township_rollup_title"), color) << "\n";
  output::Table table;
  table.columns = {column(doc, "township"), column(doc, "communities", true),
                   column(doc, "mean_points", true), column(doc, "mean_percent", true)};
  if (stars) {
    table.columns.push_back(column(doc, "star_counts"));
  }
  table.columns.push_back(column(doc, "passed", true));
  table.columns.push_back(column(doc, "pass_rate", true));
  auto add = [&](const std::string& name, const Json& r) {
    std::vector<std::string> row = {name, std::to_string(r["communities"].get<int>()),
                                    num(r["mean_points"]), num(r["mean_percent"])};
    if (stars) {
      row.push_back(render::star_counts_text(r["star_counts"]));
    }
    row.push_back(std::to_string(r["passed"].get<int>()));
    row.push_back(num(r["pass_rate"]) + "%");
    table.rows.push_back(row);
  };
  for (const Json& t : doc["summary"]["townships"]) {
    add(t["township"].get<std::string>(), t);
  }
  add(label(doc, "total"), doc["summary"]["overall"]);
  output::write_table(out, table);
}

void write_changes(std::ostream& out, const Json& doc, bool color) {
  bool any = false;
  for (const Json& c : doc["communities"]) {
    const Json& cmp = c["comparison"];
    if (cmp.is_null() || (cmp["newly_failing"].empty() && cmp["fixed"].empty())) {
      continue;
    }
    if (!any) {
      out << "\n" << heading(label(doc, "comparison_title"), color) << "\n";
      any = true;
    }
    out << pair(c["name"].get<std::string>(),
                pair(label(doc, "newly_failing"), titles(cmp["newly_failing"], doc)) +
                    i18n::tr("audit.text.clause_separator") +
                    pair(label(doc, "fixed_since"), titles(cmp["fixed"], doc)))
        << "\n";
  }
}

}  // namespace

void write_audit_text(std::ostream& out, const Json& document, bool color) {
  if (document["communities"].size() == 1) {
    write_one(out, document, document["communities"][0], color);
    return;
  }
  write_summary(out, document, color);
  write_rollup(out, document, color);
  write_changes(out, document, color);
}

void write_history_text(std::ostream& out, const std::vector<RecordedResult>& rows, bool color) {
  output::Table table;
  table.columns = {{"run", i18n::tr("audit.history.run"), true, true},
                   {"recorded_at", i18n::tr("audit.history.recorded_at")},
                   {"standard", i18n::tr("audit.label.standard")},
                   {"as_of", i18n::tr("audit.label.as_of")},
                   {"community", i18n::tr("audit.label.community")},
                   {"points", i18n::tr("audit.label.points_earned"), true, true},
                   {"percent", i18n::tr("audit.label.percent"), true, true},
                   {"stars", i18n::tr("audit.label.stars")},
                   {"verdict", i18n::tr("audit.label.verdict")}};
  for (const RecordedResult& r : rows) {
    table.rows.push_back({std::to_string(r.run_id), r.recorded_at, r.standard_id, r.as_of,
                          r.community, fmt::format("{:g}/{:g}", r.earned, r.possible),
                          fmt::format("{:g}", r.percent), r.stars ? stars_text(Json(*r.stars)) : "",
                          i18n::tr("audit.verdict." + r.verdict)});
  }
  output::write_table(out, table, {color});
}

}  // namespace tongxin::audit
