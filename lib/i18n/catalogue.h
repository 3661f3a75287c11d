// The message catalogue: one entry per user-facing string, looked up by key (i18n::text).
#pragma once

#include <string_view>
#include <vector>

namespace tongxin::i18n {

struct Message {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

// Every message added so far, sorted by key: the shared messages of the lower layers (errors,
// files, configuration, store, global help; catalogue.cpp) and each part given to add_messages.
const std::vector<Message>& catalogue();

// Adds a module's messages. The modules above i18n keep theirs beside them
// (lib/<module>/messages.cpp) and the program adds them once when it starts, before any other
// thread runs; adding the same part again changes nothing. `part` must outlive the process (a
// function-local static).
void add_messages(const std::vector<Message>& part);

}  // namespace tongxin::i18n
