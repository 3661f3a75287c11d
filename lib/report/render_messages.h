// User-facing strings of the report's renderings (render_*.cpp): summary template errors, the
// sentences of the drafted text and the section tables' labels, in Chinese and English. Like
// every module's messages they live beside the module; the program adds them when it starts
// (cli::add_messages).
#pragma once

#include <vector>

#include "i18n/catalogue.h"

namespace tongxin::report {

// Every message of the renderings, in any order (the catalogue sorts).
const std::vector<i18n::Message>& render_messages();

}  // namespace tongxin::report
