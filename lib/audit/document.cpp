#include "audit/document.h"

#include <cmath>

#include "i18n/i18n.h"

namespace tongxin::audit {

namespace {

using Json = nlohmann::ordered_json;

// Numbers keep one decimal, so 24.5 stays 24.5 and 23.099999 becomes 23.1.
double tidy(double value) { return std::round(value * 10) / 10; }

const std::vector<std::string>& text_keys() {
  static const std::vector<std::string> k_keys = {"report_title",
                                                  "summary_title",
                                                  "township_rollup_title",
                                                  "rectification_title",
                                                  "waivers_title",
                                                  "comparison_title",
                                                  "community",
                                                  "township",
                                                  "county",
                                                  "registered_members",
                                                  "as_of",
                                                  "period",
                                                  "standard",
                                                  "group",
                                                  "item",
                                                  "check",
                                                  "status",
                                                  "required",
                                                  "points",
                                                  "points_earned",
                                                  "points_possible",
                                                  "total",
                                                  "percent",
                                                  "pass_mark",
                                                  "stars",
                                                  "verdict",
                                                  "evidence",
                                                  "remediation",
                                                  "failed_items",
                                                  "communities",
                                                  "mean_points",
                                                  "mean_percent",
                                                  "star_counts",
                                                  "passed",
                                                  "pass_rate",
                                                  "justification",
                                                  "approved_by",
                                                  "expires",
                                                  "newly_failing",
                                                  "fixed_since",
                                                  "previous_run",
                                                  "inspection_team",
                                                  "signature",
                                                  "date",
                                                  "none"};
  return k_keys;
}

Json label_map(const std::string& prefix, const std::vector<std::string>& codes) {
  Json labels = Json::object();
  for (const std::string& code : codes) {
    labels[code] = i18n::tr(prefix + code);
  }
  return labels;
}

Json labels() {
  return {{"text", label_map("audit.label.", text_keys())},
          {"status", label_map("audit.status.",
                               {"pass", "fail", "waived", "not_applicable", "not_assessed"})},
          {"verdict", label_map("audit.verdict.", {"pass", "fail", "pending"})},
          {"check", label_map("audit.check.", {"field", "institution", "wall_display", "roster",
                                               "activity", "duty", "deduct", "manual"})},
          {"waiver_status", label_map("audit.waiver_status.", {"valid", "expired", "unused"})}};
}

Json period_json(const Period& period) {
  return {{"code", period.code()},
          {"label", period.label(i18n::lang_code(i18n::language()))},
          {"from", period.from().iso()},
          {"to", period.to().iso()}};
}

Json text_or_null(const Text& text) { return text.zh.empty() ? Json(nullptr) : Json(text.label()); }

Json stars_json(const std::optional<int>& stars) { return stars ? Json(*stars) : Json(nullptr); }

std::string stars_label(const std::optional<int>& stars) {
  if (!stars) {
    return "";
  }
  std::string label;
  for (int i = 1; i <= 5; ++i) {
    label += i <= *stars ? "★" : "☆";
  }
  return label;
}

Json waiver_json(const Waiver& waiver, WaiverStatus status) {
  const std::string code(waiver_status_code(status));
  return {{"item", waiver.item},
          {"status", code},
          {"status_label", i18n::tr("audit.waiver_status." + code)},
          {"justification", waiver.justification},
          {"approved_by", waiver.approved_by.empty() ? Json(nullptr) : Json(waiver.approved_by)},
          {"expires", waiver.expires ? Json(waiver.expires->iso()) : Json(nullptr)}};
}

Json item_json(const ItemResult& r) {
  const std::string status(status_code(r.status));
  Json manual = nullptr;
  if (r.manual != nullptr) {
    manual = {{"score", tidy(r.manual->score)},
              {"assessed_by", r.manual->assessed_by},
              {"date", r.manual->date ? r.manual->date->iso() : ""},
              {"note", r.manual->note.empty() ? Json(nullptr) : Json(r.manual->note)}};
  }
  return {
      {"code", r.item->code},
      {"title", r.item->title.label()},
      {"check", std::string(check_code(r.item->check.kind))},
      {"status", status},
      {"status_label", i18n::tr("audit.status." + status)},
      {"required", r.item->required},
      {"points_earned", tidy(r.earned)},
      {"points_possible", tidy(r.possible)},
      {"evidence", r.evidence},
      {"remediation", text_or_null(r.item->remediation)},
      {"waiver", r.waiver != nullptr ? waiver_json(*r.waiver, WaiverStatus::valid) : Json(nullptr)},
      {"manual", manual}};
}

Json counts_json(const CommunityResult& result) {
  Json counts = Json::object();
  for (const char* code : {"pass", "fail", "waived", "not_applicable", "not_assessed"}) {
    counts[code] = 0;
  }
  for (const GroupResult& g : result.groups) {
    for (const ItemResult& i : g.items) {
      counts[std::string(status_code(i.status))] =
          counts[std::string(status_code(i.status))].get<int>() + 1;
    }
  }
  return counts;
}

Json item_ref(const ItemResult& r) {
  return {{"group", r.group->code}, {"item", r.item->code}, {"title", r.item->title.label()}};
}

Json comparison_json(const CommunityResult& now, const RecordedResult& then) {
  Json newly = Json::array();
  Json fixed = Json::array();
  for (const GroupResult& g : now.groups) {
    for (const ItemResult& i : g.items) {
      const auto found = then.items.find(i.item->code);
      const std::string before = found == then.items.end() ? "" : found->second;
      if (i.status == Status::fail && (before == "pass" || before == "waived")) {
        newly.push_back(item_ref(i));
      } else if (i.status == Status::pass && before == "fail") {
        fixed.push_back(item_ref(i));
      }
    }
  }
  Json previous = {{"run_id", then.run_id},
                   {"recorded_at", then.recorded_at},
                   {"as_of", then.as_of},
                   {"period", then.period},
                   {"standard_sha256", then.standard_sha256},
                   {"points_earned", tidy(then.earned)},
                   {"points_possible", tidy(then.possible)},
                   {"percent", tidy(then.percent)},
                   {"stars", stars_json(then.stars)},
                   {"verdict", then.verdict}};
  return {{"previous", previous},
          {"standard_changed", false},
          {"points_change", tidy(now.earned - then.earned)},
          {"newly_failing", newly},
          {"fixed", fixed}};
}

Json rectification_json(const CommunityResult& result) {
  Json list = Json::array();
  for (const ItemResult* r : result.failed()) {
    list.push_back({{"group", r->group->code},
                    {"group_title", r->group->title.label()},
                    {"item", r->item->code},
                    {"title", r->item->title.label()},
                    {"required", r->item->required},
                    {"points_lost", tidy(r->possible - r->earned)},
                    {"evidence", r->evidence},
                    {"remediation", text_or_null(r->item->remediation)}});
  }
  return list;
}

Json community_json(const Standard& standard, Date as_of, const Json& period,
                    const CommunityResult& r, const RecordedResult* previous) {
  const config::Community& c = *r.community;
  Json groups = Json::array();
  for (const GroupResult& g : r.groups) {
    Json items = Json::array();
    for (const ItemResult& i : g.items) {
      items.push_back(item_json(i));
    }
    groups.push_back(
        {{"code", g.group->code},
         {"title", g.group->title.label()},
         {"max_points", g.group->max_points ? Json(*g.group->max_points) : Json(nullptr)},
         {"points_earned", tidy(g.earned)},
         {"points_possible", tidy(g.possible)},
         {"items", items}});
  }
  Json waivers = Json::array();
  for (const WaiverUse& use : r.waivers) {
    waivers.push_back(waiver_json(*use.waiver, use.status));
  }
  const std::string verdict(verdict_code(r.verdict));
  Json comparison = previous != nullptr ? comparison_json(r, *previous) : Json(nullptr);
  if (previous != nullptr) {
    comparison["standard_changed"] = previous->standard_sha256 != standard.sha256;
  }
  return {{"id", c.id},
          {"name", c.name},
          {"township", c.township},
          {"county", c.county.empty() ? Json(nullptr) : Json(c.county)},
          {"pilot", c.pilot},
          {"declared_stars", c.stars},
          {"registered_members", r.members},
          {"as_of", as_of.iso()},
          {"period", period},
          {"standard", {{"id", standard.id}, {"sha256", standard.sha256}}},
          {"groups", groups},
          {"totals",
           {{"points_earned", tidy(r.earned)},
            {"points_possible", tidy(r.possible)},
            {"percent", r.percent},
            {"pass_mark_points", tidy(r.pass_mark)},
            {"counts", counts_json(r)}}},
          {"stars", stars_json(r.stars)},
          {"stars_label", stars_label(r.stars)},
          {"verdict", verdict},
          {"verdict_label", i18n::tr("audit.verdict." + verdict)},
          {"verdict_reasons", r.reasons},
          {"rectification", rectification_json(r)},
          {"waivers", waivers},
          {"comparison", comparison}};
}

Json rollup(const std::vector<const CommunityResult*>& results, bool with_stars) {
  double points = 0;
  double percent = 0;
  int passed = 0;
  int failed = 0;
  std::map<int, int> per_star;
  for (const CommunityResult* r : results) {
    points += r->earned;
    percent += r->percent;
    passed += r->verdict == Verdict::pass ? 1 : 0;
    failed += r->verdict == Verdict::fail ? 1 : 0;
    per_star[r->stars.value_or(0)]++;
  }
  const double n = results.empty() ? 1 : static_cast<double>(results.size());
  Json stars = Json::array();
  for (int s = 5; with_stars && s >= 0; --s) {
    stars.push_back({{"stars", s}, {"count", per_star[s]}});
  }
  return {{"communities", results.size()},
          {"mean_points", tidy(points / n)},
          {"mean_percent", tidy(percent / n)},
          {"star_counts", stars},
          {"passed", passed},
          {"failed", failed},
          {"pending", static_cast<int>(results.size()) - passed - failed},
          {"pass_rate", results.empty() ? 0.0 : tidy(100.0 * passed / n)}};
}

Json summary_json(const std::vector<CommunityResult>& results, bool with_stars) {
  Json rows = Json::array();
  std::vector<std::string> townships;
  std::map<std::string, std::vector<const CommunityResult*>> by_township;
  std::vector<const CommunityResult*> all;
  for (const CommunityResult& r : results) {
    Json failed = Json::array();
    for (const ItemResult* i : r.failed()) {
      failed.push_back(i->item->code);
    }
    rows.push_back({{"community", r.community->id},
                    {"name", r.community->name},
                    {"township", r.community->township},
                    {"registered_members", r.members},
                    {"points_earned", tidy(r.earned)},
                    {"points_possible", tidy(r.possible)},
                    {"percent", r.percent},
                    {"stars", stars_json(r.stars)},
                    {"verdict", std::string(verdict_code(r.verdict))},
                    {"failed_items", failed}});
    if (!by_township.contains(r.community->township)) {
      townships.push_back(r.community->township);
    }
    by_township[r.community->township].push_back(&r);
    all.push_back(&r);
  }
  Json rollups = Json::array();
  for (const std::string& t : townships) {
    Json entry = {{"township", t}};
    entry.update(rollup(by_township[t], with_stars));
    rollups.push_back(entry);
  }
  return {{"rows", rows}, {"townships", rollups}, {"overall", rollup(all, with_stars)}};
}

Json standard_json(const Standard& standard) {
  Json bands = Json::array();
  for (const StarBand& band : standard.stars) {
    bands.push_back({{"stars", band.stars},
                     {"min_percent", band.min_percent},
                     {"required_items", band.required_items}});
  }
  const bool points = standard.pass_mark.unit == PassMark::Unit::points;
  return {
      {"id", standard.id},
      {"title", standard.title.label()},
      {"source", standard.source.empty() ? Json(nullptr) : Json(standard.source)},
      {"level", standard.level},
      {"file", standard.file},
      {"sha256", standard.sha256},
      {"pass_mark", {{"unit", points ? "points" : "percent"}, {"value", standard.pass_mark.value}}},
      {"star_bands", bands}};
}

}  // namespace

Json audit_document(const Standard& standard, Date as_of, const Period& period,
                    const std::vector<CommunityResult>& results,
                    const std::map<std::string, RecordedResult>& previous) {
  const Json period_value = period_json(period);
  Json communities = Json::array();
  bool any_fail = false;
  bool all_pass = true;
  for (const CommunityResult& r : results) {
    const auto found = previous.find(r.community->id);
    communities.push_back(community_json(standard, as_of, period_value, r,
                                         found == previous.end() ? nullptr : &found->second));
    any_fail = any_fail || r.verdict == Verdict::fail;
    all_pass = all_pass && r.verdict == Verdict::pass;
  }
  return {{"format", "tongxin-audit"},
          {"format_version", 1},
          {"language", std::string(i18n::lang_code(i18n::language()))},
          {"as_of", as_of.iso()},
          {"period", period_value},
          {"standard", standard_json(standard)},
          {"labels", labels()},
          {"communities", communities},
          {"summary", summary_json(results, !standard.stars.empty())},
          {"verdict", any_fail ? "fail" : (all_pass ? "pass" : "pending")}};
}

}  // namespace tongxin::audit
