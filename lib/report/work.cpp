// The work, two-way service, duties and next-period sections of the work summary.
#include <fmt/format.h>

#include "config/codes.h"
#include "i18n/i18n.h"
#include "report/sections.h"

namespace tongxin::report {

namespace {

Getter activities_of(const std::string& type) {
  return [type](const CommunityFigures& c) {
    const auto it = c.activities.find(type);
    return it == c.activities.end() ? 0.0 : static_cast<double>(it->second);
  };
}

Getter measure_of(const std::string& type, const std::string& key) {
  return [type, key](const CommunityFigures& c) {
    const auto it = c.measures.find({type, key});
    return it == c.measures.end() ? 0.0 : it->second;
  };
}

double all_periods(const Periods& p, const Getter& get) {
  return p.current.sum(get) + p.previous.sum(get) + p.year_ago.sum(get);
}

// One activity type with its count and every measure summed.
Json type_json(const config::CodeEntry& type, const Periods& p) {
  Json j;
  j["type"] = type.code;
  j["label"] = type.label();
  j["label_zh"] = type.zh;
  j["label_en"] = type.en;
  j["count"] = total_json(p, activities_of(type.code));
  j["measures"] = Json::array();
  for (const config::Measure& m : type.measures) {
    j["measures"].push_back({{"key", m.key},
                             {"label", i18n::pick(m.zh, m.en)},
                             {"label_zh", m.zh},
                             {"label_en", m.en},
                             {"unit", i18n::pick(m.unit_zh, m.unit_en)},
                             {"unit_zh", m.unit_zh},
                             {"unit_en", m.unit_en},
                             {"total", total_json(p, measure_of(type.code, m.key))}});
  }
  return j;
}

// The types (of `only`, or all) with an activity in any of the three periods, code-table order.
Json types_json(const Periods& p, const std::vector<std::string>& only) {
  Json out = Json::array();
  for (const config::CodeEntry& e : config::code_table("activity_types").entries()) {
    const bool wanted = only.empty() || std::find(only.begin(), only.end(), e.code) != only.end();
    if (wanted && all_periods(p, activities_of(e.code)) > 0) {
      out.push_back(type_json(e, p));
    }
  }
  return out;
}

std::string month_code(int year, int month) { return fmt::format("{:04}-{:02}", year, month); }

Json months_json(const DocumentInputs& in, const Periods& p) {
  Json out = Json::array();
  const Date from = in.period.from();
  const Date to = in.period.to();
  for (int y = from.year, m = from.month; y < to.year || (y == to.year && m <= to.month);) {
    const std::string code = month_code(y, m);
    Json month;
    month["month"] = code;
    month["label"] = Period::month(y, m).label(in.language);
    Json by_type = Json::array();
    long total = 0;
    for (const config::CodeEntry& e : config::code_table("activity_types").entries()) {
      const double n = p.current.sum([&](const CommunityFigures& c) {
        const auto it = c.months.find(code);
        if (it == c.months.end()) {
          return 0.0;
        }
        const auto t = it->second.find(e.code);
        return t == it->second.end() ? 0.0 : static_cast<double>(t->second);
      });
      if (n > 0) {
        by_type.push_back({{"type", e.code}, {"activities", static_cast<long>(n)}});
        total += static_cast<long>(n);
      }
    }
    month["activities"] = total;
    month["by_type"] = by_type;
    out.push_back(month);
    m = m == 12 ? 1 : m + 1;
    y += m == 1 ? 1 : 0;
  }
  return out;
}

double all_activities(const CommunityFigures& c) {
  double n = 0;
  for (const auto& [type, count] : c.activities) {
    n += static_cast<double>(count);
  }
  return n;
}

std::string type_label(const std::string& code) {
  const auto* e = config::code_table("activity_types").by_code(code);
  return e ? e->label() : code;
}

Json direction_json(const char* label, const Periods& p, const std::vector<std::string>& types) {
  const Getter get = [types](const CommunityFigures& c) {
    double n = 0;
    for (const std::string& t : types) {
      n += activities_of(t)(c);
    }
    return n;
  };
  return {{"label", i18n::tr(label)},
          {"activities", total_json(p, get)},
          {"by_type", types_json(p, types)}};
}

Json duty_count(const PlanFacts& plan, const std::string& id, long DutyCount::*field) {
  const auto of = [&](const std::map<std::string, DutyCount>& m) {
    if (id.empty()) {
      double total = 0;
      for (const auto& [duty, count] : m) {
        total += static_cast<double>(count.*field);
      }
      return shown(total);
    }
    const auto it = m.find(id);
    return shown(it == m.end() ? 0.0 : static_cast<double>(it->second.*field));
  };
  return count_json(of(plan.current), of(plan.previous), of(plan.year_ago));
}

}  // namespace

Json work_section(const DocumentInputs& in, const Periods& p) {
  Json j;
  j["activities"] = total_json(p, all_activities);
  j["by_type"] = types_json(p, {});
  j["by_month"] = months_json(in, p);
  j["by_community"] = Json::array();
  for (const config::Community* c : in.scope.communities) {
    const Getter one = [id = c->id, &p](const CommunityFigures& f) { return all_activities(f); };
    j["by_community"].push_back(
        {{"id", c->id},
         {"name", c->name},
         {"township", c->township.empty() ? Json(nullptr) : Json(c->township)},
         {"activities",
          count_json(shown(p.current.of(c->id, one)), shown(p.previous.of(c->id, one)),
                     shown(p.year_ago.of(c->id, one)))}});
  }
  j["notable"] = Json::array();
  for (const NotableActivity& a : in.notable) {
    const config::Community* c = in.workspace.community(a.community);
    j["notable"].push_back({{"date", a.date},
                            {"community", a.community},
                            {"community_name", c ? c->name : a.community},
                            {"type", a.type},
                            {"type_label", type_label(a.type)},
                            {"title", a.title}});
  }
  j["notable_omitted"] = std::max(0L, in.notable_total - static_cast<long>(in.notable.size()));
  return j;
}

Json two_way_section(const Periods& p) {
  return {{"to_members", direction_json("report.to_members", p, {"visit", "assistance"})},
          {"from_members", direction_json("report.from_members", p,
                                          {"service", "job_fair", "donation", "consultation"})}};
}

Json duties_section(const DocumentInputs& in) {
  const PlanFacts& plan = in.plan;
  Json j;
  j["plan"] = plan.present ? Json{{"id", plan.id}, {"title", plan.title}} : Json(nullptr);
  j["due"] = duty_count(plan, "", &DutyCount::due);
  j["done"] = duty_count(plan, "", &DutyCount::done);
  j["overdue"] = duty_count(plan, "", &DutyCount::overdue);
  j["open"] = duty_count(plan, "", &DutyCount::open);
  j["by_duty"] = Json::array();
  for (const DutyInfo& d : plan.duties) {
    if (!plan.current.contains(d.id)) {
      continue;
    }
    j["by_duty"].push_back({{"id", d.id},
                            {"title", d.title},
                            {"type", d.type},
                            {"type_label", type_label(d.type)},
                            {"scope", d.scope},
                            {"due", duty_count(plan, d.id, &DutyCount::due)},
                            {"done", duty_count(plan, d.id, &DutyCount::done)},
                            {"overdue", duty_count(plan, d.id, &DutyCount::overdue)},
                            {"open", duty_count(plan, d.id, &DutyCount::open)}});
  }
  j["phases"] = Json::array();
  for (const PhaseInfo& ph : plan.phases) {
    Json deliverables = Json::array();
    for (const auto& d : ph.deliverables) {
      deliverables.push_back({{"id", d.id}, {"title", d.title}, {"met", d.met}, {"of", d.of}});
    }
    j["phases"].push_back({{"code", ph.code},
                           {"title", ph.title},
                           {"start", ph.start.iso()},
                           {"end", ph.end.iso()},
                           {"status", ph.status},
                           {"deliverables", deliverables}});
  }
  return j;
}

Json next_section(const DocumentInputs& in) {
  const Period next = next_period(in.period);
  Json j;
  j["period"] = period_json(next, in.language);
  j["duties"] = Json::array();
  for (const NextDuty& d : in.plan.next) {
    j["duties"].push_back({{"id", d.id},
                           {"title", d.title},
                           {"type", d.type},
                           {"type_label", type_label(d.type)},
                           {"due", d.due.iso()},
                           {"units", d.units}});
  }
  j["festivals"] = Json::array();
  for (const auto& [code, date] : in.plan.festivals) {
    const auto* e = config::code_table("festivals").by_code(code);
    j["festivals"].push_back(
        {{"code", code}, {"label", e ? e->label() : code}, {"date", date.iso()}});
  }
  return j;
}

}  // namespace tongxin::report
