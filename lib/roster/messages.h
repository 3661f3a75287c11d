// User-facing strings of the roster commands and of imports, in Chinese and English. They live
// beside the module, not in lib/i18n: the program adds them to the catalogue when it starts
// (cli::add_messages), so the lowest layer knows no module above it.
#pragma once

#include <vector>

#include "i18n/catalogue.h"

namespace tongxin::roster {

// Every message of the module, in any order (the catalogue sorts).
const std::vector<i18n::Message>& messages();

}  // namespace tongxin::roster
