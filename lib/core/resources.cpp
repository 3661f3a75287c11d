#include "core/resources.h"

#include <algorithm>

#include "core/error.h"

namespace tongxin::resources {

std::string_view get(std::string_view path) {
  for (const Resource& r : all()) {
    if (r.path == path) {
      return r.data;
    }
  }
  throw Error(ExitCode::config, "built-in resource missing: " + std::string(path));
}

std::vector<Resource> under(std::string_view prefix) {
  std::vector<Resource> found;
  for (const Resource& r : all()) {
    if (r.path.starts_with(prefix)) {
      found.push_back(r);
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Resource& a, const Resource& b) { return a.path < b.path; });
  return found;
}

}  // namespace tongxin::resources
