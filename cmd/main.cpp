// The tongxin executable: everything happens in tongxin::cli::run.
#include <iostream>
#include <string>
#include <vector>

#include "app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv, argv + argc);
  const int code =
      tongxin::cli::run(args, tongxin::cli::real_environment(std::cin, std::cout, std::cerr));
  std::cout.flush();
  return code;
}
