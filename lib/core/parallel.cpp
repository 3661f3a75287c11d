#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace tongxin {

void for_each_index(size_t count, const std::function<void(size_t)>& work) {
  std::vector<std::exception_ptr> failures(count);
  std::atomic<size_t> next{0};
  const auto drain = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  const size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  const size_t helpers = std::min({cores, k_max_threads, count}) - (count > 0 ? 1 : 0);
  {
    std::vector<std::jthread> threads;
    for (size_t t = 0; t < helpers; ++t) {
      try {
        threads.emplace_back(drain);
      } catch (const std::system_error&) {
        break;  // no more threads to be had: the ones running (and this one) do the work
      }
    }
    drain();  // this thread works too
  }           // joined
  for (const std::exception_ptr& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
}

}  // namespace tongxin
