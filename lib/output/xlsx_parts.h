// The parts of an XLSX package other than the sheets' data (xlsx_writer.cpp puts them in the
// zip): content types, relationships, workbook, styles, theme and document properties, the same
// parts libxlsxwriter wrote so that readers see the same workbook; and XML escaping. Internal to
// lib/output.
#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::output::xlsx {

// The XML declaration every part starts with.
inline constexpr std::string_view k_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Appends `text` as XML character data: & < > escaped, and each control character other than
// tab and line feed as _xHHHH_ (XML 1.0 cannot hold them; readers decode the escape), as
// libxlsxwriter did.
void append_text(std::string& out, std::string_view text);

// The fixed parts, for sheets named `names` (sheet N is xl/worksheets/sheetN.xml).
std::string content_types(size_t sheets);
std::string package_relationships();
std::string app_properties(const std::vector<std::string>& names);
// `created` as the creation and modification time (UTC).
std::string core_properties(std::time_t created);
std::string workbook(const std::vector<std::string>& names);
std::string workbook_relationships(size_t sheets);
// Fixed parts, embedded from schemas/xlsx/ (the bytes libxlsxwriter wrote): the styles, with two
// cell formats (0 the default, 1 bold: headers and titles), and the Office theme they refer to.
std::string_view styles();
std::string_view theme();

}  // namespace tongxin::output::xlsx
