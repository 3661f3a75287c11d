// Masking of ID numbers and phones (tongxin(1)), alone and inside free text.
#include <doctest/doctest.h>

#include "text/mask.h"

using tongxin::text::mask_id;
using tongxin::text::mask_id_numbers_in;
using tongxin::text::mask_phone;

TEST_CASE("mask_id keeps only the last 4 characters") {
  SUBCASE("18 characters") { CHECK(mask_id("11010519491231002X") == "**************002X"); }
  SUBCASE("15 characters") { CHECK(mask_id("110105491231002") == "***********1002"); }
  SUBCASE("exactly 8 characters") { CHECK(mask_id("12345678") == "****5678"); }
  SUBCASE("shorter than 8 characters becomes all stars") {
    CHECK(mask_id("1234567") == "*******");
    CHECK(mask_id("") == "");
  }
  SUBCASE("multi-byte characters count once") {
    CHECK(mask_id("证号一二三四五六七") == "*****四五六七");
  }
}

TEST_CASE("mask_phone hides the middle of a phone number") {
  SUBCASE("11-digit mobile") { CHECK(mask_phone("13812345678") == "138****5678"); }
  SUBCASE("a mobile number already masked reads as the file shows it") {
    CHECK(mask_phone("138****5678") == "138****5678");
  }
  SUBCASE("landline keeps first 3 and last 2") {
    CHECK(mask_phone("010-62345678") == "010*******78");
    CHECK(mask_phone("62345678") == "623***78");
  }
  SUBCASE("exactly 6 and shorter") {
    CHECK(mask_phone("123456") == "123*56");
    CHECK(mask_phone("12345") == "*****");
    CHECK(mask_phone("") == "");
  }
}

TEST_CASE("ID numbers inside free text are masked, other numbers are not") {
  SUBCASE("an 18-character number alone or among words") {
    CHECK(mask_id_numbers_in("11010519491231002X") == "**************002X");
    CHECK(mask_id_numbers_in("张三 11010519491231002x；李四") == "张三 **************002x；李四");
  }
  SUBCASE("a legacy 15-digit number") {
    CHECK(mask_id_numbers_in("110105491231002") == "***********1002");
  }
  SUBCASE("full-width digits count as digits") {
    const std::string wide = "１１０１０５１９４９１２３１００２Ｘ";
    CHECK(mask_id_numbers_in(wide) == "**************００２Ｘ");
  }
  SUBCASE("short numbers, phones, dates and words stay") {
    CHECK(mask_id_numbers_in("13812345678") == "13812345678");
    CHECK(mask_id_numbers_in("2026-10-01 会议 12") == "2026-10-01 会议 12");
    CHECK(mask_id_numbers_in("XXXXXXXXXXXXXXXXXX") == "XXXXXXXXXXXXXXXXXX");
    CHECK(mask_id_numbers_in("") == "");
  }
  SUBCASE("two numbers in one value are both masked") {
    CHECK(mask_id_numbers_in("11010519491231002X,440524188001010014") ==
          "**************002X,**************0014");
  }
}
