#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "activity/messages.h"
#include "audit/messages.h"
#include "i18n/catalogue.h"
#include "i18n/i18n.h"
#include "roster/messages.h"
#include "schedule/messages.h"

using namespace tongxin::i18n;

namespace {

size_t placeholders(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '{' && s[i + 1] == '}') {
      n++;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("the catalogue has unique keys and both languages with matching placeholders") {
  const auto& entries = catalogue();
  for (size_t i = 0; i < entries.size(); ++i) {
    CAPTURE(entries[i].key);
    CHECK_FALSE(entries[i].zh.empty());
    CHECK_FALSE(entries[i].en.empty());
    CHECK(placeholders(entries[i].zh) == placeholders(entries[i].en));
    if (i > 0) {
      CHECK(entries[i - 1].key < entries[i].key);
    }
  }
}

TEST_CASE("language selection") {
  CHECK(lang_from_env("zh_CN.UTF-8") == Lang::zh);
  CHECK(lang_from_env("en_US.UTF-8") == Lang::en);
  CHECK(lang_from_env(nullptr) == Lang::en);
  CHECK(lang_from_env("C") == Lang::en);
  set_language(Lang::zh);
  CHECK(tr("store.backed_up", "x.db") == "已备份到 x.db");
  set_language(Lang::en);
  CHECK(tr("store.backed_up", "x.db") == "backed up to x.db");
  CHECK(text("no.such.key") == "no.such.key");
}

TEST_CASE("the modules' messages are in the catalogue once the program added them") {
  set_language(Lang::en);
  // One key of each module kept beside it (lib/<module>/messages.cpp); main added them.
  CHECK(text("roster.id_length") != "roster.id_length");
  CHECK(text("activity.bad_number") == "expected a number");
  CHECK(text("help.schedule") != "help.schedule");
  CHECK(text("audit.bad_period") != "audit.bad_period");
  CHECK(text("render.template.partial") != "render.template.partial");
}

namespace {

std::set<std::string_view> keys_of(const std::vector<Message>& part) {
  std::set<std::string_view> keys;
  for (const Message& m : part) {
    keys.insert(m.key);
  }
  return keys;
}

// The whole keys a folder's sources look up: tr("key" and text("key"; prefixes ("x.status." +
// code) are left out.
std::set<std::string> keys_used(const std::filesystem::path& folder) {
  static const std::regex k_lookup(R"re(\b(?:tr|text)\("([a-z_]+(?:\.[a-z_]+)+)")re");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path());
    const std::string source((std::istreambuf_iterator<char>(in)), {});
    for (std::sregex_iterator it(source.begin(), source.end(), k_lookup), end; it != end; ++it) {
      keys.insert((*it)[1].str());
    }
  }
  return keys;
}

}  // namespace

TEST_CASE("each layer looks up only its own messages and the shared ones") {
  // A module's messages reach the catalogue only when the program adds them, so a lower layer or
  // a sibling module that used them would depend on a module above or beside it.
  const std::map<std::string, std::set<std::string_view>> modules = {
      {"roster", keys_of(tongxin::roster::messages())},
      {"activity", keys_of(tongxin::activity::messages())},
      {"schedule", keys_of(tongxin::schedule::messages())},
      {"audit", keys_of(tongxin::audit::messages())}};
  std::set<std::string_view> shared;
  for (const Message& m : catalogue()) {
    if (std::none_of(modules.begin(), modules.end(),
                     [&](const auto& module) { return module.second.contains(m.key); })) {
      shared.insert(m.key);
    }
  }
  const std::filesystem::path lib = std::filesystem::path(TONGXIN_SOURCE_DIR) / "lib";
  for (const auto& folder : std::filesystem::directory_iterator(lib)) {
    const std::string name = folder.path().filename().string();
    const auto own = modules.find(name);
    for (const std::string& key : keys_used(folder.path())) {
      CAPTURE(name);
      CAPTURE(key);
      CHECK((shared.contains(key) || (own != modules.end() && own->second.contains(key))));
    }
  }
}
