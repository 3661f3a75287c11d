#include "text/mask.h"

#include <vector>

namespace tongxin::text {

namespace {

// Code points of `s` as byte ranges (lead byte plus continuation bytes; no validation).
std::vector<std::string_view> split_code_points(std::string_view s) {
  std::vector<std::string_view> points;
  size_t start = 0;
  for (size_t i = 1; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      points.push_back(s.substr(start, i - start));
      start = i;
    }
  }
  return points;
}

// Keeps the first `head` and last `tail` code points, '*' for each one between; all '*' when
// `s` has fewer than `min_length` code points.
std::string mask_middle(std::string_view s, size_t head, size_t tail, size_t min_length) {
  const std::vector<std::string_view> points = split_code_points(s);
  if (points.size() < min_length) {
    return std::string(points.size(), '*');
  }
  std::string out;
  for (size_t i = 0; i < points.size(); ++i) {
    if (i < head || i >= points.size() - tail) {
      out += points[i];
    } else {
      out += '*';
    }
  }
  return out;
}

// A digit, ASCII or full-width (U+FF10..U+FF19, "\xEF\xBC\x90".."\xEF\xBC\x99").
bool is_id_digit(std::string_view point) {
  if (point.size() == 1) {
    return point[0] >= '0' && point[0] <= '9';
  }
  return point.size() == 3 && point.substr(0, 2) == "\xEF\xBC" &&
         static_cast<unsigned char>(point[2]) >= 0x90 &&
         static_cast<unsigned char>(point[2]) <= 0x99;
}

// X or x, ASCII or full-width (U+FF38, U+FF58).
bool is_id_letter(std::string_view point) {
  return point == "X" || point == "x" || point == "\xEF\xBC\xB8" || point == "\xEF\xBD\x98";
}

constexpr size_t k_min_id_length = 15;  // a legacy 15-digit number
constexpr size_t k_min_id_digits = 14;  // 18 characters may end in X; 15 are all digits

}  // namespace

std::string mask_id(std::string_view id) { return mask_middle(id, 0, 4, 8); }

std::string mask_phone(std::string_view phone) {
  // A mobile number, or one already masked the same way (a masked export read back): shown
  // alike, so a message about the cell shows what the file holds.
  const bool mobile =
      phone.size() == 11 && phone.find_first_not_of("0123456789*") == std::string_view::npos;
  if (mobile) {
    return mask_middle(phone, 3, 4, 11);
  }
  return mask_middle(phone, 3, 2, 6);
}

std::string mask_id_numbers_in(std::string_view s) {
  const std::vector<std::string_view> points = split_code_points(s);
  std::string out;
  size_t i = 0;
  while (i < points.size()) {
    size_t end = i;
    size_t digits = 0;
    while (end < points.size() && (is_id_digit(points[end]) || is_id_letter(points[end]))) {
      digits += is_id_digit(points[end]) ? 1 : 0;
      ++end;
    }
    if (end == i) {
      out += points[i++];
      continue;
    }
    const size_t from = static_cast<size_t>(points[i].data() - s.data());
    const size_t to =
        static_cast<size_t>(points[end - 1].data() - s.data()) + points[end - 1].size();
    const std::string_view run = s.substr(from, to - from);
    out +=
        end - i >= k_min_id_length && digits >= k_min_id_digits ? mask_id(run) : std::string(run);
    i = end;
  }
  return out;
}

}  // namespace tongxin::text
