// The workspace: a folder with tongxin.yaml at its root (found by walking up from the current
// directory, like git, or given with -C) and its community files. The standard and the plan are
// only paths here: the modules that define them (audit, schedule) read them when a command needs
// them, so a broken plan or standard stops only those commands.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/community.h"
#include "config/community_names.h"

namespace tongxin::config {

struct SensitiveField {
  std::string purpose;  // required: why the office processes it (PIPL Art. 28)
};

// ID numbers and phones are always masked unless --reveal: there is no setting to turn that off
// (an old `mask: true` is accepted and means just that; `mask: false` is refused).
struct Privacy {
  int min_cell = 5;  // reports suppress counts below this in sensitive breakdowns
  std::map<std::string, SensitiveField> sensitive_fields;  // ethnicity, religion; off unless listed
};

inline constexpr int k_default_busy_timeout_s = 60;

struct WorkspaceConfig {
  int version = 1;
  std::string jurisdiction_name;
  std::string jurisdiction_code;
  std::string language = "zh";
  std::string store = "tongxin.db";
  // How long a command waits for a store another process holds (store.busy_timeout, seconds):
  // long enough to outlast a million-row import's exclusive phase on a slow office PC.
  int busy_timeout_s = k_default_busy_timeout_s;
  std::string standard;  // relative path; may be empty
  std::string plan;      // relative path; may be empty
  std::string communities = "communities/*.yaml";
  // Where `communities:` is written in tongxin.yaml (1-based; line 1, column 1 when the default
  // is used), so a pattern that matches no file can be shown in place.
  int communities_line = 1;
  int communities_column = 1;
  Privacy privacy;
};

struct Workspace {
  std::filesystem::path root;
  WorkspaceConfig config;
  std::vector<Community> communities;  // sorted by id

  std::filesystem::path store_path() const { return root / config.store; }
  // The community with this id, or nullptr.
  const Community* community(const std::string& id) const;
  // Every community id, sorted.
  std::vector<std::string> community_ids() const;
  // Every community's id and name, sorted by id: what config::resolve_community takes.
  std::vector<CommunityName> community_names() const;
};

inline constexpr const char* k_workspace_file = "tongxin.yaml";

// The nearest folder at or above `start` holding tongxin.yaml; std::nullopt when none.
std::optional<std::filesystem::path> find_workspace_root(const std::filesystem::path& start);

// True for an administrative division code tongxin.yaml may give: 6 digits (GB/T 2260: a
// county, or a province or prefecture padded with zeros), 9 (a township: GB/T 2260 and the
// 3 digits of GB/T 10114) or 12 (the statistics bureau's code of a township or community).
bool valid_division_code(std::string_view code);

// Parses tongxin.yaml text; throws tongxin::Error (exit 5) listing every problem.
WorkspaceConfig parse_workspace_config(const std::string& file, const std::string& text);

// Loads tongxin.yaml alone (throws exit 5 when it is broken), for commands that need no
// community: the store commands still run, and back up, when a community file is broken.
WorkspaceConfig load_workspace_config(const std::filesystem::path& root);

// Loads every community file under `root` for an already loaded tongxin.yaml. Collects the
// problems of every file before throwing (exit 5), so one run shows them all. A `communities`
// pattern that matches no file is an error too (exit 5, at its place in tongxin.yaml): every
// community-scoped command would otherwise say "unknown community" without saying why.
Workspace load_workspace(const std::filesystem::path& root, WorkspaceConfig config);

// Loads tongxin.yaml and every community file under `root`.
Workspace load_workspace(const std::filesystem::path& root);

// The files under `root` matching a workspace pattern such as "communities/*.yaml", sorted.
std::vector<std::filesystem::path> glob_files(const std::filesystem::path& root,
                                              const std::string& pattern);

// Reads a whole file; throws tongxin::Error with `code` naming the path when it cannot.
std::string read_file(const std::filesystem::path& path, int code = 5);

}  // namespace tongxin::config
