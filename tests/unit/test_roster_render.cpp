#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "roster/render.h"

using namespace tongxin;

TEST_CASE("roster show JSON: snake_case keys, codes, typed values, masked unless revealed") {
  roster::MemberRow m;
  m.id = 12;
  m.values = roster::FieldValues{{"name", "高峰"},
                                 {"sex", "male"},
                                 {"id_number", "11010519491231002X"},
                                 {"political_status", "13"},
                                 {"categories", "non_party,overseas_chinese"},
                                 {"key_contact", "1"},
                                 {"hardship", "0"}};
  m.status = "archived";
  m.status_date = "2026-11-01";
  m.created_at = "2026-11-21T09:00:00+0800";
  m.updated_at = m.created_at;
  std::ostringstream masked;
  roster::write_member_json(masked, m, false);
  const auto doc = nlohmann::json::parse(masked.str());
  CHECK(doc["id"] == 12);
  CHECK(doc["sex"] == "male");
  CHECK(doc["political_status"] == "13");
  CHECK(doc["categories"] == nlohmann::json::array({"non_party", "overseas_chinese"}));
  CHECK(doc["key_contact"] == true);
  CHECK(doc["hardship"] == false);
  CHECK(doc["phone"].is_null());
  CHECK(doc["status"] == "archived");
  CHECK(doc["status_reason"].is_null());
  CHECK(doc["id_number"] != "11010519491231002X");
  for (const auto& [key, value] : doc.items()) {
    CHECK(key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos);
  }
  std::ostringstream revealed;
  roster::write_member_json(revealed, m, true);
  CHECK(nlohmann::json::parse(revealed.str())["id_number"] == "11010519491231002X");
}
