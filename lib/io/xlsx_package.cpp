#include "io/xlsx_package.h"

#include <array>
#include <utility>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::io::xlsx {

namespace {

constexpr char k_ns_separator = '|';  // expat joins namespace URI and local name with it
constexpr size_t k_chunk_size = 64 * 1024;

struct ParseState {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::exception_ptr error;
};

// Runs `call` on the handler; an exception stops the parser and is kept for rethrowing.
template <typename Call>
void guarded(void* data, Call call) {
  auto* state = static_cast<ParseState*>(data);
  if (state->error) {
    return;
  }
  try {
    call(*state->handler);
  } catch (...) {
    state->error = std::current_exception();
    XML_StopParser(state->parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  guarded(data, [&](XmlHandler& h) { h.start(local_name(name), attrs); });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  guarded(data, [&](XmlHandler& h) { h.end(local_name(name)); });
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  guarded(data,
          [&](XmlHandler& h) { h.text(std::string_view(text, static_cast<size_t>(length))); });
}

std::string zip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

}  // namespace

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw Error(ExitCode::bad_input, path + ": " + why);
}

std::string_view local_name(const XML_Char* name) {
  const std::string_view full(name);
  const size_t cut = full.rfind(k_ns_separator);
  return cut == std::string_view::npos ? full : full.substr(cut + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view name) {
  for (; *attrs != nullptr; attrs += 2) {
    if (local_name(attrs[0]) == name) {
      return attrs[1];
    }
  }
  return nullptr;
}

Package::Package(std::string path) : m_path(std::move(path)) {
  int code = 0;
  m_zip.reset(zip_open(m_path.c_str(), ZIP_RDONLY, &code));
  check_opened(code);
}

Package::Package(std::string path, std::string_view bytes) : m_path(std::move(path)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    m_zip.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!m_zip) {
      zip_source_free(source);  // owned by the archive only once it opened
    }
  }
  const int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  check_opened(code);
}

void Package::check_opened(int code) const {
  if (!m_zip) {
    fail(m_path, code == ZIP_ER_NOZIP ? i18n::tr("xlsx_read.not_zip")
                                      : i18n::tr("xlsx_read.cannot_open", zip_message(code)));
  }
}

bool Package::has(std::string_view part) const {
  return zip_name_locate(m_zip.get(), std::string(part).c_str(), ZIP_FL_NOCASE) >= 0;
}

void Package::parse(std::string_view part, XmlHandler& handler) const {
  PartStream stream(*this, part, handler);
  while (stream.feed()) {
  }
}

struct PartStream::State {
  ParseState parse;
  std::array<char, k_chunk_size> buffer{};
};

PartStream::PartStream(const Package& package, std::string_view part, XmlHandler& handler,
                       std::string shown)
    : m_package(package),
      m_part(part),
      m_shown(shown.empty() ? m_part : std::move(shown)),
      m_state(std::make_unique<State>()) {
  m_file.reset(zip_fopen(package.m_zip.get(), m_part.c_str(), ZIP_FL_NOCASE));
  if (!m_file) {
    fail(package.path(),
         i18n::tr("xlsx_read.cannot_read_part", m_shown, zip_strerror(package.m_zip.get())));
  }
  m_parser.reset(XML_ParserCreateNS(nullptr, k_ns_separator));
  m_state->parse = ParseState{m_parser.get(), &handler, nullptr};
  XML_SetUserData(m_parser.get(), &m_state->parse);
  XML_SetElementHandler(m_parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(m_parser.get(), on_text);
}

PartStream::~PartStream() = default;

bool PartStream::feed() {
  if (m_done) {
    return false;
  }
  const std::string& path = m_package.path();
  auto& buffer = m_state->buffer;
  const zip_int64_t n = zip_fread(m_file.get(), buffer.data(), buffer.size());
  if (n < 0) {
    fail(path, i18n::tr("xlsx_read.cannot_read_part", m_shown, zip_file_strerror(m_file.get())));
  }
  m_done = n == 0;
  const XML_Status status = XML_Parse(m_parser.get(), buffer.data(), static_cast<int>(n), m_done);
  m_package.rethrow_with_context(m_shown, m_state->parse.error);
  if (status != XML_STATUS_OK) {
    fail(path,
         i18n::tr("xlsx_read.malformed_xml", m_shown, XML_GetCurrentLineNumber(m_parser.get()),
                  XML_ErrorString(XML_GetErrorCode(m_parser.get()))));
  }
  return !m_done;
}

void Package::rethrow_with_context(const std::string& part, const std::exception_ptr& error) const {
  if (!error) {
    return;
  }
  try {
    std::rethrow_exception(error);
  } catch (const PartError& e) {
    fail(m_path, part + ": " + e.what);
  }
}

}  // namespace tongxin::io::xlsx
