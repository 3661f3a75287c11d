#include "report/render.h"

#include "output/table.h"

namespace tongxin::report {

using Json = nlohmann::ordered_json;

void write_report_json(std::ostream& out, const Json& document) { out << document.dump(2) << "\n"; }

namespace {

bool is_count(const Json& j) {
  return j.is_object() && j.contains("value") && j.contains("suppressed") && j.contains("display");
}

std::string display(const Json& cell) {
  return cell.is_object() ? cell["display"].get<std::string>() : std::string();
}

// The key of an array element: its id, code, type, key or month.
std::string element_key(const Json& j, size_t index) {
  for (const char* k : {"id", "code", "type", "key", "month", "field"}) {
    if (j.is_object() && j.contains(k) && j[k].is_string()) {
      return j[k].get<std::string>();
    }
  }
  return std::to_string(index);
}

std::string element_label(const Json& j, const std::string& inherited) {
  for (const char* k : {"label", "name", "title"}) {
    if (j.is_object() && j.contains(k) && j[k].is_string()) {
      return j[k].get<std::string>();
    }
  }
  return inherited;
}

struct Walker {
  output::Table& table;
  std::string scope;
  std::string period;

  void walk(const std::string& section, const Json& j, const std::string& key,
            const std::string& label) {
    if (is_count(j)) {
      table.rows.push_back({scope, period, section, key, label, display(j),
                            j.contains("previous") ? display(j["previous"]) : "",
                            j.contains("year_ago") ? display(j["year_ago"]) : ""});
      return;
    }
    if (j.is_object()) {
      for (const auto& [name, value] : j.items()) {
        walk(section, value, key.empty() ? name : key + "." + name, element_label(j, label));
      }
    } else if (j.is_array()) {
      for (size_t i = 0; i < j.size(); ++i) {
        walk(section, j[i], key + "." + element_key(j[i], i), element_label(j[i], label));
      }
    }
  }
};

}  // namespace

void write_report_csv(std::ostream& out, const Json& document, bool bom) {
  output::Table table;
  for (const char* name :
       {"scope", "period", "section", "key", "label", "value", "previous", "year_ago"}) {
    table.columns.push_back({name, name});
  }
  Walker walker{table, document["scope"]["id"].get<std::string>(),
                document["period"]["code"].get<std::string>()};
  for (const auto& [section, value] : document["sections"].items()) {
    walker.walk(section, value, "", "");
  }
  output::write_csv(out, table, {.utf8_bom = bom});
}

}  // namespace tongxin::report
