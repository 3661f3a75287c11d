// Plausibility of a member's values beyond their format: a phone number an office can dial, and
// party membership that agrees with the categories. Pure functions on plain values; check_member
// (fields.h) applies them to every import row, roster add and edit, and roster check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::roster {

// Whether `phone` is a number one can dial: a mainland mobile (11 digits, 1 then 3–9); a landline
// with its area code (0, then 2 digits for 010 and 02x or 3 for others, then a local number of 7
// or 8 digits that starts with 2–9), optionally with an extension of up to 6 digits after '-',
// '转' or "ext"; either one after +86 or 0086 (the landline then without its 0); or a number
// abroad: '+' and a country code other than 86, 7 to 15 digits in all (港澳台 and overseas
// members). Spaces, '-' and brackets around the area code separate groups of digits.
bool plausible_phone(std::string_view phone);

// The categories among `categories` (codes) whose people are outside the CPC by definition
// (code table field `excludes_cpc`: 民主党派成员, 无党派人士, 党外知识分子), when
// `political_status` (a code) is a CPC member or probationary member (GB/T 4762 01 or 02);
// empty otherwise.
std::vector<std::string> categories_excluding_cpc(const std::string& political_status,
                                                  const std::vector<std::string>& categories);

}  // namespace tongxin::roster
