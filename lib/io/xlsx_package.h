// The inside of an xlsx file for the reader (xlsx_reader.cpp): the zip package, and one XML part
// streamed through expat into a handler. Internal to lib/io.
#pragma once

#include <expat.h>
#include <zip.h>

#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace tongxin::io::xlsx {

// Throws tongxin::Error (bad input, exit 3) naming `path`.
[[noreturn]] void fail(const std::string& path, const std::string& why);

// A problem inside one XML part, thrown by handlers that know neither the file nor the part;
// Package::parse turns it into an Error naming both.
struct PartError {
  std::string what;
};

// "uri|local" (or plain "local") -> "local": parts from different producers use different
// prefixes for the same namespaces, so elements and attributes are matched by local name.
std::string_view local_name(const XML_Char* name);

// The value of the attribute whose local name is `name`, or nullptr.
const XML_Char* attribute(const XML_Char** attrs, std::string_view name);

// Receives the events of one XML part. Handlers may throw; the exception surfaces from
// Package::parse (never through expat's C frames).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view /*data*/) {}
};

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct ParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

class Package;

// One XML part streamed through expat a chunk at a time, so that a caller can act between
// chunks (the sheet reader hands out the rows of one chunk before reading the next). The package
// and the handler must outlive it. Errors name the part as `shown` (a worksheet by its sheet's
// name and part), or by the part's name when `shown` is empty.
class PartStream {
 public:
  PartStream(const Package& package, std::string_view part, XmlHandler& handler,
             std::string shown = {});
  ~PartStream();
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  // Parses the next chunk into the handler; false once the whole part has been parsed.
  // Throws naming the path and part.
  bool feed();

 private:
  struct State;
  const Package& m_package;
  std::string m_part;
  std::string m_shown;
  std::unique_ptr<zip_file_t, ZipFileClose> m_file;
  std::unique_ptr<XML_ParserStruct, ParserFree> m_parser;
  std::unique_ptr<State> m_state;
  bool m_done = false;
};

// An xlsx file opened read-only, from its path or from its bytes in memory (which must outlive
// the package); `path` names it in every error.
class Package {
 public:
  explicit Package(std::string path);
  Package(std::string path, std::string_view bytes);

  const std::string& path() const { return m_path; }
  bool has(std::string_view part) const;
  // Streams the whole of `part` through expat into `handler`. Throws naming the path and part.
  void parse(std::string_view part, XmlHandler& handler) const;

 private:
  friend class PartStream;
  void check_opened(int code) const;
  void rethrow_with_context(const std::string& part, const std::exception_ptr& error) const;

  std::string m_path;
  std::unique_ptr<zip_t, ZipDiscard> m_zip;
};

}  // namespace tongxin::io::xlsx
