#include "report/privacy.h"

#include "text/strings.h"

namespace tongxin::report {

Cell shown(double value) { return {value, false, text::format_number(value, 2)}; }

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
