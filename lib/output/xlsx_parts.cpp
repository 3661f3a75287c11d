#include "output/xlsx_parts.h"

#include <fmt/format.h>

#include <array>

#include "core/resources.h"
#include "output/markup.h"

namespace tongxin::output::xlsx {

namespace {

constexpr std::string_view k_relationships_ns =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view k_office_rel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view k_office_type = "application/vnd.openxmlformats-officedocument.";

// What each byte needs in XML text: 0 nothing, 1 an entity, 2 the _xHHHH_ escape.
constexpr std::array<unsigned char, 256> make_text_classes() {
  std::array<unsigned char, 256> classes{};
  for (int c = 0; c < 0x20; ++c) {
    classes[static_cast<size_t>(c)] = (c == '\t' || c == '\n') ? 0 : 2;
  }
  classes['&'] = 1;
  classes['<'] = 1;
  classes['>'] = 1;
  return classes;
}
constexpr std::array<unsigned char, 256> k_text_classes = make_text_classes();

std::string relationship(size_t id, std::string_view type, std::string_view target) {
  return fmt::format("<Relationship Id=\"rId{}\" Type=\"{}\" Target=\"{}\"/>", id, type, target);
}

}  // namespace

void append_text(std::string& out, std::string_view text) {
  size_t plain = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (k_text_classes[c] == 0) {
      continue;
    }
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += fmt::format("_x{:04X}_", c);
    }
  }
  out.append(text.data() + plain, text.size() - plain);
}

std::string content_types(size_t sheets) {
  std::string xml(k_declaration);
  xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">";
  xml +=
      "<Default Extension=\"rels\" ContentType=\"application/"
      "vnd.openxmlformats-package.relationships+xml\"/>";
  xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  const auto part = [&](std::string_view name, std::string_view type) {
    xml += fmt::format("<Override PartName=\"{}\" ContentType=\"{}\"/>", name, type);
  };
  part("/docProps/app.xml", fmt::format("{}extended-properties+xml", k_office_type));
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  part("/xl/styles.xml", fmt::format("{}spreadsheetml.styles+xml", k_office_type));
  part("/xl/theme/theme1.xml", fmt::format("{}theme+xml", k_office_type));
  part("/xl/workbook.xml", fmt::format("{}spreadsheetml.sheet.main+xml", k_office_type));
  for (size_t n = 1; n <= sheets; ++n) {
    part(fmt::format("/xl/worksheets/sheet{}.xml", n),
         fmt::format("{}spreadsheetml.worksheet+xml", k_office_type));
  }
  return xml + "</Types>";
}

std::string package_relationships() {
  std::string xml(k_declaration);
  xml += fmt::format("<Relationships xmlns=\"{}\">", k_relationships_ns);
  xml += relationship(1, fmt::format("{}officeDocument", k_office_rel), "xl/workbook.xml");
  xml += relationship(
      2, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml");
  xml += relationship(3, fmt::format("{}extended-properties", k_office_rel), "docProps/app.xml");
  return xml + "</Relationships>";
}

std::string app_properties(const std::vector<std::string>& names) {
  std::string xml(k_declaration);
  xml +=
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/docPropsVTypes\"><Application>Microsoft Excel</Application>"
      "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>";
  xml += fmt::format(
      "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets"
      "</vt:lpstr></vt:variant><vt:variant><vt:i4>{}</vt:i4></vt:variant></vt:vector>"
      "</HeadingPairs>",
      names.size());
  xml += fmt::format("<TitlesOfParts><vt:vector size=\"{}\" baseType=\"lpstr\">", names.size());
  for (const std::string& name : names) {
    xml += "<vt:lpstr>";
    append_text(xml, name);
    xml += "</vt:lpstr>";
  }
  xml +=
      "</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate>"
      "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
      "<AppVersion>12.0000</AppVersion></Properties>";
  return xml;
}

std::string core_properties(std::time_t created) {
  std::tm utc{};
  ::gmtime_r(&created, &utc);
  const std::string when =
      fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  std::string xml(k_declaration);
  xml +=
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
      "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>";
  xml += fmt::format(
      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
      "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified>",
      when);
  return xml + "</cp:coreProperties>";
}

std::string workbook(const std::vector<std::string>& names) {
  std::string xml(k_declaration);
  xml +=
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/>"
      "<workbookPr defaultThemeVersion=\"124226\"/><bookViews><workbookView xWindow=\"240\" "
      "yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>";
  for (size_t n = 1; n <= names.size(); ++n) {
    xml += fmt::format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                       escape_markup(names[n - 1]), n, n);
  }
  return xml + "</sheets><calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
}

std::string workbook_relationships(size_t sheets) {
  std::string xml(k_declaration);
  xml += fmt::format("<Relationships xmlns=\"{}\">", k_relationships_ns);
  for (size_t n = 1; n <= sheets; ++n) {
    xml += relationship(n, fmt::format("{}worksheet", k_office_rel),
                        fmt::format("worksheets/sheet{}.xml", n));
  }
  xml += relationship(sheets + 1, fmt::format("{}theme", k_office_rel), "theme/theme1.xml");
  xml += relationship(sheets + 2, fmt::format("{}styles", k_office_rel), "styles.xml");
  return xml + "</Relationships>";
}

std::string_view styles() { return resources::get("schemas/xlsx/styles.xml"); }

std::string_view theme() { return resources::get("schemas/xlsx/theme1.xml"); }

}  // namespace tongxin::output::xlsx
