// What the summary template sees: the report document plus `draft`, the period's figures put
// into sentences in the document's language (工作总结 style: "本季度共开展统战工作活动33次，其中
// 会议6次……", "悬挂横幅4条、分发宣传资料800份"). Every figure comes from the document; a
// suppressed count is written "不足5" / "fewer than 5", a complementary one "若干" / "some".
#include "core/date.h"
#include "report/render.h"
#include "text/strings.h"

namespace tongxin::report {

namespace {

using json = nlohmann::ordered_json;

bool chinese() { return i18n::language() == i18n::Lang::zh; }

// The list separator of the document's language: 、 between Chinese clauses.
std::string join(const std::vector<std::string>& parts, std::string_view zh_separator = "、",
                 std::string_view en_separator = ", ") {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) {
      out += chinese() ? zh_separator : en_separator;
    }
    out += part;
  }
  return out;
}

// A figure for a sentence: the number, or words for a hidden one.
std::string figure(const json& cell) {
  const std::string display = cell.value("display", "");
  if (!cell.value("suppressed", false)) {
    return display;
  }
  if (display.starts_with("<")) {
    return i18n::tr("render.draft.fewer_than", display.substr(1));
  }
  return std::string(i18n::text("render.draft.some"));
}

// True when the cell shows something other than zero (a hidden count is never zero).
bool nonzero(const json& cell) {
  return cell.value("suppressed", false) ||
         (cell.contains("value") && cell["value"].is_number() && cell["value"].get<double>() != 0);
}

std::string long_date(const std::string& iso) {
  const std::optional<Date> date = parse_iso_date(iso);
  if (!date) {
    return iso;
  }
  static const char* k_months[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
  return chinese() ? fmt::format("{}年{}月{}日", date->year, date->month, date->day)
                   : fmt::format("{} {} {}", date->day, k_months[date->month - 1], date->year);
}

// The date without its year: 3月5日, 5 March.
std::string short_date(const std::string& iso) {
  const std::string full = long_date(iso);
  const size_t cut = chinese() ? full.find("年") : full.rfind(' ');
  return cut == std::string::npos ? full
         : chinese()              ? full.substr(cut + std::string("年").size())
                                  : full.substr(0, cut);
}

// "本季度" / "in 2012 Q1": how the sentences name the period.
std::string period_phrase(const json& period) {
  const std::string kind = period.value("kind", "");
  if (!chinese()) {
    return "in " + period.value("label", "");
  }
  if (kind == "half") {
    return period.value("from", "").substr(5, 2) == "01" ? "上半年" : "下半年";
  }
  return std::string(i18n::text("render.draft.period." + (kind.empty() ? "days" : kind)));
}

// A measure as a phrase: "悬挂横幅4条" from the phrase book, else "横幅4条" from its labels.
std::string measure_phrase(const std::string& type, const json& measure) {
  const std::string key = "render.phrase." + type + "." + measure.value("key", "");
  const std::string value = figure(measure["total"]);
  if (i18n::text(key) != key) {
    return i18n::tr(key, value);
  }
  return chinese() ? measure.value("label", "") + value + measure.value("unit", "")
                   : value + " " + measure.value("unit", "");
}

std::vector<std::string> measure_phrases(const json& type_total) {
  std::vector<std::string> phrases;
  for (const json& measure : type_total["measures"]) {
    if (nonzero(measure["total"])) {
      phrases.push_back(measure_phrase(type_total.value("type", ""), measure));
    }
  }
  return phrases;
}

std::string type_count(const json& type_total) {
  return i18n::tr("render.draft.type_count", type_total.value("label", ""),
                  figure(type_total["count"]));
}

std::string register_sentence(const json& report) {
  const json& reg = report["sections"]["register"];
  std::vector<std::string> categories;
  for (const json& row : reg["by_category"]) {
    if (nonzero(row["count"])) {
      categories.push_back(
          i18n::tr("render.draft.category", row.value("label", ""), figure(row["count"])));
    }
  }
  std::string text =
      i18n::tr("render.draft.register", long_date(reg.value("as_of", "")), figure(reg["members"]));
  if (categories.empty()) {
    text += chinese() ? "。" : ".";
  } else {
    // Category names hold 、 themselves (香港同胞、澳门同胞), so the list takes ，.
    text += i18n::tr("render.draft.register_by_category", join(categories, "，", ", "));
  }
  std::vector<std::string> changes;
  for (const char* change : {"registered", "moved_in", "moved_out", "archived", "deceased"}) {
    const json& cell = reg["changes"][change];
    if (nonzero(cell)) {
      changes.push_back(i18n::tr(std::string("render.draft.change.") + change, figure(cell)));
    }
  }
  const std::string period = period_phrase(report["period"]);
  return text + (changes.empty() ? i18n::tr("render.draft.no_changes", period)
                                 : i18n::tr("render.draft.changes", period, join(changes)));
}

std::string key_contacts_sentence(const json& report) {
  const json& reg = report["sections"]["register"];
  std::vector<std::string> clauses{
      i18n::tr("render.draft.key_contacts", figure(reg["key_contacts"])),
      i18n::tr("render.draft.with_cadre", figure(reg["key_contacts_with_cadre"])),
      i18n::tr("render.draft.visited", period_phrase(report["period"]),
               figure(reg["key_contacts_visited"]))};
  if (reg["share_visited"]["value"].is_number()) {
    clauses.back() += i18n::tr("render.draft.share_visited", figure(reg["share_visited"]));
  }
  clauses.push_back(i18n::tr("render.draft.hardship", figure(reg["hardship"])));
  return join(clauses, "，", ", ") + (chinese() ? "。" : ".");
}

std::string activities_sentence(const json& report) {
  const json& work = report["sections"]["work"];
  const std::string period = period_phrase(report["period"]);
  if (!nonzero(work["activities"])) {
    return i18n::tr("render.draft.no_activities", period);
  }
  std::vector<std::string> types;
  for (const json& type_total : work["by_type"]) {
    if (nonzero(type_total["count"])) {
      types.push_back(type_count(type_total));
    }
  }
  return i18n::tr("render.draft.activities", period, figure(work["activities"]), join(types));
}

json activity_items(const json& report) {
  json items = json::array();
  for (const json& type_total : report["sections"]["work"]["by_type"]) {
    if (!nonzero(type_total["count"])) {
      continue;
    }
    const std::vector<std::string> phrases = measure_phrases(type_total);
    items.push_back(phrases.empty() ? i18n::tr("render.draft.type_item", type_count(type_total))
                                    : i18n::tr("render.draft.type_item_measures",
                                               type_count(type_total), join(phrases)));
  }
  return items;
}

std::string all_figures(const json& report) {
  std::vector<std::string> phrases;
  for (const json& type_total : report["sections"]["work"]["by_type"]) {
    for (std::string& phrase : measure_phrases(type_total)) {
      phrases.push_back(std::move(phrase));
    }
  }
  return join(phrases);
}

json notable_items(const json& report) {
  const bool several = report["scope"].value("level", "") != "community";
  json items = json::array();
  for (const json& activity : report["sections"]["work"]["notable"]) {
    const std::string date = short_date(activity.value("date", ""));
    items.push_back(several ? i18n::tr("render.draft.notable_in", date,
                                       activity.value("community_name", ""),
                                       activity.value("title", ""))
                            : i18n::tr("render.draft.notable", date, activity.value("title", "")));
  }
  const int omitted = report["sections"]["work"].value("notable_omitted", 0);
  if (omitted > 0) {
    items.push_back(i18n::tr("render.draft.notable_omitted", omitted));
  }
  return items;
}

std::string two_way_sentence(const json& report) {
  std::vector<std::string> directions;
  for (const char* name : {"to_members", "from_members"}) {
    const json& direction = report["sections"]["two_way"][name];
    std::vector<std::string> phrases;
    for (const json& type_total : direction["by_type"]) {
      for (std::string& phrase : measure_phrases(type_total)) {
        phrases.push_back(std::move(phrase));
      }
    }
    std::string clause = i18n::tr("render.draft.direction", direction.value("label", ""),
                                  figure(direction["activities"]));
    if (!phrases.empty()) {
      clause += (chinese() ? "，" : ", ") + join(phrases);
    }
    directions.push_back(clause);
  }
  return i18n::tr("render.draft.two_way", join(directions, "；", "; "));
}

json duties_sentence(const json& report) {
  const json& duties = report["sections"]["duties"];
  if (duties["plan"].is_null()) {
    return nullptr;
  }
  std::string text =
      i18n::tr("render.draft.duties", period_phrase(report["period"]), figure(duties["due"]),
               figure(duties["done"]), figure(duties["overdue"]));
  if (nonzero(duties["open"])) {
    text += i18n::tr("render.draft.duties_open", figure(duties["open"]));
  }
  return text + (chinese() ? "。" : ".");
}

json audit_sentence(const json& report) {
  const json& audit = report["sections"]["audit"];
  if (audit.is_null()) {
    return nullptr;
  }
  const bool several = audit["communities"].size() > 1;
  std::vector<std::string> clauses{i18n::tr("render.draft.audit",
                                            audit["standard"].value("title", ""),
                                            long_date(audit.value("as_of", "")))};
  if (audit["score"].is_number()) {
    clauses.push_back(i18n::tr(
        several ? "render.draft.audit_mean_score" : "render.draft.audit_score",
        text::format_number(audit["score"].get<double>(), 2),
        audit["max_score"].is_number() ? text::format_number(audit["max_score"].get<double>(), 2)
                                       : "-"));
  }
  if (audit["stars"].is_number()) {
    clauses.push_back(
        i18n::tr(several ? "render.draft.audit_lowest_stars" : "render.draft.audit_stars",
                 audit["stars"].get<int>()));
  }
  clauses.push_back(i18n::tr("render.draft.audit_verdict", audit.value("verdict_label", "")));
  return join(clauses, "，", ", ") + (chinese() ? "。" : ".");
}

// "增加3次" / "up 3": the change of a count against a comparison, or "" when there is none.
// `unit` picks the phrases: "times" (activities) or "persons" (members).
std::string change(const json& count, const std::string& against, const std::string& unit) {
  const json& other = count[against];
  if (other.is_null() || count.value("suppressed", false) || other.value("suppressed", false) ||
      !count["value"].is_number() || !other["value"].is_number()) {
    return {};
  }
  const double delta = count["value"].get<double>() - other["value"].get<double>();
  if (delta == 0) {
    return std::string(i18n::text("render.draft.unchanged"));
  }
  return i18n::tr((delta > 0 ? "render.draft.up_" : "render.draft.down_") + unit,
                  text::format_number(std::abs(delta), 2));
}

json comparison_sentence(const json& report) {
  const json& activities = report["sections"]["work"]["activities"];
  const json& members = report["sections"]["register"]["members"];
  std::vector<std::string> clauses;
  for (const auto& [against, period] :
       {std::pair{"previous", "previous_period"}, std::pair{"year_ago", "year_ago_period"}}) {
    const std::string a = change(activities, against, "times");
    const std::string m = change(members, against, "persons");
    const bool repeated = std::string(against) == "year_ago" &&
                          report[period]["code"] == report["previous_period"]["code"];
    if (!repeated && (!a.empty() || !m.empty())) {  // an annual report's two are one year
      clauses.push_back(i18n::tr("render.draft.compared", report[period].value("label", ""),
                                 a.empty() ? "-" : a, m.empty() ? "-" : m));
    }
  }
  if (clauses.empty()) {
    return nullptr;
  }
  return join(clauses, "；", ". ") + (chinese() ? "。" : ".");
}

json problems(const json& report) {
  json items = json::array();
  const json& audit = report["sections"]["audit"];
  if (!audit.is_null()) {
    for (const json& failed : audit["failed"]) {
      std::string text = i18n::tr(
          failed.value("required", false) ? "render.draft.failed_required" : "render.draft.failed",
          failed.value("community_name", ""), failed.value("title", ""));
      if (failed["remediation"].is_string()) {
        text += i18n::tr("render.draft.remediation", failed["remediation"].get<std::string>());
      }
      items.push_back(text + (chinese() ? "。" : "."));
    }
  }
  for (const json& duty : report["sections"]["duties"]["by_duty"]) {
    if (nonzero(duty["overdue"])) {
      items.push_back(
          i18n::tr("render.draft.overdue", duty.value("title", ""), figure(duty["overdue"])));
    }
  }
  std::vector<std::string> missing;
  for (const json& community : report["sections"]["missing"]) {
    missing.push_back(community.value("name", ""));
  }
  if (!missing.empty()) {
    items.push_back(i18n::tr("render.draft.missing", join(missing)));
  }
  return items;
}

json next_steps(const json& report) {
  const json& next = report["sections"]["next"];
  std::vector<std::pair<std::string, std::vector<std::string>>> duties;  // title, due dates
  for (const json& duty : next["duties"]) {
    const std::string title = duty.value("title", "");
    auto it = std::find_if(duties.begin(), duties.end(),
                           [&](const auto& entry) { return entry.first == title; });
    if (it == duties.end()) {
      duties.push_back({title, {}});
      it = std::prev(duties.end());
    }
    it->second.push_back(short_date(duty.value("due", "")));
  }
  json items = json::array();
  for (const auto& [title, dates] : duties) {
    items.push_back(i18n::tr("render.draft.next_duty", title, join(dates)));
  }
  std::vector<std::string> festivals;
  for (const json& festival : next["festivals"]) {
    festivals.push_back(i18n::tr("render.draft.festival", festival.value("label", ""),
                                 short_date(festival.value("date", ""))));
  }
  if (!festivals.empty()) {
    items.push_back(i18n::tr("render.draft.next_festivals", join(festivals)));
  }
  return items;
}

json opening(const json& report) {
  std::string text = i18n::tr("render.draft.opening", report["scope"].value("name", ""),
                              report["period"].value("label", ""));
  if (!report["period"].value("complete", true)) {
    text += i18n::tr("render.draft.partial", long_date(report["period"].value("as_of", "")));
  }
  return text;
}

}  // namespace

json template_model(const json& report) {
  json draft;
  const std::string scope = report["scope"].value("name", "");
  draft["title"] = i18n::tr("render.draft.title", scope,
                            report["period"].value("label", ""));  // as build_document's
  draft["opening"] = opening(report);
  draft["period"] = period_phrase(report["period"]);
  draft["register"] = register_sentence(report);
  draft["key_contacts"] = key_contacts_sentence(report);
  draft["activities"] = activities_sentence(report);
  draft["activity_items"] = activity_items(report);
  draft["figures"] = all_figures(report);
  draft["notable"] = notable_items(report);
  draft["has_notable"] = !draft["notable"].empty();
  draft["notable_intro"] =
      i18n::tr("render.draft.notable_intro", draft["period"].get<std::string>());
  draft["two_way"] = two_way_sentence(report);
  draft["duties"] = duties_sentence(report);
  draft["audit"] = audit_sentence(report);
  draft["comparison"] = comparison_sentence(report);
  draft["problems"] = problems(report);
  draft["next_steps"] = next_steps(report);
  draft["signature"] = scope;
  draft["date"] = long_date(report["period"].value("as_of", report["period"].value("to", "")));
  json model = report;
  model["draft"] = std::move(draft);
  return model;
}

}  // namespace tongxin::report
