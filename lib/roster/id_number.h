// Resident ID numbers (公民身份号码, GB 11643-1999) and the permits that share their layout
// (foreign permanent residents, Hong Kong/Macao/Taiwan residence permits). Masking them for
// output is text::mask_id (text/mask.h).
// Pure functions: no clock ("today" is passed in), no I/O, no throw.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace tongxin::roster {

// What an 18-character number identifies, read from its first digits.
enum class IdKind {
  resident,    // 公民身份号码 of a mainland resident (address code of a county)
  hmt_permit,  // 港澳台居民居住证: address code 810000 Hong Kong, 820000 Macau, 830000 Taiwan
  foreign_permanent,  // 外国人永久居留身份证 (2023 card): first digit 9
};

// Problems, looked for in this order and reported one at a time: empty, excel_number,
// bad_characters, bad_length, bad_date, future_date, bad_check_digit. The date comes before the
// check character because a typo in the date usually breaks both, and "bad date" points at it.
enum class IdProblem {
  none,
  empty,            // nothing but spaces
  excel_number,     // a spreadsheet turned it into a number ("4.40524E+17"): digits are lost
  bad_length,       // not 15 (legacy) or 18 characters
  bad_characters,   // anything but digits, or X anywhere but the 18th place
  bad_check_digit,  // the 18th character is not the MOD 11-2 check of the first 17
  bad_date,         // birth date does not exist (19490231) or lies before 1800
  future_date,      // birth date after `today`
};

struct IdCheck {
  IdProblem problem = IdProblem::none;
  // 18 characters with an upper-case X; a 15-digit legacy number converted (insert "19" before
  // the year, append the check). Set whenever the characters and length are right (also for
  // bad_date, future_date and bad_check_digit); empty otherwise.
  std::string normalized;
  IdKind kind = IdKind::resident;
  // The birth date in the number when it exists. Never set for foreign_permanent (its layout is
  // not verified, so its date is not read or checked; its check character is).
  std::optional<Date> birth_date;
  int sex = 0;  // from the sequence: 1 male (odd), 2 female (even), 0 unknown (foreign_permanent)
  // For bad_check_digit: the correct check character ("X" or a digit), so a message can say it.
  std::string expected_check;
};

// Validates `raw` as an ID number. Trims ASCII white space, no-break spaces and the ideographic
// space U+3000 at both ends first; accepts a lower-case x and full-width digits (０-９, Ｘ, ｘ),
// which the normalized form writes in ASCII. Does not reject address codes missing from today's
// GB/T 2260 (retired codes stay in old numbers).
IdCheck check_id_number(std::string_view raw, Date today);

// The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the first 17 digits of `first17`.
// Precondition: `first17` holds at least 17 ASCII digits.
char id_check_character(std::string_view first17);

// True when `raw` looks like an ID number a spreadsheet stored as a number: scientific notation
// ("4.40524E+17", "1.1010519491231E+17") or digits with a decimal fraction of zeros
// ("440524188001010000.0"). A plain 18-digit string is not (it is checked as an ID).
bool looks_like_excel_number(std::string_view raw);

}  // namespace tongxin::roster
