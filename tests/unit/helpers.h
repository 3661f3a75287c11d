// Small helpers shared by unit tests.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "core/error.h"
#include "core/resources.h"

namespace tongxin::testing {

// A fresh folder under /tmp, removed with everything in it when the object goes.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = "/tmp/tongxin-test-XXXXXX";
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// The bytes of the file at `path`; "" when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The exit code of the tongxin::Error `f` throws, or ok when it throws none.
inline ExitCode exit_code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

// The first line of the Error `f` throws and its detail lines after it, " | " between them;
// "no error" when it throws none.
inline std::string error_text(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    std::string text = e.what();
    for (const auto& d : e.details()) {
      text += " | " + d;
    }
    return text;
  }
  return "no error";
}

// A disk that fills up after `disk_room` bytes: a FileCalls::write for tests of a full disk.
inline size_t disk_room = 0;
inline ssize_t write_until_full(int fd, const void* data, size_t size) {
  if (size > disk_room) {
    errno = ENOSPC;
    return -1;
  }
  disk_room -= size;
  return ::write(fd, data, size);
}

// An older store at `path`: migrations 1 to `version` run on a raw connection, as a binary of
// that version left it, for migration tests.
inline void make_store_at_version(const std::filesystem::path& path, int version) {
  SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (int v = 1; v <= version; ++v) {
    for (const auto& r : resources::under("schemas/sql/")) {
      if (r.path.starts_with(fmt::format("schemas/sql/{:03}_", v))) {
        raw.exec(std::string(r.data));
      }
    }
  }
  raw.exec(fmt::format("PRAGMA user_version = {}", version));
}

}  // namespace tongxin::testing
