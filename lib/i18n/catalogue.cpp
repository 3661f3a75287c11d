// The shared user-facing strings of the lower layers (errors, files, configuration, store,
// init, global help), in Chinese and English, and the catalogue that merges them with the parts
// modules add. A test checks that keys are unique and both texts are present.
#include "i18n/catalogue.h"

#include <algorithm>

namespace tongxin::i18n {

namespace {

const std::vector<Message>& shared_messages() {
  static const std::vector<Message> k_messages = {
      // One message a line, so the catalogue reads as a table.
      // clang-format off
      // errors and files
      {"error.prefix", "错误", "error"},
      {"date.bad_flag", "{} 的日期无效 '{}'（应为 2026-11-05、2026/11/5、2026.11.05、20261105、2026年11月5日、today 或 +30d 等存在的日期）", "bad date for {}: '{}' (expected an existing date such as 2026-11-05, 2026/11/5, 2026.11.05, 20261105, 2026年11月5日, today or +30d)"},
      {"period.bad", "无效的期间 '{}'，可用的写法：{}", "bad period '{}', expected one of: {}"},
      {"error.see_help", "用 --help 查看用法", "run with --help for usage"},
      // the command-line parser's errors (cmd/parse_errors.cpp maps CLI11's to these)
      {"cli.list_separator", "、", ", "},
      {"cli.subcommand_required", "{} 需要一个子命令：{}", "{} needs a subcommand: {}"},
      {"cli.unknown_subcommand", "没有子命令 '{}'（{} 的子命令：{}）", "no subcommand '{}' ({} has: {})"},
      {"cli.did_you_mean", "是否想用：{}", "did you mean: {}"},
      {"cli.unexpected", "无法识别的参数：{}", "unexpected arguments: {}"},
      {"cli.required", "缺少 {}，它是必需的", "{} is required"},
      {"cli.excludes", "{} 不能与 {} 同时使用", "{} cannot be used with {}"},
      {"cli.requires", "{} 需要与 {} 一起使用", "{} needs {}"},
      {"cli.not_a_number", "{} 应为整数，不是 '{}'", "{} takes a whole number, not '{}'"},
      {"cli.not_allowed", "'{}' 不是 {} 可用的值", "'{}' is not a value {} allows"},
      {"cli.not_member", "{} 不接受 '{}'，可用：{}", "{} does not take '{}'; expected one of: {}"},
      {"cli.not_positive", "{} 应为正整数", "{} takes a positive number"},
      {"cli.out_of_range", "{} 应在 {} 到 {} 之间", "{} takes a value from {} to {}"},
      {"cli.flag_value", "{} 是开关，不带取值", "{} is a switch and takes no value"},
      {"cli.missing_value", "{} 缺少取值", "{} needs a value"},
      {"cli.argument_count", "{} 的取值个数不对", "wrong number of values for {}"},
      {"cli.unparsed", "无法解析命令行（解析器原文：{}）", "cannot parse the command line ({})"},
      {"warning.prefix", "警告", "warning"},
      {"error.internal", "内部错误（这是 tongxin 的缺陷，不是输入的问题；请报告）：{}", "internal error (a bug in tongxin, not a problem with the input; please report it): {}"},
      {"error.unknown", "未知异常", "unknown exception"},
      {"env.bad_today", "TONGXIN_TODAY 不是 YYYY-MM-DD 日期：{}", "TONGXIN_TODAY is not a YYYY-MM-DD date: {}"},
      {"file.cannot_read", "无法读取文件 {}", "cannot read {}"},
      {"file.cannot_write", "无法写入文件 {}", "cannot write {}"},
      {"file.no_folder", "文件夹 {} 不存在，无法写入 {}", "no folder {} to write {} in"},
      {"file.is_folder", "{} 是文件夹，请给出文件名", "{} is a folder; give a file name"},
      {"file.disk_full", "磁盘空间不足", "no space left on the disk"},
      {"file.permission_denied", "没有写入权限", "permission denied"},
      {"file.read_only", "文件系统为只读", "the file system is read-only"},
      {"import.invalid_bytes", "{}:{}: 不是有效的 {} 编码（第 {} 字节起无效；可用 --encoding 指定文件的编码）", "{}:{}: not valid {} (bad bytes from byte {}; name the file's encoding with --encoding)"},
      {"import.neither_encoding", "{}:{}: 既不是 UTF-8 也不是 GB18030/GBK 编码的文本（按 UTF-8 第 {} 字节起无效；按 GB18030 第 {} 字节起无效，在第 {} 行）。请把文件另存为 UTF-8（Excel 中选“CSV UTF-8”），或用 --encoding 指定它的编码", "{}:{}: neither UTF-8 nor GB18030/GBK text (not UTF-8 from byte {}; not GB18030 from byte {}, on line {}). Save the file as UTF-8 (in Excel: CSV UTF-8), or name its encoding with --encoding"},
      {"import.neither_encoding_at", "{}:{}: 既不是 UTF-8 也不是 GB18030/GBK 编码的文本（第 {} 字节起无效）。请把文件另存为 UTF-8（Excel 中选“CSV UTF-8”），或用 --encoding 指定它的编码", "{}:{}: neither UTF-8 nor GB18030/GBK text (bad bytes from byte {}). Save the file as UTF-8 (in Excel: CSV UTF-8), or name its encoding with --encoding"},
      {"import.workbook_on_stdin", "标准输入是 Excel 工作簿（.{}），工作簿只能从文件读取：请给出工作簿的文件名，不要用 -（标准输入只接受 CSV、TSV 文本）；没有写入任何内容", "standard input is an Excel workbook (.{}), which is read only from its file: give the workbook's file name instead of - (standard input takes CSV or TSV text); nothing was written"},
      {"encoding.invalid_bytes", "不是有效的 {} 编码：第 {} 字节起的字节序列无效", "invalid {} byte sequence at byte {}"},
      {"xlsx.cell", "第 {} 行 {} 列", "row {}, column {}"},
      {"xlsx.too_long", "文字超过 Excel 单元格上限 32,767 个字符", "text longer than Excel's 32,767 characters"},
      {"xlsx.not_utf8", "文字不是有效的 UTF-8", "text is not valid UTF-8"},
      {"xlsx.too_many_rows", "xlsx 工作表在表头下最多容纳 {} 行，此表有 {} 行", "an xlsx sheet holds at most {} rows under its header; this table has {}"},
      {"xlsx.too_large", "工作表超过 xlsx 文件能容纳的 4 GiB", "the sheet is larger than the 4 GiB an xlsx file can hold"},
      {"file.temp_replaced", "临时文件 {} 在写入期间被替换", "the temporary file {} was replaced while it was written"},
      {"community.unknown", "工作区中没有社区“{}”。可用的社区：{}", "no community '{}' in the workspace. Known: {}"},
      {"community.ambiguous", "“{}”可指多个社区，请写社区全称或编号：{}", "'{}' fits several communities; give the full name or the id: {}"},
      {"community.pair", "{}（{}）", "{} ({})"},
      {"community.separator", "、", ", "},
      {"workspace.not_found", "在 {} 及其上级目录中找不到 tongxin.yaml（用 tongxin init 新建工作区，或用 -C 指定）",
       "no tongxin.yaml in {} or any parent folder (create one with tongxin init, or pass -C DIR)"},
      // configuration
      {"config.invalid", "{} 有 {} 处配置错误", "{}: {} configuration problem(s)"},
      {"config.workspace_invalid", "工作区 {} 的配置有错误", "the workspace at {} has configuration problems"},
      {"config.yaml_syntax", "YAML 语法错误：{}", "YAML syntax error: {}"},
      {"config.expected_mapping", "应为映射（键: 值）", "expected a mapping (key: value)"},
      {"config.unknown_key", "未知的键，可用的键：{}", "unknown key, expected one of: {}"},
      {"config.unknown_key_guess", "未知的键，是否想写 '{}'？可用的键：{}", "unknown key, did you mean '{}'? expected one of: {}"},
      {"config.wrong_type", "类型错误，应为 {}", "wrong type, expected {}"},
      {"config.wrong_type_value", "类型错误，应为 {}，实际为 '{}'", "wrong type, expected {}, got '{}'"},
      {"config.type.boolean", "true 或 false", "true or false"},
      {"config.type.integer", "整数", "integer"},
      {"config.type.number", "数字", "number"},
      {"config.type.string", "文字", "string"},
      {"config.type.date", "日期 YYYY-MM-DD", "date YYYY-MM-DD"},
      {"config.type.strings", "文字列表", "list of strings"},
      {"config.type.list", "列表", "list"},
      {"config.type.mapping", "键值映射", "mapping"},
      {"config.type.scalar", "单个值", "scalar"},
      {"config.missing_key", "缺少必填的键", "required key missing"},
      {"config.out_of_range", "数值 {} 超出范围，应在 {} 到 {} 之间", "value {} out of range, expected {} to {}"},
      {"config.below_min", "数值 {} 过小，应不小于 {}", "value {} too small, expected at least {}"},
      {"config.bad_date", "日期无效 '{}'，应为存在的日期 YYYY-MM-DD", "bad date '{}', expected an existing date YYYY-MM-DD"},
      {"config.bad_choice", "取值无效 '{}'，应为：{}", "bad value '{}', expected one of: {}"},
      {"config.unknown_code", "未知代码 '{}'，应为 {}", "unknown code '{}', expected {}"},
      {"config.bad_code", "代码 '{}' 只能包含小写字母、数字和下划线，并以字母开头", "code '{}' may hold only lower-case letters, digits and underscores, starting with a letter"},
      {"config.duplicate_id", "'{}' 重复出现", "'{}' appears more than once"},
      {"config.bad_id", "编号 '{}' 只能包含小写字母、数字和连字符", "id '{}' may hold only lower-case letters, digits and hyphens"},
      {"config.empty_file", "文件是空的，应为映射（键: 值）", "the file is empty; expected a mapping (key: value)"},
      {"config.duplicate_key", "键 '{}' 重复（第 {} 行已出现）", "duplicate key '{}' (first at line {})"},
      {"config.bad_utf8", "不是有效的 UTF-8（字节 0x{:02X}）；请以 UTF-8 保存文件", "not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8"},
      {"config.control_char", "不允许的控制字符 U+{:04X}", "control character U+{:04X} is not allowed"},
      {"config.unterminated_quote", "引号没有闭合：带引号的值须在同一行结束", "unterminated quote: a quoted value must end on the line it starts"},
      {"config.tab_indent", "缩进里有制表符；YAML 只能用空格缩进", "a tab in the indentation; YAML indents with spaces only"},
      {"config.too_deep", "嵌套超过 {} 层", "nested more than {} levels deep"},
      // clean text (lib/text/clean.h)
      {"text.invalid_utf8", "不是有效的 UTF-8 文字（用 --encoding 指定文件的编码）", "not valid UTF-8 text (give the file's encoding with --encoding)"},
      {"text.nul", "含有 NUL 字节", "contains a NUL byte"},
      {"text.control", "含有控制字符（如 ESC）", "contains a control character (such as ESC)"},
      {"text.line_break", "此字段只能是一行：含有换行符或制表符", "a one-line field: contains a line break or tab"},
      {"text.too_long", "过长：最多 {} 个字", "too long: at most {} characters"},
      {"config.mask_false", "不能关闭脱敏：身份证号和电话始终脱敏显示，除非使用 --reveal（会记入访问日志）；请删除 mask 这一行", "masking cannot be turned off: ID numbers and phones are always masked unless --reveal (which is logged); remove the mask line"},
      {"config.missing_file", "找不到配置中引用的文件 {}", "file named in the configuration not found: {}"},
      {"config.communities_none", "模式 '{}' 在文件夹 {} 中匹配不到任何文件（在那里为每个社区放一个 YAML 文件，见 tongxin-workspace(5)；或改正这个模式）", "the pattern '{}' matches no file in the folder {} (add one YAML file per community there, see tongxin-workspace(5), or correct the pattern)"},
      {"config.communities_no_folder", "模式 '{}' 匹配不到任何社区文件：没有文件夹 {}（新建它并放入社区文件，或改正这个模式）", "the pattern '{}' matches no community file: there is no folder {} (create it and add the community files, or correct the pattern)"},
      {"config.bad_division_code", "行政区划代码 '{}' 无效：应为 6 位数字（GB/T 2260，如 \"620121\"），乡镇、街道可写 9 位或 12 位；不知道可留空 \"\"", "bad administrative division code '{}': expected 6 digits (GB/T 2260, e.g. \"620121\"), or 9 or 12 for a township or street; leave it \"\" when unknown"},
      {"config.duplicate_community", "{}：社区编号 '{}' 与其他文件重复", "{}: community id '{}' is used by another file too"},
      // store
      {"store.missing", "找不到数据库 {}（用 tongxin init 或 tongxin store migrate 创建）", "no store at {} (create it with tongxin init or tongxin store migrate)"},
      {"store.cannot_open", "无法打开数据库 {}：{}", "cannot open the store {}: {}"},
      {"store.not_a_store", "{} 不是 tongxin 数据库（空文件、其他程序的数据库或不是 SQLite 文件），未作任何改动", "{} is not a tongxin store (an empty file, another program's database or not SQLite); it was left as it was"},
      {"store.mode_tightened", "数据库文件 {} 的权限为 {}，组或其他用户可以读取；已改为 600", "the store file {} had mode {}, readable by group or others; it is now 600"},
      {"store.mode_refused", "数据库文件 {} 的权限为 {}，组或其他用户可以读取，且无法修改（{}）；请由文件所有者运行 chmod 600 修正", "the store file {} has mode {}, readable by group or others, and cannot be changed ({}); have its owner run chmod 600 on it"},
      {"store.too_new", "数据库 {} 的结构版本为 {}，比本程序支持的版本 {} 新；请升级 tongxin", "the store {} has schema version {}, newer than this binary's {}; upgrade tongxin"},
      {"store.needs_migration", "数据库 {} 的结构版本为 {}，本程序需要版本 {}；请先备份，再运行 tongxin store migrate", "the store {} has schema version {}, this binary needs {}; back it up, then run tongxin store migrate"},
      {"store.locked", "数据库 {} 被其他进程占用，等待 {} 秒后仍未释放（{}）", "the store {} is held by another process, still after waiting {} s ({})"},
      {"store.held_by", "占用者：{}", "held by {}"},
      {"store.holder", "进程 {}（{}）", "process {} ({})"},
      {"store.holder_pid", "进程 {}", "process {}"},
      {"store.wait_longer", "如需等待更久，请在 tongxin.yaml 的 store: 下设置 busy_timeout（秒）", "to wait longer, set busy_timeout (seconds) under store: in tongxin.yaml"},
      {"store.bad_json", "数据库中的成员记录无法解析（数据库被其他程序改动过？）：{}", "a member record in the store cannot be read (was the store changed by another program?): {}"},
      {"store.error", "数据库错误：{}", "store error: {}"},
      {"store.backup_exists", "备份文件 {} 已存在，不会覆盖", "backup file {} exists; not overwriting it"},
      {"store.backup_failed", "备份到 {} 失败：{}", "backup to {} failed: {}"},
      {"store.backed_up", "已备份到 {}", "backed up to {}"},
      {"store.check_failed", "数据库检查发现 {} 个问题", "the store check found {} problem(s)"},
      {"store.change_log", "变更日志", "change_log"},
      {"store.access_log", "访问日志", "access_log"},
      {"store.chain_broken", "{}第 {} 条记录与哈希链不符：它被修改过，或它之前的记录被删除或修改过", "{} entry {} does not match the hash chain: it was changed, or an entry before it was deleted or changed"},
      {"store.chain_gap", "{}第 {} 条记录之前的记录（从第 {} 条起）已被删除", "{} entries before entry {} (from entry {}) were deleted"},
      {"store.trigger_missing", "触发器 {} 缺失或已被修改：该日志可被改写", "trigger {} is missing or changed: the log could be rewritten"},
      {"store.check_ok", "数据库 {} 完好", "the store {} is healthy"},
      {"store.migrated", "数据库 {} 已是结构版本 {}", "the store {} is at schema version {}"},
      {"store.col_item", "项目", "item"},
      {"store.col_value", "值", "value"},
      {"store.item.path", "数据库文件", "store file"},
      {"store.item.schema_version", "结构版本", "schema version"},
      {"store.item.binary_schema_version", "程序支持的结构版本", "binary schema version"},
      {"store.item.size_bytes", "文件大小（字节）", "size (bytes)"},
      {"store.item.rows", "{} 表行数", "rows in {}"},
      {"store.item.access", "访问记录：{}", "access log: {}"},
      {"access.col_id", "序号", "no."},
      {"access.col_at", "时间", "when"},
      {"access.col_actor", "操作人", "actor"},
      {"access.col_command", "命令", "command"},
      {"access.col_action", "操作", "action"},
      {"access.col_format", "格式", "format"},
      {"access.col_rows", "条数", "rows"},
      {"access.col_revealed", "显示完整证件号和电话", "revealed"},
      {"access.col_destination", "去向", "to"},
      {"access.export", "导出", "export"},
      {"access.reveal", "显示完整信息", "reveal"},
      {"access.yes", "是", "yes"},
      {"access.no", "否", "no"},
      {"access.stdout", "标准输出", "standard output"},
      {"access.none", "还没有导出或显示完整信息的记录。", "No exports or reveals logged yet."},
      {"batches.none", "还没有导入批次。", "No import batches yet."},
      // import batches (store/batches.cpp, `store batches`)
      {"batches.col_id", "批次", "batch"},
      {"batches.col_kind", "类别", "kind"},
      {"batches.col_file", "文件", "file"},
      {"batches.col_sha256", "SHA-256", "SHA-256"},
      {"batches.col_at", "导入时间", "when"},
      {"batches.col_actor", "操作人", "actor"},
      {"batches.col_new", "新增", "new"},
      {"batches.col_updated", "更新", "updated"},
      {"batches.col_unchanged", "未变", "unchanged"},
      {"batches.col_rejected", "有误", "rejected"},
      {"batches.col_undone_at", "撤销时间", "undone"},
      {"batches.kind_roster", "名册", "roster"},
      {"batches.kind_activity", "活动", "activity"},
      // init
      {"init.unknown_example", "没有名为 '{}' 的示例，可用：{}", "no example named '{}'; available: {}"},
      {"init.exists", "{} 已有工作区文件，不会覆盖：", "{} already holds workspace files; nothing was overwritten:"},
      {"init.created", "已在 {} 创建工作区（{} 个文件，数据库 {}）", "created a workspace in {} ({} files, store {})"},
      {"init.next_steps", "下一步：tongxin -C {} store info", "next: tongxin -C {} store info"},
      {"init.first_steps", "下一步：\n  1. 填写 {0}/communities/my-community.yaml（社区档案：六有、十个制度等）和 {0}/plans/plan.yaml（工作计划）\n  2. 导入名册：tongxin -C {0} roster import 名册.xlsx\n  3. 登记活动：tongxin -C {0} activity add\n  4. 查看待办：tongxin -C {0} schedule agenda\n  5. 自查验收：在 tongxin.yaml 写上 standard:（考核标准，可参照 tongxin init --example yongdeng-2011 的 standards/），再运行 tongxin -C {0} audit", "next:\n  1. fill in {0}/communities/my-community.yaml (the community: six haves, ten systems, ...) and {0}/plans/plan.yaml (the work plan)\n  2. import the register: tongxin -C {0} roster import roster.xlsx\n  3. record activities: tongxin -C {0} activity add\n  4. see what is due: tongxin -C {0} schedule agenda\n  5. check against a standard: set standard: in tongxin.yaml (see standards/ of tongxin init --example yongdeng-2011), then tongxin -C {0} audit"},
      {"init.nested", "{} 在工作区 {} 之内；新工作区之下的命令将不再看到外面的工作区", "{} is inside the workspace {}; commands started below the new one will no longer see the outer one"},
      // help
      {"help.tongxin", "同心：社区统战工作台账、验收、工作计划与总结工具", "tongxin: register, acceptance checks, work plans and summaries for community United Front offices"},
      {"help.opt_dir", "在 DIR 中运行（如同先 cd 到 DIR）", "run as if started in DIR"},
      {"help.opt_store", "使用指定的数据库文件", "use this store file"},
      {"help.opt_lang", "输出语言：zh 或 en", "output language: zh or en"},
      {"help.opt_actor", "记入变更日志的操作人（默认 $USER）", "who is recorded in the change log (default $USER)"},
      {"help.opt_quiet", "不输出提示信息", "print no notices"},
      {"help.opt_verbose", "即使不在终端上也输出提示信息", "print notices even when not on a terminal"},
      {"help.opt_no_color", "不使用颜色（也可设置 NO_COLOR）", "no colour (NO_COLOR works too)"},
      {"help.opt_help", "显示帮助并退出", "print this help and exit"},
      {"help.opt_version", "显示版本并退出", "print the version and exit"},
      {"help.opt_format", "输出格式", "output format"},
      {"help.header_row", "表头所在的行号（默认：前 30 行中第一行列名可识别的行；其上的标题行跳过）", "line or row number of the header (default: the first of the first 30 rows whose cells name known columns; title rows above it are skipped)"},
      {"help.import_format", "结果格式：text（给人看）或 json（给脚本，身份证号和电话已遮盖）", "result format: text (for people) or json (for scripts; ID numbers and phones masked)"},
      {"help.init", "新建工作区，或复制内置示例", "create a workspace, or copy a bundled example"},
      {"help.init_dir", "工作区目录（默认当前目录）", "workspace folder (default: the current one)"},
      {"help.init_example", "复制内置示例：{}", "copy a bundled example: {}"},
      {"help.store", "数据库维护：info、check、migrate、backup、access-log", "look after the store: info, check, migrate, backup, access-log"},
      {"help.completion", "输出 shell 补全脚本（bash 或 zsh）", "print a shell completion script (bash or zsh)"},
      {"help.completion_shell", "bash 或 zsh", "bash or zsh"},
      {"help.store_info", "显示数据库路径、结构版本、大小和各表行数", "show the store's path, schema version, size and row counts"},
      {"help.store_check", "检查数据库完整性、外键、日志哈希链和只追加触发器", "check the store's integrity, foreign keys, log hash chains and append-only triggers"},
      {"help.store_migrate", "创建数据库或升级到本程序的结构版本", "create the store or bring it to this binary's schema version"},
      {"help.store_backup", "在线备份数据库到 FILE（其他进程写入时也一致）", "back the store up to FILE (consistent while others write)"},
      {"help.store_batches", "列出导入批次（编号、类别、文件、SHA-256、时间、行数、是否撤销），供 --undo 使用", "list import batches (id, kind, file, SHA-256, when, counts, undone), for --undo"},
      {"help.store_batches_kind", "只列出 roster（名册）或 activity（活动）批次", "list only roster or activity batches"},
      {"help.import_again", "再次导入以前导入过的同一文件（SHA-256 相同）", "import a file again whose SHA-256 matches an earlier batch"},
      {"help.store_access_log", "列出访问记录：谁在何时导出或显示了哪些人员信息", "list the access log: who exported or revealed member records, when"},
      {"help.store_backup_file", "备份文件（不得已存在）", "backup file (must not exist)"},
      // imports (lib/io and every importer)
      {"import.unterminated_quote", "{}:{}: 此行开始的引号没有结束", "{}:{}: the quote opened on this line never closes"},
      {"import.bad_encoding", "不支持的编码 '{}'，应为 auto、utf-8、gb18030 或 utf-16", "unknown encoding '{}', expected auto, utf-8, gb18030 or utf-16"},
      {"import.bad_header", "{} 的表头无法使用，未写入任何数据", "{}: unusable header; nothing was written"},
      {"import.duplicate_column", "{}: 列 '{}' 与列 '{}' 表示同一字段", "{}: column '{}' means the same field as column '{}'"},
      {"import.no_header_row", "{}：没有第 {} 行，无法作为表头（--header-row）", "{}: there is no row {} to take as the header (--header-row)"},
      {"import.header_at", "{}：表头在第 {} 行", "{}: header on line {}"},
      {"import.header_at_sheet", "{}：工作表“{}”，表头在第 {} 行", "{}: sheet '{}', header on row {}"},
      {"import.no_header", "{}：文件为空，没有表头", "{}: empty file, no header"},
      {"import.no_rows", "{}：只有表头，没有数据行；未写入任何内容", "{}: a header but no rows; nothing was written"},
      {"import.extra_cells", "比表头多出 {} 个非空单元格", "{} non-empty cell(s) beyond the header"},
      {"import.error", "列 '{}'：{}（{}）", "column '{}': {} ({})"},
      {"import.error_no_value", "列 '{}'：{}", "column '{}': {}"},
      {"import.counts", "共 {} 行：新增 {}，更新 {}，未变 {}，有误 {}", "{} rows: {} new, {} updated, {} unchanged, {} invalid"},
      {"import.counts_new", "共 {} 行：新增 {}，有误 {}", "{} rows: {} new, {} invalid"},
      {"import.left_out", "{} 有 {} 行有误，已跳过：", "{}: {} invalid row(s) left out:"},
      {"import.failed", "{} 有误，未写入任何数据（{}）", "{} has invalid rows; nothing was written ({})"},
      {"import.dry_run", "试运行 {}，未写入：{}", "dry run of {}, nothing written: {}"},
      {"import.done", "已导入 {}，批次 {}：{}", "imported {} as batch {}: {}"},
      {"import.already", "{} 与第 {} 批（{}）导入的文件相同（SHA-256 一致），未写入任何数据", "{} is the same file batch {} imported at {} (same SHA-256); nothing was written"},
      {"import.already_hint", "确需再次导入请加 --again，或先用 --undo {} 撤销那一批", "to import it again add --again, or take that batch back first with --undo {}"},
      {"import.already_dry", "{} 与第 {} 批（{}）导入的文件相同（SHA-256 一致）；正式导入需加 --again", "{} is the same file batch {} imported at {} (same SHA-256); importing it will need --again"},
      {"import.skip_summary", "{}：已导入 {} 行（批次 {}），{} 行有误未导入", "{}: imported {} row(s) as batch {}, left out {} invalid row(s)"},
      {"import.rejects_in", "；有误的行已写入 {}，改正后可再导入", "; the rows left out are in {}, to correct and import again"},
      {"import.rejects_written", "有误的行已写入 {}，改正后可再导入", "the invalid rows are in {}, to correct and import again"},
      {"import.rejects_not_kept", "；用 --rejects FILE 可保存这些行", "; keep them with --rejects FILE"},
      {"import.error_column", "错误", "error"},
      {"import.reject_reason", "{}：{}", "{}: {}"},
      // .xls workbooks (lib/io/xls_reader.cpp)
      {"import.no_sheet", "没有名为“{}”的工作表（现有：{}）", "no sheet named '{}' (sheets: {})"},
      // the xlsx reader (io/xlsx_reader.cpp, io/xlsx_package.cpp), after "FILE: "
      {"xlsx_read.not_zip", "不是 xlsx 工作簿（不是 zip 压缩包）", "not an xlsx workbook (not a zip archive)"},
      {"xlsx_read.cannot_open", "无法读取此文件：{}", "cannot read the file: {}"},
      {"xlsx_read.cannot_read_part", "无法读取 {}：{}", "cannot read {}: {}"},
      {"xlsx_read.malformed_xml", "{}:{}：XML 格式错误（{}）；文件可能已损坏，请用 Excel 或 WPS 打开后另存再导入", "{}:{}: malformed XML: {}"},
      {"xlsx_read.no_workbook", "不是 xlsx 工作簿（缺少 {}）", "not an xlsx workbook (it has no {})"},
      {"xlsx_read.sheet_no_rel", "不是有效的 xlsx 工作簿：工作表“{}”没有对应的部件（缺少关系 '{}'）", "not a valid xlsx workbook: sheet '{}' has no part (relationship '{}' is missing)"},
      {"xlsx_read.sheet_missing", "不是有效的 xlsx 工作簿：工作表“{}”（{}）缺失", "not a valid xlsx workbook: sheet '{}' ({}) is missing"},
      {"xlsx_read.no_sheet_named", "没有名为“{}”的工作表（工作表有：{}）", "no sheet named '{}' (sheets: {})"},
      {"xlsx_read.sheet_part", "工作表“{}”（{}）", "sheet '{}' ({})"},
      {"xlsx_read.bad_row_number", "行号无效 '{}'", "bad row number '{}'"},
      {"xlsx_read.bad_cell_ref", "第 {} 行：单元格引用无效 '{}'", "row {}: bad cell reference '{}'"},
      {"xlsx_read.bad_shared_string_index", "单元格 {} 的共享字符串序号无效 '{}'", "cell {}: bad shared string index '{}'"},
      {"xlsx_read.no_shared_string", "单元格 {} 引用的共享字符串 {} 不存在（工作簿共有 {} 个）", "cell {} refers to shared string {}, which does not exist (the workbook has {})"},
      {"xls.not_xls", "不是 Excel 97–2003（.xls）工作簿", "not an Excel 97–2003 (.xls) workbook"},
      {"xls.damaged", "无法读取此 .xls 工作簿，文件可能已损坏（libfreexl 错误 {}）；请用 Excel 或 WPS 打开后另存为 .xlsx 再导入", "cannot read this .xls workbook, it may be damaged (libfreexl error {}); open it in Excel or WPS, save it as .xlsx and import that"},
      {"xls.damaged_cell", "无法读取第 {} 行第 {} 列的单元格，文件可能已损坏", "cannot read the cell on row {}, column {}; the file may be damaged"},
      {"xls.too_big", "内存不足，无法读取此 .xls 工作簿", "not enough memory to read this .xls workbook"},
      {"xls.password", "工作簿有密码保护；请在 Excel 或 WPS 中取消密码后再导入", "the workbook is protected by a password; remove it in Excel or WPS and import again"},
      {"xls.no_sheets", "工作簿中没有工作表", "the workbook has no sheets"},
      // clang-format on
  };
  return k_messages;
}

struct Catalogue {
  std::vector<const std::vector<Message>*> parts;
  std::vector<Message> sorted;  // every part's messages, by key

  void add(const std::vector<Message>& part) {
    if (std::find(parts.begin(), parts.end(), &part) != parts.end()) {
      return;
    }
    parts.push_back(&part);
    sorted.insert(sorted.end(), part.begin(), part.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Message& a, const Message& b) { return a.key < b.key; });
  }
};

Catalogue& the_catalogue() {
  static Catalogue k_catalogue = [] {
    Catalogue c;
    c.add(shared_messages());
    return c;
  }();
  return k_catalogue;
}

}  // namespace

const std::vector<Message>& catalogue() { return the_catalogue().sorted; }

void add_messages(const std::vector<Message>& part) { the_catalogue().add(part); }

}  // namespace tongxin::i18n
