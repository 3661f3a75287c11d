// The report as a Word document (.docx, WordprocessingML in a zip written with libzip): the
// drafted text and every section's table, with heading styles Word's navigation pane and
// outline use, A4 pages, Chinese fonts. Written by hand rather than through pandoc so the tool
// needs nothing installed to produce it and the same report gives the same bytes.
#include <zip.h>

#include <ctime>
#include <memory>

#include "core/error.h"
#include "i18n/i18n.h"
#include "output/markup.h"
#include "report/render.h"
#include "text/width.h"

namespace tongxin::report {

namespace {

constexpr int k_text_width_twips = 9298;  // A4 (11906) less two 2.3 cm margins (1304 each)

std::string run(std::string_view text, bool bold) {
  return fmt::format(R"(<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>)",
                     bold ? "<w:rPr><w:b/></w:rPr>" : "", output::escape_markup(text));
}

std::string paragraph(std::string_view text, std::string_view properties) {
  std::string runs;
  for (const Span& span : parse_spans(text)) {
    runs += run(span.text, span.bold);
  }
  return fmt::format("<w:p><w:pPr>{}</w:pPr>{}</w:p>", properties, runs);
}

std::string style(std::string_view id) { return fmt::format(R"(<w:pStyle w:val="{}"/>)", id); }

// Column widths in twips, in proportion to each column's widest cell (display columns).
std::vector<int> column_twips(const output::Table& table) {
  std::vector<int> widths;
  for (const output::Column& column : table.columns) {
    widths.push_back(std::max(4, text::display_width(column.label)));
  }
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], std::min(30, text::display_width(row[i])));
    }
  }
  int total = 0;
  for (const int w : widths) {
    total += w;
  }
  for (int& w : widths) {
    w = w * k_text_width_twips / std::max(total, 1);
  }
  return widths;
}

std::string table_cell(const std::string& text, int twips, bool right, bool header) {
  const std::string align = right ? R"(<w:jc w:val="right"/>)" : "";
  return fmt::format(R"(<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>)"
                     R"(<w:p><w:pPr>{}{}</w:pPr>{}</w:p></w:tc>)",
                     twips, style("TableText"), align, run(text, header));
}

std::string table_xml(const output::Table& table) {
  const std::vector<int> widths = column_twips(table);
  std::string xml = R"(<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>)"
                    R"(<w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>)";
  for (const int w : widths) {
    xml += fmt::format(R"(<w:gridCol w:w="{}"/>)", w);
  }
  xml += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    xml += table_cell(table.columns[i].label, widths[i], false, true);
  }
  xml += "</w:tr>";
  for (const auto& row : table.rows) {
    xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      xml +=
          table_cell(i < row.size() ? row[i] : "", widths[i], table.columns[i].right_align, false);
    }
    xml += "</w:tr>";
  }
  // Word needs a paragraph between two tables, and it gives the table room below.
  return xml + "</w:tbl><w:p/>";
}

// numId 1 is the bullet list; every numbered list gets its own numId from 2 so it starts at 1.
std::string list_xml(const Block& block, int& next_number_id) {
  const int id = block.kind == Block::Kind::bullets ? 1 : next_number_id++;
  std::string xml;
  for (const std::string& item : block.items) {
    xml += paragraph(item, style("ListParagraph") +
                               fmt::format(R"(<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/>)"
                                           R"(</w:numPr>)",
                                           id));
  }
  return xml;
}

std::string body_xml(const std::vector<Block>& blocks, int& numbered_lists) {
  std::string xml;
  int next_number_id = 2;
  for (const Block& block : blocks) {
    switch (block.kind) {
      case Block::Kind::heading:
        xml += paragraph(
            block.items.front(),
            style(block.level == 1 ? "Title"
                                   : fmt::format("Heading{}", std::min(block.level - 1, 3))));
        break;
      case Block::Kind::paragraph:
        xml += paragraph(block.items.front(), "");
        break;
      case Block::Kind::bullets:
      case Block::Kind::numbered:
        xml += list_xml(block, next_number_id);
        break;
      case Block::Kind::table:
        xml += table_xml(block.table);
        break;
      case Block::Kind::chart:
        break;  // the chart's figures are in the table beside it
    }
  }
  numbered_lists = next_number_id - 2;
  return xml;
}

constexpr const char* k_namespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string document_xml(const std::string& body) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n<w:document {}><w:body>{}"
      R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1304" )"
      R"(w:bottom="1440" w:left="1304" w:header="851" w:footer="992" w:gutter="0"/>)"
      "</w:sectPr></w:body></w:document>\n",
      k_namespaces, body);
}

std::string numbering_xml(int numbered_lists, bool chinese) {
  std::string nums = R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)";
  for (int i = 0; i < numbered_lists; ++i) {
    nums += fmt::format(R"(<w:num w:numId="{}"><w:abstractNumId w:val="1"/>)"
                        R"(<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>)"
                        "</w:num>",
                        i + 2);
  }
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n<w:numbering {}>"
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>)"
      R"(<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>)"
      R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="{}"/><w:lvlJc w:val="left"/>)"
      R"(<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>)"
      "{}</w:numbering>\n",
      k_namespaces, chinese ? "%1、" : "%1.", nums);
}

std::string heading_style(int n, int half_points) {
  return fmt::format(
      R"(<w:style w:type="paragraph" w:styleId="Heading{0}"><w:name w:val="heading {0}"/>)"
      R"(<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
      R"(<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>)"
      R"(<w:outlineLvl w:val="{1}"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/>)"
      R"(<w:sz w:val="{2}"/></w:rPr></w:style>)",
      n, n - 1, half_points);
}

std::string styles_xml() {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n<w:styles {}>"
      R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" )"
      R"(w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>)"
      R"(<w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>)"
      R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/>)"
      R"(</w:pPr></w:pPrDefault></w:docDefaults>)"
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>)"
      R"(<w:qFormat/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>)"
      R"(<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>)"
      R"(<w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr>)"
      R"(<w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/></w:rPr></w:style>)"
      "{}{}{}"
      R"(<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>)"
      R"(<w:basedOn w:val="Normal"/><w:qFormat/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>)"
      R"(<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" )"
      R"(w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="21"/></w:rPr></w:style>)"
      R"(<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>)"
      R"(<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>)"
      R"(<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>)"
      R"(<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>)"
      R"(<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>)"
      R"(<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>)"
      R"(<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>)"
      R"(<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>)"
      R"(</w:tblCellMar></w:tblPr></w:style>)"
      "</w:styles>\n",
      k_namespaces, heading_style(1, 32), heading_style(2, 28), heading_style(3, 24));
}

constexpr const char* k_content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    "</Types>\n";

constexpr const char* k_package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    "</Relationships>\n";

constexpr const char* k_document_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    "</Relationships>\n";

// Document properties: the title only; no dates, so the same report gives the same bytes.
std::string core_xml(const std::string& title) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n"
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/">)"
      "<dc:title>{}</dc:title><dc:creator>tongxin</dc:creator></cp:coreProperties>\n",
      output::escape_markup(title));
}

[[noreturn]] void zip_failed(const std::string& what) {
  throw std::runtime_error("docx: libzip: " + what);
}

struct ZipSourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

// The zip archive of `parts` (name, content), in memory, every entry dated 2000-01-01 00:00.
std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, ZipSourceFree> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_t* archive = buffer ? zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error) : nullptr;
  if (archive == nullptr) {
    zip_failed(zip_error_strerror(&error));
  }
  zip_source_keep(buffer.get());  // the archive frees its reference on close; we read it after
  std::tm fixed{};
  fixed.tm_year = 100;
  fixed.tm_mday = 1;
  fixed.tm_isdst = -1;
  const std::time_t mtime = std::mktime(&fixed);  // local time, as libzip writes DOS times
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index =
        source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      zip_source_free(source);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      zip_failed(why);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), mtime, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    zip_failed(why);
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    zip_failed("cannot read the archive back");
  }
  std::string bytes(stat.size, '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), stat.size);
  zip_source_close(buffer.get());
  if (read != static_cast<zip_int64_t>(stat.size)) {
    zip_failed("short read of the archive");
  }
  return bytes;
}

}  // namespace

std::string render_docx(const std::vector<Block>& blocks, const std::string& title) {
  int numbered_lists = 0;
  const std::string body = body_xml(blocks, numbered_lists);
  const bool chinese = i18n::language() == i18n::Lang::zh;
  return zip_archive({{"[Content_Types].xml", k_content_types},
                      {"_rels/.rels", k_package_rels},
                      {"docProps/core.xml", core_xml(title)},
                      {"word/_rels/document.xml.rels", k_document_rels},
                      {"word/document.xml", document_xml(body)},
                      {"word/styles.xml", styles_xml()},
                      {"word/numbering.xml", numbering_xml(numbered_lists, chinese)}});
}

std::string render_docx(const Document& document) {
  std::vector<Block> blocks = document.drafted_blocks;
  blocks.insert(blocks.end(), document.sections.begin(), document.sections.end());
  return render_docx(blocks, document.title);
}

}  // namespace tongxin::report
