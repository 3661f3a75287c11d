#include "audit/standard.h"

#include <algorithm>
#include <regex>

#include "config/codes.h"
#include "config/yaml_reader.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "io/tabular.h"

namespace tongxin::audit {

namespace {

using config::Diagnostics;
using config::MapReader;

// The keys that choose a check's kind; exactly one per check.
const std::vector<std::pair<std::string, CheckKind>>& kind_keys() {
  static const std::vector<std::pair<std::string, CheckKind>> k_keys = {
      {"field", CheckKind::field},
      {"institution", CheckKind::institution},
      {"wall_display", CheckKind::wall_display},
      {"roster", CheckKind::roster},
      {"activity", CheckKind::activity},
      {"duty", CheckKind::duty},
      {"deduct", CheckKind::deduct},
      {"manual", CheckKind::manual}};
  return k_keys;
}

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : separator) + item;
  }
  return out;
}

// "unknown code 'x', did you mean 'y'? expected ..." for a value outside `choices`.
void report_unknown(MapReader& r, const std::string& key, const std::string& value,
                    const std::vector<std::string>& choices) {
  const std::string guess = config::closest(value, {choices.begin(), choices.end()});
  r.report(key, guess.empty()
                    ? i18n::tr("config.unknown_code", value, join(choices))
                    : i18n::tr("audit.standard.unknown_guess", value, guess, join(choices)));
}

std::vector<std::string> table_codes(const std::string& table) {
  std::vector<std::string> codes;
  for (const config::CodeEntry& entry : config::code_table(table).entries()) {
    codes.push_back(entry.code);
  }
  return codes;
}

std::string read_code_from(MapReader& r, const std::string& key, const std::string& table) {
  const std::string code = r.string(key, true).value_or("");
  if (!code.empty() && config::code_table(table).by_code(code) == nullptr) {
    report_unknown(r, key, code, table_codes(table));
  }
  return code;
}

Text read_text(MapReader& parent, const std::string& key, bool required) {
  Text text;
  if (required && !parent.has(key)) {
    parent.report(key, i18n::tr("config.missing_key"));
  }
  parent.map(key, [&](MapReader& r) {
    text.zh = r.string("zh", true).value_or("");
    text.en = r.string("en", true).value_or("");
  });
  return text;
}

std::string read_name(MapReader& r, const std::string& key, std::set<std::string>& seen) {
  static const std::regex k_pattern("[a-z][a-z0-9_]*");
  const std::string code = r.string(key, true).value_or("");
  if (code.empty()) {
    return code;
  }
  if (!std::regex_match(code, k_pattern)) {
    r.report(key, i18n::tr("config.bad_code", code));
  } else if (!seen.insert(code).second) {
    r.report(key, i18n::tr("config.duplicate_id", code));
  }
  return code;
}

// --- targets ---------------------------------------------------------------------------------

void read_bands(MapReader& r, Target& target) {
  const YAML::Node node = r.node("bands");
  target.kind = Target::Kind::bands;
  r.list("bands", [&](MapReader& band, size_t) {
    const long members = band.integer("members", 0, 100000000, true).value_or(0);
    const double value = band.number("target", 0).value_or(0);
    if (!band.has("target")) {
      band.report("target", i18n::tr("config.missing_key"));
    }
    if (!target.bands.empty() && members <= target.bands.back().members) {
      band.report("members", i18n::tr("audit.standard.bands_not_increasing", members,
                                      target.bands.back().members));
    }
    target.bands.push_back({members, value});
  });
  if (target.bands.empty() && node.IsDefined()) {
    r.report("bands", i18n::tr("audit.standard.bands_empty"));
  } else if (!target.bands.empty() && target.bands.front().members != 0) {
    r.report("bands", i18n::tr("audit.standard.bands_from_zero"));
  }
}

Target read_target(MapReader& parent) {
  Target target;
  const YAML::Node node = parent.node("target");
  if (!node.IsDefined() || node.IsNull()) {
    parent.report("target", i18n::tr("config.missing_key"));
    return target;
  }
  if (node.IsScalar()) {
    target.fixed = parent.number("target", 0).value_or(0);
    return target;
  }
  parent.map("target", [&](MapReader& r) {
    if (r.has("bands")) {
      read_bands(r, target);
      return;
    }
    target.kind = Target::Kind::scaled;
    target.base = r.number("base", 0).value_or(0);
    target.add = r.number("add", 0).value_or(0);
    target.per = r.integer("per", 1, 100000000, true).value_or(1);
    target.max = r.number("max", 0);
    if (!r.has("add")) {
      r.report("add", i18n::tr("config.missing_key"));
    }
    if (target.max && *target.max < target.base) {
      r.report("max", i18n::tr("audit.standard.max_below_base", *target.max, target.base));
    }
  });
  return target;
}

// --- checks ----------------------------------------------------------------------------------

void read_field_check(MapReader& r, Check& check) {
  const std::string path = r.string("field", true).value_or("");
  const auto parsed = config::parse_field_path(path);
  if (!path.empty() && !parsed) {
    // `facilities.office` stands for `facilities.office.present`: offer the short form too.
    std::set<std::string> known(config::field_paths().begin(), config::field_paths().end());
    for (const std::string& p : config::field_paths()) {
      if (p.ends_with(".present")) {
        known.insert(p.substr(0, p.size() - 8));
      }
    }
    const std::string guess = config::closest(path, known);
    r.report("field", guess.empty()
                          ? i18n::tr("config.unknown_code", path, join(config::field_paths()))
                          : i18n::tr("audit.standard.unknown_guess", path, guess,
                                     join(config::field_paths())));
    return;
  }
  if (!parsed) {
    return;
  }
  check.field = *parsed;
  if (parsed->kind == config::FieldKind::list) {
    check.min_count = static_cast<size_t>(r.integer("min_count", 1, 100000).value_or(1));
  } else if (parsed->kind == config::FieldKind::number) {
    check.minimum = r.number("minimum", 0);
  }
}

void read_roster_check(MapReader& r, Check& check) {
  static const std::vector<std::pair<std::string, RosterRule>> k_rules = {
      {"members", RosterRule::members},
      {"filled", RosterRule::filled},
      {"key_contact_cadres", RosterRule::key_contact_cadres},
      {"changed_within", RosterRule::changed_within}};
  const std::string rule = r.string("roster", true).value_or("");
  std::vector<std::string> names;
  for (const auto& [name, value] : k_rules) {
    names.push_back(name);
    if (name == rule) {
      check.roster = value;
    }
  }
  if (std::find(names.begin(), names.end(), rule) == names.end()) {
    if (!rule.empty()) {
      report_unknown(r, "roster", rule, names);
    }
    return;
  }
  if (check.roster == RosterRule::members) {
    check.minimum = static_cast<double>(r.integer("minimum", 0, 100000000, true).value_or(0));
  } else if (check.roster == RosterRule::filled) {
    check.fields = r.string_list("fields");
    if (check.fields.empty()) {
      r.report("fields", i18n::tr("config.missing_key"));
    }
    for (const std::string& field : check.fields) {
      if (std::find(roster_fields().begin(), roster_fields().end(), field) ==
          roster_fields().end()) {
        report_unknown(r, "fields", field, roster_fields());
      }
    }
    check.share = r.number("share", 0).value_or(100);
  } else if (check.roster == RosterRule::changed_within) {
    check.days = r.integer("days", 1, 36500, true).value_or(1);
  }
}

void read_activity_check(MapReader& r, Check& check) {
  check.activity_type = read_code_from(r, "activity", "activity_types");
  check.measure = r.string("measure").value_or("");
  const config::CodeEntry* type = config::code_table("activity_types").by_code(check.activity_type);
  if (type != nullptr && !check.measure.empty()) {
    std::vector<std::string> keys;
    for (const config::Measure& m : type->measures) {
      keys.push_back(m.key);
    }
    if (std::find(keys.begin(), keys.end(), check.measure) == keys.end()) {
      report_unknown(r, "measure", check.measure, keys);
    }
  }
  check.target = read_target(r);
}

// `duty: id`, `duty: [id, ...]` or `duty: all`.
void read_duties(MapReader& r, const std::string& key, Check& check,
                 const StandardContext& context) {
  const YAML::Node node = r.node(key);
  if (!context.plan_loaded) {
    r.report(key, i18n::tr("audit.standard.duty_without_plan"));
    return;
  }
  std::vector<std::string> ids;
  if (node.IsScalar()) {
    if (node.Scalar() != "all") {
      ids.push_back(node.Scalar());
    }
  } else {
    ids = r.string_list(key);
  }
  const std::vector<std::string> known(context.duties.begin(), context.duties.end());
  for (const std::string& id : ids) {
    if (!context.duties.contains(id)) {
      report_unknown(r, key, id, known);
    }
  }
  check.duties = ids;
}

void read_deduct_check(MapReader& parent, Check& check, const StandardContext& context) {
  if (!parent.node("deduct").IsMap()) {
    parent.report("deduct", i18n::tr("config.wrong_type", i18n::text("config.type.mapping")));
    return;
  }
  parent.map("deduct", [&](MapReader& r) {
    r.node("duty");
    r.node("activity");
    if (r.has("duty") == r.has("activity")) {
      r.report("", i18n::tr("audit.standard.deduct_of"));
    }
    if (r.has("duty")) {
      check.deduct_of = DeductOf::duty;
      read_duties(r, "duty", check, context);
    } else if (r.has("activity")) {
      check.deduct_of = DeductOf::activity;
      read_activity_check(r, check);
    }
    check.points_per_miss = r.number("points_per_miss", 0).value_or(0);
    if (!r.has("points_per_miss")) {
      r.report("points_per_miss", i18n::tr("config.missing_key"));
    }
  });
}

std::vector<std::string> kinds_present(MapReader& r) {
  std::vector<std::string> present;
  for (const auto& [key, kind] : kind_keys()) {
    r.node(key);  // a known key, so a misspelt one gets a did-you-mean
    if (r.has(key)) {
      present.push_back(key);
    }
  }
  return present;
}

Check read_check(MapReader& r, const StandardContext& context) {
  Check check;
  const std::vector<std::string> present = kinds_present(r);
  if (present.size() != 1) {
    std::vector<std::string> all;
    for (const auto& [key, kind] : kind_keys()) {
      all.push_back(key);
    }
    r.report("", i18n::tr("audit.standard.one_check", join(all)));
    return check;
  }
  for (const auto& [key, kind] : kind_keys()) {
    if (key == present.front()) {
      check.kind = kind;
    }
  }
  switch (check.kind) {
    case CheckKind::field:
      read_field_check(r, check);
      break;
    case CheckKind::institution:
      check.code = read_code_from(r, "institution", "institutions");
      break;
    case CheckKind::wall_display:
      check.code = read_code_from(r, "wall_display", "wall_displays");
      break;
    case CheckKind::roster:
      read_roster_check(r, check);
      break;
    case CheckKind::activity:
      read_activity_check(r, check);
      break;
    case CheckKind::duty:
      read_duties(r, "duty", check, context);
      check.share = r.number("share", 0).value_or(100);
      break;
    case CheckKind::deduct:
      read_deduct_check(r, check, context);
      break;
    case CheckKind::manual:
      if (r.boolean("manual") != true) {
        r.report("manual", i18n::tr("audit.standard.manual_true"));
      }
      break;
  }
  return check;
}

// --- items, groups, the standard -------------------------------------------------------------

AppliesTo read_applies_to(MapReader& r) {
  AppliesTo applies;
  const YAML::Node node = r.node("applies_to");
  if (!node.IsDefined() || node.IsNull()) {
    return applies;
  }
  if (node.IsScalar()) {
    const std::string value = node.Scalar();
    if (value == "pilot") {
      applies.kind = AppliesTo::Kind::pilot;
    } else if (value != "all") {
      report_unknown(r, "applies_to", value, {"all", "pilot"});
    }
    return applies;
  }
  r.map("applies_to", [&](MapReader& a) {
    if (a.has("stars_at_least")) {
      applies.kind = AppliesTo::Kind::stars_at_least;
      applies.stars = static_cast<int>(a.integer("stars_at_least", 1, 5).value_or(1));
    } else {
      applies.kind = AppliesTo::Kind::townships;
      applies.townships = a.string_list("townships");
      if (applies.townships.empty()) {
        a.report("townships", i18n::tr("config.missing_key"));
      }
    }
  });
  return applies;
}

Item read_item(MapReader& r, std::set<std::string>& codes, const StandardContext& context) {
  Item item;
  item.line = r.node("code").IsDefined() ? r.node("code").Mark().line + 1 : 0;
  item.code = read_name(r, "code", codes);
  item.title = read_text(r, "title", true);
  item.points = r.number("points", 0).value_or(1);
  item.required = r.boolean("required").value_or(false);
  item.applies_to = read_applies_to(r);
  item.remediation = read_text(r, "remediation", false);
  if (!r.has("check")) {
    r.report("check", i18n::tr("config.missing_key"));
  }
  r.map("check", [&](MapReader& c) { item.check = read_check(c, context); });
  if (item.check.kind == CheckKind::deduct || item.check.kind == CheckKind::manual) {
    if (item.points <= 0) {
      r.report("points", i18n::tr("audit.standard.points_needed"));
    }
  }
  return item;
}

PassMark read_pass_mark(MapReader& parent) {
  PassMark mark;
  parent.map("pass_mark", [&](MapReader& r) {
    r.node("points");
    r.node("percent");
    if (r.has("points") == r.has("percent")) {
      r.report("", i18n::tr("audit.standard.pass_mark_unit"));
    } else if (r.has("points")) {
      mark.unit = PassMark::Unit::points;
      mark.value = r.number("points", 0).value_or(0);
    } else {
      mark.value = r.number("percent", 0).value_or(100);
      if (mark.value > 100) {
        r.report("percent", i18n::tr("audit.standard.percent_range", mark.value));
      }
    }
  });
  return mark;
}

void read_star_bands(MapReader& parent, Standard& standard,
                     std::vector<std::pair<YAML::Node, std::string>>& named) {
  parent.list("stars", [&](MapReader& r, size_t) {
    StarBand band;
    band.stars = static_cast<int>(r.integer("stars", 1, 5, true).value_or(0));
    band.min_percent = r.number("percent", 0).value_or(0);
    if (!r.has("percent")) {
      r.report("percent", i18n::tr("config.missing_key"));
    }
    band.required_items = r.string_list("required");
    const YAML::Node required = r.node("required");
    for (const std::string& code : band.required_items) {
      named.emplace_back(required, code);
    }
    if (!standard.stars.empty()) {
      const StarBand& last = standard.stars.back();
      if (band.stars <= last.stars || band.min_percent <= last.min_percent) {
        r.report("stars", i18n::tr("audit.standard.stars_not_increasing", band.stars,
                                   band.min_percent, last.stars, last.min_percent));
      }
    }
    standard.stars.push_back(band);
  });
}

void read_period(MapReader& r, Standard& standard) {
  standard.period = r.string("period").value_or("");
  if (standard.period.empty() || parse_period_kind(standard.period)) {
    return;
  }
  if (!parse_period(standard.period, Date{2000, 1, 1})) {
    r.report("period", i18n::tr("audit.bad_period", standard.period, period_forms()));
  }
}

void read_groups(MapReader& r, Standard& standard, const StandardContext& context) {
  std::set<std::string> group_codes;
  std::set<std::string> item_codes;
  if (!r.has("groups")) {
    r.report("groups", i18n::tr("config.missing_key"));
  }
  r.list("groups", [&](MapReader& g, size_t) {
    Group group;
    group.code = read_name(g, "code", group_codes);
    group.title = read_text(g, "title", true);
    group.max_points = g.number("max_points", 0);
    g.list("items",
           [&](MapReader& i, size_t) { group.items.push_back(read_item(i, item_codes, context)); });
    if (group.items.empty()) {
      g.report("items", i18n::tr("config.missing_key"));
    }
    standard.groups.push_back(std::move(group));
  });
}

}  // namespace

const std::string& Text::label() const { return i18n::pick(zh, en); }

const Item* Standard::item(const std::string& code) const {
  for (const Group& group : groups) {
    for (const Item& item : group.items) {
      if (item.code == code) {
        return &item;
      }
    }
  }
  return nullptr;
}

bool Standard::any_check(const std::function<bool(const Check&)>& test) const {
  return std::any_of(groups.begin(), groups.end(), [&](const Group& group) {
    return std::any_of(group.items.begin(), group.items.end(),
                       [&](const Item& item) { return test(item.check); });
  });
}

const std::vector<std::string>& roster_fields() {
  static const std::vector<std::string> k_fields = {
      "sex",      "birth_date", "id_number",        "phone",         "employer",
      "position", "address",    "political_status", "contact_cadre", "categories"};
  return k_fields;
}

Standard parse_standard(const std::string& file, const std::string& text,
                        const StandardContext& context) {
  Diagnostics diagnostics(file);
  Standard standard;
  standard.file = file;
  standard.sha256 = io::sha256_hex(text);
  const YAML::Node root = config::parse_yaml(text, diagnostics);
  std::vector<std::pair<YAML::Node, std::string>> named_by_bands;
  if (root.IsDefined()) {
    MapReader r(root, "", diagnostics);
    standard.id = r.string("id", true).value_or("");
    standard.title = read_text(r, "title", true);
    standard.source = r.string("source").value_or("");
    standard.level = r.string("level").value_or("community");
    if (standard.level != "community" && standard.level != "township") {
      report_unknown(r, "level", standard.level, {"community", "township"});
    }
    standard.pass_mark = read_pass_mark(r);
    read_star_bands(r, standard, named_by_bands);
    read_period(r, standard);
    read_groups(r, standard, context);
  }
  for (const auto& [node, code] : named_by_bands) {
    if (standard.item(code) == nullptr) {
      diagnostics.add(node.Mark().line + 1, node.Mark().column + 1, "stars.required",
                      i18n::tr("audit.standard.unknown_item", code));
    }
  }
  diagnostics.throw_if_any(text);
  return standard;
}

std::optional<Period> audit_period(const Standard& standard, const std::string& period_text,
                                   Date as_of) {
  const std::string& text = period_text.empty() ? standard.period : period_text;
  if (text.empty()) {
    return Period::year(as_of.year);
  }
  if (const auto kind = parse_period_kind(text)) {
    return Period::containing(*kind, as_of);
  }
  return parse_period(text, as_of);
}

}  // namespace tongxin::audit
