// A member's history read from the change log: field changes with codes, translated only when
// shown; entries written before the log stored codes are shown as they are.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "helpers.h"
#include "i18n/i18n.h"
#include "roster/history.h"
#include "store/store.h"

using namespace tongxin;
using namespace tongxin::roster;
using tongxin::testing::TempDir;

TEST_CASE("field_changes lists what differs, member fields first, then the status keys") {
  const auto changes = field_changes(
      R"({"name":"张三","phone":"13000001926","status":"active"})",
      R"({"name":"张三","phone":"13900001111","status":"moved","status_date":"2012-06-30"})");
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].field == "phone");
  CHECK(changes[0].before == "13000001926");
  CHECK(changes[0].after == "13900001111");
  CHECK(changes[1].field == "status");
  CHECK(changes[1].before == "active");
  CHECK(changes[1].after == "moved");
  CHECK(changes[2].field == "status_date");
  CHECK(changes[2].before.empty());

  SUBCASE("a created member: every field is new") {
    CHECK(field_changes("", R"({"name":"张三","community":"c1"})").size() == 2);
  }
  SUBCASE("a value that is not text is shown as JSON, not thrown") {
    const auto odd = field_changes(R"({"stars":1})", R"({"key_contact":1})");
    REQUIRE(odd.size() == 1);
    CHECK(odd[0].after == "1");
  }
  SUBCASE("an entry that is not a JSON object is kept whole") {
    const auto raw = field_changes("", "not json");
    REQUIRE(raw.size() == 1);
    CHECK(raw[0].field.empty());
    CHECK(raw[0].after == "not json");
  }
}

namespace {

struct Store {
  TempDir dir;
  std::unique_ptr<SQLite::Database> db = store::open(dir.path / "t.db", {.create = true});

  void log(const std::string& action, const std::string& before, const std::string& after) {
    SQLite::Statement q(
        *db,
        "INSERT INTO change_log (at, actor, entity, entity_id, action, before, "
        "after) VALUES ('2026-11-21T09:00:00+0800', '王主任', 'member', 1, ?, ?, ?)");
    q.bind(1, action);
    before.empty() ? q.bind(2) : q.bind(2, before);
    q.bind(3, after);
    q.exec();
  }
};

}  // namespace

TEST_CASE("history speaks the reader's language, whatever the writer's was") {
  Store s;
  s.db->exec("INSERT INTO member (id, community, name, phone) VALUES (1, 'c1', '杨丹', '139')");
  s.log("update", R"({"phone":"13000001926"})", R"({"phone":"13900001111"})");
  s.log("archive", R"({"status":"active"})",
        R"({"status":"moved","status_date":"2012-06-30","status_reason":"迁往兰州"})");
  // Written by an older tongxin in Chinese: prose where a code belongs.
  s.log("archive", "", R"({"status":"迁出 2012-06-30","status_reason":"迁往兰州"})");
  const auto history = member_history(*s.db, 1);
  REQUIRE(history.size() == 3);

  i18n::set_language(i18n::Lang::en);
  const auto table = history_table(history, false, false);
  CHECK(table.rows[0][3] == "Phone: 130****1926 → 139****1111");
  CHECK(table.rows[1][3] ==
        "status: active → moved away; status date: 2012-06-30; reason: 迁往兰州");
  CHECK(table.rows[2][3] == "status: 迁出 2012-06-30; reason: 迁往兰州");
  i18n::set_language(i18n::Lang::zh);
  CHECK(history_table(history, false, false).rows[1][3] ==
        "状态: 在册 → 迁出; 状态日期: 2012-06-30; 原因: 迁往兰州");

  SUBCASE("machine formats keep codes, one row per change, personal values masked") {
    const auto csv = history_table(history, false, true);
    REQUIRE(csv.rows.size() == 6);
    CHECK(csv.rows[0] == std::vector<std::string>{"2026-11-21T09:00:00+0800", "王主任", "update",
                                                  "", "", "phone", "130****1926", "139****1111"});
    CHECK(csv.rows[1][5] == "status");
    CHECK(csv.rows[1][7] == "moved");
    CHECK(history_table(history, true, true).rows[0][7] == "13900001111");
  }
  SUBCASE("JSON gives field, before and after per change") {
    std::ostringstream out;
    write_history_json(out, history, false);
    const auto doc = nlohmann::json::parse(out.str());
    REQUIRE(doc.size() == 3);
    CHECK(doc[1]["action"] == "archive");
    CHECK(doc[1]["batch"].is_null());
    CHECK(doc[1]["changes"][0] ==
          nlohmann::json{{"field", "status"}, {"before", "active"}, {"after", "moved"}});
    CHECK(doc[1]["changes"][1]["before"].is_null());
    CHECK(doc[2]["changes"][0]["after"] == "迁出 2012-06-30");
  }
}

TEST_CASE("the terminal history names communities; machine formats keep their ids") {
  i18n::set_language(i18n::Lang::zh);
  Store s;
  s.db->exec("INSERT INTO member (id, community, name) VALUES (1, 'c2', '杨丹')");
  s.log("move", R"({"community":"c1"})", R"({"community":"c2","community_date":"2026-11-01"})");
  const auto history = member_history(*s.db, 1);
  const std::vector<config::CommunityName> names = {{"c1", "一社区"}, {"c2", "二社区"}};
  CHECK(history_table(history, false, false, names).rows[0][3] ==
        "社区: 一社区 → 二社区; 迁移日期: 2026-11-01");
  CHECK(history_table(history, false, true, names).rows[0][6] == "c1");
}
