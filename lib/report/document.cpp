#include "report/document.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "io/tabular.h"
#include "report/sections.h"

namespace tongxin::report {

namespace {

std::vector<const config::Community*> communities_where(
    const config::Workspace& workspace, const std::function<bool(const config::Community&)>& keep) {
  std::vector<const config::Community*> out;
  for (const config::Community& c : workspace.communities) {
    if (keep(c)) {
      out.push_back(&c);
    }
  }
  return out;
}

}  // namespace

Scope community_scope(const config::Workspace& workspace, const config::Community& c) {
  return {"community", c.id, c.name, c.township,
          communities_where(workspace, [&](const config::Community& x) { return x.id == c.id; })};
}

Scope township_scope(const config::Workspace& workspace, const std::string& township) {
  return {"township", township, township, "",
          communities_where(workspace,
                            [&](const config::Community& x) { return x.township == township; })};
}

Scope jurisdiction_scope(const config::Workspace& workspace) {
  const auto& cfg = workspace.config;
  return {"jurisdiction",
          cfg.jurisdiction_code.empty() ? cfg.jurisdiction_name : cfg.jurisdiction_code,
          cfg.jurisdiction_name, "",
          communities_where(workspace, [](const config::Community&) { return true; })};
}

std::vector<Scope> all_scopes(const config::Workspace& workspace) {
  std::vector<Scope> out;
  std::set<std::string> townships;
  for (const config::Community& c : workspace.communities) {
    out.push_back(community_scope(workspace, c));
    if (!c.township.empty()) {
      townships.insert(c.township);
    }
  }
  for (const std::string& t : townships) {
    out.push_back(township_scope(workspace, t));
  }
  out.push_back(jurisdiction_scope(workspace));
  return out;
}

std::string_view period_kind_code(PeriodKind kind) {
  static constexpr std::array<std::string_view, 6> k_codes = {"month", "quarter", "half",
                                                              "year",  "months",  "days"};
  return k_codes[static_cast<size_t>(kind)];
}

Json period_json(const Period& period, const std::string& language) {
  return {{"code", period.code()},
          {"kind", std::string(period_kind_code(period.kind()))},
          {"label", period.label(language)},
          {"from", period.from().iso()},
          {"to", period.to().iso()}};
}

Period next_period(const Period& period) {
  const Date after = period.to().plus_days(1);
  switch (period.kind()) {
    case PeriodKind::month:
    case PeriodKind::quarter:
    case PeriodKind::half:
    case PeriodKind::year:
      return Period::containing(period.kind(), after);
    case PeriodKind::months: {
      const int months =
          (period.to().year - period.from().year) * 12 + period.to().month - period.from().month;
      const int last = after.year * 12 + after.month - 1 + months;
      return Period::months(after.year, after.month, last / 12, last % 12 + 1);
    }
    case PeriodKind::days:
      break;
  }
  return Period::days(after, after.plus_days(period.range().days() - 1));
}

Date as_of_date(const Period& period, Date today) {
  return today < period.to() ? today : period.to();
}

std::string content_sha256(const nlohmann::ordered_json& document) {
  if (!document.contains("sha256")) {
    return io::sha256_hex(document.dump());  // a document being built: no copy needed
  }
  nlohmann::ordered_json copy = document;
  copy.erase("sha256");
  return io::sha256_hex(copy.dump());
}

namespace {

bool is_empty(const Periods& p) {
  for (const auto& [id, c] : p.current.figures().communities) {
    if (p.current.in_scope(id) && (!c.activities.empty() || c.registered > 0)) {
      return false;
    }
  }
  for (const EventCount& e : p.current.figures().events) {
    if (p.current.in_scope(e.from) || p.current.in_scope(e.to)) {
      return false;
    }
  }
  return true;
}

}  // namespace

Json privacy_json(const config::Privacy& privacy) {
  Json sensitive = Json::array();
  for (const auto& [field, setting] : privacy.sensitive_fields) {
    sensitive.push_back(field);
  }
  return {{"min_cell", privacy.min_cell}, {"sensitive_fields", sensitive}};
}

Json community_ref(const config::Community& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"township", c.township.empty() ? Json(nullptr) : Json(c.township)}};
}

Json scope_json(const Scope& scope) {
  Json communities = Json::array();
  for (const config::Community* c : scope.communities) {
    communities.push_back(community_ref(*c));
  }
  return {{"level", scope.level},
          {"id", scope.id},
          {"name", scope.name},
          {"township", scope.level == "community" && !scope.township.empty() ? Json(scope.township)
                                                                             : Json(nullptr)},
          {"communities", communities}};
}

namespace {

Json audited_json(const AuditedCommunity& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"score", c.score},
          {"max_score", c.max_score},
          {"stars", c.stars ? Json(*c.stars) : Json(nullptr)},
          {"verdict", c.verdict},
          {"verdict_label", c.verdict_label}};
}

Json failed_json(const AuditedCommunity& c, const AuditedItem& item) {
  return {{"community", c.id},
          {"community_name", c.name},
          {"group", item.group},
          {"item", item.item},
          {"title", item.title},
          {"required", item.required},
          {"remediation", item.remediation.empty() ? Json(nullptr) : Json(item.remediation)}};
}

}  // namespace

nlohmann::ordered_json audit_section(const AuditInput* audit, const Scope& scope) {
  if (audit == nullptr) {
    return nullptr;
  }
  Json communities = Json::array();
  Json failed = Json::array();
  double score = 0;
  double max_score = 0;
  std::optional<int> stars;
  bool any_fail = false;
  bool all_pass = true;
  for (const AuditedCommunity& c : audit->communities) {
    const bool in_scope = std::any_of(scope.communities.begin(), scope.communities.end(),
                                      [&](const config::Community* s) { return s->id == c.id; });
    if (!in_scope) {
      continue;
    }
    communities.push_back(audited_json(c));
    for (const AuditedItem& item : c.failed) {
      failed.push_back(failed_json(c, item));
    }
    score += c.score;
    max_score += c.max_score;
    if (c.stars) {
      stars = stars ? std::min(*stars, *c.stars) : *c.stars;
    }
    any_fail = any_fail || c.verdict == "fail";
    all_pass = all_pass && c.verdict == "pass";
  }
  if (communities.empty()) {
    return nullptr;
  }
  const double n = static_cast<double>(communities.size());
  // One decimal, as the audit prints scores.
  const auto round1 = [](double v) { return std::round(v * 10) / 10; };
  const std::string verdict = all_pass ? "pass" : any_fail ? "fail" : "pending";
  const auto label = audit->verdict_labels.find(verdict);
  return {{"standard", {{"id", audit->standard_id}, {"title", audit->standard_title}}},
          {"as_of", audit->as_of.iso()},
          {"score", round1(score / n)},
          {"max_score", round1(max_score / n)},
          {"stars", stars ? Json(*stars) : Json(nullptr)},
          {"verdict", verdict},
          {"verdict_label", label == audit->verdict_labels.end() ? verdict : label->second},
          {"communities", communities},
          {"failed", failed}};
}

nlohmann::ordered_json build_document(const DocumentInputs& in) {
  const Periods p{ScopeFigures(in.figures.current, in.scope),
                  ScopeFigures(in.figures.previous, in.scope),
                  ScopeFigures(in.figures.year_ago, in.scope)};
  const Date as_of = as_of_date(in.period, in.today);
  const auto& privacy = in.workspace.config.privacy;
  Json doc;
  doc["format"] = "tongxin-report";
  doc["format_version"] = 1;
  doc["language"] = in.language;
  doc["report"] = in.report;
  doc["tool"] = {{"name", "tongxin"}, {"version", in.tool_version}};
  doc["generated_at"] = in.generated_at.empty() ? Json(nullptr) : Json(in.generated_at);
  doc["sha256"] = "";
  doc["scope"] = scope_json(in.scope);
  Json period = period_json(in.period, in.language);
  period["complete"] = in.period.to() < in.today;
  period["as_of"] = as_of.iso();
  doc["period"] = period;
  doc["previous_period"] = period_json(in.period.previous(), in.language);
  doc["year_ago_period"] = period_json(in.period.year_earlier(), in.language);
  doc["standard"] =
      in.audit == nullptr
          ? Json(nullptr)
          : Json({{"id", in.audit->standard_id}, {"title", in.audit->standard_title}});
  doc["privacy"] = privacy_json(privacy);
  doc["empty"] = is_empty(p);
  doc["rollup"] = nullptr;
  doc["sections"] = {{"register", register_section(in, p, as_of)},
                     {"work", work_section(in, p)},
                     {"two_way", two_way_section(p)},
                     {"duties", duties_section(in)},
                     {"audit", audit_section(in.audit, in.scope)},
                     {"next", next_section(in)},
                     {"missing", Json::array()}};
  doc["sha256"] = content_sha256(doc);
  return doc;
}

}  // namespace tongxin::report
