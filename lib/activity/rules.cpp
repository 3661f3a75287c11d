#include "activity/rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "i18n/i18n.h"
#include "text/clean.h"
#include "text/strings.h"

namespace tongxin::activity {

namespace {

using text::fold;

bool names_measure(const config::Measure& m, std::string_view name) {
  const std::string n = fold(name);
  if (n == fold(m.key) || n == fold(m.zh) || n == fold(m.en)) {
    return true;
  }
  for (const auto& [header, key] : measure_synonyms()) {
    if (key == m.key && n == fold(header)) {
      return true;
    }
  }
  return false;
}

}  // namespace

const config::CodeTable& activity_types() { return config::code_table("activity_types"); }

const std::vector<std::pair<std::string, std::string>>& measure_synonyms() {
  // Headers office spreadsheets use (the 2011 Yongdeng ledgers among them).
  static const std::vector<std::pair<std::string, std::string>> k_synonyms = {
      {"走访", "visits"},
      {"走访户数", "visits"},
      {"走访人数", "persons_visited"},
      {"慰问人数", "persons_visited"},
      {"服务人次", "persons_served"},
      {"参会人数", "attendees"},
      {"参会人次", "attendees"},
      {"宣传栏", "board_updates"},
  };
  return k_synonyms;
}

const config::CodeEntry* find_type(std::string_view text) { return activity_types().find(text); }

const config::Measure* find_measure(const config::CodeEntry& type, std::string_view name) {
  for (const config::Measure& m : type.measures) {
    if (names_measure(m, name)) {
      return &m;
    }
  }
  return nullptr;
}

std::string measure_key_for_header(std::string_view header) {
  for (const config::CodeEntry& type : activity_types().entries()) {
    if (const config::Measure* m = find_measure(type, header)) {
      return m->key;
    }
  }
  return "";
}

std::optional<double> parse_measure_value(const std::string& name, std::string_view raw,
                                          std::vector<Problem>& problems) {
  const std::string text = text::trim(raw);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    problems.push_back({name, i18n::tr("activity.bad_number"), text});
    return std::nullopt;
  }
  if (value < 0) {
    problems.push_back({name, i18n::tr("activity.negative_measure"), text});
    return std::nullopt;
  }
  return value;
}

bool check_measure_value(const config::Measure& m, const std::string& name, double value,
                         std::string_view raw, std::vector<Problem>& problems) {
  const double scale = std::pow(10.0, m.decimals);
  const double max = m.decimals > 0 ? k_max_amount : k_max_count;
  if (value > max) {
    problems.push_back(
        {name, i18n::tr("activity.measure_too_large", text::format_number(max)), std::string(raw)});
    return false;
  }
  // Compared with a tolerance: 0.1 + 0.2 in a spreadsheet cell is still two decimals.
  if (std::fabs(value * scale - std::round(value * scale)) > 1e-6) {
    problems.push_back({name,
                        m.decimals == 0
                            ? i18n::tr("activity.not_whole", i18n::pick(m.unit_zh, m.unit_en))
                            : i18n::tr("activity.too_many_decimals", m.decimals),
                        text::trim(raw)});
    return false;
  }
  return true;
}

std::string measures_list(const config::CodeEntry& type) {
  std::string out;
  for (const config::Measure& m : type.measures) {
    out += (out.empty() ? "" : i18n::tr("activity.list_separator")) +
           i18n::tr("activity.measure_item", m.key, i18n::pick(m.zh, m.en));
  }
  return out;
}

namespace {

// The date of `raw` as stored, or a problem: unparsable, or outside the range an
// activity can have happened in.
std::optional<std::string> check_date(const std::string& raw, Date today,
                                      std::vector<Problem>& problems) {
  const auto date = parse_user_date(raw, today);
  if (!date) {
    problems.push_back({"date", i18n::tr("activity.bad_date"), text::trim(raw)});
    return std::nullopt;
  }
  const Date latest = today.plus_days(k_latest_activity_days);
  if (*date < k_earliest_activity || *date > latest) {
    problems.push_back(
        {"date", i18n::tr("activity.date_out_of_range", k_earliest_activity.iso(), latest.iso()),
         text::trim(raw)});
    return std::nullopt;
  }
  return date->iso();
}

// `raw` trimmed, or a problem when it is not clean text within `limits`.
std::string clean_text(const std::string& field, const std::string& raw, text::TextLimits limits,
                       std::vector<Problem>& problems) {
  std::string value = text::trim(raw);
  if (const text::TextFault fault = text::check_text(value, limits);
      fault != text::TextFault::none) {
    problems.push_back({field, text::fault_reason(fault, limits), value});
  }
  return value;
}

void check_measures(const RawActivity& raw, const config::CodeEntry* type, Activity& a,
                    std::vector<Problem>& problems) {
  std::vector<std::pair<const config::Measure*, double>> found;
  for (const auto& [name, value] : raw.measures) {
    if (text::trim(value).empty()) {
      continue;
    }
    const auto number = parse_measure_value(name, value, problems);
    if (type == nullptr || !number) {
      continue;
    }
    const config::Measure* m = find_measure(*type, name);
    if (m == nullptr) {
      problems.push_back(
          {name, i18n::tr("activity.measure_not_of_type", type->label(), measures_list(*type)),
           value});
      continue;
    }
    if (check_measure_value(*m, name, *number, value, problems)) {
      found.emplace_back(m, *number);
    }
  }
  if (type == nullptr) {
    return;
  }
  // In the type's order, one value per key (the last given wins).
  for (const config::Measure& m : type->measures) {
    std::optional<double> value;
    for (const auto& [measure, number] : found) {
      value = measure->key == m.key ? std::optional(number) : value;
    }
    if (value) {
      a.measures.emplace_back(m.key, *value);
    }
  }
}

void check_members(const RawActivity& raw, const CheckContext& ctx, Activity& a,
                   std::vector<Problem>& problems) {
  for (const std::string& reference : raw.members) {
    for (const std::string& item : text::split_list(reference)) {
      const auto id = ctx.find_member ? ctx.find_member(item) : std::nullopt;
      if (!id) {
        problems.push_back({"members", i18n::tr("activity.no_member"), item});
      } else if (std::find(a.members.begin(), a.members.end(), *id) == a.members.end()) {
        a.members.push_back(*id);
      }
    }
  }
  std::sort(a.members.begin(), a.members.end());
}

}  // namespace

Activity check_activity(const RawActivity& raw, const CheckContext& ctx,
                        std::vector<Problem>& problems) {
  Activity a;
  a.community = text::trim(raw.community);
  if (a.community.empty()) {
    problems.push_back({"community", i18n::tr("activity.community_required"), ""});
  } else {
    // The problem quotes the value and lists id（name） pairs after it, so the value is not
    // repeated after them (where it read as the last community's name).
    config::CommunityMatch match = config::match_community(ctx.communities, a.community);
    if (match.id.empty()) {
      problems.push_back({"community", std::move(match.problem), ""});
    }
    a.community = match.id;
  }
  const config::CodeEntry* type = find_type(raw.type);
  if (text::trim(raw.type).empty()) {
    problems.push_back({"type", i18n::tr("activity.required"), ""});
  } else if (type == nullptr) {
    problems.push_back({"type", i18n::tr("activity.unknown_type", activity_types().choices_list()),
                        text::trim(raw.type)});
  } else {
    a.type = type->code;
  }
  if (text::trim(raw.date).empty()) {
    problems.push_back({"date", i18n::tr("activity.required"), ""});
  } else {
    a.date = check_date(raw.date, ctx.today, problems).value_or("");
  }
  a.title = clean_text("title", raw.title, text::k_line_limits, problems);
  a.duty = clean_text("duty", raw.duty, text::k_line_limits, problems);
  a.notes = clean_text("notes", raw.notes, text::k_notes_limits, problems);
  check_measures(raw, type, a, problems);
  check_members(raw, ctx, a, problems);
  return a;
}

std::vector<std::pair<std::string, std::string>> split_assignments(
    const std::vector<std::string>& assignments, std::vector<Problem>& problems) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& a : assignments) {
    const auto eq = a.find('=');
    if (eq == std::string::npos) {
      problems.push_back({"measure", i18n::tr("activity.bad_assignment"), a});
      continue;
    }
    out.emplace_back(text::trim(a.substr(0, eq)), text::trim(a.substr(eq + 1)));
  }
  return out;
}

nlohmann::ordered_json measures_json(const Measures& measures) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, value] : measures) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
      object[key] = static_cast<long long>(value);
    } else {
      object[key] = value;
    }
  }
  return object;
}

std::string activity_json(const Activity& a) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["community"] = a.community;
  o["type"] = a.type;
  o["date"] = a.date;
  o["title"] = a.title;
  o["duty"] = a.duty;
  o["notes"] = a.notes;
  o["measures"] = measures_json(a.measures);
  o["members"] = a.members;
  return o.dump();
}

namespace {

void apply_fields(Activity& a, const ActivityEdit& edit, const Date& today,
                  std::vector<Problem>& problems) {
  if (edit.date) {
    a.date = check_date(*edit.date, today, problems).value_or(a.date);
  }
  if (edit.type) {
    const config::CodeEntry* type = find_type(*edit.type);
    type != nullptr
        ? void(a.type = type->code)
        : problems.push_back({"type",
                              i18n::tr("activity.unknown_type", activity_types().choices_list()),
                              *edit.type});
  }
  a.title = edit.title ? clean_text("title", *edit.title, text::k_line_limits, problems) : a.title;
  a.duty = edit.duty ? clean_text("duty", *edit.duty, text::k_line_limits, problems) : a.duty;
  a.notes = edit.notes ? clean_text("notes", *edit.notes, text::k_notes_limits, problems) : a.notes;
}

// The measures after `edit`: the old ones (by key) overridden or removed by
// those given, all checked against the (possibly new) type.
void edit_measures(Activity& a, const ActivityEdit& edit, std::vector<Problem>& problems) {
  const config::CodeEntry* type = activity_types().by_code(a.type);
  RawActivity raw;
  for (const auto& [key, value] : a.measures) {
    raw.measures.emplace_back(key, text::format_number(value));
  }
  for (const auto& [name, value] : edit.measures) {
    const config::Measure* m = type == nullptr ? nullptr : find_measure(*type, name);
    const std::string key = m != nullptr ? m->key : measure_key_for_header(name);
    std::erase_if(raw.measures, [&](const auto& p) { return p.first == key; });
    raw.measures.emplace_back(name, value);
  }
  a.measures.clear();
  check_measures(raw, type, a, problems);
}

}  // namespace

void apply_edit(Activity& a, const ActivityEdit& edit, const Date& today,
                std::vector<Problem>& problems) {
  apply_fields(a, edit, today, problems);
  edit_measures(a, edit, problems);
}

}  // namespace tongxin::activity
