#include "schedule/plan.h"

#include <array>
#include <regex>
#include <set>

#include "config/codes.h"
#include "config/community.h"
#include "config/yaml_reader.h"
#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::schedule {

namespace {

using config::Diagnostics;
using config::MapReader;

// Keys a rule may hold; which of them go together depends on the rule's kind.
constexpr std::array<const char*, 9> k_rule_keys = {
    "every", "day", "weekday", "at_least", "per", "period", "per_member", "festival", "window"};

void report_node(Diagnostics& d, const YAML::Node& node, const std::string& key,
                 const std::string& message) {
  d.add(node.Mark().line + 1, node.Mark().column + 1, key, message);
}

void report_missing(MapReader& r, const std::string& key) {
  if (!r.has(key)) {
    r.report(key, i18n::tr("config.missing_key"));
  }
}

Text read_text(MapReader& parent, const std::string& key) {
  Text text;
  report_missing(parent, key);
  parent.map(key, [&](MapReader& r) {
    text.zh = r.string("zh", true).value_or("");
    text.en = r.string("en", true).value_or("");
  });
  return text;
}

Date read_required_date(MapReader& r, const std::string& key) {
  report_missing(r, key);
  return r.date(key).value_or(Date{});
}

// An id matching `pattern` and not seen before in `seen`.
std::string read_id(MapReader& r, const std::string& key, std::set<std::string>& seen) {
  static const std::regex k_pattern("[a-z][a-z0-9_]*");
  const std::string id = r.string(key, true).value_or("");
  if (id.empty()) {
    return id;
  }
  if (!std::regex_match(id, k_pattern)) {
    r.report(key, i18n::tr("config.bad_code", id));
  } else if (!seen.insert(id).second) {
    r.report(key, i18n::tr("config.duplicate_id", id));
  }
  return id;
}

void check_order(MapReader& r, const std::string& key, std::optional<Date> first,
                 std::optional<Date> last) {
  if (first && last && *last < *first) {
    r.report(key, i18n::tr("schedule.plan.dates_reversed", first->iso(), last->iso()));
  }
}

std::string read_code(MapReader& r, const std::string& key, const std::string& table) {
  const std::string code = r.string(key, true).value_or("");
  const config::CodeTable& codes = config::code_table(table);
  if (!code.empty() && codes.by_code(code) == nullptr) {
    r.report(key, i18n::tr("config.unknown_code", code, codes.codes_list()));
  }
  return code;
}

// --- community field paths of deliverables -------------------------------------------------

std::string field_choices() {
  std::string out;
  for (const std::string& path : config::field_paths()) {
    out += (out.empty() ? "" : ", ") + path;
  }
  return out;
}

// --- phases ----------------------------------------------------------------------------------

Requirement read_requirement(MapReader& r) {
  Requirement req;
  for (const char* key : {"activity", "roster", "field"}) {
    r.node(key);  // known keys, so a misspelt one gets a did-you-mean
  }
  const int kinds =
      (r.has("activity") ? 1 : 0) + (r.has("roster") ? 1 : 0) + (r.has("field") ? 1 : 0);
  if (kinds != 1) {
    r.report("", i18n::tr("schedule.plan.require_kind"));
  }
  req.min_count = static_cast<int>(r.integer("min_count", 1, 100000).value_or(1));
  if (r.has("activity")) {
    req.activity_type = read_code(r, "activity", "activity_types");
  } else if (r.has("roster")) {
    req.kind = Requirement::Kind::roster;
    if (r.boolean("roster") == false) {
      r.report("roster", i18n::tr("schedule.plan.roster_true"));
    }
  } else if (r.has("field")) {
    req.kind = Requirement::Kind::field;
    const std::string text = r.string("field").value_or("");
    if (const auto path = config::parse_field_path(text)) {
      req.field = *path;
    } else {
      r.report("field", i18n::tr("schedule.plan.bad_field", text, field_choices()));
    }
  }
  const bool counted =
      req.kind == Requirement::Kind::activity ||
      (req.kind == Requirement::Kind::field && req.field.kind == config::FieldKind::list);
  if (r.has("min_count") && !counted) {
    r.report("min_count", i18n::tr("schedule.plan.min_count_list"));
  }
  return req;
}

Phase read_phase(MapReader& r, std::set<std::string>& codes) {
  Phase phase;
  phase.code = read_id(r, "code", codes);
  phase.title = read_text(r, "title");
  phase.start = read_required_date(r, "start");
  phase.end = read_required_date(r, "end");
  check_order(r, "end", phase.start, phase.end);
  std::set<std::string> ids;
  r.list("deliverables", [&](MapReader& item, size_t) {
    Deliverable d;
    d.id = read_id(item, "id", ids);
    d.title = read_text(item, "title");
    report_missing(item, "require");
    item.map("require", [&](MapReader& req) { d.require = read_requirement(req); });
    phase.deliverables.push_back(std::move(d));
  });
  return phase;
}

// --- rules -----------------------------------------------------------------------------------

struct RuleKeys {
  std::optional<std::string> every, per, period, per_member, weekday;
  YAML::Node day;
};

std::optional<Cadence> read_period(MapReader& r, const std::optional<std::string>& value,
                                   const std::string& key) {
  if (!value) {
    return std::nullopt;
  }
  const auto period = parse_cadence(*value);
  if (!period) {
    r.report(key, i18n::tr("config.bad_choice", *value, "week, month, quarter, year"));
  }
  return period;
}

// The rule's kind from its leading key; reports a rule with none or with two of them.
std::optional<RuleKind> rule_kind(MapReader& r, const RuleKeys& keys) {
  if (keys.per_member) {
    if (*keys.per_member == "key_contact") {
      return RuleKind::key_contacts;
    }
    if (*keys.per_member == "greeting") {
      return RuleKind::greetings;
    }
    r.report("per_member",
             i18n::tr("config.bad_choice", *keys.per_member, "key_contact, greeting"));
    return std::nullopt;
  }
  std::vector<std::pair<const char*, RuleKind>> found;
  for (const auto& [key, kind] :
       {std::pair{"every", RuleKind::every}, std::pair{"at_least", RuleKind::at_least},
        std::pair{"festival", RuleKind::festival}}) {
    if (r.has(key)) {
      found.emplace_back(key, kind);
    }
  }
  if (found.empty()) {
    r.report("", i18n::tr("schedule.plan.rule_kind"));
    return std::nullopt;
  }
  if (found.size() > 1) {
    r.report(found[1].first,
             i18n::tr("schedule.plan.rule_conflict", found[1].first, found[0].first));
    return std::nullopt;
  }
  return found[0].second;
}

// The keys a rule of `kind` (and, for `every`, of `period`) may hold.
std::set<std::string> allowed_keys(RuleKind kind, std::optional<Cadence> every) {
  switch (kind) {
    case RuleKind::every:
      if (!every) {
        return {"every", "day", "weekday"};  // a bad period is reported once, not again here
      }
      if (every == Cadence::week) {
        return {"every", "weekday"};
      }
      return every == Cadence::month ? std::set<std::string>{"every", "day"}
                                     : std::set<std::string>{"every"};
    case RuleKind::at_least:
      return {"at_least", "per"};
    case RuleKind::festival:
      return {"festival", "window"};
    case RuleKind::key_contacts:
      return {"per_member", "at_least", "period"};
    case RuleKind::greetings:
      return {"per_member", "festival", "window"};
  }
  return {};
}

void check_keys(MapReader& r, RuleKind kind, std::optional<Cadence> every) {
  const std::set<std::string> allowed = allowed_keys(kind, every);
  std::string allowed_list;
  for (const std::string& key : allowed) {
    allowed_list += (allowed_list.empty() ? "" : ", ") + key;
  }
  for (const char* key : k_rule_keys) {
    if (r.has(key) && !allowed.contains(key)) {
      r.report(key, i18n::tr("schedule.plan.key_not_allowed", key, allowed_list));
    }
  }
  const std::vector<std::string> required =
      kind == RuleKind::at_least       ? std::vector<std::string>{"per"}
      : kind == RuleKind::key_contacts ? std::vector<std::string>{"at_least", "period"}
      : kind == RuleKind::greetings    ? std::vector<std::string>{"festival"}
                                       : std::vector<std::string>{};
  for (const std::string& key : required) {
    report_missing(r, key);
  }
}

MonthDay read_month_day(MapReader& r, const YAML::Node& day) {
  if (!day.IsDefined() || day.IsNull()) {
    return {};
  }
  const std::string value = day.IsScalar() ? day.Scalar() : "";
  if (value == "last") {
    return {MonthDay::Kind::last, 0};
  }
  if (value == "last_weekday") {
    return {MonthDay::Kind::last_weekday, 0};
  }
  static const std::regex k_number("[1-9][0-9]?");
  if (std::regex_match(value, k_number) && std::stoi(value) <= 31) {
    return {MonthDay::Kind::day, std::stoi(value)};
  }
  r.report("day", i18n::tr("schedule.plan.bad_day", value));
  return {};
}

void read_rule_details(MapReader& r, const RuleKeys& keys, Rule& rule) {
  if (keys.weekday) {
    if (const auto weekday = parse_weekday(*keys.weekday)) {
      rule.weekday = *weekday;
    } else {
      r.report("weekday",
               i18n::tr("config.bad_choice", *keys.weekday,
                        "monday, tuesday, wednesday, thursday, friday, saturday, sunday"));
    }
  }
  rule.month_day = read_month_day(r, keys.day);
  const auto per = read_period(r, keys.per, "per");
  const auto period = read_period(r, keys.period, "period");
  if (rule.kind == RuleKind::at_least && per) {
    rule.period = *per;
  } else if (rule.kind == RuleKind::key_contacts && period) {
    rule.period = *period;
  }
}

Rule read_rule(MapReader& r) {
  Rule rule;
  RuleKeys keys;
  keys.every = r.string("every");
  keys.per = r.string("per");
  keys.period = r.string("period");
  keys.per_member = r.string("per_member");
  keys.weekday = r.string("weekday");
  keys.day = r.node("day");
  rule.at_least = static_cast<int>(r.integer("at_least", 1, 10000).value_or(1));
  if (r.has("festival")) {
    rule.festival = read_code(r, "festival", "festivals");
  }
  r.map("window", [&](MapReader& w) {
    rule.before = static_cast<int>(w.integer("before", 0, 366).value_or(0));
    rule.after = static_cast<int>(w.integer("after", 0, 366).value_or(0));
  });
  const auto every = read_period(r, keys.every, "every");
  const auto kind = rule_kind(r, keys);
  if (!kind) {
    return rule;
  }
  rule.kind = *kind;
  rule.period = every.value_or(Cadence::month);
  check_keys(r, rule.kind, every);
  read_rule_details(r, keys, rule);
  return rule;
}

// --- duties ----------------------------------------------------------------------------------

Scope read_scope(MapReader& r) {
  const std::string scope = r.string("scope", true).value_or("community");
  if (scope == "township") {
    return Scope::township;
  }
  if (scope == "county") {
    return Scope::county;
  }
  if (scope != "community") {
    r.report("scope", i18n::tr("config.bad_choice", scope, "community, township, county"));
  }
  return Scope::community;
}

Duty read_duty(MapReader& r, std::set<std::string>& ids) {
  Duty duty;
  duty.id = read_id(r, "id", ids);
  duty.title = read_text(r, "title");
  duty.type = read_code(r, "type", "activity_types");
  duty.scope = read_scope(r);
  duty.from = r.date("from");
  duty.to = r.date("to");
  check_order(r, "to", duty.from, duty.to);
  report_missing(r, "rule");
  r.map("rule", [&](MapReader& rule) { duty.rule = read_rule(rule); });
  return duty;
}

// --- festival overrides ----------------------------------------------------------------------

struct OverrideReader {
  Diagnostics& diagnostics;
  FestivalOverrides& out;

  void entry(int year, const std::string& code, const YAML::Node& key_node, const YAML::Node& value,
             const std::string& path) {
    if (config::code_table("festivals").by_code(code) == nullptr) {
      report_node(
          diagnostics, key_node, path,
          i18n::tr("config.unknown_code", code, config::code_table("festivals").codes_list()));
      return;
    }
    const auto date = value.IsScalar() ? parse_iso_date(value.Scalar()) : std::nullopt;
    if (!date) {
      report_node(diagnostics, value, path,
                  i18n::tr("config.bad_date", value.IsScalar() ? value.Scalar() : ""));
    } else if (date->year != year) {
      report_node(diagnostics, value, path,
                  i18n::tr("schedule.plan.override_year", date->iso(), year));
    } else if (!out[year].emplace(code, *date).second) {
      report_node(diagnostics, key_node, path, i18n::tr("config.duplicate_id", code));
    }
  }

  std::optional<int> year_of(const YAML::Node& key, const std::string& path) {
    static const std::regex k_year("[0-9]{4}");
    const std::string text = key.Scalar();
    if (std::regex_match(text, k_year)) {
      const int year = std::stoi(text);
      if (year >= k_first_festival_year && year <= k_last_festival_year) {
        return year;
      }
    }
    report_node(diagnostics, key, path, i18n::tr("schedule.plan.override_key", text));
    return std::nullopt;
  }

  bool is_mapping(const YAML::Node& node, const std::string& path) {
    if (!node.IsMap()) {
      report_node(diagnostics, node, path, i18n::tr("config.expected_mapping"));
    }
    return node.IsMap();
  }

  // YEAR: {code: DATE}, the documented form; code: {YEAR: DATE} is read too (the JSON Schema's
  // first draft), told apart by the key's shape.
  void read(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull() || !is_mapping(root, "festival_overrides")) {
      return;
    }
    for (const auto& pair : root) {
      const std::string outer = pair.first.Scalar();
      const std::string path = "festival_overrides." + outer;
      const bool code_first = config::code_table("festivals").by_code(outer) != nullptr;
      const auto year = code_first ? std::nullopt : year_of(pair.first, path);
      if ((!code_first && !year) || !is_mapping(pair.second, path)) {
        continue;
      }
      for (const auto& inner : pair.second) {
        const std::string inner_key = inner.first.Scalar();
        if (code_first) {
          if (const auto y = year_of(inner.first, path + "." + inner_key)) {
            entry(*y, outer, pair.first, inner.second, path + "." + inner_key);
          }
        } else {
          entry(*year, inner_key, inner.first, inner.second, path + "." + inner_key);
        }
      }
    }
  }
};

}  // namespace

const std::string& Text::label() const { return i18n::pick(zh, en); }

bool Duty::active_on(Date due) const { return (!from || *from <= due) && (!to || due <= *to); }

Plan parse_plan(const std::string& file, const std::string& text) {
  Diagnostics diagnostics(file);
  Plan plan;
  const YAML::Node root = config::parse_yaml(text, diagnostics);
  if (root.IsDefined()) {
    MapReader r(root, "", diagnostics);
    plan.id = r.string("id", true).value_or("");
    plan.title = read_text(r, "title");
    std::set<std::string> phase_codes;
    r.list("phases",
           [&](MapReader& p, size_t) { plan.phases.push_back(read_phase(p, phase_codes)); });
    std::set<std::string> duty_ids;
    r.list("duties", [&](MapReader& d, size_t) { plan.duties.push_back(read_duty(d, duty_ids)); });
    OverrideReader{diagnostics, plan.festival_overrides}.read(r.node("festival_overrides"));
  }
  diagnostics.throw_if_any(text);
  return plan;
}

Plan load_plan(const config::Workspace& workspace) {
  if (workspace.config.plan.empty()) {
    throw Error(ExitCode::config, i18n::tr("schedule.plan.none", workspace.root.string()));
  }
  const std::string text = config::read_file(workspace.root / workspace.config.plan);
  return parse_plan(workspace.config.plan, text);
}

FestivalOverrides workspace_overrides(const config::Workspace& workspace) {
  if (workspace.config.plan.empty()) {
    return {};
  }
  return load_plan(workspace).festival_overrides;
}

}  // namespace tongxin::schedule
