#include "activity/import.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "activity/records.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "store/batches.h"
#include "store/logs.h"
#include "store/store.h"
#include "text/strings.h"

namespace tongxin::activity {

namespace {

// The fixed columns: field key and the headers that name it.
struct FixedColumn {
  const char* key;
  std::vector<std::string> headers;
};

const std::vector<FixedColumn>& fixed_columns() {
  static const std::vector<FixedColumn> k_columns = {
      {"date", {"日期", "活动日期", "时间", "date"}},
      {"community", {"社区", "community"}},
      {"type", {"类型", "活动类型", "type"}},
      {"title", {"标题", "活动名称", "名称", "主题", "title"}},
      {"members", {"参加人员", "参加成员", "members"}},
      {"duty", {"职责", "duty"}},
      {"notes", {"备注", "notes"}},
  };
  return k_columns;
}

// Row numbers, and the error column of a rejects file (so a corrected one imports again).
bool is_row_number_header(const std::string& h) {
  return h == "序号" || h == "编号" || h == "No." || h == "no" || h == "#" ||
         io::is_error_column(h);
}

// What one column holds: a fixed field, a measure (by key), or nothing.
struct ColumnMap {
  std::string field;    // fixed field key, or "" for a measure or an ignored column
  std::string measure;  // measure key
};

std::string fixed_key(const std::string& header) {
  for (const FixedColumn& c : fixed_columns()) {
    for (const std::string& h : c.headers) {
      if (header == h) {
        return c.key;
      }
    }
  }
  return "";
}

}  // namespace

bool knows_column(const std::string& header) {
  return !fixed_key(header).empty() || is_row_number_header(header) ||
         !measure_key_for_header(header).empty();
}

namespace {

// Header problems are fatal: exit 3, each naming the header's line.
std::vector<ColumnMap> map_header(const std::vector<std::string>& header, const std::string& file,
                                  long line) {
  const std::string at = file + ":" + std::to_string(line);
  std::vector<ColumnMap> map;
  std::vector<std::string> problems;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string h = text::trim(header[i]);
    ColumnMap c{fixed_key(h), ""};
    if (c.field.empty() && !h.empty() && !is_row_number_header(h)) {
      c.measure = measure_key_for_header(h);
      if (c.measure.empty()) {
        problems.push_back(i18n::tr("activity.unknown_column", at, header[i]));
      }
    }
    for (size_t j = 0; j < map.size(); ++j) {
      const bool same = (!c.field.empty() && map[j].field == c.field) ||
                        (!c.measure.empty() && map[j].measure == c.measure);
      if (same) {
        problems.push_back(i18n::tr("import.duplicate_column", at, header[i], header[j]));
      }
    }
    map.push_back(c);
  }
  for (const char* required : {"date", "type"}) {
    if (std::none_of(map.begin(), map.end(),
                     [&](const ColumnMap& c) { return c.field == required; })) {
      problems.push_back(i18n::tr("activity.missing_column", at,
                                  i18n::text(std::string("activity.field.") + required)));
    }
  }
  if (header.empty()) {
    problems.push_back(i18n::tr("import.no_header", file));
  }
  if (!problems.empty()) {
    throw Error(ExitCode::bad_input, i18n::tr("import.bad_header", file), problems);
  }
  return map;
}

RawActivity raw_from_row(const io::TabularRow& row, const std::vector<ColumnMap>& columns,
                         const std::vector<std::string>& header, const std::string& community) {
  RawActivity raw;
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string& cell = row.cells[i];
    const std::string& f = columns[i].field;
    if (!columns[i].measure.empty()) {
      raw.measures.emplace_back(header[i], cell);
    } else if (f == "date") {
      raw.date = cell;
    } else if (f == "community") {
      raw.community = cell;
    } else if (f == "type") {
      raw.type = cell;
    } else if (f == "title") {
      raw.title = cell;
    } else if (f == "members") {
      if (!text::trim(cell).empty()) {
        raw.members.push_back(cell);
      }
    } else if (f == "duty") {
      raw.duty = cell;
    } else if (f == "notes") {
      raw.notes = cell;
    }
  }
  if (text::trim(raw.community).empty()) {
    raw.community = community;
  }
  return raw;
}

store::Batch batch_of(const ImportOptions& options) {
  return {"activity", options.display_name, options.actor, options.now};
}

// The header as the file wrote it for a fixed field, or the field's label (a
// value that came from --community); measure problems already carry their
// header.
std::string column_name(const std::string& field, const std::vector<ColumnMap>& columns,
                        const std::vector<std::string>& header) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].field == field) {
      return header[i];
    }
  }
  const std::string key = "activity.field." + field;
  return i18n::text(key) == key ? field : std::string(i18n::text(key));
}

}  // namespace

io::ImportResult import_activities(SQLite::Database& db, io::TabularSource& source,
                                   const ImportOptions& options, const CheckContext& ctx) {
  const auto& header = source.header();
  const auto columns = map_header(header, options.display_name, source.header_line());
  io::ImportResult result;
  result.file = options.display_name;
  result.dry_run = options.dry_run;
  result.skip_invalid = options.skip_invalid;
  result.header = header;
  result.sheet = source.sheet();
  result.header_line = source.header_line();
  io::ImportCounts& counts = result.counts;
  store::WriteTransaction tx(db);
  const long batch_id = store::begin_batch(db, batch_of(options));
  ActivityWriter writer(db);
  io::TabularRow row;
  while (source.next(row)) {
    counts.read++;
    std::vector<Problem> problems;
    const Activity a =
        check_activity(raw_from_row(row, columns, header, options.community), ctx, problems);
    if (row.extra_cells > 0) {
      problems.push_back({"", i18n::tr("import.extra_cells", row.extra_cells), ""});
    }
    if (!problems.empty()) {
      counts.rejected++;
      std::string joined;
      for (const Problem& p : problems) {
        // Measure problems carry their header already; fixed fields carry their
        // key.
        const bool fixed = std::any_of(fixed_columns().begin(), fixed_columns().end(),
                                       [&](const FixedColumn& c) { return p.field == c.key; });
        const std::string name = fixed ? column_name(p.field, columns, header) : p.field;
        // Plain: a member reference may be an ID number, which JSON output masks anyway.
        result.errors.push_back({row.line, name, p.reason, p.value, io::ValueKind::plain});
        joined += (joined.empty() ? "" : "; ") +
                  (name.empty() ? p.reason : i18n::tr("import.reject_reason", name, p.reason));
      }
      if (options.skip_invalid) {
        result.rejects.push_back({row.line, row.cells, joined});
      }
      continue;
    }
    counts.added++;
    if (!options.dry_run) {
      writer.insert(a, batch_id, options.now);
    }
  }
  io::require_rows(result);
  if (io::failed(result)) {
    return result;  // the transaction rolls back; batch_id stays 0
  }
  const std::string sha256 = source.sha256();
  store::guard_same_file(db, "activity", sha256, result, options.again);
  if (options.dry_run) {
    return result;
  }
  result.batch_id = batch_id;
  store::finish_batch(db, batch_id, batch_of(options), sha256,
                      {counts.added, 0, 0, counts.rejected});
  tx.commit();
  return result;
}

}  // namespace tongxin::activity
