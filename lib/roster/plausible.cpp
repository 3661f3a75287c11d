#include "roster/plausible.h"

#include <algorithm>

#include "config/codes.h"

namespace tongxin::roster {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }

enum class Number { none, mobile, landline, abroad };

// A mainland number as its digits, the landline with its leading 0.
Number mainland_number(std::string_view d) {
  if (d.size() == 11 && d[0] == '1' && d[1] >= '3') {
    return Number::mobile;
  }
  if (d.size() < 3 || d[0] != '0' || d[1] == '0') {
    return Number::none;
  }
  const size_t area = (d[1] == '1' || d[1] == '2') ? 3 : 4;  // 010, 02x; else 0xxx
  const std::string_view local = d.substr(std::min(area, d.size()));
  return (local.size() == 7 || local.size() == 8) && local[0] >= '2' ? Number::landline
                                                                     : Number::none;
}

// The digits of `phone` with its separators removed, or "" when it holds anything else. An
// international number keeps its '+'; "0086" becomes "+86".
std::string digits_of(std::string_view phone) {
  std::string out;
  for (size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (is_digit(c)) {
      out += c;
    } else if (c == '+' && i == 0) {
      out += c;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return {};
    }
  }
  return out.rfind("0086", 0) == 0 ? "+86" + out.substr(4) : out;
}

Number number_kind(std::string_view phone) {
  const std::string d = digits_of(phone);
  if (d.empty() || d[0] != '+') {
    return mainland_number(d);
  }
  const std::string_view rest = std::string_view(d).substr(1);
  if (rest.rfind("86", 0) == 0) {
    const std::string national(rest.substr(2));
    const Number mobile = mainland_number(national);
    return mobile == Number::mobile ? mobile : mainland_number("0" + national);
  }
  return rest.size() >= 7 && rest.size() <= 15 && rest[0] != '0' ? Number::abroad : Number::none;
}

}  // namespace

bool plausible_phone(std::string_view phone) {
  if (number_kind(phone) != Number::none) {
    return true;
  }
  // A landline's extension: the number before the last '-', '转' or "ext", then 1 to 6 digits.
  for (const std::string_view mark : {"转", "ext", "-"}) {
    const size_t at = phone.rfind(mark);
    if (at == std::string_view::npos) {
      continue;
    }
    std::string_view extension = phone.substr(at + mark.size());
    extension.remove_prefix(std::min(extension.find_first_not_of(" ."), extension.size()));
    if (!extension.empty() && extension.size() <= 6 && all_digits(extension) &&
        number_kind(phone.substr(0, at)) == Number::landline) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> categories_excluding_cpc(const std::string& political_status,
                                                  const std::vector<std::string>& categories) {
  const config::CodeEntry* status =
      config::code_table("political_status").by_code(political_status);
  const bool cpc =
      status != nullptr && (status->field("gb") == "01" || status->field("gb") == "02");
  std::vector<std::string> out;
  for (const std::string& code : cpc ? categories : std::vector<std::string>{}) {
    const config::CodeEntry* category = config::code_table("categories").by_code(code);
    if (category != nullptr && !category->field("excludes_cpc").empty()) {
      out.push_back(code);
    }
  }
  return out;
}

}  // namespace tongxin::roster
