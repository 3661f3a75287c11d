#include "report/messages.h"

namespace tongxin::report {

const std::vector<i18n::Message>& messages() {
  static const std::vector<i18n::Message> k_messages = {
      // clang-format off
      {"report.to_members", "社区为统战成员服务", "Community for members"},
      {"report.from_members", "统战成员为社区服务", "Members for the community"},
      {"report.bad_period", "报告期间无效 '{}'，可用：{}", "bad period '{}', expected one of: {}"},
      {"report.unknown_township", "工作区中没有乡镇/街道 '{}'，可用：{}", "no township '{}' in the workspace; known: {}"},
      {"report.format_not_available", "格式 {} 尚不可用，可用：json、csv", "format {} is not available yet; use json or csv"},
      {"report.many_need_dir", "多个报告需要 --out 指定一个已存在的目录", "several reports need --out naming an existing folder"},
      {"report.written", "已写入 {} 份报告到 {}", "wrote {} reports to {}"},
      {"report.rollup_empty_dir", "{} 中没有 .json 文件，没有可汇总的工作总结", "no .json file in {}: nothing to roll up"},
      {"report.rollup_not_json", "{}：不是 JSON 文件（第 {} 字节处出错）", "{}: not a JSON file (error at byte {})"},
      {"report.rollup_not_report", "{}：不是 tongxin 工作总结（report ... --format json 写出的文件）", "{}: not a tongxin work summary (a file written by report ... --format json)"},
      {"report.rollup_tampered", "{}：SHA-256 与内容不符，文件在生成后被改动过，不予汇总；请让报送单位重新生成", "{}: its SHA-256 does not match its content: the file was changed after it was written; refused, ask the sender to write it again"},
      {"report.rollup_same", "{} 和 {} 是同一份工作总结（SHA-256 相同），不能重复汇总", "{} and {} are the same submission (same SHA-256); a submission counts once"},
      {"report.rollup_period", "{}：报告期间是 {}，本次汇总的期间是 {}", "{}: its period is {}, this rollup is for {}"},
      {"report.rollup_outside", "{}：社区 '{}' 不在本工作区的{}范围内", "{}: community '{}' is not within {} of this workspace"},
      {"report.rollup_twice", "社区 '{}' 会被重复计入：{} 和 {} 都包含它；请只保留其中一份", "community '{}' would be counted twice: both {} and {} include it; keep only one of them"},
      {"report.rollup_standard", "{} 按标准 {} 验收，{} 按标准 {}；一次汇总只能用同一个验收标准", "{} is assessed against standard {}, {} against {}; a rollup needs one standard"},
      {"help.report_rollup", "逐级上报：把下级的 JSON 工作总结汇总为本级的工作总结", "roll up lower levels' JSON work summaries into this level's summary"},
      {"help.report_rollup_files", "下级报送的 JSON 文件，或包含它们的目录", "submitted JSON files, or folders holding them"},
      {"help.report_rollup_period", "汇总的期间，每份报告都必须是这一期间", "the period rolled up; every submission must be for it"},
      {"help.report_rollup_township", "汇总到某乡镇/街道（默认：全辖区）", "roll up to one township (default: the whole jurisdiction)"},
      {"report.sensitive.ethnicity", "民族", "Ethnicity"},
      {"report.sensitive.religion", "宗教信仰", "Religion"},
      {"report.sensitive.not_recorded", "未填写", "Not recorded"},
      {"help.report", "工作总结：月报、季报、半年、年度（统计数字，不含个人信息）", "work summaries: monthly, quarterly, half-year, annual (counts only, nothing personal)"},
      {"help.report_kind", "报告周期", "report kind"},
      {"help.report_period", "期间（默认：该周期最近一个已结束的期间），如 2012-Q1、2011-03..2011-11", "period (default: the last complete one of the kind), e.g. 2012-Q1, 2011-03..2011-11"},
      {"help.report_community", "社区（可多次）", "community (repeatable)"},
      {"help.report_township", "乡镇/街道的全部社区合计", "a township's communities together"},
      {"help.report_all", "每个社区、每个乡镇和全辖区各一份", "every community, every township and the whole jurisdiction"},
      {"help.report_format", "输出格式", "output format"},
      {"help.report_out", "输出文件，或目录（写 <范围>-<期间>.<扩展名>）", "output file, or folder (writes <scope>-<period>.<ext>)"},
      {"help.report_template", "Mustache 模板文件（md）", "Mustache template file (md)"},
      {"help.report_generated_at", "写入报告的生成时间文字（默认不写，便于比对）", "generation time text to write in the report (none by default, so output can be diffed)"},
      // clang-format on
  };
  return k_messages;
}

}  // namespace tongxin::report
