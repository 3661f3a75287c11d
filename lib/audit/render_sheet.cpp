// The spreadsheet renderings of the audit document (render.h): a row per community × item, as
// CSV for machines (codes beside labels, snake_case header) and XLSX for people (labels only).
#include <iterator>
#include <vector>

#include "audit/render.h"
#include "audit/render_common.h"
#include "output/xlsx_writer.h"

namespace tongxin::audit {

namespace {

using render::Json;
using render::label;
using render::num;
using render::text;

// One column of the item table: its key, the labels.text key of its header ("" for a code
// column, which only CSV has) and whether it holds numbers.
struct ItemColumn {
  std::string_view key;
  std::string_view label_key;
  bool numeric = false;
};

// In the order of item_cells().
constexpr ItemColumn k_columns[] = {
    {"community_id", ""},
    {"community", "community"},
    {"township", "township"},
    {"group", ""},
    {"group_title", "group"},
    {"item", ""},
    {"item_title", "item"},
    {"check", ""},
    {"check_label", "check"},
    {"required", ""},
    {"required_mark", "required"},
    {"status", ""},
    {"status_label", "status"},
    {"points_earned", "points_earned", true},
    {"points_possible", "points_possible", true},
    {"evidence", "evidence"},
    {"remediation", "remediation"},
};

// Every column's cell for one item of community `c`, in the order of k_columns.
std::vector<std::string> item_cells(const Json& doc, const Json& c, const Json& group,
                                    const Json& item) {
  const bool required = item["required"].get<bool>();
  return {text(c["id"]),
          text(c["name"]),
          text(c["township"]),
          text(group["code"]),
          text(group["title"]),
          text(item["code"]),
          text(item["title"]),
          text(item["check"]),
          text(doc["labels"]["check"][text(item["check"])]),
          required ? "true" : "false",
          std::string(render::required_mark(required)),
          text(item["status"]),
          text(item["status_label"]),
          num(item["points_earned"]),
          num(item["points_possible"]),
          text(item["evidence"]),
          text(item["remediation"])};
}

// Columns for machines carry codes and leave out the ✓ mark (required says true/false); columns
// for people are the labelled ones.
bool wanted(const ItemColumn& column, bool with_codes) {
  if (column.key == "required_mark") {
    return !with_codes;
  }
  return with_codes || !column.label_key.empty();
}

}  // namespace

output::Table audit_item_table(const Json& doc, bool with_codes) {
  output::Table table;
  std::vector<size_t> kept;
  for (size_t i = 0; i < std::size(k_columns); ++i) {
    const ItemColumn& column = k_columns[i];
    if (wanted(column, with_codes)) {
      kept.push_back(i);
      const std::string header =
          column.label_key.empty() ? std::string(column.key) : label(doc, column.label_key);
      table.columns.push_back({std::string(column.key), header, column.numeric, column.numeric});
    }
  }
  for (const Json& c : doc["communities"]) {
    for (const Json& group : c["groups"]) {
      for (const Json& item : group["items"]) {
        std::vector<std::string> cells = item_cells(doc, c, group, item);
        std::vector<std::string> row;
        for (size_t i : kept) {
          row.push_back(std::move(cells[i]));
        }
        table.rows.push_back(std::move(row));
      }
    }
  }
  return table;
}

void write_audit_csv(std::ostream& out, const Json& doc, bool utf8_bom) {
  output::write_csv(out, audit_item_table(doc, true), {.utf8_bom = utf8_bom});
}

void write_audit_xlsx(const std::string& path, const Json& doc) {
  output::write_xlsx(path, audit_item_table(doc, false), label(doc, "report_title"), false);
}

}  // namespace tongxin::audit
