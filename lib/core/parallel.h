// Runs independent pieces of work on the machine's cores: for_each_index(n, work) calls work(i)
// once for every i in [0, n), from up to hardware_concurrency() threads (at most k_max_threads),
// each taking the next index as it finishes one. Used where many small inputs are parsed alike
// (a county's 2,000 community files): work(i) must touch only what index i owns.
#pragma once

#include <cstddef>
#include <functional>

namespace tongxin {

inline constexpr size_t k_max_threads = 8;

// Returns when every call has returned. When calls throw, the others still run and the exception
// of the lowest index is rethrown here, so the outcome does not depend on thread timing.
void for_each_index(size_t count, const std::function<void(size_t)>& work);

}  // namespace tongxin
