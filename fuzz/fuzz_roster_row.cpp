// The roster row validator, as the import runs it: the input is CSV, its first record a header
// whose cells name member fields (roster::field_by_header: key, Chinese label or synonym), each
// further record one member. Every value goes through roster::parse_value, the member through
// roster::check_member. A value accepted is stored in a form that is accepted again unchanged
// (what `roster edit` and re-imports rely on), and that can be shown, masked or not.
#include <string>
#include <vector>

#include "harness.h"
#include "roster/fields.h"

namespace {

using tongxin::fuzz::expect;
using namespace tongxin::roster;

const ValueContext k_context{tongxin::fuzz::k_today,
                             {{"chengguan-nanjie", "南街社区"},
                              {"zhongbao-jincheng", "金城社区"},
                              {"gongqu-nanta", "南塔社区"}},
                             {"ethnicity", "religion"}};

void check_stored(const FieldDef& def, const std::string& stored) {
  std::vector<FieldProblem> problems;
  const auto again = parse_value(def, stored, k_context, problems);
  expect(again.has_value() && *again == stored, "a stored value parses back to itself");
  (void)display_value(def, stored, true);
  (void)display_value(def, stored, false);
}

void body(std::string_view input) {
  const auto records = tongxin::fuzz::csv_records(input);
  if (records.empty()) {
    return;
  }
  std::vector<const FieldDef*> columns;
  for (const std::string& header : records.front()) {
    columns.push_back(field_by_header(header));
  }
  for (size_t r = 1; r < records.size(); ++r) {
    FieldValues values;
    std::vector<FieldProblem> problems;
    for (size_t i = 0; i < columns.size() && i < records[r].size(); ++i) {
      if (columns[i] == nullptr) {
        continue;
      }
      std::string& value = values.at(field_index(*columns[i]));
      if (parse_value_into(*columns[i], records[r][i], k_context, problems, value)) {
        check_stored(*columns[i], value);
      } else {
        value.clear();
      }
    }
    check_member(values, k_context, problems);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("roster_row", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
