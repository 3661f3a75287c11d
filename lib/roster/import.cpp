#include "roster/import.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "core/channel.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "output/table.h"
#include "roster/existing.h"
#include "roster/id_number.h"
#include "roster/member_store.h"
#include "store/batches.h"
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
// only by its commands), so an export can be imported elsewhere; and the error column of a
// rejects file, so a corrected one imports again.
bool is_ignored_header(const std::string& header) {
  const std::string h = trim(header);
  return h == "序号" || h == "编号" || h == "No." || h == "no" || h == "#" || h == "ID" ||
         h == "id" || h == "状态" || h == "status" || h == "Status" || io::is_error_column(h);
}

}  // namespace

bool knows_column(const std::string& header) {
  return field_by_header(header) != nullptr || is_ignored_header(header);
}

namespace {

// Which field each column fills (nullptr = ignored). Header problems are fatal: exit 3, each
// naming the header's line.
std::vector<const FieldDef*> map_header(const std::vector<std::string>& header,
                                        const std::string& file, long line,
                                        const ValueContext& ctx) {
  const std::string at = file + ":" + std::to_string(line);
  std::vector<const FieldDef*> map;
  std::vector<std::string> problems;
  for (size_t i = 0; i < header.size(); ++i) {
    const FieldDef* def = field_by_header(header[i]);
    if (def == nullptr && !is_ignored_header(header[i]) && !trim(header[i]).empty()) {
      problems.push_back(i18n::tr("import.unknown_column", at, header[i]));
    }
    for (size_t j = 0; def != nullptr && j < map.size(); ++j) {
      if (map[j] == def) {
        problems.push_back(i18n::tr("import.duplicate_column", at, header[i], header[j]));
      }
    }
    if (def != nullptr && def->sensitive &&
        std::find(ctx.sensitive_enabled.begin(), ctx.sensitive_enabled.end(), def->key) ==
            ctx.sensitive_enabled.end()) {
      problems.push_back(
          i18n::tr("import.sensitive_column", at, header[i], i18n::pick(def->zh, def->en)));
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

// The new values of an existing member under --on-existing update or fill; empty cells never
// clear anything.
FieldValues merged(const FieldValues& current, const FieldValues& incoming, OnExisting mode) {
  FieldValues result = current;
  for (size_t i = 0; i < member_fields().size(); ++i) {
    const std::string& value = incoming.at(i);
    if (!value.empty() && (mode == OnExisting::update || result.at(i).empty())) {
      result.at(i) = value;
    }
  }
  return result;
}

// The rows of a block are handed from the reading thread to the writing one and the block comes
// back to be refilled: its strings keep their capacity, so rows cost no allocation that one
// thread makes and the other frees (which made an earlier per-row hand-off slower than one
// thread; see bench/README.md).
struct PreparedRow {
  FieldValues values;
  text::PinyinForms pinyin;
  long existing_id = 0;  // > 0: an existing member to update or fill
};

struct RowBlock {
  std::vector<PreparedRow> rows;
  size_t count = 0;
  bool write = true;  // false in a dry run and once an all-or-nothing import has failed
};

constexpr size_t k_rows_per_block = 1024;
constexpr size_t k_blocks = 4;

// The reading thread's half: reads, validates and decides each row (new, existing, invalid)
// without the writer's connection (ExistingIds has its own, or a copy of the register's IDs). Its
// report holds every count but updated/unchanged, every error and every rejected row, in file
// order.
class RowReader {
 public:
  RowReader(io::TabularSource& source, const ImportOptions& options, const ValueContext& ctx,
            std::vector<const FieldDef*> columns, ExistingMembers existing)
      : m_source(source),
        m_options(options),
        m_ctx(ctx),
        m_columns(std::move(columns)),
        m_existing(std::move(existing)),
        m_today(ctx.today.iso()) {
    for (const FieldDef* def : m_columns) {
      m_indexes.push_back(def == nullptr ? 0 : field_index(*def));
    }
    m_result.file = options.display_name;
    m_result.dry_run = options.dry_run;
    m_result.skip_invalid = options.skip_invalid;
    m_result.matches_existing = true;
    m_result.header = source.header();
    m_result.sheet = source.sheet();
    m_result.header_line = source.header_line();
    // About one row per 100 bytes (see bulk_load): growing the table a million times rehashes.
    m_seen.reserve(static_cast<size_t>(std::min(source.size_hint() / 100, 20'000'000LL)));
  }

  // Fills `block` with the next rows to write; false once the input is exhausted.
  bool fill(RowBlock& block) {
    block.count = 0;
    block.rows.resize(k_rows_per_block);
    bool more = true;
    while (block.count < k_rows_per_block && (more = m_source.next(m_row))) {
      block.count += prepare(block.rows[block.count]) ? 1 : 0;
    }
    block.write = writing();
    return more;
  }

  io::ImportResult& result() { return m_result; }

 private:
  bool writing() const { return !m_options.dry_run && !io::failed(m_result); }

  // Validates the current row into `out`; false when it is invalid or left alone.
  bool prepare(PreparedRow& out) {
    m_result.counts.read++;
    m_problems.clear();
    FieldValues& values = out.values;  // reused: its strings keep their capacity
    parse_row(m_row, values);
    check_member(values, m_ctx, m_problems, false);
    const Existing* existing = check_id(values[Field::id_number]);
    if (existing == nullptr && m_problems.empty()) {
      existing = match_by_name(values);
    }
    if (existing == nullptr) {
      require_category(values, m_problems);  // a new member: the row is the whole of them
    }
    if (existing != nullptr && m_problems.empty() && !may_change(*existing, values)) {
      return false;
    }
    if (!m_problems.empty()) {
      reject();
      return false;
    }
    out.pinyin = text::pinyin_of(values[Field::name]);
    out.existing_id = existing != nullptr ? existing->member_id : 0;
    if (existing == nullptr && values[Field::registered_on].empty()) {
      values[Field::registered_on] = m_today;  // registered by this import (its batch date)
    }
    m_result.counts.added += existing == nullptr ? 1 : 0;
    return true;
  }

  // Duplicates within the file; the member already holding this ID, if any.
  const Existing* check_id(const std::string& id) {
    const uint64_t key = id_key(id);
    if (key == 0) {
      return nullptr;
    }
    const auto [seen, inserted] = m_seen.emplace(key, m_row.line);
    if (!inserted) {
      m_problems.push_back({"id_number", i18n::tr("import.duplicate_in_file", seen->second), id});
    }
    return m_existing.by_id(key, id);
  }

  // A row without an ID number, or with one the register lacks, is a registered member when its
  // name and a second key (birth date, phone, employer) match one within the community; several
  // such members, or a row matching an earlier one, are problems. nullptr when it matches none.
  const Existing* match_by_name(const FieldValues& values) {
    const bool has_id = !values[Field::id_number].empty();
    if (has_id && !m_existing.has_without_id()) {
      return nullptr;  // the usual case: no keys to build for each row of a large file
    }
    const std::string& community = values[Field::community];
    const std::string& name = values[Field::name];
    const PersonKeys keys = person_keys(values);
    if (!has_id && repeats_earlier_row(community, name, keys)) {
      return nullptr;
    }
    const NameMatch match = m_existing.by_name(community, name, keys, has_id);
    if (match.member_ids.size() > 1) {
      m_problems.push_back({"name", i18n::tr("import.name_ambiguous", id_list(match)), name});
    }
    if (match.member_ids.size() != 1) {
      return nullptr;
    }
    const auto [first, inserted] = m_name_matched.emplace(match.member_ids[0], m_row.line);
    if (!inserted) {
      m_problems.push_back(
          {"name", i18n::tr("import.name_same_member", match.member_ids[0], first->second), name});
      return nullptr;
    }
    m_name_match = {match.member_ids[0], community};
    m_match_key = match.key;
    return &m_name_match;
  }

  // Whether an earlier row without an ID number is the same person (a problem, then); else
  // remembers this one.
  bool repeats_earlier_row(const std::string& community, const std::string& name,
                           const PersonKeys& keys) {
    auto& earlier = m_rows_without_id[community + '\n' + name];
    for (const auto& [line, other] : earlier) {
      const MatchKey key = same_person(keys, other);
      if (key != MatchKey::none) {
        m_problems.push_back(
            {"name", i18n::tr("import.name_duplicate_in_file", line, key_label(key)), name});
        return true;
      }
    }
    earlier.emplace_back(m_row.line, keys);
    return false;
  }

  static std::string id_list(const NameMatch& match) {
    std::string list;
    for (const long id : match.member_ids) {
      list += (list.empty() ? std::string() : std::string(i18n::text("roster.list_separator"))) +
              std::to_string(id);
    }
    return list;
  }

  static std::string key_label(MatchKey key) {
    return i18n::tr("import.key." + member_fields()[static_cast<size_t>(match_field(key))].key);
  }

  // Whether --on-existing lets this row change `existing` (counted as skipped, or a problem,
  // when not).
  bool may_change(const Existing& existing, FieldValues& values) {
    if (m_options.on_existing == OnExisting::error && &existing == &m_name_match) {
      m_problems.push_back(
          {"name", i18n::tr("import.name_exists", existing.member_id, key_label(m_match_key)),
           values[Field::name]});
      return true;  // rejected by the caller
    }
    if (m_options.on_existing == OnExisting::error) {
      m_problems.push_back(
          {"id_number", i18n::tr("import.exists", existing.member_id), values[Field::id_number]});
      return true;
    }
    if (existing.community != values[Field::community]) {
      m_problems.push_back(
          {"community", i18n::tr("import.other_community", existing.member_id, existing.community),
           values[Field::community]});
      return true;
    }
    if (m_options.on_existing == OnExisting::skip) {
      m_result.counts.skipped++;
      return false;
    }
    return true;
  }

  void parse_row(const io::TabularRow& row, FieldValues& values) {
    values.clear();
    for (size_t i = 0; i < m_columns.size(); ++i) {
      const FieldDef* def = m_columns[i];
      if (def == nullptr) {
        continue;
      }
      if (def->kind == FieldKind::id_number && row.numeric[i] && !row.cells[i].empty()) {
        m_problems.push_back({def->key, i18n::tr("roster.id_excel"), row.cells[i]});
        continue;
      }
      std::string& value = values.at(m_indexes[i]);
      if (!parse_value_into(*def, row.cells[i], m_ctx, m_problems, value)) {
        value.clear();
      }
    }
    if (values[Field::community].empty()) {
      values[Field::community] = m_options.community;
    }
    if (row.extra_cells > 0) {
      m_problems.push_back({"", i18n::tr("import.extra_cells", row.extra_cells), ""});
    }
  }

  void reject() {
    m_result.counts.rejected++;
    std::string joined;
    for (const FieldProblem& p : m_problems) {
      const std::string column = column_name(p.field);
      m_result.errors.push_back({m_row.line, column, p.reason, p.value, value_kind(p.field)});
      joined += (joined.empty() ? "" : "; ") +
                (column.empty() ? p.reason : i18n::tr("import.reject_reason", column, p.reason));
    }
    if (m_options.skip_invalid) {
      m_result.rejects.push_back({m_row.line, m_row.cells, joined});
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

  io::TabularSource& m_source;
  const ImportOptions& m_options;
  const ValueContext& m_ctx;
  const std::vector<const FieldDef*> m_columns;
  std::vector<size_t> m_indexes;  // of m_columns' fields in member_fields()
  ExistingMembers m_existing;
  std::unordered_map<uint64_t, long> m_seen;
  // Rows without an ID number by community '\n' name: their lines and keys.
  std::unordered_map<std::string, std::vector<std::pair<long, PersonKeys>>> m_rows_without_id;
  std::unordered_map<long, long> m_name_matched;  // members matched by name, by the first line
  Existing m_name_match;                          // what match_by_name found for this row
  MatchKey m_match_key = MatchKey::none;
  const std::string m_today;
  io::TabularRow m_row;
  std::vector<FieldProblem> m_problems;
  io::ImportResult m_result;
};

// The writing thread's half (the caller's thread, which owns the connection): inserts new
// members, and updates or fills existing ones, counting what that changed.
class RowWriter {
 public:
  RowWriter(SQLite::Database& db, const ImportOptions& options, long batch_id)
      : m_options(options),
        m_batch_id(batch_id),
        m_writer(db),
        m_reader(db),
        m_log(db),
        m_next_id(db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM member").getInt64()) {}

  // A block's new members and their categories with few statements (ids taken above max(id):
  // the transaction holds the write lock), existing members one by one.
  void write(const RowBlock& block) {
    m_new.clear();
    m_categories.clear();
    const long first_id = m_next_id;
    for (size_t i = 0; i < block.count; ++i) {
      const PreparedRow& row = block.rows[i];
      if (row.existing_id > 0) {
        update(row.existing_id, row.values, block.write);
      } else if (block.write) {
        m_writer.append_category_rows(m_next_id++, row.values[Field::categories], m_categories);
        m_new.push_back({&row.values, &row.pinyin});
      }
    }
    m_writer.insert_rows(m_new, first_id, m_batch_id);
    m_writer.insert_categories(m_categories);
  }

  long updated() const { return m_updated; }
  long unchanged() const { return m_unchanged; }

 private:
  void update(long member_id, const FieldValues& incoming, bool write) {
    const auto current = m_reader.values(member_id);
    const FieldValues next = merged(*current, incoming, m_options.on_existing);
    if (next == *current) {
      m_unchanged++;
      return;
    }
    m_updated++;
    if (write) {
      m_writer.update(member_id, next);
      m_log.add(m_options.now, m_options.actor, "member", member_id, "import_update",
                values_json(*current), values_json(next), m_batch_id);
    }
  }

  const ImportOptions& m_options;
  const long m_batch_id;
  MemberWriter m_writer;
  MemberReader m_reader;
  store::ChangeLog m_log;
  long m_next_id;
  std::vector<NewMember> m_new;  // pointers into the block being written
  std::vector<CategoryRow> m_categories;
  long m_updated = 0;
  long m_unchanged = 0;
};

// Reads and validates on a second thread while this one writes: on a two-core machine the two
// halves of a large import take about as long as each other.
void read_and_write(RowReader& reader, RowWriter& writer) {
  Channel<std::unique_ptr<RowBlock>> filled(k_blocks);
  Channel<std::unique_ptr<RowBlock>> empty(k_blocks);
  for (size_t i = 0; i < k_blocks; ++i) {
    empty.push(std::make_unique<RowBlock>());
  }
  std::exception_ptr reader_error;
  std::jthread reading([&] {
    try {
      bool more = true;
      while (more) {
        auto block = empty.pop();
        if (!block) {
          break;  // the writer gave up
        }
        more = reader.fill(**block);
        if (!filled.push(std::move(*block))) {
          break;
        }
      }
    } catch (...) {
      reader_error = std::current_exception();
    }
    filled.close();
  });
  try {
    while (auto block = filled.pop()) {
      writer.write(**block);
      empty.push(std::move(*block));
    }
  } catch (...) {
    empty.close();  // wakes the reader wherever it waits; it stops
    filled.close();
    throw;
  }
  reading.join();
  if (reader_error) {
    std::rethrow_exception(reader_error);
  }
}

}  // namespace

io::ImportResult import_roster(SQLite::Database& db, io::TabularSource& source,
                               const ImportOptions& options, const ValueContext& ctx) {
  const auto members = static_cast<size_t>(db.execAndGet("SELECT count(*) FROM member").getInt64());
  const bool bulk = bulk_load(source.size_hint(), members);
  const std::string& path = db.getFilename();
  ExistingMembers existing = bulk || path.empty() || path == ":memory:"
                                 ? ExistingMembers::loaded(db)
                                 : ExistingMembers::looked_up(db, path);
  RowReader reader(source, options, ctx,
                   map_header(source.header(), options.display_name, source.header_line(), ctx),
                   std::move(existing));
  std::optional<store::BulkLoad> bulk_mode;
  if (bulk && !options.dry_run) {
    bulk_mode.emplace(db);
  } else {
    // Inserts into the unique ID index touch pages all over it; a larger page cache keeps them
    // in memory instead of spilling them to the journal again and again (about 96 MB).
    db.exec("PRAGMA cache_size = -98304");
  }
  store::WriteTransaction tx(db);
  const auto rebuilt = bulk ? drop_member_indexes(db) : std::vector<std::string>{};
  const long batch_id = store::begin_batch(db, batch_of(options));
  RowWriter writer(db, options, batch_id);
  read_and_write(reader, writer);

  io::ImportResult result = std::move(reader.result());
  io::ImportCounts& counts = result.counts;
  counts.updated = writer.updated();
  counts.unchanged = writer.unchanged();
  io::require_rows(result);
  if (io::failed(result)) {
    return result;  // the transaction rolls back; batch_id stays 0
  }
  const std::string sha256 = source.sha256();
  store::guard_same_file(db, "roster", sha256, result, options.again);
  if (options.dry_run) {
    return result;
  }
  result.batch_id = batch_id;
  store::finish_batch(
      db, batch_id, batch_of(options), sha256,
      {counts.added, counts.updated, counts.unchanged + counts.skipped, counts.rejected});
  for (const std::string& sql : rebuilt) {
    db.exec(sql);  // CREATE UNIQUE INDEX re-checks what the import checked in memory
  }
  tx.commit();
  return result;
}

}  // namespace tongxin::roster
