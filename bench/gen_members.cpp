// gen_members — synthetic UF member roster for benchmarks and example workspaces.
//
//   gen_members [--count N] [--seed S] [--communities ID[=NAME],...] [--address-code CODE]
//               [--key-share F] [--born-from YEAR] [--born-to YEAR] > members.csv
//
// Writes UTF-8 CSV (no BOM, LF line ends) in the roster import layout to stdout. Every person is
// fictional: names are drawn from tables of common surnames and given-name characters, units and
// addresses from invented templates. The output is a pure function of the arguments (the RNG is
// std::mt19937_64 and every draw is `rng() % n`, so no library distribution is involved).
//
// ID numbers (GB 11643-1999) are unique by construction: each birth date keeps two counters (odd
// sequence numbers for men, even for women) and the k-th person born on a date gets a fixed
// bijection of k, so two rows can only share a number if a date's 500 slots run out, in which case
// the next date is used. The ~22,000 dates of 1940-2000 give room for ~11 million people per sex.
//
// Deliberately absent, as a register has them only when a workspace enables them with a purpose
// (tongxin-workspace(5), privacy) and never as screening: religion, ethnicity, and the categories
// 宗教界人士 and 少数民族人士. Standard library only, so the tool builds without the project's
// dependencies.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Rng = std::mt19937_64;

struct Weighted {
  std::string_view text;
  unsigned weight;
};

// ~100 common surnames, weights roughly proportional to their share (per 10,000 people).
constexpr Weighted k_surnames[] = {
    {"王", 710}, {"李", 700}, {"张", 660}, {"刘", 540}, {"陈", 450}, {"杨", 310}, {"赵", 220},
    {"黄", 220}, {"周", 170}, {"吴", 160}, {"徐", 130}, {"孙", 130}, {"胡", 110}, {"朱", 100},
    {"高", 100}, {"林", 95},  {"何", 94},  {"郭", 93},  {"马", 88},  {"罗", 80},  {"梁", 70},
    {"宋", 65},  {"郑", 60},  {"谢", 58},  {"韩", 55},  {"唐", 53},  {"冯", 50},  {"于", 48},
    {"董", 46},  {"萧", 45},  {"程", 43},  {"曹", 42},  {"袁", 40},  {"邓", 39},  {"许", 38},
    {"傅", 36},  {"沈", 35},  {"曾", 34},  {"彭", 33},  {"吕", 32},  {"苏", 31},  {"卢", 30},
    {"蒋", 30},  {"蔡", 29},  {"贾", 28},  {"丁", 27},  {"魏", 27},  {"薛", 26},  {"叶", 26},
    {"阎", 25},  {"余", 25},  {"潘", 24},  {"杜", 24},  {"戴", 23},  {"夏", 23},  {"钟", 22},
    {"汪", 22},  {"田", 22},  {"任", 21},  {"姜", 21},  {"范", 20},  {"方", 20},  {"石", 19},
    {"姚", 19},  {"谭", 18},  {"廖", 18},  {"邹", 17},  {"熊", 17},  {"金", 17},  {"陆", 16},
    {"郝", 16},  {"孔", 15},  {"白", 15},  {"崔", 15},  {"康", 14},  {"毛", 14},  {"邱", 14},
    {"秦", 13},  {"江", 13},  {"史", 13},  {"顾", 12},  {"侯", 12},  {"邵", 12},  {"孟", 11},
    {"龙", 11},  {"万", 11},  {"段", 10},  {"雷", 10},  {"钱", 10},  {"汤", 10},  {"尹", 9},
    {"黎", 9},   {"易", 9},   {"常", 9},   {"武", 9},   {"乔", 8},   {"贺", 8},   {"赖", 8},
    {"龚", 8},   {"文", 8},
};

// Given-name characters: ~70 male-leaning, ~70 female-leaning, ~60 used for both.
constexpr std::string_view k_given_male[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏",
    "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙",
    "林", "阳", "建", "国", "志", "忠", "民", "永", "德", "胜", "峰", "海", "东", "亮",
    "成", "庆", "毅", "栋", "彬", "坤", "权", "武", "兵", "福", "贵", "祥", "荣", "生",
    "发", "新", "卫", "立", "振", "保", "根", "全", "仁", "义", "学", "光", "增", "泽",
};
constexpr std::string_view k_given_female[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂", "英", "兰", "萍",
    "红", "梅", "莉", "琴", "雪", "琳", "洁", "婷", "倩", "慧", "颖", "晶", "媛", "丹",
    "蓉", "凤", "秀", "珍", "玉", "翠", "菊", "淑", "惠", "莲", "彩", "春", "月", "芬",
    "薇", "霖", "璐", "瑶", "怡", "悦", "欣", "蕾", "娇", "妍", "萱", "菲", "露", "岚",
    "爽", "佳", "雯", "婧", "琼", "瑾", "馨", "姗", "茜", "巧", "美", "香", "花", "素",
};
constexpr std::string_view k_given_common[] = {
    "文", "晓", "小", "海", "云", "金", "天", "思", "嘉", "子", "一", "梓", "雨", "安", "晨",
    "秋", "清", "冬", "向", "红", "建", "永", "少", "玉", "世", "家", "继", "长", "爱", "自",
    "元", "振", "宏", "立", "友", "君", "双", "青", "乐", "景", "维", "晋", "秉", "承", "鸿",
    "瑞", "泓", "睿", "博", "诗", "书", "润", "和", "宜", "兴", "昌", "朝", "彦", "若", "可",
};

constexpr Weighted k_politics[] = {
    {"群众", 720},    {"民盟", 50},   {"民建", 32}, {"民进", 30}, {"农工党", 28},
    {"九三学社", 25}, {"致公党", 15}, {"民革", 15}, {"台盟", 5},  {"无党派人士", 80},
};

// Categories open to people outside the democratic parties and 无党派人士. 归侨侨眷 is the short
// form of 华侨、归侨及侨眷 (its "、" would clash with list separators).
constexpr Weighted k_categories[] = {
    {"党外知识分子", 35},      {"非公有制经济人士", 25}, {"新的社会阶层人士", 25},
    {"出国和归国留学人员", 8}, {"归侨侨眷", 7},
};

// Occupations: a unit template and posts. In templates, {县} is the county, {市} the city, {镇}
// a township and {号} an invented firm name.
struct Occupation {
  std::string_view unit;
  std::array<std::string_view, 4> posts;  // empty slots are skipped
};

constexpr Occupation k_jobs_intellectual[] = {
    {"{县}人民医院", {"主治医师", "副主任医师", "主任医师", "护士长"}},
    {"{县}中医医院", {"主治医师", "中医师", "药剂师", ""}},
    {"{县}妇幼保健院", {"主治医师", "护师", "", ""}},
    {"{县}第一中学", {"教师", "高级教师", "教研组长", "副校长"}},
    {"{县}第二中学", {"教师", "高级教师", "年级组长", ""}},
    {"{县}职业中学", {"教师", "讲师", "", ""}},
    {"{镇}中心小学", {"教师", "教导主任", "", ""}},
    {"{县}农业技术推广中心", {"农艺师", "高级农艺师", "助理农艺师", ""}},
    {"{县}文化馆", {"馆员", "副研究馆员", "", ""}},
    {"{县}图书馆", {"馆员", "", "", ""}},
    {"{市}{号}建筑设计院有限公司", {"工程师", "高级工程师", "", ""}},
};
constexpr Occupation k_jobs_business[] = {
    {"{市}{号}商贸有限公司", {"总经理", "董事长", "副总经理", ""}},
    {"{县}{号}建材有限责任公司", {"总经理", "执行董事", "", ""}},
    {"{市}{号}食品有限公司", {"董事长", "总经理", "", ""}},
    {"{县}{号}农业开发有限公司", {"总经理", "董事长", "", ""}},
    {"{县}{号}超市", {"经营者", "店长", "", ""}},
    {"{市}{号}物流有限公司", {"总经理", "副总经理", "", ""}},
    {"{县}{号}宾馆", {"经理", "法定代表人", "", ""}},
};
constexpr Occupation k_jobs_new_stratum[] = {
    {"{市}{号}律师事务所", {"律师", "合伙人", "主任", ""}},
    {"{市}{号}会计师事务所", {"注册会计师", "项目经理", "", ""}},
    {"{市}{号}科技有限公司", {"技术总监", "工程师", "项目经理", "产品经理"}},
    {"{市}{号}房地产经纪有限公司", {"经纪人", "门店经理", "", ""}},
    {"{市}{号}广告传媒有限公司", {"设计总监", "策划", "", ""}},
    {"自由职业", {"摄影师", "设计师", "自由撰稿人", "培训讲师"}},
};
constexpr Occupation k_jobs_returnee[] = {
    {"{市}{号}科技有限公司", {"研发工程师", "技术总监", "", ""}},
    {"{县}人民医院", {"主治医师", "副主任医师", "", ""}},
    {"{市}{号}国际贸易有限公司", {"总经理", "外贸经理", "", ""}},
    {"{县}第一中学", {"英语教师", "", "", ""}},
};
constexpr Occupation k_jobs_overseas_kin[] = {
    {"个体工商户", {"经营者", "", "", ""}},
    {"{县}{号}餐饮有限公司", {"总经理", "店长", "", ""}},
    {"{县}{号}商行", {"经营者", "", "", ""}},
};

constexpr std::string_view k_firm_words[] = {
    "金鼎",   "华泰", "永盛", "鑫源", "恒通", "瑞丰", "祥和", "宏达",
    "天成",   "万兴", "博远", "德润", "安泰", "嘉禾", "信诚", "和盛",
    "新世纪", "信达", "丰泽", "顺通", "兴隆", "远航", "聚丰", "明达",
};

constexpr std::string_view k_remarks[] = {
    "县政协委员",     "兼任楼道联络员", "参加社区志愿服务",
    "联系电话待核实", "常住外地",       "曾参加法律咨询活动",
};

constexpr std::string_view k_phone_prefixes[] = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "185", "186", "187", "188", "189",
};

// Place names for the address code; unknown codes get neutral ones.
struct Locale {
  std::string_view code;
  std::string_view county;
  std::string_view city;
  std::array<std::string_view, 4> towns;
  std::array<std::string_view, 4> communities;  // used when --communities gives no names
};

constexpr Locale k_locales[] = {
    {"620121",
     "永登县",
     "兰州",
     {"城关镇", "中堡镇", "红城镇", "连城镇"},
     {"城关镇东街社区", "城关镇南街社区", "城关镇西街社区", "中堡镇金城社区"}},
    {"510703",
     "涪城区",
     "绵阳",
     {"青义镇", "杨家镇", "吴家镇", "丰谷镇"},
     {"城厢街道兴隆社区", "工区街道长虹社区", "朝阳街道滨江社区", "城厢街道西山社区"}},
};
constexpr Locale k_default_locale = {
    "",
    "本县",
    "本市",
    {"城关镇", "城关镇", "新城镇", "新城镇"},
    {"城关镇东街社区", "城关镇西街社区", "新城镇和平社区", "新城镇光明社区"}};

constexpr std::string_view k_header =
    "姓名,性别,身份证号,政治面貌,统战类别,工作单位,职务,联系电话,住址,社区,重点联系对象,困难,"
    "联系人,"
    "备注\n";

constexpr int k_staff_per_community = 6;

// --- small helpers ---------------------------------------------------------------------------

std::uint64_t pick(Rng& rng, std::uint64_t n) { return rng() % n; }

bool chance(Rng& rng, unsigned per_mille) { return pick(rng, 1000) < per_mille; }

template <std::size_t N>
std::string_view pick_weighted(Rng& rng, const Weighted (&table)[N]) {
  unsigned total = 0;
  for (const auto& w : table) {
    total += w.weight;
  }
  auto r = static_cast<unsigned>(pick(rng, total));
  for (const auto& w : table) {
    if (r < w.weight) {
      return w.text;
    }
    r -= w.weight;
  }
  return table[N - 1].text;
}

template <typename T, std::size_t N>
const T& pick_one(Rng& rng, const T (&table)[N]) {
  return table[pick(rng, N)];
}

void append_number(std::string& out, std::uint64_t value) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, res.ptr);
}

void write_digits(char* dest, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    dest[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

void append_padded(std::string& out, unsigned value, int width) {
  char buf[12];
  write_digits(buf, value, width);
  out.append(buf, static_cast<std::size_t>(width));
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// ISO 7064 MOD 11-2 check character over the first 17 digits.
char check_character(const char* digits17) {
  static constexpr int k_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    sum += (digits17[i] - '0') * k_weights[i];
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

// --- options ---------------------------------------------------------------------------------

struct Community {
  std::string id;
  std::string name;  // for addresses; empty = use the locale's names
};

struct Options {
  std::uint64_t count = 1000000;
  std::uint64_t seed = 1;
  std::vector<Community> communities{{"c1", ""}};
  std::string address_code = "620121";
  unsigned key_share_per_mille = 100;
  int born_from = 1940;
  int born_to = 2000;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "gen_members: error: %s\n", message.c_str());
  std::fprintf(stderr,
               "usage: gen_members [--count N] [--seed S] [--communities ID[=NAME],...]\n"
               "                   [--address-code CODE] [--key-share F]\n"
               "                   [--born-from YEAR] [--born-to YEAR]\n");
  std::exit(2);
}

std::uint64_t parse_uint(std::string_view flag, std::string_view text) {
  std::uint64_t value = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec != std::errc{} || res.ptr != text.data() + text.size()) {
    usage_error(std::string(flag) + ": not a non-negative integer: '" + std::string(text) + "'");
  }
  return value;
}

std::vector<Community> parse_communities(std::string_view text) {
  std::vector<Community> list;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    const auto eq = item.find('=');
    Community c{std::string(item.substr(0, eq)),
                eq == std::string_view::npos ? "" : std::string(item.substr(eq + 1))};
    if (c.id.empty()) {
      usage_error("--communities: empty community id");
    }
    list.push_back(std::move(c));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  if (list.empty()) {
    usage_error("--communities: no community given");
  }
  return list;
}

unsigned parse_share(std::string_view text) {
  const double share = std::strtod(std::string(text).c_str(), nullptr);
  if (!(share >= 0.0 && share <= 1.0)) {
    usage_error("--key-share: expected a number from 0 to 1, got '" + std::string(text) + "'");
  }
  return static_cast<unsigned>(share * 1000.0 + 0.5);
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string_view value;
    const auto eq = arg.find('=');
    if (arg.starts_with("--") && eq != std::string_view::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (arg == "--help" || arg == "-h") {
      std::printf(
          "usage: gen_members [--count N] [--seed S] [--communities ID[=NAME],...]\n"
          "                   [--address-code CODE] [--key-share F]\n"
          "                   [--born-from YEAR] [--born-to YEAR] > members.csv\n");
      std::exit(0);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      usage_error(std::string(arg) + ": missing value");
    }
    if (arg == "--count") {
      opt.count = parse_uint(arg, value);
    } else if (arg == "--seed") {
      opt.seed = parse_uint(arg, value);
    } else if (arg == "--communities") {
      opt.communities = parse_communities(value);
    } else if (arg == "--address-code") {
      if (value.size() != 6 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        usage_error("--address-code: expected 6 digits, got '" + std::string(value) + "'");
      }
      opt.address_code = value;
    } else if (arg == "--key-share") {
      opt.key_share_per_mille = parse_share(value);
    } else if (arg == "--born-from") {
      opt.born_from = static_cast<int>(parse_uint(arg, value));
    } else if (arg == "--born-to") {
      opt.born_to = static_cast<int>(parse_uint(arg, value));
    } else {
      usage_error("unknown option '" + std::string(arg) + "'");
    }
  }
  if (opt.born_from < 1900 || opt.born_to > 2099 || opt.born_from > opt.born_to) {
    usage_error("--born-from/--born-to: need 1900 <= from <= to <= 2099");
  }
  return opt;
}

// --- ID numbers ------------------------------------------------------------------------------

// Hands out (birth date, sequence) pairs that are never repeated; see the header comment.
class IdAllocator {
 public:
  IdAllocator(int born_from, int born_to)
      : m_first_day(days_from_civil(born_from, 1, 1)),
        m_day_count(days_from_civil(born_to, 12, 31) - m_first_day + 1),
        m_used_male(static_cast<std::size_t>(m_day_count), 0),
        m_used_female(static_cast<std::size_t>(m_day_count), 0) {}

  std::uint64_t capacity_per_sex() const {
    return 499ULL * static_cast<std::uint64_t>(m_day_count);
  }

  // Returns the sequence number (odd for men) and moves `day` forward if that date is full.
  unsigned allocate(int& day, bool male) {
    for (int probe = 0; probe < m_day_count; ++probe) {
      const auto index = static_cast<std::size_t>(day - m_first_day);
      auto& used = male ? m_used_male[index] : m_used_female[index];
      // Men: 500 odd numbers 001..999; women: 499 even numbers 002..998. 137 is coprime
      // with both 500 and 499, so k -> (137k + offset) mod n is a bijection.
      const unsigned slots = male ? 500 : 499;
      if (used < slots) {
        const unsigned offset = static_cast<unsigned>(index * 2654435761ULL % slots);
        const unsigned s = (137U * used + offset) % slots;
        ++used;
        return male ? 2 * s + 1 : 2 * (s + 1);
      }
      day = day + 1 < m_first_day + m_day_count ? day + 1 : m_first_day;
    }
    std::fprintf(stderr, "gen_members: error: ran out of ID numbers\n");
    std::exit(3);
  }

 private:
  int m_first_day;
  int m_day_count;
  std::vector<std::uint16_t> m_used_male;
  std::vector<std::uint16_t> m_used_female;
};

// --- rows ------------------------------------------------------------------------------------

class RowWriter {
 public:
  explicit RowWriter(const Options& opt)
      : m_opt(opt),
        m_rng(opt.seed),
        m_ids(opt.born_from, opt.born_to),
        m_locale(&k_default_locale) {
    for (const auto& locale : k_locales) {
      if (locale.code == opt.address_code) {
        m_locale = &locale;
      }
    }
    build_year_table();
    build_staff();
  }

  std::uint64_t capacity() const { return m_ids.capacity_per_sex(); }

  void write_row(std::string& out) {
    const bool male = chance(m_rng, 500);
    const std::size_t community = pick(m_rng, m_opt.communities.size());
    append_name(out, m_rng, male);
    out += male ? ",男," : ",女,";
    const int birth_day = append_id(out, male);
    const std::string_view politics = pick_weighted(m_rng, k_politics);
    out += politics;
    out += ',';
    const std::string_view category = append_categories(out, politics);
    out += ',';
    append_job(out, category, politics, civil_from_days(birth_day).year);
    out += ',';
    append_phone(out);
    out += ',';
    append_address(out, community);
    out += ',';
    out += m_opt.communities[community].id;
    append_flags(out, community);
    out += '\n';
  }

 private:
  void build_year_table() {
    for (int y = m_opt.born_from; y <= m_opt.born_to; ++y) {
      const unsigned w = y < 1950 ? 2 : y < 1985 ? 4 : y < 1995 ? 3 : 1;
      m_year_total += w;
      m_year_cumulative.push_back(m_year_total);
    }
  }

  // Staff names per community come from their own RNG stream so that they do not depend on the
  // number of rows; the same seed and community list always give the same staff.
  void build_staff() {
    Rng staff_rng(m_opt.seed ^ 0x5741FF5EEDULL);
    for (std::size_t c = 0; c < m_opt.communities.size(); ++c) {
      std::vector<std::string> names;
      while (names.size() < k_staff_per_community) {
        std::string name;
        append_name(name, staff_rng, chance(staff_rng, 400));
        if (std::find(names.begin(), names.end(), name) == names.end()) {
          names.push_back(std::move(name));
        }
      }
      m_staff.push_back(std::move(names));
    }
  }

  static void append_name(std::string& out, Rng& rng, bool male) {
    out += pick_weighted(rng, k_surnames);
    const int length = chance(rng, 280) ? 1 : 2;
    for (int i = 0; i < length; ++i) {
      if (chance(rng, 300)) {
        out += pick_one(rng, k_given_common);
      } else {
        out += male ? pick_one(rng, k_given_male) : pick_one(rng, k_given_female);
      }
    }
  }

  int pick_day() {
    const auto r = static_cast<unsigned>(pick(m_rng, m_year_total));
    const auto it = std::upper_bound(m_year_cumulative.begin(), m_year_cumulative.end(), r);
    const int year = m_opt.born_from + static_cast<int>(it - m_year_cumulative.begin());
    const int first = days_from_civil(year, 1, 1);
    const int length = days_from_civil(year + 1, 1, 1) - first;
    return first + static_cast<int>(pick(m_rng, static_cast<std::uint64_t>(length)));
  }

  int append_id(std::string& out, bool male) {
    int day = pick_day();
    const unsigned seq = m_ids.allocate(day, male);
    const Civil date = civil_from_days(day);
    char id[18];
    std::memcpy(id, m_opt.address_code.data(), 6);
    write_digits(id + 6, static_cast<unsigned>(date.year), 4);
    write_digits(id + 10, date.month, 2);
    write_digits(id + 12, date.day, 2);
    write_digits(id + 14, seq, 3);
    id[17] = check_character(id);
    out.append(id, 18);
    out += ',';
    return day;
  }

  // Writes the category list and returns the category that decides the occupation.
  std::string_view append_categories(std::string& out, std::string_view politics) {
    std::string_view first;
    if (politics == "群众") {
      first = pick_weighted(m_rng, k_categories);
    } else if (politics == "无党派人士") {
      first = "无党派人士";
    } else {
      first = "民主党派成员";
    }
    out += first;
    if (chance(m_rng, 150)) {
      std::string_view second = pick_weighted(m_rng, k_categories);
      if (second == first) {
        second = first == "党外知识分子" ? "新的社会阶层人士" : "党外知识分子";
      }
      out += "；";
      out += second;
      if (first == "民主党派成员" || first == "无党派人士") {
        return second;
      }
    }
    return first;
  }

  // Democratic parties have their traditional fields (民盟/民进 education, 农工党 medicine, 民建
  // business, 九三学社 science); other people follow their category.
  const Occupation& pick_job(std::string_view category, std::string_view politics) {
    if (politics == "民建" || category == "非公有制经济人士") {
      return pick_one(m_rng, k_jobs_business);
    }
    if (politics == "农工党") {
      return k_jobs_intellectual[pick(m_rng, 3)];
    }
    if (politics == "民盟" || politics == "民进") {
      return k_jobs_intellectual[3 + pick(m_rng, 7)];
    }
    if (category == "新的社会阶层人士") {
      return pick_one(m_rng, k_jobs_new_stratum);
    }
    if (category == "出国和归国留学人员") {
      return pick_one(m_rng, k_jobs_returnee);
    }
    if (category == "归侨侨眷") {
      return pick_one(m_rng, k_jobs_overseas_kin);
    }
    return pick_one(m_rng, k_jobs_intellectual);
  }

  void append_job(std::string& out, std::string_view category, std::string_view politics,
                  int birth_year) {
    const Occupation& job = pick_job(category, politics);
    // People past retirement age (born before 1952) are mostly listed as retired from the unit.
    const bool retired = birth_year < 1952 && chance(m_rng, 700) && job.unit != "自由职业" &&
                         job.unit != "个体工商户";
    if (retired) {
      out += "原";
    }
    append_unit(out, job.unit);
    out += ',';
    if (retired) {
      out += "退休";
      return;
    }
    std::size_t posts = 0;
    while (posts < job.posts.size() && !job.posts[posts].empty()) {
      ++posts;
    }
    out += job.posts[pick(m_rng, posts)];
  }

  void append_unit(std::string& out, std::string_view unit) {
    while (!unit.empty()) {
      const auto open = unit.find('{');
      out += unit.substr(0, open);
      if (open == std::string_view::npos) {
        return;
      }
      const auto close = unit.find('}', open);
      const auto key = unit.substr(open + 1, close - open - 1);
      if (key == "县") {
        out += m_locale->county;
      } else if (key == "市") {
        out += m_locale->city;
      } else if (key == "镇") {
        out += m_locale->towns[pick(m_rng, m_locale->towns.size())];
      } else {
        out += pick_one(m_rng, k_firm_words);
      }
      unit = unit.substr(close + 1);
    }
  }

  void append_phone(std::string& out) {
    out += pick_one(m_rng, k_phone_prefixes);
    append_padded(out, static_cast<unsigned>(pick(m_rng, 100000000)), 8);
  }

  void append_address(std::string& out, std::size_t community) {
    const auto& name = m_opt.communities[community].name;
    if (name.empty()) {
      out += m_locale->communities[community % m_locale->communities.size()];
    } else {
      out += name;
    }
    append_number(out, 1 + pick(m_rng, 24));
    out += "号楼";
    append_number(out, 1 + pick(m_rng, 4));
    out += "单元";
    append_number(out, 1 + pick(m_rng, 7));
    append_padded(out, static_cast<unsigned>(1 + pick(m_rng, 4)), 2);
    out += "室";
  }

  // 重点联系对象, 困难, 联系人, 备注. Every 33rd key contact (about 3%) has no staff contact, so a
  // roster check always has something to report once there are six or more key contacts.
  void append_flags(std::string& out, std::size_t community) {
    const bool key = pick(m_rng, 1000) < m_opt.key_share_per_mille;
    const bool hardship = chance(m_rng, 50);
    out += key ? ",是" : ",否";
    out += hardship ? ",是," : ",否,";
    if (key) {
      const bool missing = m_key_count % 33 == 5;
      ++m_key_count;
      if (!missing) {
        out += m_staff[community][pick(m_rng, m_staff[community].size())];
      }
    }
    out += ',';
    if (chance(m_rng, 40)) {
      out += pick_one(m_rng, k_remarks);
    }
  }

  const Options& m_opt;
  Rng m_rng;
  IdAllocator m_ids;
  const Locale* m_locale;
  std::vector<unsigned> m_year_cumulative;
  unsigned m_year_total = 0;
  std::vector<std::vector<std::string>> m_staff;
  std::uint64_t m_key_count = 0;
};

void flush(std::string& buffer) {
  if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
    std::fprintf(stderr, "gen_members: error: write failed\n");
    std::exit(4);
  }
  buffer.clear();
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse_options(argc, argv);
  RowWriter writer(opt);
  if (opt.count > writer.capacity()) {
    usage_error("--count: at most " + std::to_string(writer.capacity()) +
                " unique ID numbers fit in the birth-year range");
  }
  constexpr std::size_t k_chunk = 1 << 22;
  std::string buffer;
  buffer.reserve(k_chunk + 4096);
  buffer += k_header;
  for (std::uint64_t i = 0; i < opt.count; ++i) {
    writer.write_row(buffer);
    if (buffer.size() >= k_chunk) {
      flush(buffer);
    }
  }
  flush(buffer);
  return std::fflush(stdout) == 0 ? 0 : 4;
}
