// Running the CLI in-process for tests: a fixed environment and the streams captured.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app.h"

namespace tongxin::cli {

struct Result {
  int code;
  std::string out;
  std::string err;
};

// The fixed test environment, started in `cwd`, with `in`, `out` and `err` as its streams.
inline Environment test_env(std::istream& in, std::ostream& out, std::ostream& err,
                            const std::filesystem::path& cwd) {
  Environment env;
  env.in = &in;
  env.out = &out;
  env.err = &err;
  env.today = "2026-11-21";
  env.now = "2026-11-21T09:00:00+0800";
  env.user = "tester";
  env.cwd = cwd;
  return env;
}

// Runs `tongxin --lang en ARGS...` in `env`.
inline int run_in(const Environment& env, std::vector<std::string> args) {
  args.insert(args.begin(), {"tongxin", "--lang", "en"});
  return run(args, env);
}

// Runs tongxin in-process with `args`, from the folder `cwd`, with `input` on standard input.
inline Result run_args(std::vector<std::string> args,
                       const std::string& cwd = "/nonexistent-tongxin-test",
                       const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_in(test_env(in, out, err, cwd), std::move(args));
  return {code, out.str(), err.str()};
}

}  // namespace tongxin::cli
