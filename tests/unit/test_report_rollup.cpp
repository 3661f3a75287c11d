// report rollup (lib/report/rollup): submissions checked (SHA-256, period, jurisdiction, a
// community or a file counted twice), figures added, hidden parts never estimated, breakdowns
// suppressed again at the higher level, communities with no submission listed as 未上报.
#include <doctest/doctest.h>

#include "helpers.h"

#include <fstream>

#include "config/workspace.h"
#include "report/document.h"
#include "report/rollup.h"

using namespace tongxin;
using namespace tongxin::report;
using Json = nlohmann::ordered_json;

namespace {

const Period k_q1 = *parse_period("2012-Q1", Date{2012, 5, 1});

// 城关镇 with a and b, 中堡镇 with c.
config::Workspace county(int min_cell = 5) {
  config::Workspace ws;
  ws.config.jurisdiction_name = "永登县";
  ws.config.jurisdiction_code = "620121";
  ws.config.privacy.min_cell = min_cell;
  for (const auto& [id, name, township] : {std::tuple{"a", "甲社区", "城关镇"},
                                           {"b", "乙社区", "城关镇"},
                                           {"c", "丙社区", "中堡镇"}}) {
    config::Community c;
    c.id = id;
    c.name = name;
    c.township = township;
    ws.communities.push_back(c);
  }
  return ws;
}

struct Figures3Owned {
  Figures current, previous, year_ago;
};

// The JSON submission `report quarterly --format json` writes for `scope` of `ws`.
Json submission(const config::Workspace& ws, const Scope& scope, const Figures3Owned& f,
                const Period& period = k_q1) {
  static const PlanFacts no_plan;
  const DocumentInputs in{
      ws, scope, "quarterly", period, Date{2012, 5, 1}, {f.current, f.previous, f.year_ago},
      {}, 0,     no_plan,     "",     "0.1.0",          "zh"};
  return build_document(in);
}

Json community_submission(const config::Workspace& ws, const std::string& id,
                          const Figures3Owned& f) {
  return submission(ws, community_scope(ws, *ws.community(id)), f);
}

// a: 20 members (4 key contacts), 3 in the non-party category; b: 3 members; c: 12 members.
Figures3Owned figures() {
  Figures3Owned f;
  CommunityFigures& a = f.current.communities["a"];
  a.members = 20;
  a.key_contacts = 4;
  a.key_visited = 2;
  a.categories = {{"non_party", 3}, {"democratic_party_member", 17}};
  a.activities["publicity"] = 2;
  a.measures[{"publicity", "banners"}] = 4;
  a.months["2012-01"]["publicity"] = 2;
  CommunityFigures& b = f.current.communities["b"];
  b.members = 3;
  b.categories = {{"non_party", 3}};
  b.activities["publicity"] = 1;
  b.measures[{"publicity", "banners"}] = 1;
  b.months["2012-02"]["publicity"] = 1;
  CommunityFigures& c = f.current.communities["c"];
  c.members = 12;
  c.key_contacts = 4;
  c.categories = {{"democratic_party_member", 12}};
  f.previous.communities["a"].members = 18;
  return f;
}

RollupRequest request(const std::string& township = "") {
  return {k_q1, township, "", "0.1.0", "zh"};
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    return e.what();
  }
  FAIL("no error");
  return "";
}

const Json& row(const Json& rows, const std::string& key, const std::string& value) {
  for (const Json& r : rows) {
    if (r[key] == value) {
      return r;
    }
  }
  FAIL("no row " << value);
  return rows;
}

}  // namespace

TEST_CASE("rollup: totals add up, 未上报 lists the communities with no submission") {
  const config::Workspace ws = county();
  const Figures3Owned f = figures();
  const Json doc = rollup(
      ws,
      {{"a.json", community_submission(ws, "a", f)}, {"b.json", community_submission(ws, "b", f)}},
      request());
  const Json& reg = doc["sections"]["register"];
  CHECK(reg["members"]["value"] == 23);
  CHECK(reg["members"]["previous"]["value"] == 18);
  CHECK(reg["key_contacts"]["value"] == 4);
  CHECK(reg["share_visited"]["display"] == "50%");
  const Json& work = doc["sections"]["work"];
  CHECK(work["activities"]["value"] == 3);
  CHECK(work["by_type"][0]["measures"][0]["total"]["value"] == 5);  // 4 + 1 banners
  CHECK(work["by_month"].size() == 3);
  CHECK(work["by_month"][1]["activities"] == 1);
  REQUIRE(doc["sections"]["missing"].size() == 1);
  CHECK(doc["sections"]["missing"][0]["id"] == "c");
  CHECK(doc["sections"]["missing"][0]["name"] == "丙社区");
  CHECK(doc["scope"]["level"] == "jurisdiction");
  CHECK(doc["rollup"]["submissions"].size() == 2);
  CHECK(doc["rollup"]["submissions"][0]["id"] == "a");
  CHECK(doc["sha256"] == content_sha256(doc));
  // The rollup is itself a submission a higher level can merge.
  const Json again =
      rollup(ws, {{"r.json", doc}, {"c.json", community_submission(ws, "c", f)}}, request());
  CHECK(again["sections"]["register"]["members"]["value"] == 35);
  CHECK(again["sections"]["missing"].empty());
}

TEST_CASE("rollup: a part a submission hid makes the merged cell hidden, never estimated") {
  const config::Workspace ws = county();
  const Figures3Owned f = figures();
  const Json a = community_submission(ws, "a", f);
  const Json b = community_submission(ws, "b", f);
  // Each community hid its 3 non-party members.
  CHECK(row(a["sections"]["register"]["by_category"], "code", "non_party")["count"]["display"] ==
        "<5");
  const Json doc = rollup(ws, {{"a.json", a}, {"b.json", b}}, request());
  const Json& non_party = row(doc["sections"]["register"]["by_category"], "code", "non_party");
  CHECK(non_party["count"]["value"].is_null());  // 3 + 3 is not written, though it is 6
  CHECK(non_party["count"]["suppressed"] == true);
  CHECK(non_party["count"]["display"] == "*");
  // A hidden part beside zeros keeps its own display: c has no non-party member.
  const Json ac =
      rollup(ws, {{"a.json", a}, {"c.json", community_submission(ws, "c", f)}}, request());
  CHECK(row(ac["sections"]["register"]["by_category"], "code", "non_party")["count"]["display"] ==
        "<5");
  // The one hidden cell of the column takes a partner: 17 + 12 would give it back.
  CHECK(row(ac["sections"]["register"]["by_category"], "code",
            "democratic_party_member")["count"]["display"] == "*");
}

TEST_CASE("rollup: suppression again at the higher level, and the subtraction attack fails") {
  // The communities suppress nothing below 2; the county suppresses below 5.
  const config::Workspace low = county(2);
  const config::Workspace ws = county(5);
  const Figures3Owned f = figures();
  const Json doc = rollup(ws,
                          {{"a.json", community_submission(low, "a", f)},
                           {"b.json", community_submission(low, "b", f)},
                           {"c.json", community_submission(low, "c", f)}},
                          request());
  const Json& reg = doc["sections"]["register"];
  // b's 3 members, shown in its own report, are hidden in the county's breakdown...
  const Json& rows = reg["by_community"];
  CHECK(row(rows, "id", "b")["members"]["display"] == "<5");
  // ... with a complementary cell, so the shown total gives back neither.
  double shown = 0;
  int hidden = 0;
  for (const Json& r : rows) {
    if (r["members"]["suppressed"].get<bool>()) {
      hidden++;
    } else {
      shown += r["members"]["value"].get<double>();
    }
  }
  CHECK(hidden == 2);
  CHECK(reg["members"]["value"].get<double>() - shown > 4);  // more than any "<5" cell can hold
  CHECK(row(rows, "id", "c")["members"]["display"] == "*");  // the smallest other: 12
  CHECK(row(rows, "id", "a")["members"]["value"] == 20);
  // The categories too: non-party 3 + 3 = 6 is shown at the county only because it is 6.
  CHECK(row(reg["by_category"], "code", "non_party")["count"]["value"] == 6);
  CHECK(row(reg["by_category"], "code", "democratic_party_member")["count"]["value"] == 29);
}

TEST_CASE("rollup: a township's submission and its communities, --township scope") {
  const config::Workspace ws = county();
  const Figures3Owned f = figures();
  const Json town = submission(ws, township_scope(ws, "城关镇"), f);
  const Json doc =
      rollup(ws, {{"town.json", town}, {"c.json", community_submission(ws, "c", f)}}, request());
  CHECK(doc["sections"]["register"]["members"]["value"] == 35);
  CHECK(doc["sections"]["missing"].empty());
  CHECK(doc["sections"]["register"]["by_community"].size() == 3);
  const Json one = rollup(ws, {{"a.json", community_submission(ws, "a", f)}}, request("城关镇"));
  CHECK(one["scope"]["level"] == "township");
  CHECK(one["sections"]["missing"].size() == 1);
  CHECK(one["sections"]["missing"][0]["id"] == "b");
  const std::string outside = error_of([&] {
    (void)rollup(ws, {{"c.json", community_submission(ws, "c", f)}}, request("城关镇"));
  });
  CHECK(outside.find("c.json") != std::string::npos);
  CHECK(testing::exit_code_of([&] { (void)rollup(ws, {}, request("无此镇")); }) == ExitCode::usage);
}

TEST_CASE("rollup refuses a community counted twice, a repeated file, a tampered file") {
  const config::Workspace ws = county();
  const Figures3Owned f = figures();
  const Json town = submission(ws, township_scope(ws, "城关镇"), f);
  const Json a = community_submission(ws, "a", f);
  const std::string twice = error_of([&] {
    (void)rollup(ws, {{"town.json", town}, {"a.json", a}}, request());
  });
  CHECK(twice.find("town.json") != std::string::npos);
  CHECK(twice.find("a.json") != std::string::npos);
  CHECK(twice.find("'a'") != std::string::npos);
  const std::string same = error_of([&] {
    (void)rollup(ws, {{"one/a.json", a}, {"two/a.json", a}}, request());
  });
  CHECK(same.find("one/a.json") != std::string::npos);
  CHECK(same.find("two/a.json") != std::string::npos);
  Json changed = a;
  changed["sections"]["register"]["members"]["value"] = 200;
  const std::string tampered = error_of([&] {
    (void)rollup(ws, {{"changed.json", changed}}, request());
  });
  CHECK(tampered.find("changed.json") != std::string::npos);
  CHECK(tampered.find("SHA-256") != std::string::npos);
  Json foreign = a;
  foreign["scope"]["communities"][0]["id"] = "x";
  foreign["sha256"] = content_sha256(foreign);
  CHECK(error_of([&] {
          (void)rollup(ws, {{"x.json", foreign}}, request());
        }).find("'x'") != std::string::npos);
  CHECK(error_of([&] {
          (void)rollup(ws, {{"n.json", Json{{"format", "x"}}}}, request());
        }).find("n.json") != std::string::npos);
}

TEST_CASE("rollup refuses another period and another standard, naming the files") {
  const config::Workspace ws = county();
  const Figures3Owned f = figures();
  const Json q2 =
      submission(ws, community_scope(ws, *ws.community("b")), f, *parse_period("2012-Q2", {}));
  const std::string period = error_of([&] {
    (void)rollup(ws, {{"a.json", community_submission(ws, "a", f)}, {"q2.json", q2}}, request());
  });
  CHECK(period.find("q2.json") != std::string::npos);
  CHECK(period.find("2012-Q2") != std::string::npos);
  Json a = community_submission(ws, "a", f);
  Json b = community_submission(ws, "b", f);
  a["standard"] = {{"id", "s1"}, {"title", "一"}};
  b["standard"] = {{"id", "s2"}, {"title", "二"}};
  a["sha256"] = content_sha256(a);
  b["sha256"] = content_sha256(b);
  const std::string standard = error_of([&] {
    (void)rollup(ws, {{"a.json", a}, {"b.json", b}}, request());
  });
  CHECK(standard.find("a.json") != std::string::npos);
  CHECK(standard.find("s2") != std::string::npos);
}

TEST_CASE("read_submissions: a folder stands for its *.json in name order; not JSON is exit 3") {
  testing::TempDir dir;
  std::ofstream(dir.path / "b.json") << R"({"n": 2})";
  std::ofstream(dir.path / "a.json") << R"({"n": 1})";
  std::ofstream(dir.path / "notes.txt") << "x";
  const auto read = [](const std::filesystem::path& p) { return config::read_file(p, 3); };
  const auto found = read_submissions({dir.path.string()}, read);
  REQUIRE(found.size() == 2);
  CHECK(found[0].document["n"] == 1);
  CHECK(found[1].file == (dir.path / "b.json").string());
  std::ofstream(dir.path / "c.json") << "{";
  CHECK(testing::exit_code_of([&] { (void)read_submissions({dir.path.string()}, read); }) ==
        ExitCode::bad_input);
  testing::TempDir empty;
  CHECK(testing::exit_code_of([&] { (void)read_submissions({empty.path.string()}, read); }) ==
        ExitCode::bad_input);
}
