// The JUnit XML rendering of the audit document (render.h), for CI dashboards: a testsuite per
// community, a testcase per item. Valid against Jenkins' junit-10.xsd (tests/schema/junit.xsd).
#include <fmt/format.h>

#include "audit/render.h"
#include "audit/render_common.h"

namespace tongxin::audit {

namespace {

using render::escape_markup;
using render::Json;
using render::label;
using render::num;
using render::text;

struct Counts {
  size_t tests = 0;
  size_t failures = 0;
  size_t skipped = 0;
};

Counts count_items(const Json& community) {
  Counts counts;
  for (const Json& group : community["groups"]) {
    for (const Json& item : group["items"]) {
      ++counts.tests;
      if (item["status"] == "fail") {
        ++counts.failures;
      } else if (item["status"] != "pass") {
        ++counts.skipped;
      }
    }
  }
  return counts;
}

void write_property(std::ostream& out, std::string_view name, const std::string& value) {
  out << fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, escape_markup(value));
}

void write_properties(std::ostream& out, const Json& doc, const Json& c) {
  const Json& totals = c["totals"];
  out << "    <properties>\n";
  write_property(out, "community", text(c["name"]));
  write_property(out, "township", text(c["township"]));
  write_property(out, "standard", text(doc["standard"]["id"]));
  write_property(out, "as_of", text(c["as_of"]));
  write_property(out, "period", text(c["period"]["code"]));
  write_property(out, "points_earned", num(totals["points_earned"]));
  write_property(out, "points_possible", num(totals["points_possible"]));
  write_property(out, "percent", num(totals["percent"]));
  write_property(out, "pass_mark_points", num(totals["pass_mark_points"]));
  if (!c["stars"].is_null()) {
    write_property(out, "stars", num(c["stars"]));
  }
  write_property(out, "verdict", text(c["verdict"]));
  out << "    </properties>\n";
}

// Why a waived, not applicable or not assessed item was skipped: its status, and for a waiver
// its justification.
std::string skip_message(const Json& doc, const Json& item) {
  std::string message = text(item["status_label"]);
  if (!item["waiver"].is_null()) {
    message += render::colon(doc) + text(item["waiver"]["justification"]);
  } else if (item["status"] == "not_assessed") {
    message += render::colon(doc) + text(item["evidence"]);
  }
  return message;
}

void write_testcase(std::ostream& out, const Json& doc, const Json& c, const Json& group,
                    const Json& item) {
  const std::string title = text(item["title"]);
  out << fmt::format("    <testcase name=\"{}\" classname=\"{}.{}\">\n",
                     escape_markup(text(item["code"])), escape_markup(text(c["id"])),
                     escape_markup(text(group["code"])));
  if (item["status"] == "fail") {
    std::string body = text(item["evidence"]);
    if (!item["remediation"].is_null()) {
      body += "\n" + label(doc, "remediation") + render::colon(doc) + text(item["remediation"]);
    }
    out << fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                       escape_markup(text(item["check"])),
                       escape_markup(title + render::colon(doc) + text(item["evidence"])),
                       escape_markup(body));
  } else if (item["status"] != "pass") {
    out << fmt::format("      <skipped message=\"{}\"/>\n", escape_markup(skip_message(doc, item)));
  }
  out << fmt::format("      <system-out>{}</system-out>\n",
                     escape_markup(title +
                                   render::parenthesized(doc, num(item["points_earned"]) + " / " +
                                                                  num(item["points_possible"])) +
                                   render::colon(doc) + text(item["evidence"])));
  out << "    </testcase>\n";
}

void write_testsuite(std::ostream& out, const Json& doc, const Json& c) {
  const Counts counts = count_items(c);
  out << fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
      escape_markup(text(c["id"])), counts.tests, counts.failures, counts.skipped);
  write_properties(out, doc, c);
  for (const Json& group : c["groups"]) {
    for (const Json& item : group["items"]) {
      write_testcase(out, doc, c, group, item);
    }
  }
  out << "  </testsuite>\n";
}

}  // namespace

void write_audit_junit(std::ostream& out, const Json& doc) {
  Counts all;
  for (const Json& community : doc["communities"]) {
    const Counts counts = count_items(community);
    all.tests += counts.tests;
    all.failures += counts.failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     escape_markup(text(doc["standard"]["id"])), all.tests, all.failures);
  for (const Json& community : doc["communities"]) {
    write_testsuite(out, doc, community);
  }
  out << "</testsuites>\n";
}

}  // namespace tongxin::audit
