// Resident ID numbers (GB 11643-1999) and the permits that share their layout.
#include <doctest/doctest.h>

#include <string>

#include "roster/id_number.h"

namespace {

using tongxin::Date;
using tongxin::roster::check_id_number;
using tongxin::roster::id_check_character;
using tongxin::roster::IdCheck;
using tongxin::roster::IdKind;
using tongxin::roster::IdProblem;
using tongxin::roster::looks_like_excel_number;

const Date k_today{2025, 6, 1};

}  // namespace

TEST_CASE("id_check_character computes ISO 7064 MOD 11-2 (the standard's worked examples)") {
  CHECK(id_check_character("11010519491231002") == 'X');  // sum 167, 167 mod 11 = 2 -> X
  CHECK(id_check_character("44052418800101001") == '4');  // sum 195, 195 mod 11 = 8 -> 4
  CHECK(id_check_character("11010519491231001") == '1');
}

TEST_CASE("check_id_number accepts the standard's worked examples") {
  SUBCASE("11010519491231002X: Beijing Chaoyang, 1949-12-31, female") {
    const IdCheck c = check_id_number("11010519491231002X", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
    CHECK(c.kind == IdKind::resident);
    REQUIRE(c.birth_date.has_value());
    CHECK(*c.birth_date == Date{1949, 12, 31});
    CHECK(c.sex == 2);
    CHECK(c.expected_check.empty());
  }
  SUBCASE("440524188001010014: 1880-01-01, male") {
    const IdCheck c = check_id_number("440524188001010014", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "440524188001010014");
    REQUIRE(c.birth_date.has_value());
    CHECK(*c.birth_date == Date{1880, 1, 1});
    CHECK(c.sex == 1);
  }
}

TEST_CASE("check_id_number normalises case, full-width characters and surrounding spaces") {
  SUBCASE("lower-case x") {
    const IdCheck c = check_id_number("11010519491231002x", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
  }
  SUBCASE("ASCII spaces and tabs") {
    const IdCheck c = check_id_number("  \t11010519491231002X ", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
  }
  SUBCASE("ideographic space U+3000 and no-break space") {
    const IdCheck c = check_id_number("\u300011010519491231002X\u3000\u00A0", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
  }
  SUBCASE("full-width digits and x") {
    const IdCheck c = check_id_number("１１０１０５１９４９１２３１００２ｘ", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
  }
}

TEST_CASE("check_id_number reports a wrong check character with the expected one") {
  SUBCASE("digit instead of X") {
    const IdCheck c = check_id_number("110105194912310021", k_today);
    CHECK(c.problem == IdProblem::bad_check_digit);
    CHECK(c.expected_check == "X");
    CHECK(c.normalized == "110105194912310021");
  }
  SUBCASE("digit instead of digit") {
    const IdCheck c = check_id_number("440524188001010010", k_today);
    CHECK(c.problem == IdProblem::bad_check_digit);
    CHECK(c.expected_check == "4");
  }
  SUBCASE("X instead of digit") {
    const IdCheck c = check_id_number("44052418800101001X", k_today);
    CHECK(c.problem == IdProblem::bad_check_digit);
    CHECK(c.expected_check == "4");
  }
}

TEST_CASE("check_id_number rejects a birth date that does not exist") {
  SUBCASE("February 31st, with a check digit that is right for it") {
    const IdCheck c = check_id_number("110105194902310026", k_today);
    CHECK(c.problem == IdProblem::bad_date);
    CHECK_FALSE(c.birth_date.has_value());
  }
  SUBCASE("a date typo is reported as the date, not the check digit") {
    CHECK(check_id_number("11010519491241002X", k_today).problem == IdProblem::bad_date);
  }
  SUBCASE("month 13 and day 00") {
    CHECK(check_id_number("110105194913010020", k_today).problem == IdProblem::bad_date);
    CHECK(check_id_number("110105194912000020", k_today).problem == IdProblem::bad_date);
  }
  SUBCASE("year before 1800") {
    CHECK(check_id_number("110105000101010020", k_today).problem == IdProblem::bad_date);
  }
  SUBCASE("29 February only in a leap year") {
    CHECK(check_id_number("110105202402290011", k_today).problem == IdProblem::none);
    CHECK(check_id_number("110105202302290011", k_today).problem == IdProblem::bad_date);
  }
}

TEST_CASE("check_id_number rejects a birth date after today") {
  SUBCASE("years ahead") {
    const IdCheck c = check_id_number("11010520300101001X", k_today);
    CHECK(c.problem == IdProblem::future_date);
    REQUIRE(c.birth_date.has_value());
    CHECK(*c.birth_date == Date{2030, 1, 1});
  }
  SUBCASE("born today is fine, tomorrow is not") {
    CHECK(check_id_number("110105202402290011", Date{2024, 2, 29}).problem == IdProblem::none);
    CHECK(check_id_number("110105202402290011", Date{2024, 2, 28}).problem ==
          IdProblem::future_date);
  }
}

TEST_CASE("check_id_number converts a legacy 15-digit number") {
  SUBCASE("110105491231002 -> 11010519491231002X") {
    const IdCheck c = check_id_number("110105491231002", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "11010519491231002X");
    CHECK(c.kind == IdKind::resident);
    REQUIRE(c.birth_date.has_value());
    CHECK(*c.birth_date == Date{1949, 12, 31});
    CHECK(c.sex == 2);
  }
  SUBCASE("440524800101001 -> 440524198001010013 (male)") {
    const IdCheck c = check_id_number("440524800101001", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.normalized == "440524198001010013");
    CHECK(c.sex == 1);
  }
  SUBCASE("an impossible date in a legacy number") {
    CHECK(check_id_number("110105490231002", k_today).problem == IdProblem::bad_date);
  }
  SUBCASE("X is not allowed in a legacy number") {
    CHECK(check_id_number("11010549123100X", k_today).problem == IdProblem::bad_characters);
  }
}

TEST_CASE("check_id_number recognises Hong Kong, Macau and Taiwan residence permits") {
  SUBCASE("810000 Hong Kong") {
    const IdCheck c = check_id_number("810000199901010014", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.kind == IdKind::hmt_permit);
    CHECK(*c.birth_date == Date{1999, 1, 1});
    CHECK(c.sex == 1);
  }
  SUBCASE("820000 Macau") {
    const IdCheck c = check_id_number("820000198506150022", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.kind == IdKind::hmt_permit);
    CHECK(c.sex == 2);
  }
  SUBCASE("830000 Taiwan") {
    const IdCheck c = check_id_number("830000200103200031", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.kind == IdKind::hmt_permit);
  }
  SUBCASE("a permit with a wrong check digit") {
    const IdCheck c = check_id_number("830000200103200030", k_today);
    CHECK(c.problem == IdProblem::bad_check_digit);
    CHECK(c.kind == IdKind::hmt_permit);
    CHECK(c.expected_check == "1");
  }
  SUBCASE("other 81xxxx codes are ordinary (unknown addresses are not rejected)") {
    const IdCheck c = check_id_number("811234199901010015", k_today);
    CHECK(c.kind == IdKind::resident);
    CHECK(c.problem == IdProblem::bad_check_digit);
  }
}

TEST_CASE("check_id_number checks only the check digit of a foreigner's permanent-residence ID") {
  SUBCASE("valid") {
    const IdCheck c = check_id_number("911000198001010019", k_today);
    CHECK(c.problem == IdProblem::none);
    CHECK(c.kind == IdKind::foreign_permanent);
    CHECK_FALSE(c.birth_date.has_value());
    CHECK(c.sex == 0);
  }
  SUBCASE("its date is not read") {
    // 19809999 would be an impossible date for a resident; 91100019809999001 + check 3.
    CHECK(check_id_number(
              std::string("91100019809999001") + id_check_character("91100019809999001"), k_today)
              .problem == IdProblem::none);
  }
  SUBCASE("wrong check digit") {
    const IdCheck c = check_id_number("911000198001010018", k_today);
    CHECK(c.problem == IdProblem::bad_check_digit);
    CHECK(c.expected_check == "9");
  }
}

TEST_CASE("check_id_number reports empty, length and character problems") {
  SUBCASE("empty and blank") {
    CHECK(check_id_number("", k_today).problem == IdProblem::empty);
    CHECK(check_id_number(" \u3000 ", k_today).problem == IdProblem::empty);
  }
  SUBCASE("17 and 19 digits") {
    CHECK(check_id_number("11010519491231002", k_today).problem == IdProblem::bad_length);
    CHECK(check_id_number("11010519491231002X1", k_today).problem == IdProblem::bad_length);
    CHECK(check_id_number("1101051949123100211", k_today).problem == IdProblem::bad_length);
  }
  SUBCASE("letters, inner spaces, dashes") {
    CHECK(check_id_number("11010519491231002Y", k_today).problem == IdProblem::bad_characters);
    CHECK(check_id_number("110105 19491231002X", k_today).problem == IdProblem::bad_characters);
    CHECK(check_id_number("110105-19491231-002X", k_today).problem == IdProblem::bad_characters);
    CHECK(check_id_number("张三", k_today).problem == IdProblem::bad_characters);
  }
  SUBCASE("X in the middle") {
    CHECK(check_id_number("1101051949123100X2", k_today).problem == IdProblem::bad_characters);
  }
  SUBCASE("nothing but normalized text is set on failure") {
    const IdCheck c = check_id_number("11010519491231002", k_today);
    CHECK(c.normalized.empty());
    CHECK_FALSE(c.birth_date.has_value());
    CHECK(c.sex == 0);
  }
}

TEST_CASE("looks_like_excel_number spots numbers a spreadsheet mangled") {
  SUBCASE("scientific notation") {
    CHECK(looks_like_excel_number("4.40524E+17"));
    CHECK(looks_like_excel_number("4.40524188001010E+17"));
    CHECK(looks_like_excel_number("1.1010519491231E+17"));
    CHECK(looks_like_excel_number("1.10105E+14"));
    CHECK(looks_like_excel_number("4.40524e17"));
    CHECK(looks_like_excel_number(" 4.40524E+17 "));
  }
  SUBCASE("a float with a zero fraction") {
    CHECK(looks_like_excel_number("440524188001010000.0"));
  }
  SUBCASE("not Excel numbers") {
    CHECK_FALSE(looks_like_excel_number("440524188001010000"));
    CHECK_FALSE(looks_like_excel_number("11010519491231002X"));
    CHECK_FALSE(looks_like_excel_number(""));
    CHECK_FALSE(looks_like_excel_number("E+17"));
    CHECK_FALSE(looks_like_excel_number("4.40524E+"));
    CHECK_FALSE(looks_like_excel_number("1.5"));
  }
  SUBCASE("check_id_number reports them before anything else") {
    CHECK(check_id_number("4.40524E+17", k_today).problem == IdProblem::excel_number);
    CHECK(check_id_number("440524188001010000", k_today).problem == IdProblem::bad_check_digit);
  }
}
