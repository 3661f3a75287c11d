#include "roster/fields.h"

#include <algorithm>
#include <stdexcept>

#include "config/codes.h"
#include "i18n/i18n.h"
#include "roster/id_number.h"
#include "roster/plausible.h"
#include "text/clean.h"
#include "text/mask.h"

namespace tongxin::roster {

namespace {

using text::fold;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const std::vector<FieldDef>& member_fields() {
  using K = FieldKind;
  static const std::vector<FieldDef> k_fields = {
      {"name", "姓名", "Name", K::text, "", {"名字"}},
      {"sex", "性别", "Sex", K::code, "sex", {}},
      {"id_number",
       "身份证号",
       "ID number",
       K::id_number,
       "",
       {"身份证号码", "公民身份号码", "身份证", "证件号码"},
       false,
       true},
      // Masked to its year: the full date is digits 7-14 of the ID number (domain.md §7.3).
      {"birth_date", "出生日期", "Birth date", K::date, "", {"出生年月", "生日"}, false, true},
      {"ethnicity", "民族", "Ethnicity", K::code, "ethnic_groups", {}, true},
      {"religion", "宗教", "Religion", K::code, "religions", {"宗教信仰"}, true},
      {"political_status", "政治面貌", "Political status", K::code, "political_status", {"党派"}},
      {"categories",
       "统战类别",
       "Categories",
       K::code_list,
       "categories",
       {"类别", "统战对象类别", "人员类别"}},
      {"employer", "工作单位", "Employer", K::text, "", {"单位", "工作单位及职务"}},
      {"position", "职务", "Position", K::text, "", {"职称", "职务职称"}},
      {"phone",
       "联系电话",
       "Phone",
       K::phone,
       "",
       {"电话", "手机", "手机号", "手机号码"},
       false,
       true},
      {"address", "住址", "Address", K::text, "", {"地址", "家庭住址", "现住址"}},
      {"community", "社区", "Community", K::community, "", {"所属社区", "社区编号"}},
      {"key_contact", "重点联系对象", "Key contact", K::boolean, "", {"重点", "重点对象"}},
      {"hardship", "困难", "Hardship", K::boolean, "", {"困难对象", "困难群众"}},
      {"contact_cadre", "联系人", "Contact cadre", K::text, "", {"联系干部", "联系领导"}},
      {"greetings", "节日问候", "Greetings", K::code_list, "festivals", {"问候节日"}},
      {"notes", "备注", "Notes", K::text, "", {"说明"}},
      {"registered_on",
       "登记日期",
       "Registered on",
       K::date,
       "",
       {"登记时间", "入册日期", "建档日期", "registered", "registration_date"}},
  };
  return k_fields;
}

const FieldDef* field_by_key(std::string_view key) {
  for (const FieldDef& f : member_fields()) {
    if (f.key == key) {
      return &f;
    }
  }
  return nullptr;
}

std::optional<size_t> field_index(std::string_view key) {
  const auto& fields = member_fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) {
      return i;
    }
  }
  return std::nullopt;
}

size_t field_index(const FieldDef& def) {
  return static_cast<size_t>(&def - member_fields().data());
}

namespace {

size_t required_index(std::string_view key) {
  const auto index = field_index(key);
  if (!index) {
    throw std::out_of_range("no member field '" + std::string(key) + "'");
  }
  return *index;
}

}  // namespace

FieldValues::FieldValues() : m_values(member_fields().size()) {}

FieldValues::FieldValues(std::initializer_list<std::pair<std::string_view, std::string>> values)
    : FieldValues() {
  for (const auto& [key, value] : values) {
    (*this)[key] = value;
  }
}

std::string& FieldValues::operator[](std::string_view key) { return m_values[required_index(key)]; }

const std::string& FieldValues::operator[](std::string_view key) const {
  return m_values[required_index(key)];
}

void FieldValues::clear() {
  for (std::string& value : m_values) {
    value.clear();
  }
}

const FieldDef* field_by_header(std::string_view header) {
  const std::string wanted = fold(header);
  for (const FieldDef& f : member_fields()) {
    if (fold(f.key) == wanted || fold(f.zh) == wanted || fold(f.en) == wanted) {
      return &f;
    }
    for (const std::string& h : f.headers) {
      if (fold(h) == wanted) {
        return &f;
      }
    }
  }
  return nullptr;
}

namespace {

// The code table of `def` (a code or code_list field), looked up once per field.
const config::CodeTable& table_of(const FieldDef& def) {
  static const std::vector<const config::CodeTable*> k_tables = [] {
    std::vector<const config::CodeTable*> tables;
    for (const FieldDef& f : member_fields()) {
      tables.push_back(f.table.empty() ? nullptr : &config::code_table(f.table));
    }
    return tables;
  }();
  return *k_tables[field_index(def)];
}

std::optional<std::string> parse_boolean(std::string_view raw) {
  static const std::vector<std::string> k_true = {"是", "yes", "y", "1", "true", "√"};
  static const std::vector<std::string> k_false = {"否", "no", "n", "0", "false", "×"};
  const std::string v = fold(raw);
  if (contains(k_true, v)) {
    return "1";
  }
  if (contains(k_false, v)) {
    return "0";
  }
  return std::nullopt;
}

std::string id_reason(const IdCheck& check) {
  switch (check.problem) {
    case IdProblem::excel_number:
      return i18n::tr("roster.id_excel");
    case IdProblem::bad_length:
      return i18n::tr("roster.id_length");
    case IdProblem::bad_characters:
      return i18n::tr("roster.id_characters");
    case IdProblem::bad_check_digit:
      return i18n::tr("roster.id_check_digit", check.expected_check);
    case IdProblem::bad_date:
      return i18n::tr("roster.id_bad_date");
    case IdProblem::future_date:
      return i18n::tr("roster.id_future_date");
    case IdProblem::empty:
    case IdProblem::none:
      break;
  }
  return {};
}

// The current entry `item` names in the field's table: 2006-list categories map to today's
// codes. nullptr, with a problem listing the current codes, when there is none.
const config::CodeEntry* current_entry(const FieldDef& def, const config::CodeTable& table,
                                       std::string_view item, std::vector<FieldProblem>& problems) {
  const config::CodeEntry* entry = table.find(item);
  if (entry != nullptr && !entry->field("legacy").empty()) {
    entry = table.by_code(entry->field("maps_to"));
  }
  if (entry == nullptr) {
    problems.push_back(
        {def.key, i18n::tr("roster.unknown_code", table.choices_list(true)), std::string(item)});
  }
  return entry;
}
// The items of a list cell. A label that holds a list separator itself (华侨、归侨及侨眷, or
// "Overseas Chinese, returnees and their kin", as our own exports write them) is split apart by
// split_list: its pieces are joined back when together they name an entry.
std::vector<std::string> list_items(std::string_view raw, const config::CodeTable& table) {
  std::vector<std::string> items;
  for (std::string& item : split_list(raw)) {
    bool joined = false;
    for (const std::string_view separator : {"、", ", "}) {  // the zh and en label separators
      const std::string whole = items.empty() ? "" : items.back() + std::string(separator) + item;
      if (!joined && !items.empty() && table.find(whole) != nullptr) {
        items.back() = whole;
        joined = true;
      }
    }
    if (!joined) {
      items.push_back(std::move(item));
    }
  }
  return items;
}

std::optional<std::string> parse_code_list(const FieldDef& def, std::string_view raw,
                                           std::vector<FieldProblem>& problems) {
  std::vector<std::string> codes;
  bool ok = true;
  for (const std::string& item : list_items(raw, table_of(def))) {
    if (const config::CodeEntry* entry = current_entry(def, table_of(def), item, problems)) {
      if (!contains(codes, entry->code)) {
        codes.push_back(entry->code);
      }
    } else {
      ok = false;
    }
  }
  if (!ok) {
    return std::nullopt;
  }
  std::sort(codes.begin(), codes.end());
  std::string joined;
  for (const std::string& c : codes) {
    joined += (joined.empty() ? "" : ",") + c;
  }
  return joined;
}

bool fail(const FieldDef& def, std::string reason, std::string_view value,
          std::vector<FieldProblem>& problems) {
  problems.push_back({def.key, std::move(reason), std::string(value)});
  return false;
}

// What a field may hold as text (tongxin-roster(1)): names are short, notes may run over lines,
// everything else is one line.
text::TextLimits text_limits(const FieldDef& def) {
  if (def.key == "name") {
    return text::k_name_limits;
  }
  return def.key == "notes" ? text::k_notes_limits : text::k_line_limits;
}

}  // namespace

// What an export without --reveal leaves of a personal value: an ID number or phone with its
// middle starred out, a birth date cut to its year. Said as such on import, not as a bad value.
bool is_masked(const FieldDef& def, std::string_view v) {
  if (!def.personal) {
    return false;
  }
  if (def.kind == FieldKind::date) {
    return v.size() == 4 &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return v.find('*') != std::string_view::npos;
}

bool parse_value_into(const FieldDef& def, std::string_view raw, const ValueContext& ctx,
                      std::vector<FieldProblem>& problems, std::string& out) {
  const std::string_view v = text::trim_view(raw);
  if (v.empty()) {
    out.clear();
    return true;
  }
  const text::TextLimits limits = text_limits(def);
  if (const text::TextFault fault = text::check_text(v, limits); fault != text::TextFault::none) {
    return fail(def, text::fault_reason(fault, limits), v, problems);
  }
  if (def.sensitive && !contains(ctx.sensitive_enabled, def.key)) {
    return fail(def, i18n::tr("roster.sensitive_off", i18n::pick(def.zh, def.en)), v, problems);
  }
  if (is_masked(def, v)) {
    return fail(def, i18n::tr("roster.masked_value"), v, problems);
  }
  std::optional<std::string> parsed;
  switch (def.kind) {
    case FieldKind::text:
      out.assign(v);
      return true;
    case FieldKind::code:
      if (const config::CodeEntry* entry = current_entry(def, table_of(def), v, problems)) {
        out.assign(entry->code);
        return true;
      }
      return false;
    case FieldKind::code_list:
      parsed = parse_code_list(def, v, problems);
      break;
    case FieldKind::boolean:
      if (auto b = parse_boolean(v)) {
        out.assign(*b);
        return true;
      }
      return fail(def, i18n::tr("roster.bad_boolean"), v, problems);
    case FieldKind::date:
      if (auto d = parse_date(v)) {
        out.assign(d->iso());
        return true;
      }
      return fail(def, i18n::tr("roster.bad_date"), v, problems);
    case FieldKind::id_number: {
      const IdCheck check = check_id_number(v, ctx.today);
      if (check.problem != IdProblem::none) {
        return fail(def, id_reason(check), v, problems);
      }
      out.assign(check.normalized);
      return true;
    }
    case FieldKind::phone:
      if (!plausible_phone(v)) {
        return fail(def, i18n::tr("roster.bad_phone"), v, problems);
      }
      out.assign(v);
      return true;
    case FieldKind::community: {
      // The problem quotes the value itself before the id（name） pairs; repeated after them it
      // read as the last community's name.
      config::CommunityMatch match = config::match_community(ctx.communities, v);
      if (match.id.empty()) {
        return fail(def, std::move(match.problem), "", problems);
      }
      out = std::move(match.id);
      return true;
    }
  }
  if (!parsed) {
    return false;
  }
  out = std::move(*parsed);
  return true;
}

std::optional<std::string> parse_value(const FieldDef& def, std::string_view raw,
                                       const ValueContext& ctx,
                                       std::vector<FieldProblem>& problems) {
  std::string out;
  if (!parse_value_into(def, raw, ctx, problems, out)) {
    return std::nullopt;
  }
  return out;
}

namespace {

void check_against_id(FieldValues& values, const ValueContext& ctx,
                      std::vector<FieldProblem>& problems) {
  const std::string& id = values[Field::id_number];
  if (id.empty()) {
    return;
  }
  const IdCheck check = check_id_number(id, ctx.today);
  if (check.problem != IdProblem::none || !check.birth_date) {
    return;
  }
  const std::string birth = check.birth_date->iso();
  const std::string sex = check.sex == 1 ? "male" : (check.sex == 2 ? "female" : "");
  if (values[Field::birth_date].empty()) {
    values[Field::birth_date] = birth;
  } else if (values[Field::birth_date] != birth) {
    problems.push_back(
        {"birth_date", i18n::tr("roster.birth_mismatch", birth), values[Field::birth_date]});
  }
  if (values[Field::sex].empty() && !sex.empty()) {
    values[Field::sex] = sex;
  } else if (!sex.empty() && (values[Field::sex] == "male" || values[Field::sex] == "female") &&
             values[Field::sex] != sex) {
    // The value as people write it (男, not male): no code inside a Chinese message.
    problems.push_back({"sex", i18n::tr("roster.sex_mismatch"),
                        display_value(*field_by_key("sex"), values[Field::sex], false)});
  }
}

// Minors under 14 need a guardian's consent and special rules (PIPL Art. 31): refuse them.
void check_age(const FieldValues& values, const ValueContext& ctx,
               std::vector<FieldProblem>& problems) {
  const auto birth = parse_iso_date(values[Field::birth_date]);
  if (!birth) {
    return;
  }
  const Date fourteenth{birth->year + 14, birth->month,
                        std::min(birth->day, days_in_month(birth->year + 14, birth->month))};
  if (ctx.today < fourteenth) {
    problems.push_back({"birth_date", i18n::tr("roster.under_14"), values[Field::birth_date]});
  }
}

// religious_figure and ethnic_minority_figure reveal religion and ethnicity: they need the
// matching sensitive field enabled (with a purpose) in tongxin.yaml.
void check_sensitive_categories(const FieldValues& values, const ValueContext& ctx,
                                std::vector<FieldProblem>& problems) {
  static const std::vector<std::pair<std::string, std::string>> k_gates = {
      {"religious_figure", "religion"}, {"ethnic_minority_figure", "ethnicity"}};
  for (const std::string& code : split_list(values[Field::categories])) {
    for (const auto& [category, field] : k_gates) {
      if (code == category && !contains(ctx.sensitive_enabled, field)) {
        // The category by its label; the field by the key tongxin.yaml needs.
        const std::string label = display_value(*field_by_key("categories"), code, false);
        problems.push_back(
            {"categories", i18n::tr("roster.sensitive_category", label, field), label});
      }
    }
  }
}

// A CPC member is in no category that is outside the CPC by definition (a 中共党员 is no
// 党外知识分子).
void check_party_categories(const FieldValues& values, std::vector<FieldProblem>& problems) {
  const std::string& status = values[Field::political_status];
  for (const std::string& code :
       categories_excluding_cpc(status, split_list(values[Field::categories]))) {
    problems.push_back({"categories",
                        i18n::tr("roster.cpc_in_non_party_category",
                                 config::code_table("political_status").by_code(status)->label()),
                        config::code_table("categories").by_code(code)->label()});
  }
}

}  // namespace

void require_category(const FieldValues& values, std::vector<FieldProblem>& problems) {
  const bool reported = std::any_of(problems.begin(), problems.end(),
                                    [](const FieldProblem& p) { return p.field == "categories"; });
  if (values[Field::categories].empty() && !reported) {
    problems.push_back({"categories", i18n::tr("roster.category_required"), ""});
  }
}

void check_member(FieldValues& values, const ValueContext& ctx, std::vector<FieldProblem>& problems,
                  bool whole_member) {
  // A value refused already is empty here; "required" on top of its reason would be noise.
  const auto reported = [&problems](const std::string& field) {
    return std::any_of(problems.begin(), problems.end(),
                       [&field](const FieldProblem& p) { return p.field == field; });
  };
  if (values[Field::name].empty() && !reported("name")) {
    problems.push_back({"name", i18n::tr("roster.required"), ""});
  }
  if (values[Field::community].empty() && !reported("community")) {
    problems.push_back({"community", i18n::tr("roster.community_required"), ""});
  }
  check_against_id(values, ctx, problems);
  check_age(values, ctx, problems);
  check_sensitive_categories(values, ctx, problems);
  check_party_categories(values, problems);
  if (whole_member) {
    require_category(values, problems);
  }
  if (!values[Field::registered_on].empty() && values[Field::registered_on] > ctx.today.iso()) {
    problems.push_back(
        {"registered_on", i18n::tr("roster.registered_in_future"), values[Field::registered_on]});
  }
}

std::string display_value(const FieldDef& def, const std::string& stored, bool reveal) {
  if (stored.empty()) {
    return stored;
  }
  switch (def.kind) {
    case FieldKind::id_number:
      return reveal ? stored : text::mask_id(stored);
    case FieldKind::phone:
      return reveal ? stored : text::mask_phone(stored);
    case FieldKind::date:
      // A personal date (the birth date) shows only its year unless revealed.
      return reveal || !def.personal ? stored : stored.substr(0, 4);
    case FieldKind::boolean:
      return i18n::tr(stored == "1" ? "roster.yes" : "roster.no");
    case FieldKind::code: {
      const auto* entry = config::code_table(def.table).by_code(stored);
      return entry ? entry->label() : stored;
    }
    case FieldKind::code_list: {
      std::string labels;
      for (const std::string& code : split_list(stored)) {
        const auto* entry = config::code_table(def.table).by_code(code);
        labels +=
            (labels.empty() ? std::string() : std::string(i18n::text("roster.list_separator"))) +
            (entry ? entry->label() : code);
      }
      return labels;
    }
    default:
      return stored;
  }
}

io::ValueKind value_kind(const std::string& field_key) {
  const FieldDef* def = field_by_key(field_key);
  if (def != nullptr && def->kind == FieldKind::id_number) {
    return io::ValueKind::id_number;
  }
  if (def != nullptr && def->kind == FieldKind::phone) {
    return io::ValueKind::phone;
  }
  return io::ValueKind::plain;
}

}  // namespace tongxin::roster
