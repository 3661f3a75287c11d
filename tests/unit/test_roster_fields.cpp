#include <doctest/doctest.h>

#include "i18n/i18n.h"
#include "roster/fields.h"

using namespace tongxin;
using namespace tongxin::roster;

namespace {

ValueContext context(std::vector<std::string> sensitive = {}) {
  return {Date{2026, 11, 21},
          {{"chengguan-dongjie", "东街社区"}, {"chengguan-nanjie", "南街社区"}},
          std::move(sensitive)};
}

std::optional<std::string> parse(const std::string& key, const std::string& raw,
                                 std::vector<FieldProblem>& problems,
                                 const ValueContext& ctx = context()) {
  return parse_value(*field_by_key(key), raw, ctx, problems);
}

std::string parse_ok(const std::string& key, const std::string& raw,
                     const ValueContext& ctx = context()) {
  std::vector<FieldProblem> problems;
  const auto value = parse(key, raw, problems, ctx);
  CAPTURE(raw);
  REQUIRE(problems.empty());
  return *value;
}

}  // namespace

TEST_CASE("the Field enum follows member_fields()") {
  const std::vector<std::pair<Field, std::string>> named = {
      {Field::name, "name"},
      {Field::sex, "sex"},
      {Field::id_number, "id_number"},
      {Field::birth_date, "birth_date"},
      {Field::ethnicity, "ethnicity"},
      {Field::religion, "religion"},
      {Field::political_status, "political_status"},
      {Field::categories, "categories"},
      {Field::employer, "employer"},
      {Field::position, "position"},
      {Field::phone, "phone"},
      {Field::address, "address"},
      {Field::community, "community"},
      {Field::key_contact, "key_contact"},
      {Field::hardship, "hardship"},
      {Field::contact_cadre, "contact_cadre"},
      {Field::greetings, "greetings"},
      {Field::registered_on, "registered_on"},
      {Field::notes, "notes"},
  };
  REQUIRE(named.size() == member_fields().size());
  for (const auto& entry : named) {
    CHECK(member_fields()[static_cast<size_t>(entry.first)].key == entry.second);
  }
  FieldValues values;
  values[Field::community] = "c1";
  CHECK(values["community"] == "c1");
  CHECK_THROWS_AS(values["no_such_field"], std::out_of_range);
}

TEST_CASE("headers in Chinese or English name the same field") {
  const std::vector<std::pair<std::string, std::string>> cases = {{"姓名", "name"},
                                                                  {"name", "name"},
                                                                  {" Name ", "name"},
                                                                  {"身份证号", "id_number"},
                                                                  {"身份证号码", "id_number"},
                                                                  {"公民身份号码", "id_number"},
                                                                  {"id_number", "id_number"},
                                                                  {"出生日期", "birth_date"},
                                                                  {"民族", "ethnicity"},
                                                                  {"宗教", "religion"},
                                                                  {"政治面貌", "political_status"},
                                                                  {"统战类别", "categories"},
                                                                  {"类别", "categories"},
                                                                  {"工作单位", "employer"},
                                                                  {"单位", "employer"},
                                                                  {"职务", "position"},
                                                                  {"联系电话", "phone"},
                                                                  {"电话", "phone"},
                                                                  {"手机", "phone"},
                                                                  {"住址", "address"},
                                                                  {"地址", "address"},
                                                                  {"社区", "community"},
                                                                  {"重点联系对象", "key_contact"},
                                                                  {"困难", "hardship"},
                                                                  {"联系人", "contact_cadre"},
                                                                  {"备注", "notes"}};
  for (const auto& c : cases) {
    const std::string header = c.first;
    CAPTURE(header);
    REQUIRE(field_by_header(header) != nullptr);
    CHECK(field_by_header(header)->key == c.second);
  }
  CHECK(field_by_header("鞋码") == nullptr);
}

TEST_CASE("values accept codes, Chinese names and short forms") {
  i18n::set_language(i18n::Lang::en);
  SUBCASE("political status") {
    CHECK(parse_ok("political_status", "民盟") == "cdl_member");
    CHECK(parse_ok("political_status", "中国民主同盟") == "cdl_member");
    CHECK(parse_ok("political_status", "05") == "cdl_member");
    CHECK(parse_ok("political_status", " 群众 ") == "masses");
  }
  SUBCASE("ethnicity, once enabled") {
    const ValueContext ctx = context({"ethnicity"});
    CHECK(parse_ok("ethnicity", "回族", ctx) == "hui");
    CHECK(parse_ok("ethnicity", "回", ctx) == "hui");
    CHECK(parse_ok("ethnicity", "03", ctx) == "hui");
  }
  SUBCASE("category lists split on every separator, sorted, without repeats") {
    CHECK(parse_ok("categories", "无党派人士；党外知识分子、无党派人士") ==
          "non_party,non_party_intellectual");
    CHECK(parse_ok("categories", "民主党派成员,新阶层|归侨侨眷;其他") ==
          "democratic_party_member,new_social_stratum,other,overseas_chinese");
  }
  SUBCASE("a label holding a separator reads back whole, as exports write it") {
    CHECK(parse_ok("categories", "民主党派成员、华侨、归侨及侨眷") ==
          "democratic_party_member,overseas_chinese");
    CHECK(parse_ok("categories",
                   "Overseas Chinese, returnees and their kin, Others to contact "
                   "and unite") == "other,overseas_chinese");
  }
  SUBCASE("legacy categories of the 2006 list map to today's") {
    CHECK(parse_ok("categories", "自由职业人员") == "new_social_stratum");
  }
  SUBCASE("booleans") {
    for (const char* yes : {"是", "yes", "Y", "1", "true"}) {
      CHECK(parse_ok("key_contact", yes) == "1");
    }
    for (const char* no : {"否", "no", "n", "0", "false"}) {
      CHECK(parse_ok("key_contact", no) == "0");
    }
  }
  SUBCASE("dates in common spreadsheet forms") {
    CHECK(parse_ok("birth_date", "1980/4/8") == "1980-04-08");
    CHECK(parse_ok("birth_date", "1980.04.08") == "1980-04-08");
    CHECK(parse_ok("birth_date", "19800408") == "1980-04-08");
    CHECK(parse_ok("birth_date", "1980-04-08") == "1980-04-08");
  }
  SUBCASE("impossible dates are refused") {
    std::vector<FieldProblem> problems;
    CHECK_FALSE(parse("birth_date", "1980/2/30", problems));
    CHECK_FALSE(parse("birth_date", "80/2/3", problems));
    CHECK(problems.size() == 2);
  }
  SUBCASE("spaces, including the ideographic space, are trimmed") {
    CHECK(parse_ok("name", "\xE3\x80\x80张三 ") == "张三");
    CHECK(parse_ok("id_number", " 11010519491231002x ") == "11010519491231002X");
    // The same white space for every cell as for ID numbers: no-break, BOM, zero-width.
    CHECK(parse_ok("employer", "\xC2\xA0永登县医院\xE2\x80\x8B\xEF\xBB\xBF") == "永登县医院");
  }
  SUBCASE("15-digit numbers are converted") {
    CHECK(parse_ok("id_number", "110105491231002") == "11010519491231002X");
  }
}

TEST_CASE("bad values name the accepted ones") {
  i18n::set_language(i18n::Lang::en);
  std::vector<FieldProblem> problems;
  CHECK_FALSE(parse("categories", "外星人", problems));
  CHECK_FALSE(parse("key_contact", "也许", problems));
  CHECK_FALSE(parse("community", "nowhere", problems));
  CHECK_FALSE(parse("phone", "call me", problems));
  CHECK_FALSE(parse("id_number", "4.40524E+17", problems));
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].reason.find("non_party_intellectual") != std::string::npos);
  CHECK(problems[0].reason.find("legacy") == std::string::npos);
  CHECK(problems[2].reason ==
        "no community 'nowhere' in the workspace. Known: chengguan-dongjie (东街社区), "
        "chengguan-nanjie (南街社区)");
  CHECK(problems[2].value.empty());  // quoted in the reason, before the known ones
  CHECK(problems[4].reason.find("format the column as text") != std::string::npos);
}

TEST_CASE("sensitive fields are refused unless the workspace enables them") {
  i18n::set_language(i18n::Lang::en);
  std::vector<FieldProblem> problems;
  CHECK_FALSE(parse("ethnicity", "汉族", problems));
  CHECK_FALSE(parse("religion", "佛教", problems));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].reason.find("privacy.sensitive_fields") != std::string::npos);
  CHECK(parse("ethnicity", "", problems) == std::string());  // an empty cell is fine
}

TEST_CASE("member checks compare fields with the ID number") {
  i18n::set_language(i18n::Lang::en);
  const ValueContext ctx = context();
  SUBCASE("birth date and sex are filled from the ID") {
    FieldValues v = {{"name", "张三"},
                     {"community", "chengguan-dongjie"},
                     {"id_number", "11010519491231002X"},
                     {"categories", "non_party"}};
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    CHECK(problems.empty());
    CHECK(v["birth_date"] == "1949-12-31");
    CHECK(v["sex"] == "female");
  }
  SUBCASE("disagreements are problems") {
    FieldValues v = {{"name", "张三"},
                     {"community", "chengguan-dongjie"},
                     {"id_number", "11010519491231002X"},
                     {"categories", "non_party"},
                     {"sex", "male"},
                     {"birth_date", "1950-01-01"}};
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    CHECK(problems.size() == 2);
  }
  SUBCASE("a disagreeing sex is quoted as people write it, no code in a Chinese message") {
    i18n::set_language(i18n::Lang::zh);
    FieldValues v = {{"name", "张三"},
                     {"community", "chengguan-dongjie"},
                     {"id_number", "11010519491231002X"},
                     {"categories", "other"},
                     {"sex", "male"}};
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "男");
    i18n::set_language(i18n::Lang::en);
  }
  SUBCASE("children under 14 are refused") {
    FieldValues v = {{"name", "小明"},
                     {"community", "chengguan-dongjie"},
                     {"birth_date", "2015-01-01"},
                     {"categories", "other"}};
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].reason.find("PIPL") != std::string::npos);
  }
  SUBCASE("sensitive categories need their field enabled") {
    FieldValues v = {
        {"name", "张三"}, {"community", "chengguan-dongjie"}, {"categories", "religious_figure"}};
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "Religious-circles figure");
    std::vector<FieldProblem> none;
    check_member(v, context({"religion"}), none);
    CHECK(none.empty());
  }
  SUBCASE("name, community and a category are required") {
    FieldValues v;
    std::vector<FieldProblem> problems;
    check_member(v, ctx, problems);
    CHECK(problems.size() == 3);
    problems.clear();
    check_member(v, ctx, problems, false);  // an import row, maybe of a registered member
    CHECK(problems.size() == 2);
  }
}

TEST_CASE("display values are labelled and masked") {
  i18n::set_language(i18n::Lang::zh);
  CHECK(display_value(*field_by_key("id_number"), "11010519491231002X", false) ==
        "**************002X");
  CHECK(display_value(*field_by_key("id_number"), "11010519491231002X", true) ==
        "11010519491231002X");
  CHECK(display_value(*field_by_key("phone"), "13812345678", false) == "138****5678");
  // The birth date is digits 7-14 of the ID number: a masked view shows its year only.
  CHECK(display_value(*field_by_key("birth_date"), "1949-12-31", false) == "1949");
  CHECK(display_value(*field_by_key("birth_date"), "1949-12-31", true) == "1949-12-31");
  CHECK(display_value(*field_by_key("categories"), "non_party,other", false) ==
        "无党派人士、其他需要联系和团结的人员");
  CHECK(display_value(*field_by_key("key_contact"), "1", false) == "是");
}
