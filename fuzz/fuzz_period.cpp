// The period parser (parse_period): any text either is no period or is one whose canonical code
// parses back to it, with a range that does not run backwards, labels, and neighbours.
#include "core/period.h"
#include "harness.h"

namespace {

using tongxin::fuzz::expect;

void body(std::string_view input) {
  const auto period = tongxin::parse_period(input, tongxin::fuzz::k_today);
  if (!period) {
    return;
  }
  expect(period->from() <= period->to(), "a period does not end before it starts");
  const auto again = tongxin::parse_period(period->code(), tongxin::fuzz::k_today);
  expect(again.has_value() && *again == *period, "code() parses back to the same period");
  (void)period->label("zh");
  (void)period->label("en");
  const auto previous = period->previous();
  expect(previous.to() < period->from(), "previous() ends before the period starts");
  (void)period->year_earlier().code();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("period", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
