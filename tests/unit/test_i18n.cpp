#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "i18n/catalogue.h"
#include "i18n/i18n.h"

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
}
