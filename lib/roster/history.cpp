#include "roster/history.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>

#include "i18n/i18n.h"
#include "roster/fields.h"

namespace tongxin::roster {

namespace {

// Keys a move or an archive adds next to the member fields: facts of the event, not fields.
constexpr std::array<const char*, 4> k_status_keys = {"status", "status_date", "status_reason",
                                                      "community_date"};
// The member statuses (member.status), each labelled by roster.status.CODE.
constexpr std::array<std::string_view, 4> k_statuses = {"active", "moved", "archived", "deceased"};

// A value of a change-log object as text: strings as they are, anything else (a number or a
// boolean from a hand-edited or foreign store) as JSON, never an exception.
std::string text_of(const nlohmann::json& object, const std::string& key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    return {};
  }
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// The object `text` holds; nullopt when it is neither empty nor a JSON object.
std::optional<nlohmann::json> object_of(const std::string& text) {
  if (text.empty()) {
    return nlohmann::json::object();
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return std::nullopt;
  }
  return parsed;
}

void add_if_changed(std::vector<FieldChange>& changes, const nlohmann::json& before,
                    const nlohmann::json& after, const std::string& key) {
  std::string b = text_of(before, key);
  std::string a = text_of(after, key);
  if (a != b) {
    changes.push_back({key, std::move(b), std::move(a)});
  }
}

}  // namespace

std::vector<FieldChange> field_changes(const std::string& before_json,
                                       const std::string& after_json) {
  const auto before = object_of(before_json);
  const auto after = object_of(after_json);
  if (!before || !after) {
    return {{"", before_json, after_json}};
  }
  std::vector<FieldChange> changes;
  for (const FieldDef& f : member_fields()) {
    add_if_changed(changes, *before, *after, f.key);
  }
  for (const char* key : k_status_keys) {
    add_if_changed(changes, *before, *after, key);
  }
  return changes;
}

std::vector<HistoryEntry> member_history(SQLite::Database& db, long member_id) {
  std::vector<HistoryEntry> history;
  SQLite::Statement created(db,
                            "SELECT b.created_at, b.actor, b.id, b.file_name FROM member m JOIN "
                            "import_batch b ON b.id = m.batch_id WHERE m.id = ?");
  created.bind(1, static_cast<int64_t>(member_id));
  if (created.executeStep()) {
    history.push_back({created.getColumn(0).getString(),
                       created.getColumn(1).getString(),
                       "import",
                       static_cast<long>(created.getColumn(2).getInt64()),
                       created.getColumn(3).getString(),
                       {}});
  }
  SQLite::Statement log(db,
                        "SELECT c.at, c.actor, c.action, coalesce(c.batch_id, 0), "
                        "coalesce(b.file_name, ''), c.before, c.after FROM change_log c LEFT JOIN "
                        "import_batch b ON b.id = c.batch_id WHERE c.entity = 'member' AND "
                        "c.entity_id = ? ORDER BY c.id");
  log.bind(1, static_cast<int64_t>(member_id));
  while (log.executeStep()) {
    history.push_back({log.getColumn(0).getString(), log.getColumn(1).getString(),
                       log.getColumn(2).getString(), static_cast<long>(log.getColumn(3).getInt64()),
                       log.getColumn(4).getString(),
                       field_changes(log.getColumn(5).getString(), log.getColumn(6).getString())});
  }
  return history;
}

namespace {

// A value for machine formats: the stored code, except ID numbers and phones, masked unless
// revealed.
std::string machine_value(const std::string& field, const std::string& value, bool reveal) {
  const FieldDef* def = field_by_key(field);
  return def != nullptr && def->personal ? display_value(*def, value, reveal) : value;
}

// A value as a user reads it: labels for codes and statuses, communities by their names. Text
// that is no known status (prose from before the log stored codes) is shown as it is.
std::string shown_value(const std::string& field, const std::string& value, bool reveal,
                        const std::vector<config::CommunityName>& communities) {
  if (const FieldDef* def = field_by_key(field)) {
    return def->kind == FieldKind::community ? config::community_name(communities, value)
                                             : display_value(*def, value, reveal);
  }
  if (field == "status" &&
      std::find(k_statuses.begin(), k_statuses.end(), value) != k_statuses.end()) {
    return i18n::tr("roster.status." + value);
  }
  return value;
}

std::string field_label(const std::string& field) {
  if (const FieldDef* def = field_by_key(field)) {
    return i18n::pick(def->zh, def->en);
  }
  return i18n::tr("roster.history." + field);
}

// "label: before → after; …" for member fields ("∅" for none); a status key the entry adds
// (the date of a move, the reason of an archive) reads "label: value".
std::string describe(const HistoryEntry& entry, bool reveal,
                     const std::vector<config::CommunityName>& communities) {
  if (entry.action == "import" && entry.changes.empty()) {
    return i18n::tr("roster.history.from_batch", entry.batch, entry.file);
  }
  std::string text;
  for (const FieldChange& c : entry.changes) {
    const std::string before = shown_value(c.field, c.before, reveal, communities);
    const std::string after = shown_value(c.field, c.after, reveal, communities);
    std::string part;
    if (c.field.empty()) {
      part = before.empty() ? after : before + " → " + after;
    } else if (c.before.empty() && field_by_key(c.field) == nullptr) {
      part = field_label(c.field) + ": " + after;
    } else {
      part = field_label(c.field) + ": " + (before.empty() ? "∅" : before) + " → " +
             (after.empty() ? "∅" : after);
    }
    text += (text.empty() ? "" : "; ") + part;
  }
  return text;
}

std::string action_label(const std::string& code) { return i18n::tr("roster.action." + code); }

}  // namespace

output::Table history_table(const std::vector<HistoryEntry>& history, bool reveal, bool machine,
                            const std::vector<config::CommunityName>& communities) {
  output::Table t;
  t.columns = {{"at", i18n::tr("roster.col_at")},
               {"actor", i18n::tr("roster.col_actor")},
               {"action", i18n::tr("roster.col_action")}};
  if (!machine) {
    t.columns.push_back({"change", i18n::tr("roster.col_change")});
    for (const HistoryEntry& e : history) {
      t.rows.push_back({e.at, e.actor, action_label(e.action), describe(e, reveal, communities)});
    }
    return t;
  }
  for (const char* key : {"batch", "file", "field", "before", "after"}) {
    t.columns.push_back({key, key});
  }
  for (const HistoryEntry& e : history) {
    const std::string batch = e.batch > 0 ? std::to_string(e.batch) : "";
    if (e.changes.empty()) {
      t.rows.push_back({e.at, e.actor, e.action, batch, e.file, "", "", ""});
    }
    for (const FieldChange& c : e.changes) {
      t.rows.push_back({e.at, e.actor, e.action, batch, e.file, c.field,
                        machine_value(c.field, c.before, reveal),
                        machine_value(c.field, c.after, reveal)});
    }
  }
  return t;
}

void write_history_json(std::ostream& out, const std::vector<HistoryEntry>& history, bool reveal) {
  const auto text_or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
  };
  nlohmann::ordered_json doc = nlohmann::ordered_json::array();
  for (const HistoryEntry& e : history) {
    nlohmann::ordered_json entry;
    entry["at"] = e.at;
    entry["actor"] = e.actor;
    entry["action"] = e.action;
    entry["batch"] = e.batch > 0 ? nlohmann::ordered_json(e.batch) : nlohmann::ordered_json();
    entry["file"] = text_or_null(e.file);
    entry["changes"] = nlohmann::ordered_json::array();
    for (const FieldChange& c : e.changes) {
      entry["changes"].push_back(
          {{"field", text_or_null(c.field)},
           {"before", text_or_null(machine_value(c.field, c.before, reveal))},
           {"after", text_or_null(machine_value(c.field, c.after, reveal))}});
    }
    doc.push_back(std::move(entry));
  }
  out << doc.dump(2) << '\n';
}

}  // namespace tongxin::roster
