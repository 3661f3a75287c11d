// The one error type of tongxin. Every failure that reaches the user is a tongxin::Error carrying
// an exit code (tongxin(1), EXIT STATUS); main() catches it once and prints it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tongxin {

// Exit codes, exactly as tongxin(1) documents them under EXIT STATUS.
enum class ExitCode : int {
  ok = 0,
  check_failed = 1,  // a check found problems (audit failed, roster check, overdue)
  usage = 2,         // usage error
  bad_input = 3,     // bad input data; nothing was written
  store = 4,         // store locked, corrupt or needing migration
  config = 5,        // bad configuration
  internal = 70,  // a bug: an exception nobody turned into an Error reached the top (EX_SOFTWARE)
};

class Error : public std::runtime_error {
 public:
  // `what` is the first line the user sees (what happened and where); `details` are printed
  // after it, one per line (every bad row, every bad key).
  Error(ExitCode code, const std::string& what, std::vector<std::string> details = {})
      : std::runtime_error(what), m_code(code), m_details(std::move(details)) {}

  ExitCode code() const { return m_code; }
  // The same error with `where` (a file, "file:line") put in front of its first line, for the
  // layer that knows which file a lower layer's error concerns.
  Error located(const std::string& where) const {
    return Error(m_code, where + ": " + what(), m_details);
  }
  const std::vector<std::string>& details() const { return m_details; }

 private:
  ExitCode m_code;
  std::vector<std::string> m_details;
};

}  // namespace tongxin
