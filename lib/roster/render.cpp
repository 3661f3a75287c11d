#include "roster/render.h"

#include <nlohmann/json.hpp>

namespace tongxin::roster {

output::CellType json_type(const FieldDef& def) {
  switch (def.kind) {
    case FieldKind::boolean:
      return output::CellType::boolean;
    case FieldKind::code_list:
      return output::CellType::list;
    default:
      return output::CellType::text;
  }
}

namespace {

nlohmann::ordered_json or_null(const std::string& value) {
  return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

nlohmann::ordered_json field_json(const FieldDef& def, const std::string& stored, bool reveal) {
  if (stored.empty()) {
    return def.kind == FieldKind::code_list ? nlohmann::ordered_json::array()
                                            : nlohmann::ordered_json(nullptr);
  }
  switch (def.kind) {
    case FieldKind::boolean:
      return stored == "1";
    case FieldKind::code_list: {
      nlohmann::ordered_json codes = nlohmann::ordered_json::array();
      for (const std::string& code : split_list(stored)) {
        codes.push_back(code);
      }
      return codes;
    }
    default:
      return def.personal ? display_value(def, stored, reveal) : stored;
  }
}

}  // namespace

void write_member_json(std::ostream& out, const MemberRow& member, bool reveal) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  doc["id"] = member.id;
  for (const FieldDef& f : member_fields()) {
    doc[f.key] = field_json(f, member.values.at(field_index(f)), reveal);
  }
  doc["status"] = member.status;
  doc["status_date"] = or_null(member.status_date);
  doc["status_reason"] = or_null(member.status_reason);
  doc["created_at"] = member.created_at;
  doc["updated_at"] = member.updated_at;
  out << doc.dump(2) << '\n';
}

}  // namespace tongxin::roster
