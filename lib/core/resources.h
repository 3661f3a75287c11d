// Files compiled into the binary: code tables, SQL migrations, calendar tables and the example
// workspaces (see cmake/embed_resources.cmake). Paths are relative to the source root.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::resources {

struct Resource {
  std::string_view path;
  std::string_view data;
};

// Every embedded file, in path order.
const std::vector<Resource>& all();

// The content of the embedded file at `path`; throws tongxin::Error (exit 5) when absent, which
// means the build is broken rather than the user's input.
std::string_view get(std::string_view path);

// Every embedded file whose path starts with `prefix`, in path order.
std::vector<Resource> under(std::string_view prefix);

}  // namespace tongxin::resources
