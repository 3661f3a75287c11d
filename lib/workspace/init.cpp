#include "workspace/init.h"

#include <sys/stat.h>

#include <cerrno>

#include <algorithm>
#include <set>

#include "config/workspace.h"
#include "core/error.h"
#include "core/resources.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"
#include "store/store.h"

namespace tongxin::workspace {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_examples = "examples/";
constexpr std::string_view k_starter_plan = "plans/plan.yaml";
constexpr std::string_view k_starter_community = "communities/my-community.yaml";

struct PlannedFile {
  std::string relative;
  std::string_view content;
};

std::string minimal_config(const std::string& language) {
  return "# tongxin workspace. See tongxin(1) and the README for every key.\n"
         "version: 1\n"
         "jurisdiction: {name: 未命名, code: \"\"}\n"
         "language: " +
         language +
         "\n"
         "store: tongxin.db\n"
         "plan: " +
         std::string(k_starter_plan) +
         "\n"
         "communities: communities/*.yaml\n"
         "privacy:\n"
         "  min_cell: 5\n"
         "  sensitive_fields: {}\n";
}

// A starter file (schemas/starter/NAME.LANGUAGE.yaml) with {{year}} replaced by `year`.
std::string starter(const std::string& name, const std::string& language, int year) {
  std::string text(resources::get("schemas/starter/" + name + "." + language + ".yaml"));
  const std::string mark = "{{year}}";
  for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
    text.replace(at, mark.size(), std::to_string(year));
  }
  return text;
}

std::vector<PlannedFile> example_files(const std::string& example) {
  const std::string prefix = std::string(k_examples) + example + "/";
  std::vector<PlannedFile> files;
  for (const auto& r : resources::under(prefix)) {
    files.push_back({std::string(r.path.substr(prefix.size())), r.data});
  }
  return files;
}

// Creates `folder` and its missing parents with mode 0700 whatever the umask (a workspace holds
// personal data); folders that exist are left as they are. Exit 2 naming it when that fails.
void make_folder(const fs::path& folder) {
  std::error_code ec;
  if (folder.empty() || fs::is_directory(folder, ec)) {
    return;
  }
  make_folder(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) == 0) {
    ::chmod(folder.c_str(), 0700);  // mkdir's mode is narrowed by the umask, never widened
  } else if (errno != EEXIST || !fs::is_directory(folder, ec)) {
    throw Error(ExitCode::usage, i18n::tr("file.cannot_write", folder.string()),
                {output::file_error_reason(errno == EEXIST ? ENOTDIR : errno)});
  }
}

void write_private(const fs::path& path, std::string_view content) {
  make_folder(path.parent_path());
  output::AtomicFile file(path);
  file.write(content);
  file.commit();
}

// The tongxin.yaml among `files`, parsed (it names the store to create).
config::WorkspaceConfig workspace_config_of(const std::vector<PlannedFile>& files) {
  for (const PlannedFile& f : files) {
    if (f.relative == config::k_workspace_file) {
      return config::parse_workspace_config(f.relative, std::string(f.content));
    }
  }
  throw Error(ExitCode::config, i18n::tr("config.missing_file", config::k_workspace_file));
}

}  // namespace

std::vector<std::string> example_names() {
  std::set<std::string> names;
  for (const auto& r : resources::under(k_examples)) {
    const std::string_view rest = r.path.substr(k_examples.size());
    const auto slash = rest.find('/');
    if (slash != std::string_view::npos) {
      names.emplace(rest.substr(0, slash));
    }
  }
  return {names.begin(), names.end()};
}

InitResult init_workspace(const fs::path& dir, const std::string& example,
                          const std::string& language, int year) {
  std::vector<PlannedFile> files;
  std::string config_text;
  std::string community_text;
  std::string plan_text;
  if (!example.empty()) {
    const auto names = example_names();
    if (std::find(names.begin(), names.end(), example) == names.end()) {
      std::string known;
      for (const auto& n : names) {
        known += (known.empty() ? "" : ", ") + n;
      }
      throw Error(ExitCode::usage, i18n::tr("init.unknown_example", example, known));
    }
    files = example_files(example);
  } else {
    config_text = minimal_config(language);
    community_text = starter("community", language, year);
    plan_text = starter("plan", language, year);
    files.push_back({config::k_workspace_file, config_text});
    files.push_back({std::string(k_starter_community), community_text});
    files.push_back({std::string(k_starter_plan), plan_text});
  }
  // Check everything before writing anything: a second init changes nothing.
  std::error_code ec;
  std::vector<std::string> existing;
  if (fs::exists(dir / config::k_workspace_file, ec)) {
    existing.push_back(config::k_workspace_file);
  }
  for (const PlannedFile& f : files) {
    if (fs::exists(dir / f.relative, ec) && f.relative != config::k_workspace_file) {
      existing.push_back(f.relative);
    }
  }
  if (!existing.empty()) {
    throw Error(ExitCode::usage, i18n::tr("init.exists", dir.string()), existing);
  }
  const config::WorkspaceConfig parsed = workspace_config_of(files);
  if (fs::exists(dir / parsed.store, ec)) {
    throw Error(ExitCode::usage, i18n::tr("init.exists", dir.string()), {parsed.store});
  }
  make_folder(dir);
  InitResult result{dir, {}, parsed.store};
  for (const PlannedFile& f : files) {
    write_private(dir / f.relative, f.content);
    result.files.push_back(f.relative);
  }
  for (const char* folder : {"communities", "standards", "plans", "data"}) {
    make_folder(dir / folder);
  }
  store::open(dir / parsed.store, {.create = true});
  std::sort(result.files.begin(), result.files.end());
  return result;
}

}  // namespace tongxin::workspace
