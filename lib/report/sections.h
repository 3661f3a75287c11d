// The sections of the work summary document (document.h), one builder each. Internal to
// lib/report.
#pragma once

#include <functional>

#include "report/document.h"
#include "report/privacy.h"

namespace tongxin::report {

using Json = nlohmann::ordered_json;

// A figure of one community.
using Getter = std::function<double(const CommunityFigures&)>;

// The scope's figures of one period, summed.
class ScopeFigures {
 public:
  ScopeFigures(const Figures& figures, const Scope& scope) : m_figures(figures), m_scope(scope) {}
  double sum(const Getter& get) const;
  double of(const std::string& community, const Getter& get) const;
  bool in_scope(const std::string& community) const;
  const Figures& figures() const { return m_figures; }

 private:
  const Figures& m_figures;
  const Scope& m_scope;
};

struct Periods {
  ScopeFigures current;
  ScopeFigures previous;
  ScopeFigures year_ago;
};

Json cell_json(const Cell& cell);
Json count_json(const Cell& current, const Cell& previous, const Cell& year_ago);
// The share of key contacts visited ("75%"); "—" when there are none.
Cell share_cell(double visited, double key_contacts);
// A figure summed over the scope, unsuppressed, in the three periods.
Json total_json(const Periods& p, const Getter& get);

// month, quarter, half, year, months, days.
std::string_view period_kind_code(PeriodKind kind);
Json period_json(const Period& period, const std::string& language);

// {id, name, township} of a community (community_ref of the schema).
Json community_ref(const config::Community& c);
// The document's privacy member: min_cell and the sensitive fields enabled.
Json privacy_json(const config::Privacy& privacy);
// The document's scope member.
Json scope_json(const Scope& scope);

// Sensitive breakdowns: the code table of a field's values (ethnic_groups, religions), the
// field's name and a value's name in the document's language. Members with no value recorded
// have the code k_not_recorded.
inline constexpr const char* k_not_recorded = "not_recorded";
const char* sensitive_table(const std::string& field);
std::string sensitive_field_label(const std::string& field);
std::string sensitive_value_label(const std::string& field, const std::string& code);

Json register_section(const DocumentInputs& in, const Periods& p, Date as_of);
Json work_section(const DocumentInputs& in, const Periods& p);
Json two_way_section(const Periods& p);
Json duties_section(const DocumentInputs& in);
Json next_section(const DocumentInputs& in);

}  // namespace tongxin::report
