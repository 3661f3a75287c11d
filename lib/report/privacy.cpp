#include "report/privacy.h"

#include "text/strings.h"

namespace tongxin::report {

Cell shown(double value) { return {value, false, text::format_number(value, 2)}; }

std::vector<Cell> suppress_column(const std::vector<double>& values, int min_cell) {
  std::vector<Cell> cells;
  for (const double v : values) {
    cells.push_back(shown(v));
  }
  return suppress_column(cells, min_cell);
}

std::vector<Cell> suppress_column(const std::vector<Cell>& cells, int min_cell) {
  std::vector<Cell> out;
  size_t hidden = 0;
  for (const Cell& c : cells) {
    if (c.suppressed) {
      out.push_back(c);
      hidden++;
    } else if (c.value && *c.value > 0 && *c.value < min_cell) {
      out.push_back({std::nullopt, true, "<" + std::to_string(min_cell)});
      hidden++;
    } else {
      out.push_back(c);
    }
  }
  if (hidden != 1) {
    return out;  // none hidden, or several that hide each other
  }
  // One hidden cell would be the total minus the others: hide the smallest other non-zero one.
  std::optional<size_t> partner;
  for (size_t i = 0; i < out.size(); ++i) {
    const std::optional<double>& v = out[i].value;
    if (!out[i].suppressed && v && *v > 0 && (!partner || *v < *out[*partner].value)) {
      partner = i;
    }
  }
  if (partner) {
    out[*partner] = {std::nullopt, true, "*"};
  }
  return out;
}

}  // namespace tongxin::report
