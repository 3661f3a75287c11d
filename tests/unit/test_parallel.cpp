// lib/core/parallel: every index once, and failures rethrown as if the work ran in order.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parallel.h"

using tongxin::for_each_index;

TEST_CASE("for_each_index calls the work once for every index") {
  for (const size_t count : {0UL, 1UL, 2UL, 7UL, 1000UL}) {
    std::vector<std::atomic<int>> calls(count);
    for_each_index(count, [&](size_t i) { calls[i]++; });
    for (size_t i = 0; i < count; ++i) {
      CHECK(calls[i] == 1);
    }
  }
}

TEST_CASE("for_each_index rethrows the failure of the lowest index, after all the work ran") {
  std::atomic<int> ran{0};
  try {
    for_each_index(200, [&](size_t i) {
      ran++;
      if (i == 150 || i == 40 || i == 199) {
        throw std::runtime_error(std::to_string(i));
      }
    });
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "40");
  }
  CHECK(ran == 200);
}
