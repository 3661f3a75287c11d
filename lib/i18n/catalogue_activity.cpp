// User-facing strings of the activity commands, in Chinese and English (see catalogue.cpp).
#include "i18n/catalogue.h"

namespace tongxin::i18n {

std::vector<Message> messages_activity() {
  return {
  };
}

}  // namespace tongxin::i18n
