// Text for HTML and XML documents (HTML reports, SVG, Office Open XML parts).
#pragma once

#include <string>
#include <string_view>

namespace tongxin::output {

// Text made safe for XML 1.0 and HTML, in content and attribute values: the markup characters
// escaped, line breaks and tabs as character references (so attributes keep them), other control
// characters dropped (XML 1.0 cannot carry them).
std::string escape_markup(std::string_view text);

}  // namespace tongxin::output
