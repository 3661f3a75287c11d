#include "output/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::output {

namespace fs = std::filesystem;

namespace {

constexpr int k_name_attempts = 100;

// The folder `target` is written in ("." for a bare file name).
fs::path folder_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// A missing folder or a folder named as the file is the user's mistake: say so before
// anything is created.
void check_target(const fs::path& target) {
  std::error_code ec;
  const fs::path folder = folder_of(target);
  if (!fs::is_directory(folder, ec)) {
    throw Error(ExitCode::usage, i18n::tr("file.no_folder", folder.string(), target.string()));
  }
  if (target.filename().empty() || fs::is_directory(target, ec)) {
    throw Error(ExitCode::usage, i18n::tr("file.is_folder", target.string()));
  }
}

std::string random_suffix() {
  static std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:012x}", generator() & 0xffffffffffffULL);
}

// Makes the rename durable; the file is already in place, so a failure here is not reported.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

std::string file_error_reason(int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
      return i18n::tr("file.disk_full");
    case EACCES:
    case EPERM:
      return i18n::tr("file.permission_denied");
    case EROFS:
      return i18n::tr("file.read_only");
    default:
      return std::strerror(error);
  }
}

// Buffers stream() output and hands it to AtomicFile::write_all, which throws on failure.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(AtomicFile& file) : m_file(file) {
    setp(m_data.data(), m_data.data() + m_data.size());
  }

 protected:
  int_type overflow(int_type c) override {
    flush();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    flush();
    return 0;
  }

 private:
  void flush() {
    const std::string_view pending(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(m_data.data(), m_data.data() + m_data.size());
    m_file.write_all(pending);
  }

  AtomicFile& m_file;
  std::array<char, 64 * 1024> m_data{};
};

AtomicFile::AtomicFile(const fs::path& target, FileCalls calls)
    : m_target(target),
      m_calls(calls),
      m_buffer(std::make_unique<Buffer>(*this)),
      m_stream(std::make_unique<std::ostream>(m_buffer.get())) {
  m_stream->exceptions(std::ios::badbit);
  check_target(target);
  const fs::path folder = folder_of(target);
  const std::string name = target.filename().string();
  for (int attempt = 0; attempt < k_name_attempts && m_fd < 0; ++attempt) {
    m_temp = folder / fmt::format(".{}.{}.tmp", name, random_suffix());
    m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (m_fd < 0 && errno != EEXIST) {
      fail(errno);
    }
  }
  if (m_fd < 0) {
    fail(EEXIST);
  }
}

AtomicFile::~AtomicFile() {
  if (m_committed) {
    return;
  }
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_temp.empty()) {
    ::unlink(m_temp.c_str());
  }
}

std::ostream& AtomicFile::stream() { return *m_stream; }

void AtomicFile::write(std::string_view bytes) {
  if (m_failed) {
    fail(EIO);
  }
  m_stream->flush();
  write_all(bytes);
}

void AtomicFile::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = m_calls.write(m_fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      m_failed = true;
      fail(written < 0 ? errno : EIO);
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

void AtomicFile::commit() {
  if (m_failed || m_fd < 0) {
    fail(EIO);  // a caller went on after a failed write, or commits twice
  }
  m_stream->flush();
  struct stat ours {};
  struct stat named {};
  if (::fstat(m_fd, &ours) != 0 || ::lstat(m_temp.c_str(), &named) != 0 ||
      ours.st_ino != named.st_ino || ours.st_dev != named.st_dev) {
    // A by-name writer must have written the file created here, not one put in its place.
    throw Error(ExitCode::usage, i18n::tr("file.cannot_write", m_target.string()),
                {i18n::tr("file.temp_replaced", m_temp.string())});
  }
  if (m_calls.fsync(m_fd) != 0) {
    fail(errno);
  }
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    fail(errno);
  }
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    fail(errno);
  }
  m_committed = true;
  sync_folder(folder_of(m_target));
}

void AtomicFile::fail(int error) const {
  throw Error(ExitCode::usage, i18n::tr("file.cannot_write", m_target.string()),
              {file_error_reason(error)});
}

void write_file(const fs::path& target, const std::function<void(std::ostream&)>& produce,
                FileCalls calls) {
  AtomicFile file(target, calls);
  produce(file.stream());
  file.commit();
}

}  // namespace tongxin::output
