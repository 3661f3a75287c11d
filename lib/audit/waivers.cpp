#include "audit/waivers.h"

#include "config/yaml_reader.h"
#include "i18n/i18n.h"

namespace tongxin::audit {

namespace {

using config::Diagnostics;
using config::MapReader;

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

// Reports a name outside `known`, with a did-you-mean.
void check_known(MapReader& r, const std::string& key, const std::string& value,
                 const std::set<std::string>& known) {
  if (value.empty() || known.contains(value)) {
    return;
  }
  const std::string guess = config::closest(value, known);
  r.report(key, guess.empty()
                    ? i18n::tr("config.unknown_code", value, join(known))
                    : i18n::tr("audit.standard.unknown_guess", value, guess, join(known)));
}

std::set<std::string> item_codes(const Standard& standard, bool manual_only) {
  std::set<std::string> codes;
  for (const Group& group : standard.groups) {
    for (const Item& item : group.items) {
      if (!manual_only || item.check.kind == CheckKind::manual) {
        codes.insert(item.code);
      }
    }
  }
  return codes;
}

// Reads the top-level list `key` of a file, each entry with `read`, then throws every problem.
template <typename T, typename Read>
std::vector<T> read_list_file(const std::string& file, const std::string& text,
                              const std::string& key, Read read) {
  Diagnostics diagnostics(file);
  std::vector<T> entries;
  const YAML::Node root = config::parse_yaml(text, diagnostics);
  if (root.IsDefined() && !root.IsNull()) {
    MapReader r(root, "", diagnostics);
    r.list(key, [&](MapReader& entry, size_t) { entries.push_back(read(entry)); });
  }
  diagnostics.throw_if_any(text);
  return entries;
}

}  // namespace

std::vector<Waiver> parse_waivers(const std::string& file, const std::string& text,
                                  const Standard& standard,
                                  const std::set<std::string>& communities) {
  const std::set<std::string> items = item_codes(standard, false);
  std::set<std::pair<std::string, std::string>> seen;
  return read_list_file<Waiver>(file, text, "waivers", [&](MapReader& r) {
    Waiver waiver;
    waiver.item = r.string("item", true).value_or("");
    check_known(r, "item", waiver.item, items);
    waiver.community = r.string("community", true).value_or("");
    check_known(r, "community", waiver.community, communities);
    waiver.justification = r.string("justification", true).value_or("");
    waiver.approved_by = r.string("approved_by").value_or("");
    waiver.expires = r.date("expires");
    if (!seen.emplace(waiver.item, waiver.community).second) {
      r.report("item", i18n::tr("audit.waiver.duplicate", waiver.item, waiver.community));
    }
    return waiver;
  });
}

std::vector<ManualResult> parse_manual_results(const std::string& file, const std::string& text,
                                               const Standard& standard,
                                               const std::set<std::string>& communities) {
  const std::set<std::string> items = item_codes(standard, true);
  std::set<std::pair<std::string, std::string>> seen;
  return read_list_file<ManualResult>(file, text, "results", [&](MapReader& r) {
    ManualResult result;
    result.item = r.string("item", true).value_or("");
    check_known(r, "item", result.item, items);
    result.community = r.string("community", true).value_or("");
    check_known(r, "community", result.community, communities);
    if (!r.has("score")) {
      r.report("score", i18n::tr("config.missing_key"));
    }
    result.score = r.number("score", 0).value_or(0);
    const Item* item = standard.item(result.item);
    if (item != nullptr && result.score > item->points) {
      r.report("score", i18n::tr("audit.manual.score_above", result.score, item->points));
    }
    result.assessed_by = r.string("assessed_by", true).value_or("");
    result.date = r.date("date");
    result.note = r.string("note").value_or("");
    if (!seen.emplace(result.item, result.community).second) {
      r.report("item", i18n::tr("audit.waiver.duplicate", result.item, result.community));
    }
    return result;
  });
}

}  // namespace tongxin::audit
