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

// Sorted by key: every module's messages together.
const std::vector<Message>& catalogue();

// Each module keeps its messages in its own file (catalogue_<module>.cpp), so modules can grow
// independently; catalogue() merges them.
std::vector<Message> messages_core();
std::vector<Message> messages_roster();
std::vector<Message> messages_activity();
std::vector<Message> messages_schedule();
std::vector<Message> messages_audit();

}  // namespace tongxin::i18n
