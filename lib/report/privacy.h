// Small-count suppression for the breakdowns of a work summary (domain.md §7.4): a count below
// privacy.min_cell is hidden ("<5"), and when that leaves a column with one hidden cell beside a
// shown total, the smallest other non-zero cell is hidden too ("*"), so no hidden count can be
// recovered by subtracting the shown cells from the total. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tongxin::report {

struct Cell {
  std::optional<double> value;  // empty when suppressed
  bool suppressed = false;
  std::string display;  // the number, "<5" or "*"
};

Cell shown(double value);

// One column of a breakdown whose total is shown elsewhere. Zeros are never suppressed.
std::vector<Cell> suppress_column(const std::vector<double>& values, int min_cell);

// The same rule on cells of which some are hidden already (a rollup's cell whose part a
// submission suppressed): those stay hidden and count as hidden cells of the column, so one of
// them alone beside a shown total still gets a complementary cell.
std::vector<Cell> suppress_column(const std::vector<Cell>& cells, int min_cell);

}  // namespace tongxin::report
