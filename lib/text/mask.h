// Masking of ID numbers and phone numbers for every output that shows personal data
// (tongxin(1): masked unless --reveal, which is logged): pure string functions, shared by the
// roster's views and by machine output that may carry such values (import results).
#pragma once

#include <string>
#include <string_view>

namespace tongxin::text {

// Only the last 4 characters kept, the rest '*' ("**************002X"); a value shorter than 8
// characters becomes all '*'. The first 6 characters of an ID number are the county (the same
// for most of a register, and in tongxin.yaml) and the next 8 the birth date, so keeping any of
// them next to a birth year would let the number be rebuilt (domain.md §7.3). Counts UTF-8 code
// points, not bytes.
std::string mask_id(std::string_view id);

// An 11-digit mobile (or one already masked so: digits and '*') keeps its first 3 and last 4
// digits ("138****5678"); any other value keeps
// its first 3 and last 2 characters, and one shorter than 6 characters becomes all '*'.
std::string mask_phone(std::string_view phone);

// `s` with every run of 15 or more ID-number characters (ASCII or full-width digits, X) that
// holds at least 14 digits masked as mask_id does: for free text that may hold an ID number
// where none was expected (a member reference, a cell in the wrong column).
std::string mask_id_numbers_in(std::string_view s);

}  // namespace tongxin::text
