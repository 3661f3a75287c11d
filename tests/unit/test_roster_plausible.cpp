// Plausibility rules of member values: phones an office can dial, party membership that agrees
// with the categories, a category for everyone.
#include <doctest/doctest.h>

#include "i18n/i18n.h"
#include "roster/fields.h"
#include "roster/plausible.h"

using namespace tongxin;
using namespace tongxin::roster;

TEST_CASE("a phone is a mobile, a landline with its area code, or a number abroad with +") {
  for (const char* phone :
       {"13800138000", "138 0013 8000", "138-0013-8000", "19912345678", "+86 138 0013 8000",
        "008613800138000", "0931-8123456", "(0931)8123456", "0931 81234567", "010-61234567",
        "021 6123 4567", "09318123456", "+86 931 8123456", "0931-8123456-801", "0931-8123456转801",
        "0931-8123456 ext 12", "+852 9123 4567", "+1 415 555 0100", "+886 2 2345 6789"}) {
    CAPTURE(phone);
    CHECK(plausible_phone(phone));
  }
  for (const char* phone : {"1380013800",      // 10 digits
                            "138001380001",    // 12 digits
                            "12800138000",     // 12x is no mobile prefix
                            "23800138000",     // a mobile starts with 1
                            "8123456",         // no area code
                            "0931-812345",     // 6-digit local number
                            "0931-812345678",  // 9-digit local number
                            "0931-0123456",    // a local number does not start with 0
                            "00931-8123456",   // 00 is no area code
                            "400-800-8888",    // a service number, no one's phone
                            "+86 12800138000", "+0 1234567", "+852 123", "138 0013 800O",
                            "138.0013.8000", "13800138000 转", "0931-8123456-1234567", "+", ""}) {
    CAPTURE(phone);
    CHECK_FALSE(plausible_phone(phone));
  }
}

TEST_CASE("a CPC member in a category outside the CPC is found; others are not") {
  using V = std::vector<std::string>;
  CHECK(categories_excluding_cpc("cpc_member", {"non_party_intellectual", "overseas_chinese"}) ==
        V{"non_party_intellectual"});
  CHECK(categories_excluding_cpc("cpc_probationary", {"non_party", "democratic_party_member"}) ==
        V{"non_party", "democratic_party_member"});
  CHECK(categories_excluding_cpc("cpc_member", {"non_public_economy", "overseas_study"}).empty());
  CHECK(categories_excluding_cpc("cyl_member", {"non_party_intellectual"}).empty());
  CHECK(categories_excluding_cpc("masses", {"non_party"}).empty());
  CHECK(categories_excluding_cpc("", {"non_party"}).empty());
}

namespace {

std::vector<FieldProblem> problems_of(FieldValues values) {
  std::vector<FieldProblem> problems;
  values["name"] = "王建国";
  values["community"] = "c1";
  check_member(values, {Date{2026, 11, 21}, {{"c1", "一社区"}}, {}}, problems);
  return problems;
}

}  // namespace

TEST_CASE(
    "a member without a category, or a CPC member in a non-Party one, is refused saying why") {
  i18n::set_language(i18n::Lang::zh);
  FieldValues none;
  auto problems = problems_of(none);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "categories");
  CHECK(problems[0].reason == "必填：至少一个统战类别（不确定时可填“其他需要联系和团结的人员”）");

  FieldValues cpc;
  cpc["political_status"] = "cpc_member";
  cpc["categories"] = "non_party_intellectual,overseas_chinese";
  problems = problems_of(cpc);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == "categories");
  CHECK(problems[0].reason == "政治面貌为中国共产党党员，不能归入该类别：该类别只含党外人士");
  CHECK(problems[0].value == "党外知识分子");

  i18n::set_language(i18n::Lang::en);
  cpc["political_status"] = "cpc_probationary";
  cpc["categories"] = "non_party";
  problems = problems_of(cpc);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].reason ==
        "a CPC probationary member cannot be in this category: it holds people outside the CPC "
        "only");

  cpc["political_status"] = "cdl_member";
  CHECK(problems_of(cpc).empty());
}
