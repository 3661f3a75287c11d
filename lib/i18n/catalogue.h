// The message catalogue: one entry per user-facing string, sorted by key (a test checks).
#pragma once

#include <string_view>
#include <vector>

namespace tongxin::i18n {

struct Message {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

// Sorted by key.
const std::vector<Message>& catalogue();

}  // namespace tongxin::i18n
