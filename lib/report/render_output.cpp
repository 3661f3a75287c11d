// One entry for the command: a report document to a file or stdout in any rendered format.
#include "core/error.h"
#include "output/atomic_file.h"
#include "report/render.h"

namespace tongxin::report {

bool is_rendered_format(std::string_view format) {
  return format == "md" || format == "html" || format == "docx" || format == "xlsx";
}

void write_rendered(const nlohmann::ordered_json& report, std::string_view format,
                    const SummaryTemplate& tmpl, const std::filesystem::path& out_path,
                    std::ostream& out) {
  const bool binary = format == "docx" || format == "xlsx";
  if (binary && out_path.empty()) {
    throw Error(ExitCode::usage, i18n::tr("render.needs_out", format));
  }
  const Document document = build_document(report, draft_summary(report, tmpl));
  if (format == "xlsx") {
    write_xlsx(out_path.string(), document);  // atomic itself (output::write_xlsx_workbook)
    return;
  }
  const std::string bytes = format == "md"     ? render_markdown(document)
                            : format == "html" ? render_html(document)
                                               : render_docx(document);
  if (out_path.empty()) {
    out << bytes;
    return;
  }
  output::AtomicFile file(out_path);
  file.write(bytes);
  file.commit();
}

}  // namespace tongxin::report
