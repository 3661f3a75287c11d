// Every file tongxin writes for the user (--out, --rejects, exports) is written through
// AtomicFile: all of it or nothing. The bytes go to a temporary file beside the target, which
// replaces the target by rename() only after every write, fsync() and close() succeeded; on any
// failure the temporary file is removed and the target keeps what it held. A full disk therefore
// gives an error and no file, never exit 0 with a truncated one.
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace tongxin::output {

// The system calls AtomicFile makes to put bytes on the disk. The defaults are the real ones;
// tests pass one that fails (for example write() setting errno to ENOSPC) to show that a failed
// export leaves nothing behind.
struct FileCalls {
  ssize_t (*write)(int fd, const void* data, size_t size) = ::write;
  int (*fsync)(int fd) = ::fsync;
};

// One file being written atomically. Two ways to fill it, not to be mixed:
// - stream writers write to stream() (or call write()), then call commit();
// - writers that open a file by name (SQLite's backup of a store) write to temp_path() and close
//   it, then call commit().
// Destroying it without a successful commit() removes the temporary file.
//
//   output::AtomicFile file(path, calls);
//   output::write_csv(file.stream(), table);
//   file.commit();  // only now does `path` change
//
// Every failure throws tongxin::Error naming the target, exit 2 (a usage error: the user asked
// for a file that cannot be written there), with the reason in the user's language as detail.
class AtomicFile {
 public:
  // Checks `target` and creates the temporary file ".<name>.<random>.tmp" in its folder,
  // exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, so never through a symlink), mode 0600.
  // Throws Error (exit 2) when the folder does not exist, when `target` is a folder, or when the
  // temporary file cannot be created (no permission, read-only file system).
  explicit AtomicFile(const std::filesystem::path& target, FileCalls calls = {});
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // A stream onto the temporary file, buffered; a failed write throws Error out of the stream
  // operation that made it (the stream has badbit in exceptions()).
  std::ostream& stream();
  // Appends `bytes` to the temporary file (after what stream() holds); throws Error.
  void write(std::string_view bytes);
  // The temporary file's path, for writers that open a file by name.
  const std::filesystem::path& temp_path() const { return m_temp; }
  const std::filesystem::path& target() const { return m_target; }

  // Flushes stream(), fsync()s and closes the temporary file, checking each step, checks that
  // temp_path() is still the file created here, and renames it over the target. Throws Error
  // (and removes the temporary file) on any failure; call it once.
  void commit();

  // Throws the Error for a failure with errno `error` (the reason in the user's language), for
  // by-name writers that learn of one.
  [[noreturn]] void fail(int error) const;

 private:
  class Buffer;
  void write_all(std::string_view bytes);

  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  FileCalls m_calls;
  int m_fd = -1;
  bool m_failed = false;
  bool m_committed = false;
  std::unique_ptr<Buffer> m_buffer;
  std::unique_ptr<std::ostream> m_stream;
};

// Why a file operation failed with errno `error`, in the user's language for the common reasons
// (a full disk, no permission, a read-only file system), else the system's text.
std::string file_error_reason(int error);

// Writes `target` atomically with what `produce` writes to the stream it is given.
void write_file(const std::filesystem::path& target,
                const std::function<void(std::ostream&)>& produce, FileCalls calls = {});

}  // namespace tongxin::output
