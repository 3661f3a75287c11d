#include "io/import_result.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "output/table.h"
#include "text/clean.h"
#include "text/mask.h"

namespace tongxin::io {

std::string shown_value(ValueKind kind, std::string_view value) {
  switch (kind) {
    case ValueKind::id_number:
      return text::printable(text::mask_id(value));
    case ValueKind::phone:
      return text::printable(text::mask_phone(value));
    case ValueKind::plain:
      break;
  }
  return text::printable(text::mask_id_numbers_in(value));
}

namespace {

std::string shown_value_of(const RowError& error) { return shown_value(error.kind, error.value); }

std::string error_line(const std::string& file, const RowError& e) {
  if (e.column.empty()) {
    return fmt::format("{}:{}: {}", file, e.line, e.reason);
  }
  if (e.value.empty()) {
    return fmt::format("{}:{}: {}", file, e.line,
                       i18n::tr("import.error_no_value", e.column, e.reason));
  }
  return fmt::format("{}:{}: {}", file, e.line,
                     i18n::tr("import.error", e.column, e.reason, shown_value_of(e)));
}

// After an import with --skip-invalid: what was imported, what was left out and where it went.
std::string summary_line(const ImportResult& result) {
  const ImportCounts& c = result.counts;
  const std::string imported = i18n::tr("import.skip_summary", result.file, c.added + c.updated,
                                        result.batch_id, c.rejected);
  if (c.rejected == 0) {
    return imported;
  }
  return imported + (result.rejects_file.empty()
                         ? i18n::tr("import.rejects_not_kept")
                         : i18n::tr("import.rejects_in", result.rejects_file));
}

void write_text(const ImportResult& result, std::ostream& out, std::ostream& err) {
  if (result.earlier_batch > 0) {
    err << "tongxin: " << i18n::tr("warning.prefix") << ": "
        << i18n::tr("import.already_dry", result.file, result.earlier_batch, result.earlier_at)
        << '\n';
  }
  if (result.counts.rejected > 0) {
    err << "tongxin: " << i18n::tr("warning.prefix") << ": "
        << i18n::tr("import.left_out", result.file, result.counts.rejected) << '\n';
    for (const std::string& line : error_lines(result)) {
      err << "  " << line << '\n';
    }
  }
  if (result.dry_run) {
    out << header_text(result) << '\n';
    out << i18n::tr("import.dry_run", result.file, counts_text(result)) << '\n';
  } else if (result.skip_invalid) {
    err << "tongxin: " << summary_line(result) << '\n';
  }
}

}  // namespace

bool failed(const ImportResult& result) {
  const ImportCounts& c = result.counts;
  return c.rejected > 0 && (!result.skip_invalid || c.rejected == c.read);
}

bool is_error_column(const std::string& header) {
  return header == "错误" || header == "error" || header == "errors";
}

void require_rows(const ImportResult& result) {
  if (result.counts.read == 0) {
    throw Error(ExitCode::bad_input, i18n::tr("import.no_rows", result.file));
  }
}

void guard_repeat(ImportResult& result, long earlier_batch, const std::string& earlier_at,
                  bool again) {
  if (earlier_batch == 0 || again) {
    return;
  }
  if (result.dry_run) {
    result.earlier_batch = earlier_batch;
    result.earlier_at = earlier_at;
    return;
  }
  throw Error(ExitCode::bad_input,
              i18n::tr("import.already", result.file, earlier_batch, earlier_at),
              {i18n::tr("import.already_hint", earlier_batch)});
}

std::string counts_text(const ImportResult& result) {
  const ImportCounts& c = result.counts;
  if (!result.matches_existing) {
    return i18n::tr("import.counts_new", c.read, c.added, c.rejected);
  }
  return i18n::tr("import.counts", c.read, c.added, c.updated, c.unchanged + c.skipped, c.rejected);
}

std::vector<std::string> error_lines(const ImportResult& result) {
  std::vector<std::string> lines;
  lines.reserve(result.errors.size());
  for (const RowError& e : result.errors) {
    lines.push_back(error_line(result.file, e));
  }
  return lines;
}

std::string header_text(const ImportResult& result) {
  if (result.sheet.empty()) {
    return i18n::tr("import.header_at", result.file, result.header_line);
  }
  return i18n::tr("import.header_at_sheet", result.file, result.sheet, result.header_line);
}

std::string done_line(const ImportResult& result) {
  return i18n::tr("import.done", result.file, result.batch_id, counts_text(result));
}

void write_rejects(output::AtomicFile& file, const ImportResult& result, text::Encoding encoding,
                   bool bom) {
  std::vector<size_t> kept;  // the columns written: all but an earlier error column
  output::Table table;
  for (size_t i = 0; i < result.header.size(); ++i) {
    if (!is_error_column(result.header[i])) {
      kept.push_back(i);
      table.columns.push_back({result.header[i], result.header[i]});
    }
  }
  table.columns.push_back({i18n::tr("import.error_column"), ""});
  for (const RejectedRow& r : result.rejects) {
    std::vector<std::string> cells;
    for (const size_t i : kept) {
      cells.push_back(i < r.cells.size() ? r.cells[i] : "");
    }
    cells.push_back(r.errors);
    table.rows.push_back(std::move(cells));
  }
  std::ostringstream csv;
  output::write_csv(csv, table,
                    {.utf8_bom = bom && encoding == text::Encoding::utf8, .verbatim = true});
  file.write(encoding == text::Encoding::utf8 ? csv.str() : text::from_utf8(csv.str(), encoding));
  file.commit();
}

void write_json(std::ostream& out, const ImportResult& result) {
  using Json = nlohmann::ordered_json;
  const ImportCounts& c = result.counts;
  Json doc = Json::object();
  doc["file"] = result.file;
  doc["dry_run"] = result.dry_run;
  doc["failed"] = failed(result);
  doc["batch_id"] = result.batch_id > 0 ? Json(result.batch_id) : Json(nullptr);
  doc["sheet"] = result.sheet.empty() ? Json(nullptr) : Json(result.sheet);
  doc["header_row"] = result.header_line;
  doc["rejects_file"] = result.rejects_file.empty() ? Json(nullptr) : Json(result.rejects_file);
  doc["already_imported_as"] =
      result.earlier_batch > 0 ? Json(result.earlier_batch) : Json(nullptr);
  doc["counts"] =
      Json{{"read", c.read},           {"new", c.added},       {"updated", c.updated},
           {"unchanged", c.unchanged}, {"skipped", c.skipped}, {"rejected", c.rejected}};
  Json errors = Json::array();
  for (const RowError& e : result.errors) {
    errors.push_back(Json{{"file", result.file},
                          {"line", e.line},
                          {"column", e.column},
                          {"reason", e.reason},
                          {"value", shown_value_of(e)}});
  }
  doc["errors"] = std::move(errors);
  // Cells are UTF-8 already; replace rather than fail on a stray byte in a broken file.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void report(const ImportResult& result, ResultFormat format, std::ostream& out, std::ostream& err) {
  const bool json = format == ResultFormat::json;
  if (json) {
    write_json(out, result);
  }
  if (failed(result)) {
    std::vector<std::string> details = json ? std::vector<std::string>{} : error_lines(result);
    if (!json && !result.rejects_file.empty()) {
      details.push_back(i18n::tr("import.rejects_written", result.rejects_file));
    }
    throw Error(ExitCode::bad_input, i18n::tr("import.failed", result.file, counts_text(result)),
                std::move(details));
  }
  if (!json) {
    write_text(result, out, err);
  }
}

}  // namespace tongxin::io
