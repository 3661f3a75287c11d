// Shared formatting rules of the audit renderers (render_common.h).
#include "audit/render_common.h"
#include "text/strings.h"

#include <fmt/format.h>

namespace tongxin::audit::render {

std::string text(const Json& value) { return value.is_null() ? "" : value.get<std::string>(); }

std::string num(const Json& value) {
  if (value.is_null()) {
    return "";
  }
  if (value.is_number_integer()) {
    return std::to_string(value.get<long long>());
  }
  return text::format_number(value.get<double>());
}

std::string percent(const Json& value) { return num(value) + "%"; }

const std::string& label(const Json& doc, std::string_view key) {
  return doc["labels"]["text"][std::string(key)].get_ref<const std::string&>();
}

std::string stars_text(const Json& stars) {
  if (stars.is_null()) {
    return "";
  }
  std::string marks;
  for (int i = 1; i <= 5; ++i) {
    marks += i <= stars.get<int>() ? "★" : "☆";
  }
  return marks;
}

std::string star_counts_text(const Json& counts) {
  std::string joined;
  for (const Json& band : counts) {
    if (band["count"].get<int>() > 0) {
      joined += fmt::format("{}{}★×{}", joined.empty() ? "" : " ", band["stars"].get<int>(),
                            band["count"].get<int>());
    }
  }
  return joined;
}

std::string_view required_mark(bool required) { return required ? "✓" : ""; }

std::string item_title(const Json& doc, const std::string& code) {
  for (const Json& community : doc["communities"]) {
    for (const Json& group : community["groups"]) {
      for (const Json& item : group["items"]) {
        if (item["code"].get_ref<const std::string&>() == code) {
          return item["title"].get<std::string>();
        }
      }
    }
  }
  return code;
}

std::string join_list(const Json& doc, const std::vector<std::string>& parts) {
  if (parts.empty()) {
    return label(doc, "none");
  }
  const std::string_view separator = doc["language"] == "zh" ? "、" : ", ";
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) {
      joined += separator;
    }
    joined += part;
  }
  return joined;
}

std::string colon(const Json& doc) { return doc["language"] == "zh" ? "：" : ": "; }

std::string parenthesized(const Json& doc, std::string_view inner) {
  return doc["language"] == "zh" ? fmt::format("（{}）", inner) : fmt::format(" ({})", inner);
}

std::string period_text(const Json& doc, const Json& period) {
  return text(period["label"]) +
         parenthesized(doc, text(period["from"]) + ".." + text(period["to"]));
}

std::vector<std::string> ref_titles(const Json& refs) {
  std::vector<std::string> titles;
  for (const Json& ref : refs) {
    titles.push_back(text(ref["title"]));
  }
  return titles;
}

bool has_summary(const Json& doc) { return doc["summary"]["rows"].size() > 1; }

bool has_stars(const Json& doc) { return !doc["standard"]["star_bands"].empty(); }

}  // namespace tongxin::audit::render
