// The unit tests' main: the module messages are added to the catalogue first, as the program
// does when it starts (cli::add_messages).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "app.h"

int main(int argc, char** argv) {
  tongxin::cli::add_messages();
  return doctest::Context(argc, argv).run();
}
