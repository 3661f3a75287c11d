// Inline SVG bar charts for the HTML report: no script, no fonts or images fetched, so the
// file stands alone and prints. A suppressed count is written as its text ("<5") with no bar:
// drawing it would give the hidden figure back.
#include <algorithm>

#include "output/markup.h"
#include "report/render.h"

namespace tongxin::report {

namespace {

constexpr int k_width = 640;
constexpr int k_label_width = 170;  // horizontal bars: the category names on the left
constexpr int k_row_height = 24;
constexpr int k_column_height = 160;  // vertical columns: the tallest bar
constexpr const char* k_font =
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

double largest(const Chart& chart) {
  double most = 0;
  for (const ChartBar& bar : chart.bars) {
    most = std::max(most, bar.value.value_or(0));
  }
  return most > 0 ? most : 1;
}

std::string open_svg(const Chart& chart, int height) {
  return fmt::format(
      R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" )"
      R"(width="{0}" height="{1}" role="img" aria-label="{2}" font-family="{3}" font-size="12">)"
      "<title>{2}</title>\n"
      R"(<text x="0" y="16" font-size="14" font-weight="bold">{2}</text>)"
      "\n",
      k_width, height, output::escape_markup(chart.title), k_font);
}

std::string bars(const Chart& chart) {
  const int top = 28;
  const int height = top + static_cast<int>(chart.bars.size()) * k_row_height + 8;
  const double scale = (k_width - k_label_width - 60) / largest(chart);
  std::string svg = open_svg(chart, height);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const int y = top + static_cast<int>(i) * k_row_height;
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", k_label_width - 8,
                       y + 16, output::escape_markup(bar.label));
    if (!bar.value) {
      svg += fmt::format(R"(<text class="suppressed" x="{}" y="{}" fill="#666">{}</text>)",
                         k_label_width + 4, y + 16, output::escape_markup(bar.shown));
    } else {
      const double length = *bar.value * scale;
      svg += fmt::format(R"(<rect x="{}" y="{}" width="{:.1f}" height="{}" fill="#b22222"/>)",
                         k_label_width, y + 4, length, k_row_height - 8);
      svg += fmt::format(R"(<text x="{:.1f}" y="{}">{}</text>)", k_label_width + length + 4, y + 16,
                         output::escape_markup(bar.shown));
    }
    svg += '\n';
  }
  return svg + "</svg>";
}

std::string columns(const Chart& chart) {
  const int top = 40;
  const int height = top + k_column_height + 28;
  const int count = std::max<int>(1, static_cast<int>(chart.bars.size()));
  const double slot = static_cast<double>(k_width - 20) / count;
  const double scale = k_column_height / largest(chart);
  std::string svg = open_svg(chart, height);
  const int base = top + k_column_height;
  svg += fmt::format(R"(<line x1="10" y1="{0}" x2="{1}" y2="{0}" stroke="#444"/>)", base,
                     k_width - 10) +
         "\n";
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const double middle = 10 + slot * (static_cast<double>(i) + 0.5);
    const double length = bar.value.value_or(0) * scale;
    if (bar.value) {
      svg += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" )"
                         R"(fill="#b22222"/>)",
                         middle - slot * 0.3, base - length, slot * 0.6, length);
    }
    svg += fmt::format(R"(<text{} x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                       bar.value ? "" : R"( class="suppressed" fill="#666")", middle,
                       base - length - 4, output::escape_markup(bar.shown));
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", middle,
                       base + 18, output::escape_markup(bar.label));
    svg += '\n';
  }
  return svg + "</svg>";
}

}  // namespace

std::string render_svg_chart(const Chart& chart) {
  return chart.columns ? columns(chart) : bars(chart);
}

}  // namespace tongxin::report
