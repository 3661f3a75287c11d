#include "store/lock_holder.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "i18n/i18n.h"

namespace tongxin::store {

namespace fs = std::filesystem;

namespace {

// SQLite's lock bytes (os_unix.c): the WAL writer's lock in the -shm file, and the RESERVED and
// PENDING bytes a rollback-journal writer holds on the store file.
constexpr unsigned long long k_wal_write_lock = 120;
constexpr unsigned long long k_pending_byte = 0x40000000ULL;
constexpr unsigned long long k_reserved_byte = k_pending_byte + 1;
constexpr size_t k_command_max = 200;

std::optional<FileId> file_id(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return FileId{::major(st.st_dev), ::minor(st.st_dev), static_cast<unsigned long>(st.st_ino)};
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The process's command line with spaces between its arguments, shortened; "" when unreadable.
std::string command_line(pid_t pid) {
  std::string line = read_text(fs::path("/proc") / std::to_string(pid) / "cmdline");
  while (!line.empty() && line.back() == '\0') {
    line.pop_back();
  }
  for (char& c : line) {
    c = c == '\0' ? ' ' : c;
  }
  if (line.size() > k_command_max) {
    line = line.substr(0, k_command_max) + "…";
  }
  return line;
}

}  // namespace

pid_t write_lock_owner(std::string_view proc_locks, const FileId& file, unsigned long long offset,
                       pid_t self) {
  // Each line: "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 120 120" (end "EOF" for open-ended);
  // blocked requests are listed as "1: -> POSIX ..." and are not held.
  std::istringstream lines{std::string(proc_locks)};
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string number, kind, advisory, mode, device, start, end;
    long pid = 0;
    fields >> number >> kind;
    if (kind == "->") {
      continue;
    }
    fields >> advisory >> mode >> pid >> device >> start >> end;
    unsigned major = 0, minor = 0;
    unsigned long inode = 0;
    if (!fields || mode != "WRITE" || pid <= 0 || pid == self ||
        std::sscanf(device.c_str(), "%x:%x:%lu", &major, &minor, &inode) != 3 ||
        major != file.major || minor != file.minor || inode != file.inode) {
      continue;
    }
    const unsigned long long first = std::stoull(start);
    const bool to_end = end == "EOF";
    if (offset >= first && (to_end || offset <= std::stoull(end))) {
      return static_cast<pid_t>(pid);
    }
  }
  return 0;
}

std::string lock_holder(const fs::path& path) {
  const std::string locks = read_text("/proc/locks");
  const pid_t self = ::getpid();
  pid_t pid = 0;
  if (const auto shm = file_id(path.string() + "-shm")) {
    pid = write_lock_owner(locks, *shm, k_wal_write_lock, self);
  }
  if (const auto store = file_id(path); store && pid == 0) {
    pid = write_lock_owner(locks, *store, k_reserved_byte, self);
    pid = pid != 0 ? pid : write_lock_owner(locks, *store, k_pending_byte, self);
  }
  if (pid == 0) {
    return "";
  }
  const std::string command = command_line(pid);
  return command.empty() ? i18n::tr("store.holder_pid", pid)
                         : i18n::tr("store.holder", pid, command);
}

Error locked_error(const fs::path& path, int busy_timeout_ms, const std::string& reason) {
  std::vector<std::string> details;
  if (const std::string holder = lock_holder(path); !holder.empty()) {
    details.push_back(i18n::tr("store.held_by", holder));
  }
  details.push_back(i18n::tr("store.wait_longer"));
  return Error(ExitCode::store,
               i18n::tr("store.locked", path.string(), busy_timeout_ms / 1000.0, reason), details);
}

}  // namespace tongxin::store
