// User-facing text in Chinese and English from one catalogue (catalogue.h: the shared messages
// and those each module adds). The language is chosen once per process, like a locale: --lang,
// else the workspace's `language`, else LANG.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::i18n {

enum class Lang { zh, en };

// Parses "zh" or "en"; std::nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);

// The default without a workspace or flag: zh when the locale value starts with "zh", else en.
Lang lang_from_env(const char* lang_env);

// The locale that names the language of messages, as POSIX orders them: LC_ALL, else
// LC_MESSAGES, else LANG (the first set and not empty; "" when none is). Null means unset.
std::string message_locale(const char* lc_all, const char* lc_messages, const char* lang);

// The language `init` writes into a new workspace without --lang: en only when the locale says
// English; zh otherwise, C and unset included (the users are Chinese offices, and cron has no
// locale at all).
Lang new_workspace_lang(std::string_view locale);

void set_language(Lang lang);
Lang language();

// The catalogue text for `key` in the current language; the key itself when missing (a test
// checks that every key used has both languages).
std::string_view text(std::string_view key);

// text(key) formatted with fmt-style arguments.
template <typename... Args>
std::string tr(std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(text(key)), std::forward<Args>(args)...);
}

// Picks between a Chinese and an English string (for labels that come from data files).
inline const std::string& pick(const std::string& zh, const std::string& en) {
  return language() == Lang::zh || en.empty() ? zh : en;
}

// Every key of the catalogue (for tests).
std::vector<std::string_view> all_keys();

}  // namespace tongxin::i18n
