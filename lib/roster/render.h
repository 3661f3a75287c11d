// Members as machines read them: typed JSON with snake_case keys and stable codes.
#pragma once

#include <ostream>

#include "output/table.h"
#include "roster/fields.h"
#include "roster/member_store.h"

namespace tongxin::roster {

// What a field's cells are in JSON: booleans and category lists typed, the rest strings (ID
// numbers and phones are text whatever digits they hold).
output::CellType json_type(const FieldDef& def);

// One member as a JSON object (`roster show --format json`): "id" a number, every member field
// by its key with its stored code (null when empty; booleans true/false; categories an array),
// personal fields masked unless `reveal`, then "status", "status_date", "status_reason",
// "created_at", "updated_at".
void write_member_json(std::ostream& out, const MemberRow& member, bool reveal);

}  // namespace tongxin::roster
