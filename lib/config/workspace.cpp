#include "config/workspace.h"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "config/yaml_reader.h"
#include "core/error.h"
#include "core/parallel.h"
#include "i18n/i18n.h"

namespace tongxin::config {

namespace fs = std::filesystem;

const Community* Workspace::community(const std::string& id) const {
  for (const Community& c : communities) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

std::vector<std::string> Workspace::community_ids() const {
  std::vector<std::string> ids;
  for (const Community& c : communities) {
    ids.push_back(c.id);
  }
  return ids;
}

std::vector<CommunityName> Workspace::community_names() const {
  std::vector<CommunityName> names;
  for (const Community& c : communities) {
    names.push_back({c.id, c.name});
  }
  return names;
}

std::optional<fs::path> find_workspace_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / k_workspace_file, ec)) {
      return dir;
    }
    if (dir == dir.parent_path()) {
      break;
    }
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::string read_file(const fs::path& path, int code) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(static_cast<ExitCode>(code), i18n::tr("file.cannot_read", path.string()));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

namespace {

void read_privacy(MapReader& r, Privacy& privacy) {
  privacy.min_cell = static_cast<int>(r.integer("min_cell", 1, 1000).value_or(5));
  // Masking cannot be turned off: `mask: true` (written by older versions) says what tongxin does
  // anyway; `mask: false` would be a promise the program does not keep, so it is refused.
  if (r.boolean("mask") == std::optional<bool>(false)) {
    r.report("mask", i18n::tr("config.mask_false"));
  }
  r.map("sensitive_fields", [&](MapReader& fields) {
    for (const std::string& name : {std::string("ethnicity"), std::string("religion")}) {
      fields.map(name, [&](MapReader& f) {
        SensitiveField field;
        field.purpose = f.string("purpose", true).value_or("");
        privacy.sensitive_fields[name] = field;
      });
    }
  });
}

// `store: PATH`, or `store:` with `path:` and `busy_timeout:` (seconds, 0 to fail at once).
void read_store(MapReader& r, WorkspaceConfig& config) {
  if (!r.node("store").IsMap()) {
    config.store = r.string("store").value_or(config.store);
    return;
  }
  r.map("store", [&](MapReader& s) {
    config.store = s.string("path").value_or(config.store);
    config.busy_timeout_s = static_cast<int>(
        s.integer("busy_timeout", 0, 24 * 3600).value_or(k_default_busy_timeout_s));
  });
}

// `jurisdiction: {name: 永登县, code: "620121"}`; the code may be left empty (as `init` writes it).
void read_jurisdiction(MapReader& j, WorkspaceConfig& config) {
  config.jurisdiction_name = j.string("name", true).value_or("");
  config.jurisdiction_code = j.string("code").value_or("");
  if (!config.jurisdiction_code.empty() && !valid_division_code(config.jurisdiction_code)) {
    j.report("code", i18n::tr("config.bad_division_code", config.jurisdiction_code));
  }
}

}  // namespace

bool valid_division_code(std::string_view code) {
  const bool digits =
      std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits && (code.size() == 6 || code.size() == 9 || code.size() == 12);
}

WorkspaceConfig parse_workspace_config(const std::string& file, const std::string& text) {
  Diagnostics diagnostics(file);
  WorkspaceConfig config;
  const YAML::Node root = parse_yaml(text, diagnostics);
  if (root.IsDefined()) {
    MapReader r(root, "", diagnostics);
    config.version = static_cast<int>(r.integer("version", 1, 1, true).value_or(1));
    r.map("jurisdiction", [&](MapReader& j) { read_jurisdiction(j, config); });
    config.language = r.string("language").value_or("zh");
    if (!i18n::parse_lang(config.language)) {
      r.report("language", i18n::tr("config.bad_choice", config.language, "zh, en"));
    }
    read_store(r, config);
    config.standard = r.string("standard").value_or("");
    config.plan = r.string("plan").value_or("");
    config.communities = r.string("communities").value_or(config.communities);
    const YAML::Node pattern = r.node("communities");
    const YAML::Node where = pattern.IsDefined() ? pattern : root;
    config.communities_line = where.Mark().line + 1;
    config.communities_column = where.Mark().column + 1;
    r.map("privacy", [&](MapReader& p) { read_privacy(p, config.privacy); });
  }
  diagnostics.throw_if_any(text);
  return config;
}

std::vector<fs::path> glob_files(const fs::path& root, const std::string& pattern) {
  const fs::path relative(pattern);
  const fs::path dir = root / relative.parent_path();
  const std::string name_pattern = relative.filename().string();
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() &&
        fnmatch(name_pattern.c_str(), entry.path().filename().c_str(), 0) == 0) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// One community file read and parsed: the community, or the problems found in it.
struct ParsedCommunity {
  std::string relative;
  std::optional<Community> community;
  std::vector<std::string> problems;
};

// tongxin.yaml's text for an excerpt under a diagnostic; empty when it cannot be read (a
// workspace built in memory).
std::string workspace_text(const fs::path& root) {
  std::ifstream in(root / k_workspace_file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A `communities` pattern matching no file: exit 5 at the pattern, saying whether its folder is
// missing or holds no matching file.
[[noreturn]] void throw_no_communities(const fs::path& root, const WorkspaceConfig& config) {
  const fs::path pattern(config.communities);
  const std::string folder = pattern.parent_path().empty() ? "." : pattern.parent_path().string();
  std::error_code ec;
  const std::string message =
      fs::is_directory(root / pattern.parent_path(), ec)
          ? i18n::tr("config.communities_none", config.communities, folder)
          : i18n::tr("config.communities_no_folder", config.communities, folder);
  Diagnostics diagnostics(k_workspace_file);
  diagnostics.add(config.communities_line, config.communities_column, "communities", message);
  diagnostics.throw_if_any(workspace_text(root));
  throw Error(ExitCode::config, message);  // not reached: one diagnostic was added
}

void load_communities(Workspace& ws, std::vector<std::string>& problems) {
  const std::vector<fs::path> paths = glob_files(ws.root, ws.config.communities);
  if (paths.empty()) {
    throw_no_communities(ws.root, ws.config);
  }
  std::vector<ParsedCommunity> parsed(paths.size());
  // Parsed on every core: a county's 2,000 files took 1.7 s of YAML parsing on one, before any
  // command could start. Each file's result has its own slot; the checks below run in order.
  for_each_index(paths.size(), [&](size_t i) {
    ParsedCommunity& out = parsed[i];
    out.relative = fs::relative(paths[i], ws.root).string();
    try {
      out.community = parse_community(out.relative, read_file(paths[i]));
    } catch (const Error& e) {
      out.problems = e.details();
    }
  });
  std::set<std::string> seen;
  for (ParsedCommunity& p : parsed) {
    problems.insert(problems.end(), p.problems.begin(), p.problems.end());
    if (!p.community) {
      continue;
    }
    if (!seen.insert(p.community->id).second) {
      problems.push_back(i18n::tr("config.duplicate_community", p.relative, p.community->id));
      continue;
    }
    ws.communities.push_back(std::move(*p.community));
  }
  std::sort(ws.communities.begin(), ws.communities.end(),
            [](const Community& a, const Community& b) { return a.id < b.id; });
}

}  // namespace

WorkspaceConfig load_workspace_config(const fs::path& root) {
  return parse_workspace_config(k_workspace_file, read_file(root / k_workspace_file));
}

Workspace load_workspace(const fs::path& root, WorkspaceConfig config) {
  Workspace ws;
  ws.root = root;
  ws.config = std::move(config);
  std::vector<std::string> problems;
  load_communities(ws, problems);
  if (!problems.empty()) {
    throw Error(ExitCode::config, i18n::tr("config.workspace_invalid", root.string()), problems);
  }
  return ws;
}

Workspace load_workspace(const fs::path& root) {
  return load_workspace(root, load_workspace_config(root));
}

}  // namespace tongxin::config
