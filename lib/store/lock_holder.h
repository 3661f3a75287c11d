// Who holds the store: when a command gives up waiting for a store (exit 4), it names the
// process holding the write lock, read from /proc/locks (Linux), so an office can tell a running
// import from a stuck one. Reading /proc/locks opens no descriptor on the store (closing one would
// drop this process's own POSIX locks on it).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tongxin::store {

// A file's identity as /proc/locks writes it: device major, minor and inode.
struct FileId {
  unsigned major = 0;
  unsigned minor = 0;
  unsigned long inode = 0;
};

// The first process in `proc_locks` (the text of /proc/locks) other than `self` that holds a
// write lock on `file` covering byte `offset`; 0 when none.
pid_t write_lock_owner(std::string_view proc_locks, const FileId& file, unsigned long long offset,
                       pid_t self);

// "process 1234 (tongxin roster import big.csv)" for the process holding the write lock of the
// store at `path` (WAL mode: its -shm file; rollback journal, a bulk import: the store file);
// "" when unknown.
std::string lock_holder(const std::filesystem::path& path);

// The error (exit 4) for a store still busy after `busy_timeout_ms`: says how long it waited,
// what held the lock when known, and how to wait longer.
Error locked_error(const std::filesystem::path& path, int busy_timeout_ms,
                   const std::string& reason);

}  // namespace tongxin::store
