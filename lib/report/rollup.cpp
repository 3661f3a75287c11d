#include "report/rollup.h"

#include <algorithm>
#include <map>
#include <set>

#include "config/codes.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "report/records.h"
#include "report/run.h"
#include "report/sections.h"

namespace tongxin::report {

namespace fs = std::filesystem;

std::vector<Submission> read_submissions(const std::vector<std::string>& arguments,
                                         const ReadFile& read) {
  std::vector<std::string> files;
  for (const std::string& argument : arguments) {
    if (!fs::is_directory(argument)) {
      files.push_back(argument);
      continue;
    }
    std::vector<std::string> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(argument)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        found.push_back(entry.path().string());
      }
    }
    if (found.empty()) {
      throw Error(ExitCode::bad_input, i18n::tr("report.rollup_empty_dir", argument));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  std::vector<Submission> out;
  for (const std::string& file : files) {
    try {
      out.push_back({file, Json::parse(read(file))});
    } catch (const Json::parse_error& e) {
      throw Error(ExitCode::bad_input, i18n::tr("report.rollup_not_json", file, e.byte));
    }
  }
  return out;
}

namespace {

std::string text_of(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

[[noreturn]] void refuse(const std::string& message) { throw Error(ExitCode::bad_input, message); }

bool is_report(const Json& doc) {
  return doc.is_object() && doc.value("format", "") == "tongxin-report" &&
         doc.value("format_version", 0) == 1 && doc["sha256"].is_string() &&
         doc["scope"].is_object() && doc["scope"]["communities"].is_array() &&
         doc["period"].is_object() && doc["sections"].is_object();
}

std::string standard_of(const Json& doc) {
  return doc["standard"].is_object() ? doc["standard"].value("id", "") : "";
}

// The communities a submission reports on: its scope's, less those it lists as 未上报 (a
// township's own rollup may be handed up).
std::vector<std::string> covered(const Json& doc) {
  std::set<std::string> missing;
  for (const Json& c : doc["sections"]["missing"]) {
    missing.insert(text_of(c, "id"));
  }
  std::vector<std::string> out;
  for (const Json& c : doc["scope"]["communities"]) {
    if (!missing.contains(text_of(c, "id"))) {
      out.push_back(text_of(c, "id"));
    }
  }
  return out;
}

// Every check of one submission against the rollup and the submissions before it.
class Checks {
 public:
  Checks(const Scope& scope, const RollupRequest& request) : m_scope(scope), m_request(request) {}

  void check(const Submission& s) {
    const Json& doc = s.document;
    if (!is_report(doc)) {
      refuse(i18n::tr("report.rollup_not_report", s.file));
    }
    const std::string sha = doc["sha256"].get<std::string>();
    if (content_sha256(doc) != sha) {
      refuse(i18n::tr("report.rollup_tampered", s.file));
    }
    if (const auto seen = m_by_sha.find(sha); seen != m_by_sha.end()) {
      refuse(i18n::tr("report.rollup_same", seen->second, s.file));
    }
    m_by_sha[sha] = s.file;
    const std::string period = doc["period"].value("code", "");
    if (period != m_request.period.code()) {
      refuse(i18n::tr("report.rollup_period", s.file, period, m_request.period.code()));
    }
    for (const std::string& id : covered(doc)) {
      check_community(s.file, id);
    }
    check_standard(s.file, standard_of(doc));
  }

 private:
  void check_community(const std::string& file, const std::string& id) {
    const bool inside = std::any_of(m_scope.communities.begin(), m_scope.communities.end(),
                                    [&](const config::Community* c) { return c->id == id; });
    if (!inside) {
      refuse(i18n::tr("report.rollup_outside", file, id, m_scope.name));
    }
    if (const auto seen = m_by_community.find(id); seen != m_by_community.end()) {
      refuse(i18n::tr("report.rollup_twice", id, seen->second, file));
    }
    m_by_community[id] = file;
  }

  void check_standard(const std::string& file, const std::string& standard) {
    if (standard.empty()) {
      return;
    }
    if (m_standard.empty()) {
      m_standard = standard;
      m_standard_file = file;
    } else if (standard != m_standard) {
      refuse(i18n::tr("report.rollup_standard", m_standard_file, m_standard, file, standard));
    }
  }

  const Scope& m_scope;
  const RollupRequest& m_request;
  std::map<std::string, std::string> m_by_sha;        // sha256 -> file
  std::map<std::string, std::string> m_by_community;  // community id -> file
  std::string m_standard;
  std::string m_standard_file;
};

// Where a community stands in the workspace (its files' id order); unknown ones last.
size_t rank(const Scope& scope, const std::string& id) {
  for (size_t i = 0; i < scope.communities.size(); ++i) {
    if (scope.communities[i]->id == id) {
      return i;
    }
  }
  return scope.communities.size();
}

std::string name_in(const Scope& scope, const std::string& id) {
  const size_t i = rank(scope, id);
  return i < scope.communities.size() ? scope.communities[i]->name : id;
}

void order_by(Json& rows, const std::function<size_t(const Json&)>& rank_of) {
  std::vector<Json> sorted(rows.begin(), rows.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Json& a, const Json& b) { return rank_of(a) < rank_of(b); });
  rows = Json(sorted);
}

// Rows of a code table in its order, as a direct report lists them.
void order_by_table(Json& rows, const std::string& key, const std::string& table) {
  const auto& entries = config::code_table(table).entries();
  order_by(rows, [&](const Json& row) {
    const std::string code = row.value(key, "");
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const config::CodeEntry& e) { return e.code == code; });
    return static_cast<size_t>(it - entries.begin());
  });
}

std::string label_of(const std::string& table, const std::string& code) {
  const config::CodeEntry* e = config::code_table(table).by_code(code);
  return e ? e->label() : code;
}

// Labels in this rollup's language, and rows in the order a direct report gives them: the
// submissions may have been written in another language, and a row only a later submission has
// was appended.
void relabel(Json& j) {
  if (j.is_array()) {
    for (Json& x : j) {
      relabel(x);
    }
    return;
  }
  if (!j.is_object()) {
    return;
  }
  for (const char* what : {"label", "unit"}) {
    const std::string zh = std::string(what) + "_zh";
    const std::string en = std::string(what) + "_en";
    if (j.contains(zh) && j.contains(en)) {
      j[what] = i18n::pick(j[zh].get<std::string>(), j[en].get<std::string>());
    }
  }
  if (j.contains("type_label")) {
    j["type_label"] = label_of("activity_types", j.value("type", ""));
  }
  for (auto& [key, value] : j.items()) {
    if (key == "by_type") {
      order_by_table(value, "type", "activity_types");
    }
    relabel(value);
  }
}

void relabel_sections(Json& sections, const Scope& scope) {
  relabel(sections);
  Json& reg = sections["register"];
  order_by_table(reg["by_category"], "code", "categories");
  for (Json& row : reg["by_category"]) {
    row["label"] = label_of("categories", row["code"]);
  }
  for (Json& field : reg["by_sensitive"]) {
    const std::string code = text_of(field, "field");
    field["label"] = sensitive_field_label(code);
    order_by_table(field["rows"], "code", sensitive_table(code));  // not_recorded last
    for (Json& row : field["rows"]) {
      row["label"] = sensitive_value_label(code, text_of(row, "code"));
    }
  }
  Json& work = sections["work"];
  order_by(work["by_month"], [](const Json& m) {
    const std::string month = m.value("month", "");  // YYYY-MM
    return static_cast<size_t>(std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5)));
  });
  sections["two_way"]["to_members"]["label"] = i18n::tr("report.to_members");
  sections["two_way"]["from_members"]["label"] = i18n::tr("report.from_members");
  for (Json& f : sections["next"]["festivals"]) {
    f["label"] = label_of("festivals", f.value("code", ""));
  }
  const auto by_rank = [&](const Json& row) { return rank(scope, row.value("id", "")); };
  for (Json* rows : {&reg["by_community"], &work["by_community"]}) {
    order_by(*rows, by_rank);
    for (Json& row : *rows) {
      const size_t i = rank(scope, text_of(row, "id"));
      if (i < scope.communities.size()) {
        row["name"] = scope.communities[i]->name;
        row["township"] = community_ref(*scope.communities[i])["township"];
      }
    }
  }
}

// A community submission's own row of by_community, from its totals, which it shows unsuppressed
// anyway: its one-row breakdown is suppressed against nothing.
void own_row_from_totals(Json& sections) {
  Json& reg = sections["register"];
  if (reg["by_community"].size() == 1) {
    for (const char* member : {"members", "key_contacts", "hardship"}) {
      reg["by_community"][0][member] = reg[member];
    }
  }
}

// The merged 验收 recomputed for the scope as a direct report computes it: mean score, lowest
// stars, a verdict that passes only when every community passes.
Json recount_audit(const Json& audit, const Scope& scope) {
  if (audit.is_null()) {
    return audit;
  }
  AuditInput in{text_of(audit["standard"], "id"),
                text_of(audit["standard"], "title"),
                parse_iso_date(text_of(audit, "as_of")).value_or(Date{}),
                {},
                {}};
  for (const Json& c : audit["communities"]) {
    AuditedCommunity a{
        text_of(c, "id"),
        text_of(c, "name"),
        c.value("score", 0.0),
        c.value("max_score", 0.0),
        c["stars"].is_number() ? std::optional<int>(c["stars"].get<int>()) : std::nullopt,
        text_of(c, "verdict"),
        text_of(c, "verdict_label"),
        {}};
    for (const Json& f : audit["failed"]) {
      if (text_of(f, "community") == a.id) {
        a.failed.push_back({text_of(f, "group"), text_of(f, "item"), text_of(f, "title"),
                            f.value("required", false), text_of(f, "remediation")});
      }
    }
    in.verdict_labels[a.verdict] = a.verdict_label;
    in.communities.push_back(std::move(a));
  }
  std::stable_sort(in.communities.begin(), in.communities.end(),
                   [&](const AuditedCommunity& a, const AuditedCommunity& b) {
                     return rank(scope, a.id) < rank(scope, b.id);
                   });
  return audit_section(&in, scope);
}

// The first notable activities of all submissions, by date then community, as a direct report
// keeps them; the rest are counted as omitted.
void recount_notable(Json& work, const Scope& scope) {
  order_by(work["notable"], [&](const Json& a) { return rank(scope, text_of(a, "community")); });
  order_by(work["notable"], [](const Json& a) {
    const Date d = parse_iso_date(text_of(a, "date")).value_or(Date{});
    return static_cast<size_t>(d.year * 400 + d.month * 32 + d.day);
  });
  const size_t total = work["notable"].size();
  Json kept = Json::array();
  for (const Json& a : work["notable"]) {
    if (kept.size() == k_notable_limit) {
      break;
    }
    kept.push_back(a);
    kept.back()["community_name"] = name_in(scope, text_of(a, "community"));
  }
  work["notable_omitted"] =
      work.value("notable_omitted", 0L) + static_cast<long>(total - kept.size());
  work["notable"] = kept;
}

// Sensitive breakdowns this workspace enables and every submission carries: one that a
// submission lacks cannot be summed.
void keep_complete_sensitive(Json& reg, const config::Workspace& workspace, size_t submissions,
                             const std::map<std::string, size_t>& carried) {
  Json kept = Json::array();
  for (const Json& field : reg["by_sensitive"]) {
    const std::string code = text_of(field, "field");
    const auto n = carried.find(code);
    if (workspace.config.privacy.sensitive_fields.contains(code) && n != carried.end() &&
        n->second == submissions) {
      kept.push_back(field);
    }
  }
  reg["by_sensitive"] = kept;
}

Json submission_json(const Json& doc) {
  return {{"level", text_of(doc["scope"], "level")},
          {"id", text_of(doc["scope"], "id")},
          {"name", text_of(doc["scope"], "name")},
          {"sha256", text_of(doc, "sha256")},
          {"tool_version", text_of(doc["tool"], "version")},
          {"standard_id", doc["standard"].is_object() ? doc["standard"]["id"] : Json(nullptr)}};
}

}  // namespace

nlohmann::ordered_json rollup(const config::Workspace& workspace,
                              const std::vector<Submission>& submissions,
                              const RollupRequest& request) {
  const Scope scope = select_scopes(workspace, {}, request.township, false).front();
  Checks checks(scope, request);
  for (const Submission& s : submissions) {
    checks.check(s);
  }
  std::vector<const Json*> docs;
  for (const Submission& s : submissions) {
    docs.push_back(&s.document);
  }
  const auto first_rank = [&](const Json* d) {
    const auto ids = covered(*d);
    return ids.empty() ? scope.communities.size() : rank(scope, ids.front());
  };
  std::stable_sort(docs.begin(), docs.end(),
                   [&](const Json* a, const Json* b) { return first_rank(a) < first_rank(b); });
  Json sections;
  Json listed = Json::array();
  std::set<std::string> reported;
  std::map<std::string, size_t> carried;  // sensitive field -> submissions with it
  bool complete = true;
  bool empty = true;
  std::string as_of = request.period.to().iso();
  Json standard = nullptr;
  for (const Json* doc : docs) {
    Json part = (*doc)["sections"];
    own_row_from_totals(part);
    merge_sections(sections, part);
    for (const Json& field : part["register"]["by_sensitive"]) {
      carried[text_of(field, "field")]++;
    }
    for (const std::string& id : covered(*doc)) {
      reported.insert(id);
    }
    listed.push_back(submission_json(*doc));
    complete = complete && (*doc)["period"].value("complete", false);
    empty = empty && doc->value("empty", false);
    as_of = std::min(as_of, text_of((*doc)["period"], "as_of"));
    standard = standard.is_null() ? (*doc)["standard"] : standard;
  }
  keep_complete_sensitive(sections["register"], workspace, docs.size(), carried);
  relabel_sections(sections, scope);
  Json& reg = sections["register"];
  reg["as_of"] = as_of;
  const auto share = [](const Json& visited, const Json& key) {
    const auto value = [](const Json& j) { return j.is_object() ? j.value("value", 0.0) : 0.0; };
    return share_cell(value(visited), value(key));
  };
  const Json& visited = reg["key_contacts_visited"];
  const Json& key = reg["key_contacts"];
  reg["share_visited"] =
      count_json(share(visited, key), share(visited["previous"], key["previous"]),
                 share(visited["year_ago"], key["year_ago"]));
  sections["audit"] = recount_audit(sections["audit"], scope);
  recount_notable(sections["work"], scope);
  sections["next"]["period"] = period_json(next_period(request.period), request.language);
  sections["missing"] = Json::array();
  for (const config::Community* c : scope.communities) {
    if (!reported.contains(c->id)) {
      sections["missing"].push_back(community_ref(*c));
    }
  }
  const auto& privacy = workspace.config.privacy;
  suppress_breakdowns(sections, privacy.min_cell);

  Json doc;
  doc["format"] = "tongxin-report";
  doc["format_version"] = 1;
  doc["language"] = request.language;
  doc["report"] = docs.front()->value("report", "monthly");
  doc["tool"] = {{"name", "tongxin"}, {"version", request.tool_version}};
  doc["generated_at"] = request.generated_at.empty() ? Json(nullptr) : Json(request.generated_at);
  doc["sha256"] = "";
  doc["scope"] = scope_json(scope);
  Json period = period_json(request.period, request.language);
  period["complete"] = complete;
  period["as_of"] = as_of;
  doc["period"] = period;
  doc["previous_period"] = period_json(request.period.previous(), request.language);
  doc["year_ago_period"] = period_json(request.period.year_earlier(), request.language);
  doc["standard"] = standard;
  doc["privacy"] = privacy_json(privacy);
  doc["empty"] = empty;
  doc["rollup"] = {{"submissions", listed}};
  doc["sections"] = sections;
  doc["sha256"] = content_sha256(doc);
  return doc;
}

}  // namespace tongxin::report
