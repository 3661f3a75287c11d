// What an import did, the same for every importer (roster, activity): counts, the batch written,
// every row error, and the rows left out. One function decides whether the import failed, one
// writes the result for a person (text) or a script (JSON).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "output/atomic_file.h"
#include "text/encoding.h"

namespace tongxin::io {

// What a value holds, so machine output can mask it as every other output does (tongxin(1)).
enum class ValueKind {
  plain,      // free text: any ID number inside it is still masked
  id_number,  // masked as an ID number
  phone,      // masked as a phone number
};

// A bad value as an error may show it, in text and JSON alike: ID numbers and phones masked,
// and any ID number inside free text too (cron mails stderr; a log must never hold a whole one;
// the line number identifies the row). Printable and cut short: a bad cell may hold escape
// sequences, broken UTF-8 or megabytes.
std::string shown_value(ValueKind kind, std::string_view value);

struct RowError {
  long line = 0;       // physical line (CSV) or sheet row (XLSX) where the row starts
  std::string column;  // the header as written in the file; empty for the whole row
  std::string reason;  // in the user's language
  std::string value;   // the cell as read (empty when the problem is a missing value)
  ValueKind kind = ValueKind::plain;
};

struct RejectedRow {
  long line = 0;
  std::vector<std::string> cells;
  std::string errors;  // every reason of the row, joined
};

struct ImportCounts {
  long read = 0;       // data rows read
  long added = 0;      // new records
  long updated = 0;    // existing records changed
  long unchanged = 0;  // existing records the row left as they were
  long skipped = 0;    // existing records left alone on purpose (--on-existing skip)
  long rejected = 0;   // invalid rows, whether or not anything was written
};

struct ImportResult {
  std::string file;           // as the user named it ("stdin" for -)
  bool dry_run = false;       // validated and counted, nothing written
  bool skip_invalid = false;  // invalid rows are left out instead of failing the import
  // Whether rows can match existing records (updated, unchanged and skipped mean something).
  bool matches_existing = false;
  ImportCounts counts;
  long batch_id = 0;  // the batch written; 0 when nothing was written
  std::vector<RowError> errors;
  std::vector<std::string> header;   // the file's header, for the rejects file
  std::string sheet;                 // the XLSX sheet read; empty for CSV/TSV
  long header_line = 0;              // the header's line (CSV) or sheet row (XLSX)
  std::vector<RejectedRow> rejects;  // with skip_invalid: the rows left out
  std::string rejects_file;  // --rejects: where the rows left out were written ("" for none)
  long earlier_batch = 0;    // a dry run of a file an earlier batch imported (same SHA-256)
  std::string earlier_at;    // when that batch was imported
};

// True when the import wrote nothing because of invalid rows: any invalid row fails an import
// unless skip_invalid, and with skip_invalid an import whose every row is invalid fails too (it
// exits 0 only when something was imported). The one place that decides it, for importers and
// for their callers.
bool failed(const ImportResult& result);

// Whether `header` is the error column of a rejects file (错误, error): an importer ignores it, so
// a rejects file re-imports once its rows are corrected.
bool is_error_column(const std::string& header);

// Throws tongxin::Error (exit 3) when the file held a header but no row. An import of nothing
// is taken as a mistake (an export cut short, the wrong sheet) rather than a success, and writes
// no batch; importers call it before they commit.
void require_rows(const ImportResult& result);

// "7 rows: 0 new, 0 updated, 0 unchanged, 7 invalid" (without the existing-record counts when
// rows cannot match existing records).
std::string counts_text(const ImportResult& result);

// One line per row error: `FILE:LINE: column 'NAME': reason (value)`.
std::vector<std::string> error_lines(const ImportResult& result);

// Where the header was found: "FILE: header on line N" or "FILE: sheet 'S', header on row N".
std::string header_text(const ImportResult& result);

// "imported FILE as batch N: counts", for the notice after an import that wrote.
std::string done_line(const ImportResult& result);

// Called once every row is read, before anything is committed. `earlier_batch` (0 for none) is a
// batch of the same kind, not undone, that imported a file with the same SHA-256, at
// `earlier_at`. Unless `again` (--again): a dry run notes it in `result` (a warning on standard
// error, already_imported_as in JSON); an import throws tongxin::Error exit 3 naming the batch,
// with how to go on (--again, or --undo that batch first).
void guard_repeat(ImportResult& result, long earlier_batch, const std::string& earlier_at,
                  bool again);

enum class ResultFormat { text, json };

// Hands the result to its reader and throws when the import failed.
// - json: one object on `out` with the counts, the batch id (null when nothing was written) and
//   every row error, ID numbers and phones masked; a failure then throws tongxin::Error exit 3
//   whose first line says what failed (the details are in the object).
// - text: a dry run's header place (header_text) and counts on `out`; rows left out by skip_invalid
//   on `err`, a warning line first and one line per error after it, and after an import with
//   skip_invalid a summary line (imported, left out, where the rejects went) even without -v;
//   a failure throws tongxin::Error exit 3 with one
//   detail line per row error, so `tongxin: error:` comes first and the rows after it.
void report(const ImportResult& result, ResultFormat format, std::ostream& out, std::ostream& err);

// Writes the rejected rows under the file's header, with an error column added (an error column
// the file had already, from an earlier rejects file, is left out), as CSV in `encoding` into
// `file` and commits it: corrected, it imports again. The caller opens `file` before importing,
// so that a rejects file that cannot be created stops the import before it writes anything.
// Throws tongxin::Error as AtomicFile does.
void write_rejects(output::AtomicFile& file, const ImportResult& result, text::Encoding encoding,
                   bool bom);

// The JSON object of `result` (as report writes it).
void write_json(std::ostream& out, const ImportResult& result);

}  // namespace tongxin::io
