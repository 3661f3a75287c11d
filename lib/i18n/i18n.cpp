#include "i18n/i18n.h"

#include <algorithm>
#include <vector>

#include "i18n/catalogue.h"

namespace tongxin::i18n {

namespace {

Lang g_language = Lang::zh;

}  // namespace

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "zh") {
    return Lang::zh;
  }
  if (code == "en") {
    return Lang::en;
  }
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

Lang lang_from_env(const char* lang_env) {
  return lang_env != nullptr && std::string_view(lang_env).starts_with("zh") ? Lang::zh : Lang::en;
}

std::string message_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value != nullptr && *value != '\0') {
      return value;
    }
  }
  return "";
}

Lang new_workspace_lang(std::string_view locale) {
  return locale.starts_with("en") ? Lang::en : Lang::zh;
}

void set_language(Lang lang) { g_language = lang; }

Lang language() { return g_language; }

std::string_view text(std::string_view key) {
  const auto& entries = catalogue();
  const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                   [](const Message& m, std::string_view k) { return m.key < k; });
  if (it == entries.end() || it->key != key) {
    return key;
  }
  return g_language == Lang::zh ? it->zh : it->en;
}

std::vector<std::string_view> all_keys() {
  std::vector<std::string_view> keys;
  for (const Message& m : catalogue()) {
    keys.push_back(m.key);
  }
  return keys;
}

}  // namespace tongxin::i18n
