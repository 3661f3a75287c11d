// How activities look: tables (terminal, CSV, TSV) and JSON. Labels are in the
// current language (i18n); codes, ids and dates are not.
#pragma once

#include <ostream>
#include <vector>

#include "activity/rules.h"
#include "output/table.h"

namespace tongxin::activity {

// A table of activities: in the terminal (`machine` false) types and measures
// carry labels ("横幅 4，宣传资料 800"); in CSV/TSV codes and
// "banners=4;materials=800". The terminal names the community (`communities`), CSV/TSV give its id.
output::Table activity_table(const std::vector<Activity>& activities, bool machine,
                             const std::vector<config::CommunityName>& communities);

// The activities as a JSON array; measures as an object {key: number}.
void write_activities_json(std::ostream& out, const std::vector<Activity>& activities);

}  // namespace tongxin::activity
