#include "roster/id_number.h"

#include <array>
#include <cstddef>

#include "text/strings.h"

namespace tongxin::roster {

namespace {

constexpr int k_min_birth_year = 1800;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `s` with full-width digits and X folded to ASCII and x upper-cased; nullopt when any other
// character appears.
std::optional<std::string> fold_id_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_digit(c) || c == 'X' || c == 'x') {
      out += c == 'x' ? 'X' : c;
      ++i;
      continue;
    }
    // Full-width forms: U+FF10..U+FF19 are EF BC 90..99, U+FF38 'Ｘ' is EF BC B8, U+FF58 'ｘ' is
    // EF BD 98.
    if (s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size()) {
      const auto b = static_cast<unsigned char>(s[i + 2]);
      if (b >= 0x90 && b <= 0x99) {
        out += static_cast<char>('0' + (b - 0x90));
        i += 3;
        continue;
      }
      if (b == 0xB8) {
        out += 'X';
        i += 3;
        continue;
      }
    }
    if (s.substr(i, 3) == "\xEF\xBD\x98") {
      out += 'X';
      i += 3;
      continue;
    }
    return std::nullopt;
  }
  return out;
}

IdKind kind_of(std::string_view normalized) {
  if (normalized.front() == '9') {
    return IdKind::foreign_permanent;
  }
  const std::string_view address = normalized.substr(0, 6);
  if (address == "810000" || address == "820000" || address == "830000") {
    return IdKind::hmt_permit;
  }
  return IdKind::resident;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// The YYYYMMDD at offset 6 of an 18-character number, when that date exists.
std::optional<Date> birth_date_of(std::string_view normalized) {
  const int year = to_int(normalized.substr(6, 4));
  const int month = to_int(normalized.substr(10, 2));
  const int day = to_int(normalized.substr(12, 2));
  if (year < k_min_birth_year || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

}  // namespace

char id_check_character(std::string_view first17) {
  // Weights 2^(17-i) mod 11 for i = 0..16 (GB 11643-1999).
  static constexpr std::array<int, 17> k_weights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                    3, 7, 9,  10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < k_weights.size(); ++i) {
    sum += (first17[i] - '0') * k_weights[i];
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

bool looks_like_excel_number(std::string_view raw) {
  const std::string_view s = text::trim_view(raw);
  size_t i = 0;
  const auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
    }
    return i - start;
  };
  if (digits() == 0) {
    return false;
  }
  const size_t integer_end = i;
  size_t fraction_digits = 0;
  bool fraction_all_zero = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t fraction_start = i;
    fraction_digits = digits();
    fraction_all_zero =
        s.substr(fraction_start, fraction_digits).find_first_not_of('0') == std::string_view::npos;
  }
  if (i == s.size()) {
    // "440524188001010000.0": a spreadsheet or pandas float; its last digits are already lost.
    return fraction_digits > 0 && fraction_all_zero && integer_end >= 15;
  }
  if (s[i] != 'E' && s[i] != 'e') {
    return false;
  }
  ++i;
  if (i < s.size() && s[i] == '+') {
    ++i;
  }
  return digits() > 0 && i == s.size();
}

IdCheck check_id_number(std::string_view raw, Date today) {
  IdCheck result;
  const std::string_view trimmed = text::trim_view(raw);
  if (trimmed.empty()) {
    result.problem = IdProblem::empty;
    return result;
  }
  if (looks_like_excel_number(trimmed)) {
    result.problem = IdProblem::excel_number;
    return result;
  }
  const std::optional<std::string> folded = fold_id_characters(trimmed);
  if (!folded) {
    result.problem = IdProblem::bad_characters;
    return result;
  }
  const std::string& id = *folded;
  if (id.size() != 15 && id.size() != 18) {
    result.problem = IdProblem::bad_length;
    return result;
  }
  const size_t x = id.find('X');
  if (x != std::string::npos && x != 17) {
    result.problem = IdProblem::bad_characters;
    return result;
  }

  const bool legacy = id.size() == 15;
  if (legacy) {
    // GB 11643-1989: address, YYMMDD, sequence; every such number is from the 1900s.
    result.normalized = id.substr(0, 6) + "19" + id.substr(6);
    result.normalized += id_check_character(result.normalized);
    result.kind = IdKind::resident;
  } else {
    result.normalized = id;
    result.kind = kind_of(id);
  }

  if (result.kind != IdKind::foreign_permanent) {
    result.birth_date = birth_date_of(result.normalized);
    if (!result.birth_date) {
      result.problem = IdProblem::bad_date;
      return result;
    }
    result.sex = (result.normalized[16] - '0') % 2 == 1 ? 1 : 2;
    if (*result.birth_date > today) {
      result.problem = IdProblem::future_date;
      return result;
    }
  }

  const char expected = id_check_character(result.normalized);
  if (result.normalized[17] != expected) {
    result.problem = IdProblem::bad_check_digit;
    result.expected_check = std::string(1, expected);
  }
  return result;
}

}  // namespace tongxin::roster
