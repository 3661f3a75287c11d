// Reading the audit document for the renderers of render.h: the small formatting rules every
// format shares (numbers, stars, labels, lists), so Markdown, HTML, JUnit and the tables agree.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "output/markup.h"

namespace tongxin::audit::render {

using Json = nlohmann::ordered_json;

// A string value; "" for null (optional texts such as remediation, approved_by, expires).
std::string text(const Json& value);

// A number in its shortest form (2, 24.5, 74.2); "" for null.
std::string num(const Json& value);

// A percentage: num(value) + "%".
std::string percent(const Json& value);

// labels.text[key] of the document.
const std::string& label(const Json& doc, std::string_view key);

// Stars as ★★☆☆☆ (earned filled, up to five); "" for null (no star bands).
std::string stars_text(const Json& stars);

// A roll-up's star_counts as "2★×1 1★×1" (non-zero counts only, most stars first).
std::string star_counts_text(const Json& counts);

// The mark in a "required" column: ✓ for a required item (必备项), else "".
std::string_view required_mark(bool required);

// The title of item `code` as the first community that has it names it; the code when none does.
std::string item_title(const Json& doc, const std::string& code);

// A list joined the document's way: 、 in Chinese, ", " in English; labels.text.none when empty.
std::string join_list(const Json& doc, const std::vector<std::string>& parts);

// The document's colon (： in Chinese, ": " in English) and `inner` in its parentheses.
std::string colon(const Json& doc);
std::string parenthesized(const Json& doc, std::string_view inner);

// A period for people: "2012年（2012-01-01..2012-12-31）".
std::string period_text(const Json& doc, const Json& period);

// Text made safe for XML 1.0 and HTML (shared with the report's renderings).
using output::escape_markup;

// The titles of a list of item references (comparison.newly_failing, comparison.fixed).
std::vector<std::string> ref_titles(const Json& refs);

// Whether the document has a summary worth showing (more than one community row).
bool has_summary(const Json& doc);

// Whether the standard rates stars (has star bands).
bool has_stars(const Json& doc);

}  // namespace tongxin::audit::render
