// Small helpers shared by unit tests.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <string>

#include "core/error.h"

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

// The exit code of the tongxin::Error `f` throws, or ok when it throws none.
inline ExitCode exit_code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}

}  // namespace tongxin::testing
