// The drafted summary text: a Mustache template (kainjow) rendered over the report document.
// kainjow renders a name it cannot find as nothing, so every tag is first checked against the
// data model (the report schema plus the helpers of template_model) and a template naming
// anything else is refused with file:line:column.
#include <kainjow/mustache.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "config/diagnostics.h"
#include "config/yaml_reader.h"
#include "core/error.h"
#include "core/resources.h"
#include "i18n/i18n.h"
#include "report/render.h"
#include "text/strings.h"

namespace tongxin::report {

namespace {

namespace mustache = kainjow::mustache;

// What a template may name at one place of the data model.
struct Shape {
  bool any = false;  // anything goes below (free-form maps)
  std::map<std::string, Shape> members;
  std::vector<Shape> item;  // a list's element shape (zero or one)
  bool is_list = false;
};

// ---- the model's shape, from the JSON Schema and from the data ----

const nlohmann::ordered_json& resolve_ref(const nlohmann::ordered_json& schema,
                                          const nlohmann::ordered_json& node) {
  const auto ref = node.find("$ref");
  if (ref == node.end() || !ref->is_string()) {
    return node;
  }
  const std::string pointer = ref->get<std::string>();
  if (pointer.rfind("#/", 0) != 0) {
    return node;
  }
  return schema.at(nlohmann::ordered_json::json_pointer(pointer.substr(1)));
}

void merge_shape(Shape& into, const Shape& from) {
  into.any = into.any || from.any;
  into.is_list = into.is_list || from.is_list;
  for (const auto& [name, member] : from.members) {
    merge_shape(into.members[name], member);
  }
  if (!from.item.empty()) {
    if (into.item.empty()) {
      into.item.emplace_back();
    }
    merge_shape(into.item.front(), from.item.front());
  }
}

Shape shape_of_schema(const nlohmann::ordered_json& schema, const nlohmann::ordered_json& raw,
                      int depth = 0) {
  Shape shape;
  if (depth > 32 || !raw.is_object()) {
    shape.any = raw.is_boolean() && raw.get<bool>();
    return shape;
  }
  const nlohmann::ordered_json& node = resolve_ref(schema, raw);
  for (const char* key : {"anyOf", "oneOf", "allOf"}) {
    if (const auto alt = node.find(key); alt != node.end() && alt->is_array()) {
      for (const auto& option : *alt) {
        merge_shape(shape, shape_of_schema(schema, option, depth + 1));
      }
    }
  }
  if (const auto props = node.find("properties"); props != node.end() && props->is_object()) {
    for (const auto& [name, sub] : props->items()) {
      merge_shape(shape.members[name], shape_of_schema(schema, sub, depth + 1));
    }
  }
  for (const char* key : {"additionalProperties", "patternProperties"}) {
    if (const auto extra = node.find(key); extra != node.end() && !extra->is_boolean()) {
      shape.any = true;  // member names are data (codes), not known in advance
    } else if (extra != node.end() && extra->get<bool>()) {
      shape.any = true;
    }
  }
  if (const auto items = node.find("items"); items != node.end()) {
    shape.is_list = true;
    shape.item.push_back(shape_of_schema(schema, *items, depth + 1));
  }
  return shape;
}

Shape shape_of_data(const nlohmann::ordered_json& value) {
  Shape shape;
  if (value.is_object()) {
    for (const auto& [name, sub] : value.items()) {
      shape.members[name] = shape_of_data(sub);
    }
  } else if (value.is_array()) {
    shape.is_list = true;
    shape.item.emplace_back();
    for (const auto& element : value) {
      merge_shape(shape.item.front(), shape_of_data(element));
    }
  }
  return shape;
}

// ---- the template's tags ----

enum class TagKind { variable, section, inverted, close, comment, partial, delimiters };

struct Tag {
  TagKind kind;
  std::string name;
  int line;
  int column;
};

TagKind kind_of(char first) {
  switch (first) {
    case '#':
      return TagKind::section;
    case '^':
      return TagKind::inverted;
    case '/':
      return TagKind::close;
    case '!':
      return TagKind::comment;
    case '>':
      return TagKind::partial;
    case '=':
      return TagKind::delimiters;
    default:
      return TagKind::variable;
  }
}

// Line and column (1-based, the column in bytes as config::Diagnostic wants it) of byte `offset`
// of `text`.
std::pair<int, int> position_of(std::string_view text, size_t offset) {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    column = text[i] == '\n' ? 1 : column + 1;
    line += text[i] == '\n' ? 1 : 0;
  }
  return {line, column};
}

// New delimiters from a "=<% %>=" tag body; false when malformed.
bool parse_delimiters(const std::string& body, std::string& open, std::string& close) {
  if (body.size() < 5 || body.back() != '=') {
    return false;
  }
  std::istringstream in(body.substr(1, body.size() - 2));
  std::string first;
  std::string second;
  std::string extra;
  if (!(in >> first >> second) || (in >> extra) || first.find('=') != std::string::npos ||
      second.find('=') != std::string::npos) {
    return false;
  }
  open = first;
  close = second;
  return true;
}

// Every tag of `text`, in order; syntax problems (unclosed tags, bad delimiters) go to `problems`.
std::vector<Tag> scan_tags(std::string_view text, config::Diagnostics& problems) {
  std::vector<Tag> tags;
  std::string open = "{{";
  std::string close = "}}";
  size_t at = 0;
  while ((at = text.find(open, at)) != std::string_view::npos) {
    const auto [line, column] = position_of(text, at);
    const bool triple = open == "{{" && close == "}}" && text.substr(at + 2, 1) == "{";
    const size_t body_start = at + open.size() + (triple ? 1 : 0);
    const std::string end_mark = triple ? "}}}" : close;
    const size_t end = text.find(end_mark, body_start);
    if (end == std::string_view::npos) {
      problems.add(line, column, "", i18n::tr("render.template.unclosed_tag", open));
      break;
    }
    std::string body = text::trim(text.substr(body_start, end - body_start));
    at = end + end_mark.size();
    const TagKind kind = triple || body.empty() ? TagKind::variable : kind_of(body[0]);
    if (kind == TagKind::delimiters) {
      if (!parse_delimiters(body, open, close)) {
        problems.add(line, column, "", i18n::tr("render.template.bad_delimiters", body));
        break;
      }
    } else if (!triple && kind != TagKind::variable) {
      body = text::trim(std::string_view(body).substr(1));
    } else if (!triple && body[0] == '&') {
      body = text::trim(std::string_view(body).substr(1));
    }
    tags.push_back({kind, body, line, column});
  }
  return tags;
}

// ---- checking names ----

const Shape* member(const Shape& shape, const std::string& name) {
  static const Shape k_any{true, {}, {}, false};
  if (shape.any) {
    return &k_any;
  }
  const auto it = shape.members.find(name);
  return it == shape.members.end() ? nullptr : &it->second;
}

// The shape a name resolves to from the context stack (innermost last), as kainjow resolves it:
// each context in turn, a dotted name walked whole inside one context.
const Shape* resolve(const std::vector<const Shape*>& stack, const std::string& name) {
  if (name == ".") {
    return stack.back();
  }
  const std::vector<std::string> parts = [&] {
    std::vector<std::string> out;
    std::istringstream in(name);
    for (std::string part; std::getline(in, part, '.');) {
      out.push_back(part);
    }
    return out;
  }();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Shape* found = *it;
    for (const std::string& part : parts) {
      found = found == nullptr ? nullptr : member(*found, part);
    }
    if (found != nullptr) {
      return found;
    }
  }
  return nullptr;
}

// The names a misspelt `name` could have meant: for a dotted name, the members of what its
// first parts resolve to (each prefixed with those parts); else every name visible here.
std::set<std::string> candidates(const std::vector<const Shape*>& stack, const std::string& name) {
  std::set<std::string> names;
  const size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) {
    const std::string prefix = name.substr(0, dot);
    if (const Shape* parent = resolve(stack, prefix); parent != nullptr) {
      for (const auto& [member_name, sub] : parent->members) {
        names.insert(prefix + "." + member_name);
      }
    }
    return names;
  }
  for (const Shape* shape : stack) {
    for (const auto& [member_name, sub] : shape->members) {
      names.insert(member_name);
    }
  }
  return names;
}

void report_unknown(config::Diagnostics& problems, const Tag& tag,
                    const std::vector<const Shape*>& stack) {
  const std::string guess = config::closest(tag.name, candidates(stack, tag.name));
  problems.add(tag.line, tag.column, "",
               guess.empty() ? i18n::tr("render.template.unknown_name", tag.name)
                             : i18n::tr("render.template.unknown_name_guess", tag.name, guess));
}

void check_tags(const std::vector<Tag>& tags, const Shape& root, config::Diagnostics& problems) {
  static const Shape k_nothing;
  std::vector<const Shape*> stack{&root};
  std::vector<const Tag*> open_sections;
  for (const Tag& tag : tags) {
    switch (tag.kind) {
      case TagKind::comment:
      case TagKind::delimiters:
        break;
      case TagKind::partial:
        problems.add(tag.line, tag.column, "", i18n::tr("render.template.partial", tag.name));
        break;
      case TagKind::variable:
        if (resolve(stack, tag.name) == nullptr) {
          report_unknown(problems, tag, stack);
        }
        break;
      case TagKind::section:
      case TagKind::inverted: {
        const Shape* shape = resolve(stack, tag.name);
        if (shape == nullptr) {
          report_unknown(problems, tag, stack);
          shape = &k_nothing;
        }
        // A section over a list sees each element; an inverted one only sees what was outside.
        const bool over_items = tag.kind == TagKind::section && !shape->item.empty();
        stack.push_back(tag.kind == TagKind::inverted ? &k_nothing
                        : over_items                  ? &shape->item.front()
                                                      : shape);
        open_sections.push_back(&tag);
        break;
      }
      case TagKind::close:
        if (open_sections.empty() || open_sections.back()->name != tag.name) {
          problems.add(tag.line, tag.column, "",
                       i18n::tr("render.template.unopened_section", tag.name));
          return;
        }
        open_sections.pop_back();
        stack.pop_back();
        break;
    }
  }
  if (!open_sections.empty()) {
    const Tag& tag = *open_sections.back();
    problems.add(tag.line, tag.column, "", i18n::tr("render.template.unclosed_section", tag.name));
  }
}

// ---- rendering ----

std::string number_text(const nlohmann::ordered_json& value) {
  if (value.is_number_float()) {
    return text::format_number(value.get<double>(), 2);
  }
  return value.dump();
}

mustache::data to_mustache(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
      mustache::data out(mustache::data::type::object);
      for (const auto& [name, sub] : value.items()) {
        out.set(name, to_mustache(sub));
      }
      return out;
    }
    case nlohmann::ordered_json::value_t::array: {
      mustache::data out(mustache::data::type::list);
      for (const auto& element : value) {
        out.push_back(to_mustache(element));
      }
      return out;
    }
    case nlohmann::ordered_json::value_t::string:
      return mustache::data(value.get<std::string>());
    case nlohmann::ordered_json::value_t::boolean:
      return mustache::data(value.get<bool>() ? mustache::data::type::bool_true
                                              : mustache::data::type::bool_false);
    case nlohmann::ordered_json::value_t::null:
    case nlohmann::ordered_json::value_t::discarded:
      return mustache::data(mustache::data::type::bool_false);
    default:
      return mustache::data(number_text(value));
  }
}

// Sections that render nothing leave blank lines behind: at most one blank line in a row, none
// at the start, one line feed at the end.
std::string tidy_blank_lines(std::string_view text) {
  std::string out;
  size_t blank_run = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    blank_run = blank ? blank_run + 1 : 0;
    if (!(blank && (out.empty() || blank_run > 1))) {
      out.append(blank ? std::string_view() : line).push_back('\n');
    }
    start = end + 1;
  }
  while (out.ends_with("\n\n")) {
    out.pop_back();
  }
  return out;
}

}  // namespace

SummaryTemplate builtin_template(i18n::Lang lang) {
  const std::string path =
      fmt::format("schemas/templates/report.{}.md.mustache", i18n::lang_code(lang));
  return {path, std::string(resources::get(path))};
}

SummaryTemplate read_template(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(ExitCode::usage, i18n::tr("render.template.cannot_read", file.string()));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return {file.string(), text.str()};
}

SummaryTemplate choose_template(const std::optional<std::filesystem::path>& template_file,
                                const std::filesystem::path& workspace_root,
                                const std::string& kind, i18n::Lang lang) {
  if (template_file) {
    return read_template(*template_file);
  }
  for (const std::string& name : {"report-" + kind, std::string("report-default")}) {
    const std::filesystem::path candidate = workspace_root / "templates" / (name + ".md.mustache");
    if (!workspace_root.empty() && std::filesystem::is_regular_file(candidate)) {
      return read_template(candidate);
    }
  }
  return builtin_template(lang);
}

void check_template(const SummaryTemplate& tmpl, const nlohmann::ordered_json& model) {
  config::Diagnostics problems(tmpl.file);
  const std::vector<Tag> tags = scan_tags(tmpl.text, problems);
  if (problems.empty()) {
    const nlohmann::ordered_json schema =
        nlohmann::ordered_json::parse(resources::get(k_report_schema));
    Shape shape = shape_of_schema(schema, schema);
    merge_shape(shape, shape_of_data(model));
    check_tags(tags, shape, problems);
  }
  problems.throw_if_any(tmpl.text);
}

std::string draft_summary(const nlohmann::ordered_json& report, const SummaryTemplate& tmpl) {
  const nlohmann::ordered_json model = template_model(report);
  check_template(tmpl, model);
  mustache::mustache renderer(tmpl.text);
  if (!renderer.is_valid()) {
    throw Error(ExitCode::config, tmpl.file + ": " + renderer.error_message());
  }
  // The text is Markdown, not HTML: values go in as they are (the HTML renderer escapes).
  renderer.set_custom_escape([](const std::string& s) { return s; });
  const std::string text = renderer.render(to_mustache(model));
  if (!renderer.is_valid()) {
    throw Error(ExitCode::config, tmpl.file + ": " + renderer.error_message());
  }
  return tidy_blank_lines(text);
}

}  // namespace tongxin::report
