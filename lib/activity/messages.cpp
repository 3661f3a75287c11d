#include "activity/messages.h"

namespace tongxin::activity {

const std::vector<i18n::Message>& messages() {
  static const std::vector<i18n::Message> k_messages = {
      // One message a line, so the catalogue reads as a table.
      // clang-format off
      // what a terminal shows for an empty listing (nothing is printed to a pipe)
      {"activity.none", "没有符合条件的活动。", "No activities match."},
      // values
      {"activity.bad_number", "应为数字", "expected a number"},
      {"activity.negative_measure", "不能为负数", "must not be negative"},
      {"activity.not_whole", "应为整数（单位：{}）", "expected a whole number of {}"},
      {"activity.too_many_decimals", "最多 {} 位小数", "at most {} decimal places"},
      {"activity.measure_too_large", "数值过大，最多 {}", "too large: at most {}"},
      {"activity.date_out_of_range", "日期超出范围，应在 {} 到 {} 之间", "date out of range: expected {} to {}"},
      {"activity.measure_not_of_type", "“{}”没有这一统计项，可用：{}", "not a measure of {}; its measures: {}"},
      {"activity.measure_item", "{}（{}）", "{} ({})"},
      {"activity.list_separator", "、", ", "},
      {"activity.measure_separator", "，", ", "},
      {"activity.required", "必填", "required"},
      {"activity.community_required", "缺少社区：请在文件中加“社区”列，或用 --community 指定", "no community: add a 社区 column or pass --community"},
      {"activity.unknown_type", "未知活动类型，可用：{}", "unknown activity type, expected one of: {}"},
      {"activity.bad_date", "日期无效，应为存在的日期，如 2026-11-05、2026/11/5、20261105 或 2026年11月5日", "bad date, expected an existing date such as 2026-11-05, 2026/11/5, 20261105 or 2026年11月5日"},
      {"activity.no_member", "找不到该成员（可用成员编号或身份证号）", "no such member (give a member id or an ID number)"},
      {"activity.bad_assignment", "应写成 项目=数值，如 banners=4", "expected KEY=N, like banners=4"},
      {"activity.flag_error", "{}：{}（{}）", "{}: {} ({})"},
      {"activity.flag_error_no_value", "{}：{}", "{}: {}"},
      {"activity.field.date", "日期", "date"},
      {"activity.field.community", "社区", "community"},
      {"activity.field.type", "类型", "type"},
      {"activity.field.title", "标题", "title"},
      {"activity.field.members", "参加人员", "members"},
      {"activity.field.duty", "职责", "duty"},
      {"activity.field.notes", "备注", "notes"},
      // import
      {"activity.unknown_column", "{}: 无法识别的列 '{}'（删除该列，或改为 日期、社区、类型、标题、参加人员、备注 或活动类型的统计项，如 横幅、会议、参会人员）", "{}: unknown column '{}' (drop it, or rename it to 日期, 社区, 类型, 标题, 参加人员, 备注 or a measure of an activity type, such as 横幅, 会议, 参会人员)"},
      {"activity.missing_column", "{}: 缺少“{}”列", "{}: no '{}' column"},
      // commands
      {"activity.invalid_values", "有 {} 处取值错误，未作任何修改", "{} bad value(s); nothing was changed"},
      {"activity.unknown_type_flag", "未知活动类型 '{}'，可用：{}", "unknown activity type '{}', expected one of: {}"},
      {"activity.no_such", "没有编号为 {} 的活动", "no activity with id {}"},
      {"activity.edited", "已修改活动 {}", "activity {} edited"},
      {"activity.deleted", "已删除活动 {}（变更记录中保留）", "activity {} deleted (the change log keeps it)"},
      // tables
      {"activity.col_id", "编号", "ID"},
      {"activity.col_date", "日期", "Date"},
      {"activity.col_community", "社区", "Community"},
      {"activity.col_type", "类型", "Type"},
      {"activity.col_title", "标题", "Title"},
      {"activity.col_measures", "统计", "Measures"},
      {"activity.col_members", "参加人数", "Members"},
      // help
      {"help.activity", "活动记录：登记、导入、查询、修改、删除", "activity records: add, import, list, edit, delete"},
      {"help.activity_add", "登记一次活动，输出新活动编号", "record an activity; prints its id"},
      {"help.activity_import", "从 CSV/TSV/XLSX 导入活动（有任何错误则不写入）", "import activities from CSV/TSV/XLSX (nothing is written if any row is bad)"},
      {"help.activity_import_file", "要导入的文件（- 表示标准输入）", "file to import (- for standard input)"},
      {"help.activity_list", "列出活动（按日期、社区排序）", "list activities (by date, community)"},
      {"help.activity_edit", "修改一次活动", "edit an activity"},
      {"help.activity_delete", "删除一次活动（变更记录中保留）", "delete an activity (the change log keeps it)"},
      {"help.activity_id", "活动编号", "activity id"},
      {"help.activity_community", "社区编号", "community id"},
      {"help.activity_type", "活动类型：代码、中文名或别名（如 meeting、会议、例会）", "activity type: code, Chinese name or alias (like meeting, 会议, 例会)"},
      {"help.activity_date", "日期：YYYY-MM-DD、today 或 +Nd/-Nd", "date: YYYY-MM-DD, today or +Nd/-Nd"},
      {"help.activity_title", "标题", "title"},
      {"help.activity_members", "参加成员：成员编号或身份证号，逗号分隔", "members who took part: member ids or ID numbers, comma-separated"},
      {"help.activity_measure", "统计项=数值（代码或中文名，如 banners=4、横幅=4），可重复", "measure=value (key or Chinese label, like banners=4 or 横幅=4); repeatable"},
      {"help.activity_duty", "所完成的计划职责编号", "the plan duty this fulfils"},
      {"help.activity_notes", "备注", "notes"},
      {"help.activity_dry_run", "只检查并报告，不写入", "check and report, write nothing"},
      {"help.activity_encoding", "文件编码：auto（默认）、utf-8、gb18030", "file encoding: auto (default), utf-8, gb18030"},
      {"help.activity_sheet", "XLSX 或 .xls 工作表名（默认：第一个有表头的工作表）", "XLSX or .xls sheet (default: the first sheet with a header row)"},
      {"help.activity_from", "起始日期（含）", "first date (inclusive)"},
      {"help.activity_to", "截止日期（含）", "last date (inclusive)"},
      {"help.activity_period", "期间：2026-10、2026-Q3、2026、this-month、last-month、last-quarter、last-year", "period: 2026-10, 2026-Q3, 2026, this-month, last-month, last-quarter, last-year"},
      {"activity.undo_no_batch", "没有第 {} 批活动导入", "no activity import batch {}"},
      {"activity.undo_already", "第 {} 批已于 {} 撤销", "batch {} was undone at {}"},
      {"activity.undo_edited", "活动 {} 在导入后被修改过", "activity {} was edited after the import"},
      {"activity.undo_refused", "无法撤销第 {} 批：{} 条活动之后有修改，未作任何改动", "cannot undo batch {}: {} activity record(s) edited since; nothing was changed"},
      {"activity.undo_done", "已撤销第 {} 批：删除 {} 条活动", "undid batch {}: {} activity record(s) removed"},
      {"help.activity_skip_invalid", "跳过有误的行，导入其余各行（全部有误时退出码为 3）", "leave invalid rows out and import the rest (exit 3 when every row is invalid)"},
      {"help.activity_rejects", "把跳过的行写入此 CSV 文件（带“错误”列；改正后可直接再导入）", "write the rows left out to this CSV file (with an error column; it re-imports once corrected)"},
      {"help.activity_undo", "撤销一次导入批次（见 tongxin store batches）", "take an import batch back (see tongxin store batches)"},
      {"activity.need_file", "请指定要导入的文件（- 表示标准输入），或用 --undo BATCH", "name the file to import (- for standard input), or --undo BATCH"},
      // clang-format on
  };
  return k_messages;
}

}  // namespace tongxin::activity
