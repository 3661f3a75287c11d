// Tabular results and their renderings: aligned terminal tables (by display width), CSV
// (RFC 4180) and TSV (text cells guarded against formula injection, guard_formula), and JSON. Every
// listing command builds a Table and hands it here, so all formats stay consistent.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::output {

enum class Format { table, csv, tsv, json };

// What a column's cells are in JSON (CSV and tables write them as they are).
enum class CellType {
  text,     // a string
  number,   // a number when the cell parses as one
  boolean,  // "1" true, "0" false
  list,     // codes joined by ',': an array of strings
};

struct Column {
  std::string key;    // stable snake_case key: CSV/TSV header and JSON member name
  std::string label;  // header shown in terminal tables, in the user's language
  bool right_align = false;
  bool numeric = false;            // JSON writes the cell as a number when it parses as one
  CellType json = CellType::text;  // numeric above wins, for the columns that set it
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
};

// Rows produced one at a time, so that an export of a million members holds one row, never the
// whole table: the writers below take either a Table or a RowSource.
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const std::vector<Column>& columns() const = 0;
  // The next row's cells (one per column) into `cells`; false at the end.
  virtual bool next(std::vector<std::string>& cells) = 0;
  // The same rows in whatever order is cheapest, for a pass that needs none (the terminal table's
  // column widths): a source that sorts need not. Read from the start; rewind() before next().
  virtual bool next_unordered(std::vector<std::string>& cells) { return next(cells); }
  // Starts again at the first row: the terminal table reads its rows twice, once for the column
  // widths and once to write them.
  virtual void rewind() = 0;
};

// A Table's rows as a RowSource.
class TableRows : public RowSource {
 public:
  explicit TableRows(const Table& table) : m_table(table) {}
  const std::vector<Column>& columns() const override { return m_table.columns; }
  bool next(std::vector<std::string>& cells) override;
  void rewind() override { m_next = 0; }

 private:
  const Table& m_table;
  size_t m_next = 0;
};

struct RenderOptions {
  bool color = false;     // bold header on a terminal
  bool utf8_bom = false;  // CSV for Excel: a byte-order mark first
  // CSV/TSV cells as given, without the formula guard: only for rejects files, which give the
  // user's own cells back so that the corrected file imports as written.
  bool verbatim = false;
  bool label_header = false;  // CSV/TSV header of the labels (exports for people), not the keys
  // Whether stdout is a terminal (Environment, never isatty here). A terminal table with no rows
  // prints `empty_note` instead; anywhere else it prints nothing at all, so a cron job that
  // lists, say, overdue duties mails only when there are some.
  bool terminal = false;
  std::string empty_note = {};  // "no members match", in the user's language
};

// Parses "table", "csv", "tsv", "json"; throws tongxin::Error (exit 2) otherwise.
Format parse_format(const std::string& name);

// An aligned table with a header; with no rows, empty_note on a terminal and nothing elsewhere.
void write_table(std::ostream& out, const Table& table, const RenderOptions& options = {});
void write_csv(std::ostream& out, const Table& table, const RenderOptions& options = {});
void write_tsv(std::ostream& out, const Table& table, const RenderOptions& options = {});
void write_json(std::ostream& out, const Table& table);
void write(std::ostream& out, const Table& table, Format format, const RenderOptions& options = {});

// The same from rows read one at a time; each returns the number of rows written and writes the
// same bytes as from a Table. CSV, TSV and JSON write each row as it comes; the terminal table,
// aligned by its widest cells, reads the rows twice (RowSource::rewind).
size_t write_table(std::ostream& out, RowSource& rows, const RenderOptions& options = {});
size_t write_csv(std::ostream& out, RowSource& rows, const RenderOptions& options = {});
size_t write_tsv(std::ostream& out, RowSource& rows, const RenderOptions& options = {});
size_t write_json(std::ostream& out, RowSource& rows);
size_t write(std::ostream& out, RowSource& rows, Format format, const RenderOptions& options = {});

// The one formula guard of every CSV, TSV and XLSX tongxin writes: a text cell starting with
// = + - @ (or tab/CR) gets a leading apostrophe so Excel and LibreOffice show it as text instead
// of evaluating it (`=HYPERLINK(...)`, `-2+3+cmd|...`). A cell that is a plain number (`-5`,
// `3.5`, `-1e3`) is a number, not a formula, and stays as it is.
std::string guard_formula(const std::string& cell);
// Whether guard_formula would change `cell`.
bool needs_formula_guard(std::string_view cell);
// Whether `cell` is, whole, a finite number as std::from_chars reads it (no blanks, no '+').
bool is_plain_number(std::string_view cell);

// One CSV field, quoted when it holds a separator, quote or line break (RFC 4180).
std::string csv_field(const std::string& cell, char separator = ',');

}  // namespace tongxin::output
