// Creating workspaces: an empty one (minimal tongxin.yaml, folders, an empty migrated store) or a
// copy of a bundled example (examples/NAME, compiled in). Never overwrites anything.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tongxin::workspace {

// Names of the bundled examples (folders under examples/), sorted.
std::vector<std::string> example_names();

struct InitResult {
  std::filesystem::path root;
  std::vector<std::string> files;  // workspace-relative paths written, sorted
  std::string store;               // workspace-relative store path
};

// Creates a workspace at `dir` (created if missing). With a non-empty `example`, copies that
// bundled example; otherwise writes a tongxin.yaml, a starter community file and a starter plan
// for `year` (schemas/starter/, in `language`, zh or en: commented, every 六有 and 十个制度 key
// there and explained, and valid as they are). Checks every
// target first: if tongxin.yaml or any file to be written already exists, throws tongxin::Error
// (exit 2) and writes nothing. An unknown example is exit 2 listing the known ones.
InitResult init_workspace(const std::filesystem::path& dir, const std::string& example,
                          const std::string& language, int year);

}  // namespace tongxin::workspace
