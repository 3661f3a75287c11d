// User-facing strings of tongxin report, in Chinese and English. They live beside the module and
// are added to the catalogue when the program starts (cli::add_messages).
#pragma once

#include <vector>

#include "i18n/catalogue.h"

namespace tongxin::report {

// Every message of the module, in any order (the catalogue sorts).
const std::vector<i18n::Message>& messages();

}  // namespace tongxin::report
