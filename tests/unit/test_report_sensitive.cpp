// Sensitive-field breakdowns of the work summary (domain.md §7): members by ethnicity or
// religion only when the workspace enables the field, small counts suppressed with a
// complementary cell so that subtracting from the members total recovers none.
#include <doctest/doctest.h>

#include "helpers.h"

#include <random>

#include "i18n/i18n.h"
#include "report/document.h"
#include "report/records.h"
#include "report/rollup.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::report;
using Json = nlohmann::ordered_json;

namespace {

const Period k_q1 = *parse_period("2012-Q1", Date{2012, 5, 1});

config::Workspace workspace(const std::vector<std::string>& enabled) {
  config::Workspace ws;
  ws.config.jurisdiction_name = "永登县";
  ws.config.jurisdiction_code = "620121";
  for (const std::string& field : enabled) {
    ws.config.privacy.sensitive_fields[field] = {"民族团结进步活动的邀请"};
  }
  for (const auto& [id, name] : {std::pair{"a", "甲社区"}, {"b", "乙社区"}}) {
    config::Community c;
    c.id = id;
    c.name = name;
    c.township = "城关镇";
    ws.communities.push_back(c);
  }
  return ws;
}

struct Owned {
  Figures current, previous, year_ago;
};

Json document(const config::Workspace& ws, const Scope& scope, const Owned& f) {
  static const PlanFacts no_plan;
  const DocumentInputs in{
      ws, scope, "quarterly", k_q1, Date{2012, 5, 1}, {f.current, f.previous, f.year_ago},
      {}, 0,     no_plan,     "",   "0.1.0",          "zh"};
  return build_document(in);
}

// a: 30 members, 26 Han, 3 Hui, 1 not recorded; religion recorded too (never shown unless on).
Owned figures() {
  Owned f;
  CommunityFigures& a = f.current.communities["a"];
  a.members = 30;
  a.sensitive["ethnicity"] = {{"han", 26}, {"hui", 3}, {"", 1}};
  a.sensitive["religion"] = {{"islam", 3}, {"", 27}};
  return f;
}

const Json& field_of(const Json& doc, const std::string& field) {
  for (const Json& f : doc["sections"]["register"]["by_sensitive"]) {
    if (f["field"] == field) {
      return f;
    }
  }
  FAIL("no breakdown by " << field);
  return doc;
}

}  // namespace

TEST_CASE("sensitive breakdown: only for a field the workspace enables") {
  i18n::set_language(i18n::Lang::zh);
  const Owned f = figures();
  const config::Workspace off = workspace({});
  const Json none = document(off, jurisdiction_scope(off), f);
  CHECK(none["sections"]["register"]["by_sensitive"].empty());
  CHECK(none["privacy"]["sensitive_fields"].empty());
  const config::Workspace on = workspace({"ethnicity"});
  const Json doc = document(on, jurisdiction_scope(on), f);
  REQUIRE(doc["sections"]["register"]["by_sensitive"].size() == 1);  // religion stays off
  const Json& ethnicity = field_of(doc, "ethnicity");
  CHECK(ethnicity["label"] == "民族");
  REQUIRE(ethnicity["rows"].size() == 3);
  CHECK(ethnicity["rows"][0]["code"] == "han");
  CHECK(ethnicity["rows"][0]["label"] == "汉族");
  CHECK(ethnicity["rows"][2]["code"] == "not_recorded");
  // Hui 3 and not recorded 1 hide each other; Han 26 is shown.
  CHECK(ethnicity["rows"][0]["count"]["value"] == 26);
  CHECK(ethnicity["rows"][1]["count"]["display"] == "<5");
  CHECK(ethnicity["rows"][2]["count"]["display"] == "<5");
  CHECK(doc["privacy"]["sensitive_fields"] == Json::array({"ethnicity"}));
}

TEST_CASE("sensitive breakdown: the subtraction attack on the members total fails") {
  std::mt19937 random(2012);
  std::uniform_int_distribution<int> count(0, 12);
  const config::Workspace ws = workspace({"ethnicity", "religion"});
  const std::vector<std::string> groups = {"han", "hui", "tibetan", "dongxiang", "tu", ""};
  for (int round = 0; round < 300; ++round) {
    Owned f;
    for (const char* id : {"a", "b"}) {
      CommunityFigures& c = f.current.communities[id];
      for (const std::string& g : groups) {
        const long n = count(random) < 6 ? count(random) % 5 : count(random) * 3;
        c.sensitive["ethnicity"][g] = n;
        c.members += n;
      }
    }
    const Json doc = document(ws, jurisdiction_scope(ws), f);
    const double total = doc["sections"]["register"]["members"]["value"].get<double>();
    double shown = 0;
    int hidden = 0;
    bool small = false;
    long non_zero = 0;
    for (const Json& row : field_of(doc, "ethnicity")["rows"]) {
      const Json& cell = row["count"];
      if (cell["suppressed"].get<bool>()) {
        hidden++;
        small = small || cell["display"] == "<5";
      } else {
        shown += cell["value"].get<double>();
      }
      non_zero += cell["display"] != "0";
    }
    INFO("round " << round);
    // The rows add up to the members, so total - shown is what the hidden cells hold together.
    if (small && non_zero > 1) {
      CHECK(hidden >= 2);  // never one hidden cell that total - shown would give back
      CHECK(total - shown > 0);
    }
    CHECK(field_of(doc, "religion")["rows"].empty());  // nothing recorded: no rows
  }
}

TEST_CASE("sensitive breakdown: the store counts the register by the enabled field only") {
  testing::TempDir temp;
  auto db = store::open(temp.path / "t.db", {.create = true});
  db->exec(
      "INSERT INTO member (community, name, registered_on, ethnicity, religion) VALUES "
      "('a', '某', '2012-01-01', 'hui', 'islam'), ('a', '某', '2012-01-01', 'han', NULL), "
      "('a', '某', '2012-01-01', NULL, NULL), ('b', '某', '2012-06-01', 'hui', NULL)");
  const DateRange range{Date{2012, 1, 1}, Date{2012, 3, 31}};
  const Figures off = load_figures(*db, range, Date{2012, 3, 31});
  CHECK(off.communities.at("a").sensitive.empty());
  const Figures on = load_figures(*db, range, Date{2012, 3, 31}, {"ethnicity"});
  const auto& a = on.communities.at("a").sensitive;
  CHECK_FALSE(a.contains("religion"));
  CHECK(a.at("ethnicity").at("hui") == 1);
  CHECK(a.at("ethnicity").at("han") == 1);
  CHECK(a.at("ethnicity").at("") == 1);
  CHECK_FALSE(on.communities.contains("b"));  // registered after the as-of day
}

TEST_CASE("sensitive breakdown in a rollup: summed, suppressed again, absent when incomplete") {
  const config::Workspace ws = workspace({"ethnicity"});
  Owned f = figures();
  CommunityFigures& b = f.current.communities["b"];
  b.members = 15;
  b.sensitive["ethnicity"] = {{"han", 10}, {"hui", 2}, {"", 3}};
  const Json a_doc = document(ws, community_scope(ws, *ws.community("a")), f);
  const Json b_doc = document(ws, community_scope(ws, *ws.community("b")), f);
  const RollupRequest request{k_q1, "", "", "0.1.0", "zh"};
  const Json doc = rollup(ws, {{"a.json", a_doc}, {"b.json", b_doc}}, request);
  const Json& rows = field_of(doc, "ethnicity")["rows"];
  CHECK(rows[0]["count"]["value"] == 36);     // 26 + 10 Han
  CHECK(rows[1]["count"]["display"] == "*");  // Hui: 3 and 2 were hidden below, never 5
  CHECK(rows[1]["count"]["value"].is_null());
  CHECK(rows[2]["code"] == "not_recorded");
  CHECK(rows[2]["count"]["display"] == "*");
  // A workspace that does not enable the field shows none, and a submission without it drops it.
  const config::Workspace off = workspace({});
  const Json b_off = document(off, community_scope(off, *off.community("b")), f);
  CHECK(rollup(off, {{"a.json", a_doc}}, request)["sections"]["register"]["by_sensitive"].empty());
  CHECK(rollup(ws, {{"a.json", a_doc}, {"b.json", b_off}},
               request)["sections"]["register"]["by_sensitive"]
            .empty());
}
