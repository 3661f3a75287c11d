#include "schedule/messages.h"

namespace tongxin::schedule {

const std::vector<i18n::Message>& messages() {
  static const std::vector<i18n::Message> k_messages = {
      // One message a line, so the catalogue reads as a table.
      // clang-format off
      // what a terminal shows for an empty listing (nothing is printed to a pipe)
      {"schedule.agenda_none", "这段时间没有符合条件的事项。", "No duties match in this range."},
      {"schedule.phases_none", "计划中没有阶段。", "The plan has no phases."},
      // help
      {"help.schedule", "工作安排：节日、待办与逾期任务、阶段进度", "work schedule: festivals, duties due and missed, phase progress"},
      {"help.schedule_agenda", "列出计划中各项常规任务在日期范围内的每次安排及其状态", "list each occurrence of the plan's duties in a date range, with its status"},
      {"help.schedule_community", "只看此社区（及其乡镇、全县的任务）", "only this community (and its township's and the county's duties)"},
      {"help.schedule_days", "日期范围为从 --from（未给出时从今天）起的 N 天", "the range is N days from --from (or from today without it)"},
      {"help.schedule_fail_on_overdue", "有逾期任务时以状态 1 退出（输出照常）", "exit with status 1 when anything is overdue (after the output)"},
      {"help.schedule_festivals", "列出节日日期（农历、清明、伊斯兰历、公历）", "list festival dates (lunar, Qingming, Islamic, Gregorian)"},
      {"help.schedule_from", "起始日期：YYYY-MM-DD、today 或 -30d（默认 30 天前）", "first day: YYYY-MM-DD, today or -30d (default: 30 days ago)"},
      {"help.schedule_from_year", "起始年份（与 --to 同用）", "first year (with --to)"},
      {"help.schedule_phases", "各工作阶段的成果在各社区是否完成、阶段是否延误", "whether each phase's deliverables are met in each community, and which phases are late"},
      {"help.schedule_status", "只列出这些状态：upcoming、due、overdue、done（可重复）", "only these statuses: upcoming, due, overdue, done (repeatable)"},
      {"help.schedule_to", "结束日期：YYYY-MM-DD、today 或 +30d（默认 30 天后）", "last day: YYYY-MM-DD, today or +30d (default: 30 days ahead)"},
      {"help.schedule_to_year", "结束年份（与 --from 同用）", "last year (with --from)"},
      {"help.schedule_year", "年份（默认今年）", "year (default: this year)"},
      // errors
      {"schedule.bad_now", "当前时间 '{}' 不是带时区的 ISO 8601 时间（检查 TONGXIN_NOW）", "the current time '{}' is not ISO 8601 with an offset (check TONGXIN_NOW)"},
      {"schedule.calendar_broken", "内置节日日历数据有误（程序构建有问题）：{}", "the built-in festival calendar is broken (a build problem): {}"},
      {"schedule.overdue", "有 {} 项任务逾期", "{} duty occurrence(s) overdue"},
      {"schedule.range_reversed", "起始日期 {} 晚于结束日期 {}", "the first day {} is after the last day {}"},
      {"schedule.year_out_of_range", "年份 {} 超出节日日历范围（{} 至 {}）", "year {} is outside the festival calendar ({} to {})"},
      {"schedule.years_reversed", "起始年份 {} 晚于结束年份 {}", "the first year {} is after the last year {}"},
      // plan file problems
      {"schedule.plan.bad_day", "日期无效 '{}'，应为 1 到 31、last 或 last_weekday", "bad day '{}', expected 1 to 31, last or last_weekday"},
      {"schedule.plan.bad_field", "未知的社区字段 '{}'，可用：{}", "unknown community field '{}', expected {}"},
      {"schedule.plan.dates_reversed", "开始日期 {} 晚于结束日期 {}", "the start {} is after the end {}"},
      {"schedule.plan.key_not_allowed", "此规则中不能使用 '{}'，可用的键：{}", "'{}' does not belong in this rule, expected: {}"},
      {"schedule.plan.min_count_list", "min_count 只适用于活动和名单类字段", "min_count applies only to activities and list fields"},
      {"schedule.plan.none", "工作区 {} 没有配置工作计划（在 tongxin.yaml 中设置 plan:）", "the workspace at {} has no plan (set plan: in tongxin.yaml)"},
      {"schedule.plan.override_key", "'{}' 不是 1901 至 2100 之间的年份，也不是节日代码", "'{}' is neither a year from 1901 to 2100 nor a festival code"},
      {"schedule.plan.override_year", "日期 {} 不在 {} 年内", "the date {} is not in the year {}"},
      {"schedule.plan.require_kind", "完成条件须有且只有 activity、roster、field 之一", "a requirement needs exactly one of activity, roster, field"},
      {"schedule.plan.roster_true", "roster 只能为 true", "roster can only be true"},
      {"schedule.plan.rule_conflict", "'{}' 不能与 '{}' 同用：每条规则只有一种", "'{}' cannot go with '{}': a rule is of one kind"},
      {"schedule.plan.rule_kind", "规则须有 every、at_least、festival 或 per_member 之一", "a rule needs one of every, at_least, festival, per_member"},
      // column headers
      {"schedule.col.code", "代码", "code"},
      {"schedule.col.community", "社区", "community"},
      {"schedule.col.date", "日期", "date"},
      {"schedule.col.deliverable", "成果", "deliverable"},
      {"schedule.col.detail", "进度", "detail"},
      {"schedule.col.due", "截止日期", "due"},
      {"schedule.col.duty", "任务", "duty"},
      {"schedule.col.end", "结束", "end"},
      {"schedule.col.met", "完成", "met"},
      {"schedule.col.name", "名称", "name"},
      {"schedule.col.phase", "阶段", "phase"},
      {"schedule.col.phase_status", "阶段状态", "phase status"},
      {"schedule.col.start", "开始", "start"},
      {"schedule.col.status", "状态", "status"},
      {"schedule.col.title", "名称", "title"},
      {"schedule.col.weekday", "星期", "weekday"},
      {"schedule.col.window_end", "窗口结束", "window end"},
      {"schedule.col.window_start", "窗口开始", "window start"},
      // values
      {"schedule.detail.outstanding", "尚有 {} 人（{}/{}）", "{} outstanding ({}/{})"},
      {"schedule.ics.description", "状态：{}\n进度：{}\n时间窗口：{} 至 {}", "Status: {}\nProgress: {}\nWindow: {} to {}"},
      {"schedule.ics.summary", "{}（{}）", "{} ({})"},
      {"schedule.met.no", "否", "no"},
      {"schedule.met.yes", "是", "yes"},
      {"schedule.phase_status.done", "已完成", "done"},
      {"schedule.phase_status.in_progress", "进行中", "in progress"},
      {"schedule.phase_status.late", "延误", "late"},
      {"schedule.phase_status.upcoming", "未开始", "upcoming"},
      {"schedule.status.done", "已完成", "done"},
      {"schedule.status.due", "待办", "due"},
      {"schedule.status.overdue", "逾期", "overdue"},
      {"schedule.status.upcoming", "未开始", "upcoming"},
      {"schedule.weekday.0", "星期一", "Mon"},
      {"schedule.weekday.1", "星期二", "Tue"},
      {"schedule.weekday.2", "星期三", "Wed"},
      {"schedule.weekday.3", "星期四", "Thu"},
      {"schedule.weekday.4", "星期五", "Fri"},
      {"schedule.weekday.5", "星期六", "Sat"},
      {"schedule.weekday.6", "星期日", "Sun"},
      // clang-format on
  };
  return k_messages;
}

}  // namespace tongxin::schedule
