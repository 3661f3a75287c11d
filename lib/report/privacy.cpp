#include "report/privacy.h"

#include <fmt/format.h>

#include <cmath>

namespace tongxin::report {

std::string format_number(double value) {
  if (std::floor(value) == value && std::abs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

Cell shown(double value) { return {value, false, format_number(value)}; }

std::vector<Cell> suppress_column(const std::vector<double>& values, int min_cell) {
  std::vector<Cell> cells;
  size_t hidden = 0;
  for (const double v : values) {
    if (v > 0 && v < min_cell) {
      cells.push_back({std::nullopt, true, "<" + std::to_string(min_cell)});
      hidden++;
    } else {
      cells.push_back(shown(v));
    }
  }
  if (hidden != 1) {
    return cells;  // none hidden, or several that hide each other
  }
  // One hidden cell would be the total minus the others: hide the smallest other non-zero one.
  std::optional<size_t> partner;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!cells[i].suppressed && values[i] > 0 && (!partner || values[i] < values[*partner])) {
      partner = i;
    }
  }
  if (partner) {
    cells[*partner] = {std::nullopt, true, "*"};
  }
  return cells;
}

}  // namespace tongxin::report
