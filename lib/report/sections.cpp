#include "report/sections.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "config/codes.h"
#include "i18n/i18n.h"

namespace tongxin::report {

double ScopeFigures::sum(const Getter& get) const {
  double total = 0;
  for (const config::Community* c : m_scope.communities) {
    total += of(c->id, get);
  }
  return total;
}

double ScopeFigures::of(const std::string& community, const Getter& get) const {
  const auto it = m_figures.communities.find(community);
  return it == m_figures.communities.end() ? 0 : get(it->second);
}

bool ScopeFigures::in_scope(const std::string& community) const {
  // A binary search (Scope::communities is in id order): the county's document asks this for
  // every register event of three periods, against 2,000 communities.
  const auto it = std::lower_bound(
      m_scope.communities.begin(), m_scope.communities.end(), community,
      [](const config::Community* c, const std::string& id) { return c->id < id; });
  return it != m_scope.communities.end() && (*it)->id == community;
}

Json cell_json(const Cell& cell) {
  Json j;
  j["value"] = cell.value ? Json(*cell.value) : Json(nullptr);
  j["suppressed"] = cell.suppressed;
  j["display"] = cell.display;
  return j;
}

namespace {

// Integral figures are written as integers, so the same data give the same bytes everywhere.
Json number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) {
    return Json(static_cast<long long>(v));
  }
  return Json(v);
}

Json cell_number(const Cell& cell) {
  Json j = cell_json(cell);
  if (cell.value) {
    j["value"] = number(*cell.value);
  }
  return j;
}

}  // namespace

Json count_json(const Cell& current, const Cell& previous, const Cell& year_ago) {
  Json j = cell_number(current);
  j["previous"] = cell_number(previous);
  j["year_ago"] = cell_number(year_ago);
  return j;
}

Cell share_cell(double visited, double key_contacts) {
  if (key_contacts == 0) {
    return {std::nullopt, false, "—"};
  }
  const double ratio = std::round(visited / key_contacts * 100) / 100;
  return {ratio, false, fmt::format("{:.0f}%", ratio * 100)};
}

Json total_json(const Periods& p, const Getter& get) {
  return count_json(shown(p.current.sum(get)), shown(p.previous.sum(get)),
                    shown(p.year_ago.sum(get)));
}

namespace {

// Each row's figure in the three periods, every period's column suppressed on its own.
std::vector<Json> suppressed_rows(const std::vector<std::string>& communities,
                                  const std::vector<Getter>& row_getters, const Periods& p,
                                  int min_cell, bool by_community, const Getter& get) {
  std::vector<std::vector<Cell>> columns;
  for (const ScopeFigures* f : {&p.current, &p.previous, &p.year_ago}) {
    std::vector<double> values;
    if (by_community) {
      for (const std::string& id : communities) {
        values.push_back(f->of(id, get));
      }
    } else {
      for (const Getter& g : row_getters) {
        values.push_back(f->sum(g));
      }
    }
    columns.push_back(suppress_column(values, min_cell));
  }
  std::vector<Json> rows;
  for (size_t i = 0; i < columns[0].size(); ++i) {
    rows.push_back(count_json(columns[0][i], columns[1][i], columns[2][i]));
  }
  return rows;
}

Json share_json(const Periods& p) {
  const auto share = [](const ScopeFigures& f) {
    return share_cell(f.sum([](const CommunityFigures& c) { return c.key_visited; }),
                      f.sum([](const CommunityFigures& c) { return c.key_contacts; }));
  };
  return count_json(share(p.current), share(p.previous), share(p.year_ago));
}

// Register changes of the scope in one period: moves across its border, archives, deaths.
struct Changes {
  double moved_in = 0;
  double moved_out = 0;
  double archived = 0;
  double deceased = 0;
};

Changes changes_of(const ScopeFigures& f) {
  Changes c;
  for (const EventCount& e : f.figures().events) {
    const bool from_in = f.in_scope(e.from);
    const bool to_in = f.in_scope(e.to);
    if (e.kind == "move") {
      c.moved_in += (!from_in && to_in) ? e.count : 0;
      c.moved_out += (from_in && !to_in) ? e.count : 0;
    } else if (from_in && e.kind != "restored") {  // a restore undoes a change: not one itself
      (e.kind == "moved" ? c.moved_out : e.kind == "archived" ? c.archived : c.deceased) += e.count;
    }
  }
  return c;
}

Json change_json(const Periods& p, double Changes::*field) {
  return count_json(shown(changes_of(p.current).*field), shown(changes_of(p.previous).*field),
                    shown(changes_of(p.year_ago).*field));
}

// The value codes of a sensitive field counted in any period: the code table's order, then codes
// the table does not know, then the members with no value ("").
std::vector<std::string> sensitive_codes(const std::string& field, const Periods& p) {
  std::set<std::string> present;
  for (const ScopeFigures* f : {&p.current, &p.previous, &p.year_ago}) {
    for (const auto& [id, c] : f->figures().communities) {
      const auto values = c.sensitive.find(field);
      if (f->in_scope(id) && values != c.sensitive.end()) {
        for (const auto& [code, n] : values->second) {
          present.insert(code);
        }
      }
    }
  }
  std::vector<std::string> codes;
  for (const config::CodeEntry& e : config::code_table(sensitive_table(field)).entries()) {
    if (present.erase(e.code) > 0) {
      codes.push_back(e.code);
    }
  }
  const bool unrecorded = present.erase("") > 0;
  codes.insert(codes.end(), present.begin(), present.end());
  if (unrecorded) {
    codes.push_back("");
  }
  return codes;
}

// Members by each sensitive field the workspace enables, and by no other (domain.md §7.1): the
// rows add up to the members, each period's column suppressed with its complementary cell.
Json sensitive_json(const DocumentInputs& in, const Periods& p) {
  Json out = Json::array();
  for (const auto& [field, setting] : in.workspace.config.privacy.sensitive_fields) {
    const std::vector<std::string> codes = sensitive_codes(field, p);
    std::vector<Getter> getters;
    for (const std::string& code : codes) {
      getters.push_back([field = field, code](const CommunityFigures& c) {
        const auto values = c.sensitive.find(field);
        if (values == c.sensitive.end()) {
          return 0.0;
        }
        const auto n = values->second.find(code);
        return n == values->second.end() ? 0.0 : static_cast<double>(n->second);
      });
    }
    const auto counts =
        suppressed_rows({}, getters, p, in.workspace.config.privacy.min_cell, false, {});
    Json rows = Json::array();
    for (size_t i = 0; i < codes.size(); ++i) {
      const std::string code = codes[i].empty() ? k_not_recorded : codes[i];
      rows.push_back(
          {{"code", code}, {"label", sensitive_value_label(field, code)}, {"count", counts[i]}});
    }
    out.push_back({{"field", field}, {"label", sensitive_field_label(field)}, {"rows", rows}});
  }
  return out;
}

}  // namespace

const char* sensitive_table(const std::string& field) {
  return field == "ethnicity" ? "ethnic_groups" : "religions";
}

std::string sensitive_field_label(const std::string& field) {
  return i18n::tr("report.sensitive." + field);
}

std::string sensitive_value_label(const std::string& field, const std::string& code) {
  if (code == k_not_recorded) {
    return i18n::tr("report.sensitive.not_recorded");
  }
  const config::CodeEntry* e = config::code_table(sensitive_table(field)).by_code(code);
  return e ? e->label() : code;
}

Json register_section(const DocumentInputs& in, const Periods& p, Date as_of) {
  const int min_cell = in.workspace.config.privacy.min_cell;
  Json j;
  j["as_of"] = as_of.iso();
  j["members"] = total_json(p, [](const CommunityFigures& c) { return c.members; });
  // Categories: the current ones in code-table order, legacy ones only when someone holds them.
  std::vector<const config::CodeEntry*> categories;
  std::vector<Getter> getters;
  for (const config::CodeEntry& e : config::code_table("categories").entries()) {
    Getter g = [code = e.code](const CommunityFigures& c) {
      const auto it = c.categories.find(code);
      return it == c.categories.end() ? 0.0 : static_cast<double>(it->second);
    };
    if (!e.field("legacy").empty() &&
        p.current.sum(g) + p.previous.sum(g) + p.year_ago.sum(g) == 0) {
      continue;
    }
    categories.push_back(&e);
    getters.push_back(g);
  }
  const auto category_rows = suppressed_rows({}, getters, p, min_cell, false, {});
  j["by_category"] = Json::array();
  for (size_t i = 0; i < categories.size(); ++i) {
    j["by_category"].push_back({{"code", categories[i]->code},
                                {"label", categories[i]->label()},
                                {"count", category_rows[i]}});
  }
  std::vector<std::string> ids;
  for (const config::Community* c : in.scope.communities) {
    ids.push_back(c->id);
  }
  const auto members = suppressed_rows(ids, {}, p, min_cell, true,
                                       [](const CommunityFigures& c) { return c.members; });
  const auto key = suppressed_rows(ids, {}, p, min_cell, true,
                                   [](const CommunityFigures& c) { return c.key_contacts; });
  const auto hardship = suppressed_rows(ids, {}, p, min_cell, true,
                                        [](const CommunityFigures& c) { return c.hardship; });
  j["by_community"] = Json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    const config::Community& c = *in.scope.communities[i];
    j["by_community"].push_back(
        {{"id", c.id},
         {"name", c.name},
         {"township", c.township.empty() ? Json(nullptr) : Json(c.township)},
         {"members", members[i]},
         {"key_contacts", key[i]},
         {"hardship", hardship[i]}});
  }
  j["by_sensitive"] = sensitive_json(in, p);
  j["changes"] = {
      {"registered", total_json(p, [](const CommunityFigures& c) { return c.registered; })},
      {"moved_in", change_json(p, &Changes::moved_in)},
      {"moved_out", change_json(p, &Changes::moved_out)},
      {"archived", change_json(p, &Changes::archived)},
      {"deceased", change_json(p, &Changes::deceased)}};
  j["key_contacts"] = total_json(p, [](const CommunityFigures& c) { return c.key_contacts; });
  j["hardship"] = total_json(p, [](const CommunityFigures& c) { return c.hardship; });
  j["key_contacts_with_cadre"] =
      total_json(p, [](const CommunityFigures& c) { return c.key_with_cadre; });
  j["key_contacts_visited"] =
      total_json(p, [](const CommunityFigures& c) { return c.key_visited; });
  j["share_visited"] = share_json(p);
  return j;
}

}  // namespace tongxin::report
