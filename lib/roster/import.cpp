#include "roster/import.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "i18n/i18n.h"
#include "output/table.h"
#include "roster/id_number.h"
#include "roster/member_store.h"
#include "store/logs.h"
#include "store/store.h"
#include "text/pinyin.h"

namespace tongxin::roster {

OnExisting parse_on_existing(const std::string& name) {
  if (name == "error") {
    return OnExisting::error;
  }
  if (name == "update") {
    return OnExisting::update;
  }
  if (name == "fill") {
    return OnExisting::fill;
  }
  if (name == "skip") {
    return OnExisting::skip;
  }
  throw Error(ExitCode::usage, i18n::tr("import.bad_on_existing", name));
}

namespace {

// Columns that carry no member data: row numbers in office spreadsheets, and the member id and
// status columns of tongxin's own exports (a member's id and status are the store's, changed
// only by its commands), so an export can be imported elsewhere.
bool is_ignored_header(const std::string& header) {
  const std::string h = trim(header);
  return h == "序号" || h == "编号" || h == "No." || h == "no" || h == "#" || h == "ID" ||
         h == "id" || h == "状态" || h == "status" || h == "Status";
}

// Which field each column fills (nullptr = ignored). Header problems are fatal: exit 3.
std::vector<const FieldDef*> map_header(const std::vector<std::string>& header,
                                        const std::string& file, const ValueContext& ctx) {
  std::vector<const FieldDef*> map;
  std::vector<std::string> problems;
  for (size_t i = 0; i < header.size(); ++i) {
    const FieldDef* def = field_by_header(header[i]);
    if (def == nullptr && !is_ignored_header(header[i]) && !trim(header[i]).empty()) {
      problems.push_back(i18n::tr("import.unknown_column", file, header[i]));
    }
    for (size_t j = 0; def != nullptr && j < map.size(); ++j) {
      if (map[j] == def) {
        problems.push_back(i18n::tr("import.duplicate_column", file, header[i], header[j]));
      }
    }
    if (def != nullptr && def->sensitive &&
        std::find(ctx.sensitive_enabled.begin(), ctx.sensitive_enabled.end(), def->key) ==
            ctx.sensitive_enabled.end()) {
      problems.push_back(i18n::tr("import.sensitive_column", file, header[i], def->key));
    }
    map.push_back(def);
  }
  if (header.empty()) {
    problems.push_back(i18n::tr("import.no_header", file));
  }
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("import.bad_header", file), problems);
  }
  return map;
}

// A compact key for a normalised 18-character ID: its first 17 digits (the check character
// follows from them). 0 when the ID is not of that shape.
uint64_t id_key(const std::string& id) {
  if (id.size() != 18) {
    return 0;
  }
  uint64_t key = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      return 0;
    }
    key = key * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  return key;
}

struct Existing {
  long member_id;
  std::string community;
};

std::unordered_map<uint64_t, Existing> existing_ids(SQLite::Database& db) {
  std::unordered_map<uint64_t, Existing> ids;
  SQLite::Statement q(db,
                      "SELECT id, id_number, community FROM member WHERE id_number IS NOT NULL");
  while (q.executeStep()) {
    ids.emplace(id_key(q.getColumn(1).getString()),
                Existing{static_cast<long>(q.getColumn(0).getInt64()), q.getColumn(2).getString()});
  }
  return ids;
}

store::Batch batch_of(const ImportOptions& options) {
  return {"roster", options.display_name, options.actor, options.now};
}

// An import larger than the register it joins is a bulk load: building the member indexes once
// after the inserts is about twice as fast as updating them row by row at a million rows (see
// bench/README.md), and cheap for small tables. A small file into a large register keeps them.
bool bulk_load(long long input_bytes, size_t existing_members) {
  constexpr long long k_bytes_per_row = 100;  // a generous lower bound for a roster row
  return input_bytes / k_bytes_per_row > static_cast<long long>(existing_members);
}

// Drops the indexes of the member tables inside the current transaction and returns the SQL that
// recreates them (read from the schema, so it follows every migration).
std::vector<std::string> drop_member_indexes(SQLite::Database& db) {
  std::vector<std::pair<std::string, std::string>> indexes;
  SQLite::Statement q(db,
                      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                      "NULL AND tbl_name IN ('member', 'member_category') ORDER BY name");
  while (q.executeStep()) {
    indexes.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  std::vector<std::string> recreate;
  for (const auto& [name, sql] : indexes) {
    db.exec("DROP INDEX \"" + name + "\"");
    recreate.push_back(sql);
  }
  return recreate;
}

// The new values of an existing member under --on-existing update or fill; empty cells never
// clear anything.
FieldValues merged(const FieldValues& current, const FieldValues& incoming, OnExisting mode) {
  FieldValues result = current;
  for (const auto& [key, value] : incoming) {
    if (value.empty()) {
      continue;
    }
    if (mode == OnExisting::update || result[key].empty()) {
      result[key] = value;
    }
  }
  return result;
}

class Importer {
 public:
  Importer(SQLite::Database& db, io::TabularSource& source, const ImportOptions& options,
           const ValueContext& ctx)
      : m_db(db), m_source(source), m_options(options), m_ctx(ctx), m_writer(db) {}

  ImportReport run() {
    m_report.header = m_source.header();
    m_columns = map_header(m_source.header(), m_options.display_name, m_ctx);
    m_existing = existing_ids(m_db);
    // Inserts into the unique ID index touch pages all over it; a larger page cache keeps them in
    // memory instead of spilling them to the WAL again and again (about 96 MB).
    m_db.exec("PRAGMA cache_size = -98304");
    store::WriteTransaction tx(m_db);
    const auto rebuilt = bulk_load(m_source.size_hint(), m_existing.size())
                             ? drop_member_indexes(m_db)
                             : std::vector<std::string>{};
    m_report.batch_id = store::begin_batch(m_db, batch_of(m_options));
    read_and_write();
    const bool failed = m_report.rejected > 0 && !m_options.skip_invalid;
    if (failed || m_options.dry_run) {
      m_report.batch_id = failed ? 0 : m_report.batch_id;
      return m_report;  // the transaction rolls back
    }
    store::finish_batch(m_db, m_report.batch_id, batch_of(m_options), m_source.sha256(),
                        {m_report.added, m_report.updated, m_report.unchanged + m_report.skipped,
                         m_report.rejected});
    for (const std::string& sql : rebuilt) {
      m_db.exec(sql);  // CREATE UNIQUE INDEX re-checks what the import checked in memory
    }
    tx.commit();
    return m_report;
  }

 private:
  // A row read and validated, waiting to be written.
  struct Prepared {
    io::TabularRow row;
    FieldValues values;
    std::vector<FieldProblem> problems;
    std::optional<Existing> existing;
    text::PinyinForms pinyin;
  };

  // One row at a time: validate, then write. (Validating on a second thread was measured slower:
  // freeing each row's strings on the other thread costs more than the overlap saves.)
  void read_and_write() {
    Prepared p;
    while (m_source.next(p.row)) {
      prepare(p);
      apply(p);
      p.values.clear();
      p.problems.clear();
      p.existing.reset();
    }
  }

  // Everything that needs no database (the existing IDs were loaded up front).
  void prepare(Prepared& p) {
    p.values = parse_row(p.row, p.problems);
    check_member(p.values, m_ctx, p.problems);
    const std::string& id = p.values["id_number"];
    const uint64_t key = id_key(id);
    if (key != 0) {
      const auto [it, inserted] = m_seen.emplace(key, p.row.line);
      if (!inserted) {
        p.problems.push_back({"id_number", i18n::tr("import.duplicate_in_file", it->second), id});
      }
      if (const auto found = m_existing.find(key); found != m_existing.end()) {
        p.existing = found->second;
      }
    }
    p.pinyin = text::pinyin_of(p.values["name"]);
  }

  // Decisions that read the store, and the writes.
  void apply(Prepared& p) {
    m_report.rows++;
    if (p.existing && p.problems.empty()) {
      existing_member(*p.existing, p.values, p.problems);
    }
    if (!p.problems.empty()) {
      reject(p.row, p.problems);
      return;
    }
    if (!p.existing) {
      m_report.added++;
      if (!m_options.dry_run) {
        m_writer.insert(p.values, m_report.batch_id, m_options.now, &p.pinyin);
      }
    }
  }

  FieldValues parse_row(const io::TabularRow& row, std::vector<FieldProblem>& problems) {
    FieldValues values;
    for (size_t i = 0; i < m_columns.size(); ++i) {
      const FieldDef* def = m_columns[i];
      if (def == nullptr) {
        continue;
      }
      if (def->kind == FieldKind::id_number && row.numeric[i] && !row.cells[i].empty()) {
        problems.push_back({def->key, i18n::tr("roster.id_excel"), row.cells[i]});
        continue;
      }
      if (auto value = parse_value(*def, row.cells[i], m_ctx, problems)) {
        values[def->key] = *value;
      }
    }
    if (values["community"].empty()) {
      values["community"] = m_options.community;
    }
    if (row.extra_cells > 0) {
      problems.push_back({"", i18n::tr("import.extra_cells", row.extra_cells), ""});
    }
    return values;
  }

  void existing_member(const Existing& existing, FieldValues& values,
                       std::vector<FieldProblem>& problems) {
    if (m_options.on_existing == OnExisting::error) {
      problems.push_back(
          {"id_number", i18n::tr("import.exists", existing.member_id), values["id_number"]});
      return;
    }
    if (existing.community != values["community"]) {
      problems.push_back(
          {"community", i18n::tr("import.other_community", existing.member_id, existing.community),
           values["community"]});
      return;
    }
    if (m_options.on_existing == OnExisting::skip) {
      m_report.skipped++;
      return;
    }
    const auto current = load_member(m_db, existing.member_id);
    const FieldValues next = merged(current->values, values, m_options.on_existing);
    if (next == current->values) {
      m_report.unchanged++;
      return;
    }
    m_report.updated++;
    if (!m_options.dry_run) {
      m_writer.update(existing.member_id, next, m_options.now);
      store::log_change(m_db, m_options.now, m_options.actor, "member", existing.member_id,
                        "import_update", values_json(current->values), values_json(next),
                        m_report.batch_id);
    }
  }

  void reject(const io::TabularRow& row, const std::vector<FieldProblem>& problems) {
    m_report.rejected++;
    std::string joined;
    for (const FieldProblem& p : problems) {
      const std::string column = column_name(p.field);
      m_report.errors.push_back({row.line, column, p.reason, p.value});
      joined += (joined.empty() ? "" : "; ") +
                (column.empty() ? p.reason : i18n::tr("import.reject_reason", column, p.reason));
    }
    if (m_options.skip_invalid) {
      m_report.rejects.push_back({row.line, row.cells, joined});
    }
  }

  // The header as the file wrote it for a field (or the field's label when the value came from
  // elsewhere, e.g. --community).
  std::string column_name(const std::string& key) const {
    for (size_t i = 0; i < m_columns.size(); ++i) {
      if (m_columns[i] != nullptr && m_columns[i]->key == key) {
        return m_source.header()[i];
      }
    }
    const FieldDef* def = field_by_key(key);
    return def == nullptr ? "" : i18n::pick(def->zh, def->en);
  }

  SQLite::Database& m_db;
  io::TabularSource& m_source;
  const ImportOptions& m_options;
  const ValueContext& m_ctx;
  MemberWriter m_writer;
  std::vector<const FieldDef*> m_columns;
  std::unordered_map<uint64_t, Existing> m_existing;
  std::unordered_map<uint64_t, long> m_seen;
  ImportReport m_report;
};

}  // namespace

ImportReport import_roster(SQLite::Database& db, io::TabularSource& source,
                           const ImportOptions& options, const ValueContext& ctx) {
  Importer importer(db, source, options, ctx);
  return importer.run();
}

std::vector<std::string> format_errors(const std::string& file,
                                       const std::vector<RowError>& errors) {
  std::vector<std::string> lines;
  for (const RowError& e : errors) {
    if (e.column.empty()) {
      lines.push_back(fmt::format("{}:{}: {}", file, e.line, e.reason));
    } else if (e.value.empty()) {
      lines.push_back(fmt::format("{}:{}: {}", file, e.line,
                                  i18n::tr("import.error_no_value", e.column, e.reason)));
    } else {
      lines.push_back(fmt::format("{}:{}: {}", file, e.line,
                                  i18n::tr("import.error", e.column, e.reason, e.value)));
    }
  }
  return lines;
}

void write_rejects(const std::string& path, const ImportReport& report, text::Encoding encoding,
                   bool bom) {
  output::Table table;
  for (const std::string& h : report.header) {
    table.columns.push_back({h, h});
  }
  table.columns.push_back({i18n::tr("import.error_column"), ""});
  for (const RejectedRow& r : report.rejects) {
    auto cells = r.cells;
    cells.push_back(r.errors);
    table.rows.push_back(std::move(cells));
  }
  std::ostringstream csv;
  output::write_csv(csv, table, {.utf8_bom = bom && encoding == text::Encoding::utf8});
  store::create_private_file(path);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << (encoding == text::Encoding::utf8 ? csv.str() : text::from_utf8(csv.str(), encoding));
  if (!out) {
    throw Error(ExitCode::usage, i18n::tr("file.cannot_write", path));
  }
}

namespace {

struct BatchMembers {
  std::vector<long> created;
  std::vector<std::pair<long, std::string>> updated;  // member, JSON of the values before
  long import_log_id = 0;
};

BatchMembers batch_members(SQLite::Database& db, long batch_id) {
  SQLite::Statement batch(db, "SELECT kind, undone_at FROM import_batch WHERE id = ?");
  batch.bind(1, static_cast<int64_t>(batch_id));
  if (!batch.executeStep() || batch.getColumn(0).getString() != "roster") {
    throw Error(ExitCode::bad_input, i18n::tr("undo.no_batch", batch_id));
  }
  if (!batch.getColumn(1).isNull()) {
    throw Error(ExitCode::bad_input,
                i18n::tr("undo.already", batch_id, batch.getColumn(1).getString()));
  }
  BatchMembers members;
  SQLite::Statement created(db, "SELECT id FROM member WHERE batch_id = ? ORDER BY id");
  created.bind(1, static_cast<int64_t>(batch_id));
  while (created.executeStep()) {
    members.created.push_back(static_cast<long>(created.getColumn(0).getInt64()));
  }
  SQLite::Statement updated(db,
                            "SELECT entity_id, before FROM change_log WHERE batch_id = ? AND "
                            "action = 'import_update' ORDER BY id");
  updated.bind(1, static_cast<int64_t>(batch_id));
  while (updated.executeStep()) {
    members.updated.emplace_back(static_cast<long>(updated.getColumn(0).getInt64()),
                                 updated.getColumn(1).getString());
  }
  SQLite::Statement log(db,
                        "SELECT id FROM change_log WHERE entity = 'import_batch' AND entity_id = ? "
                        "AND action = 'import'");
  log.bind(1, static_cast<int64_t>(batch_id));
  members.import_log_id = log.executeStep() ? static_cast<long>(log.getColumn(0).getInt64()) : 0;
  return members;
}

// Members of the batch changed after it (by an edit, move, archive or a later import), or
// linked to activities since: undoing would lose that work.
std::vector<std::string> changed_since(SQLite::Database& db, const BatchMembers& members) {
  SQLite::Statement later(db,
                          "SELECT count(*) FROM change_log WHERE entity = 'member' AND "
                          "entity_id = ? AND id > ?");
  SQLite::Statement linked(db, "SELECT count(*) FROM activity_member WHERE member_id = ?");
  std::vector<std::string> problems;
  auto check = [&](long id, bool created) {
    later.bind(1, static_cast<int64_t>(id));
    later.bind(2, static_cast<int64_t>(members.import_log_id));
    later.executeStep();
    const bool edited = later.getColumn(0).getInt64() > 0;
    later.reset();
    bool in_activity = false;
    if (created) {
      linked.bind(1, static_cast<int64_t>(id));
      linked.executeStep();
      in_activity = linked.getColumn(0).getInt64() > 0;
      linked.reset();
    }
    if (edited || in_activity) {
      problems.push_back(i18n::tr(edited ? "undo.edited_since" : "undo.in_activity", id));
    }
  };
  for (long id : members.created) {
    check(id, true);
  }
  for (const auto& [id, before] : members.updated) {
    check(id, false);
  }
  return problems;
}

}  // namespace

UndoReport undo_import(SQLite::Database& db, long batch_id, const std::string& actor,
                       const std::string& now) {
  store::WriteTransaction tx(db);
  const BatchMembers members = batch_members(db, batch_id);
  const auto problems = changed_since(db, members);
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("undo.refused", batch_id, problems.size()), problems);
  }
  SQLite::Statement drop_categories(db, "DELETE FROM member_category WHERE member_id = ?");
  SQLite::Statement drop_member(db, "DELETE FROM member WHERE id = ?");
  for (long id : members.created) {
    for (SQLite::Statement* q : {&drop_categories, &drop_member}) {
      q->bind(1, static_cast<int64_t>(id));
      q->exec();
      q->reset();
    }
  }
  MemberWriter writer(db);
  // Restore in reverse order so a member updated twice in one batch ends at its first state.
  for (auto it = members.updated.rbegin(); it != members.updated.rend(); ++it) {
    writer.update(it->first, values_from_json(it->second), now);
  }
  SQLite::Statement done(db, "UPDATE import_batch SET undone_at = ? WHERE id = ?");
  done.bind(1, now);
  done.bind(2, static_cast<int64_t>(batch_id));
  done.exec();
  const std::string after = fmt::format(R"({{"removed":{},"restored":{}}})", members.created.size(),
                                        members.updated.size());
  store::log_change(db, now, actor, "import_batch", batch_id, "undo", "", after, batch_id);
  tx.commit();
  return {static_cast<long>(members.created.size()), static_cast<long>(members.updated.size())};
}

}  // namespace tongxin::roster
