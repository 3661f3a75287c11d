// The date parsers (parse_iso_date, parse_date, parse_user_date): a date parsed is one that
// exists, its ISO text parses back to it, and its day number converts back to it. Also the XLSX
// date serials (io::xlsx::serial_to_text): a serial's text is empty, a time of day, or starts with
// a date of the one grammar.
#include "core/date.h"
#include "harness.h"
#include "io/xlsx_dates.h"

namespace {

using tongxin::fuzz::expect;

void check(const tongxin::Date& date) {
  expect(date.month >= 1 && date.month <= 12, "a parsed date has a month 1..12");
  expect(date.day >= 1 && date.day <= tongxin::days_in_month(date.year, date.month),
         "a parsed date has a day of its month");
  expect(tongxin::Date::from_days(date.days()) == date, "from_days(days()) is the date");
  const auto again = tongxin::parse_iso_date(date.iso());
  expect(again.has_value() && *again == date, "iso() parses back to the same date");
  (void)date.weekday();
}

void body(std::string_view input) {
  if (const auto iso = tongxin::parse_iso_date(input)) {
    check(*iso);
  }
  if (const auto date = tongxin::parse_date(input)) {
    check(*date);
  }
  if (const auto user = tongxin::parse_user_date(input, tongxin::fuzz::k_today)) {
    check(*user);
  }
  for (const bool date1904 : {false, true}) {
    const std::string text = tongxin::io::xlsx::serial_to_text(input, date1904);
    if (text.size() >= 10 && text[2] != ':') {
      // 1900-02-29, Excel's day 60, is kept as text on purpose: it must fail validation.
      const auto date = tongxin::parse_date(text.substr(0, 10));
      expect(date.has_value() || text.starts_with("1900-02-29"),
             "a serial's date text is a date of the grammar");
      if (date) {
        check(*date);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("date", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
