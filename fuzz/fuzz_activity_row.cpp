// The activity row validator (activity::check_activity), fed as the import feeds it: the input is
// CSV, its first record a header, each further record one activity. A header that is a field key
// (date, community, type, title, members, duty, notes) fills that field; any other header names a
// measure, as the import passes measure columns on by their header. Members "1".."999" exist. A
// valid activity has a JSON form for the change log.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "activity/rules.h"
#include "harness.h"
#include "text/strings.h"

namespace {

using namespace tongxin::activity;

std::optional<long> find_member(const std::string& reference) {
  long id = 0;
  const auto* end = reference.data() + reference.size();
  const auto [ptr, ec] = std::from_chars(reference.data(), end, id);
  if (ec != std::errc() || ptr != end || id < 1 || id > 999) {
    return std::nullopt;
  }
  return id;
}

const CheckContext k_context{tongxin::fuzz::k_today,
                             {{"chengguan-dongjie", "东街社区"},
                              {"zhongbao-jincheng", "金城社区"},
                              {"beige-liucun", "刘村社区"}},
                             find_member};

RawActivity raw_activity(const std::vector<std::string>& header,
                         const std::vector<std::string>& cells) {
  RawActivity raw;
  for (size_t i = 0; i < header.size() && i < cells.size(); ++i) {
    const std::string& h = header[i];
    const std::string& cell = cells[i];
    if (h == "date") {
      raw.date = cell;
    } else if (h == "community") {
      raw.community = cell;
    } else if (h == "type") {
      raw.type = cell;
    } else if (h == "title") {
      raw.title = cell;
    } else if (h == "members") {
      if (!tongxin::text::trim(cell).empty()) {
        raw.members.push_back(cell);
      }
    } else if (h == "duty") {
      raw.duty = cell;
    } else if (h == "notes") {
      raw.notes = cell;
    } else {
      raw.measures.emplace_back(h, cell);
    }
  }
  return raw;
}

void body(std::string_view input) {
  const auto records = tongxin::fuzz::csv_records(input);
  for (size_t r = 1; r < records.size(); ++r) {
    std::vector<Problem> problems;
    const Activity activity =
        check_activity(raw_activity(records[0], records[r]), k_context, problems);
    if (problems.empty()) {
      (void)activity_json(activity);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tongxin::fuzz::run_guarded("activity_row", body, tongxin::fuzz::as_text(data, size));
  return 0;
}
