// Adding submitted sections together (report rollup) and suppressing the merged breakdowns
// again. The shapes are report.schema.json's: a count object is summed cell by cell, an array of
// rows is matched by the row's code or id (a row only one submission has is taken as it is, the
// others having none of it), plain numbers (monthly counts, deliverables met, units) are added,
// and flags (empty, complete) hold only when they hold in every submission.
#include <algorithm>
#include <map>

#include "report/rollup.h"
#include "report/sections.h"

namespace tongxin::report {

namespace {

// The member each kind of row is matched by; rows of other arrays (notable, failed, missing)
// are joined.
const std::map<std::string, std::vector<std::string>>& row_keys() {
  static const std::map<std::string, std::vector<std::string>> k_keys = {
      {"by_category", {"code"}},      {"by_community", {"id"}},
      {"by_sensitive", {"field"}},    {"rows", {"code"}},
      {"by_type", {"type"}},          {"measures", {"key"}},
      {"by_month", {"month"}},        {"by_duty", {"id"}},
      {"phases", {"code"}},           {"deliverables", {"id"}},
      {"communities", {"id"}},        {"duties", {"id", "due"}},
      {"festivals", {"code", "date"}}};
  return k_keys;
}

bool same_row(const Json& a, const Json& b, const std::vector<std::string>& key) {
  return std::all_of(key.begin(), key.end(),
                     [&](const std::string& member) { return a[member] == b[member]; });
}

bool is_cell(const Json& j) {
  return j.is_object() && j.contains("value") && j.contains("suppressed") && j.contains("display");
}

Cell cell_of(const Json& j) {
  Cell c;
  if (j["value"].is_number()) {
    c.value = j["value"].get<double>();
  }
  c.suppressed = j["suppressed"].get<bool>();
  c.display = j["display"].get<std::string>();
  return c;
}

bool is_zero(const Cell& c) { return !c.suppressed && c.value && *c.value == 0; }

// The sum of two cells. A hidden part makes the sum unknown: it stays hidden, with the part's
// own display only when the other part is a shown zero.
Cell add_cells(const Cell& a, const Cell& b) {
  if (!a.suppressed && !b.suppressed) {
    if (!a.value || !b.value) {
      return {std::nullopt, false, "—"};  // a share without base; recomputed after the merge
    }
    return shown(*a.value + *b.value);
  }
  if (is_zero(b)) {
    return a;
  }
  if (is_zero(a)) {
    return b;
  }
  return {std::nullopt, true, "*"};
}

// A comparison cell of a count; nullopt when the count has none (null).
std::optional<Cell> comparison(const Json& count, const char* name) {
  const Json& j = count[name];
  return j.is_null() ? std::nullopt : std::optional<Cell>(cell_of(j));
}

Json count_of(const Cell& current, const std::optional<Cell>& previous,
              const std::optional<Cell>& year_ago) {
  const Cell none;
  Json j = count_json(current, previous.value_or(none), year_ago.value_or(none));
  for (const auto& [name, cell] : {std::pair{"previous", &previous}, {"year_ago", &year_ago}}) {
    if (!*cell) {
      j[name] = nullptr;
    }
  }
  return j;
}

Json add_counts(const Json& a, const Json& b) {
  const auto add = [&](const char* name) -> std::optional<Cell> {
    const auto x = comparison(a, name);
    const auto y = comparison(b, name);
    return x && y ? std::optional<Cell>(add_cells(*x, *y)) : std::nullopt;
  };
  return count_of(add_cells(cell_of(a), cell_of(b)), add("previous"), add("year_ago"));
}

void merge_value(Json& into, const Json& from, const std::string& name);

void merge_rows(Json& into, const Json& from, const std::string& name) {
  const auto key = row_keys().find(name);
  for (const Json& row : from) {
    Json* match = nullptr;
    if (key != row_keys().end()) {
      for (Json& existing : into) {
        if (same_row(existing, row, key->second)) {
          match = &existing;
          break;
        }
      }
    }
    if (match != nullptr) {
      merge_value(*match, row, "");
    } else {
      into.push_back(row);
    }
  }
}

void merge_value(Json& into, const Json& from, const std::string& name) {
  if (into.is_null()) {
    into = from;
  } else if (from.is_null()) {
    return;
  } else if (is_cell(into) && into.contains("previous")) {
    into = add_counts(into, from);
  } else if (into.is_object()) {
    for (const auto& [key, value] : from.items()) {
      merge_value(into[key], value, key);
    }
  } else if (into.is_array()) {
    merge_rows(into, from, name);
  } else if (into.is_number_integer() && from.is_number_integer()) {
    into = into.get<long long>() + from.get<long long>();
  } else if (into.is_number() && from.is_number()) {
    into = into.get<double>() + from.get<double>();
  } else if (into.is_boolean() && from.is_boolean()) {
    into = into.get<bool>() && from.get<bool>();
  }
  // Strings (labels, titles, dates) are the first submission's.
}

// Suppresses the count `member` of each row down a list of rows, each period's column on its
// own.
void suppress_rows(Json& rows, const std::string& member, int min_cell) {
  if (rows.empty()) {
    return;
  }
  const auto at = [&](Json& row) -> Json& { return row[member]; };
  std::vector<Cell> current;
  std::vector<std::optional<Cell>> previous;
  std::vector<std::optional<Cell>> year_ago;
  for (Json& row : rows) {
    current.push_back(cell_of(at(row)));
    previous.push_back(comparison(at(row), "previous"));
    year_ago.push_back(comparison(at(row), "year_ago"));
  }
  const auto column = [&](const std::vector<std::optional<Cell>>& cells) {
    std::vector<Cell> known;
    for (const auto& c : cells) {
      if (!c) {
        return cells;  // no comparison in some row: nothing to suppress against
      }
      known.push_back(*c);
    }
    const std::vector<Cell> done = suppress_column(known, min_cell);
    return std::vector<std::optional<Cell>>(done.begin(), done.end());
  };
  current = suppress_column(current, min_cell);
  previous = column(previous);
  year_ago = column(year_ago);
  for (size_t i = 0; i < rows.size(); ++i) {
    at(rows[i]) = count_of(current[i], previous[i], year_ago[i]);
  }
}

}  // namespace

void merge_sections(Json& into, const Json& from) { merge_value(into, from, ""); }

void suppress_breakdowns(Json& sections, int min_cell) {
  Json& reg = sections["register"];
  suppress_rows(reg["by_category"], "count", min_cell);
  for (const char* member : {"members", "key_contacts", "hardship"}) {
    suppress_rows(reg["by_community"], member, min_cell);
  }
  for (Json& field : reg["by_sensitive"]) {
    suppress_rows(field["rows"], "count", min_cell);
  }
}

}  // namespace tongxin::report
