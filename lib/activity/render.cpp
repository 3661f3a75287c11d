#include "activity/render.h"

#include <nlohmann/json.hpp>

#include "i18n/i18n.h"
#include "text/strings.h"

namespace tongxin::activity {

namespace {

std::string measures_cell(const Activity& a, bool machine) {
  const config::CodeEntry* type = activity_types().by_code(a.type);
  std::string out;
  for (const auto& [key, value] : a.measures) {
    if (machine) {
      out += (out.empty() ? "" : ";") + key + "=" + text::format_number(value);
      continue;
    }
    const config::Measure* m = type == nullptr ? nullptr : find_measure(*type, key);
    const std::string label = m == nullptr ? key : i18n::pick(m->zh, m->en);
    out += (out.empty() ? "" : i18n::tr("activity.measure_separator")) + label + " " +
           text::format_number(value);
  }
  return out;
}

}  // namespace

output::Table activity_table(const std::vector<Activity>& activities, bool machine,
                             const std::vector<config::CommunityName>& communities) {
  output::Table t;
  t.columns = {{"id", i18n::tr("activity.col_id"), true, true},
               {"date", i18n::tr("activity.col_date")},
               {"community", i18n::tr("activity.col_community")},
               {"type", i18n::tr("activity.col_type")},
               {"title", i18n::tr("activity.col_title")},
               {"measures", i18n::tr("activity.col_measures")},
               {"members", i18n::tr("activity.col_members"), true, true}};
  for (const Activity& a : activities) {
    const config::CodeEntry* type = activity_types().by_code(a.type);
    const std::string type_cell = machine || type == nullptr ? a.type : type->label();
    const std::string community =
        machine ? a.community : config::community_name(communities, a.community);
    t.rows.push_back({std::to_string(a.id), a.date, community, type_cell, a.title,
                      measures_cell(a, machine), std::to_string(a.members.size())});
  }
  return t;
}

void write_activities_json(std::ostream& out, const std::vector<Activity>& activities) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Activity& a : activities) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    o["id"] = a.id;
    o["date"] = a.date;
    o["community"] = a.community;
    o["type"] = a.type;
    o["title"] = a.title;
    o["measures"] = measures_json(a.measures);
    o["members"] = a.members.size();
    rows.push_back(std::move(o));
  }
  out << rows.dump(2) << '\n';
}

}  // namespace tongxin::activity
