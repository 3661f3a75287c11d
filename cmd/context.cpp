#include "context.h"

#include <unistd.h>

#include <sqlite3.h>

#include <ctime>
#include <iostream>
#include <sstream>

#include "core/error.h"
#include "i18n/i18n.h"
#include "store/lock_holder.h"

namespace tongxin::cli {

namespace fs = std::filesystem;

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

std::string local_time(const char* format) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

}  // namespace

Environment real_environment(std::istream& in, std::ostream& out, std::ostream& err) {
  Environment env;
  env.in = &in;
  env.out = &out;
  env.err = &err;
  env.stdout_tty = isatty(STDOUT_FILENO) == 1;
  env.stderr_tty = isatty(STDERR_FILENO) == 1;
  env.lang_env =
      i18n::message_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
  env.user = env_or("USER", env_or("LOGNAME", "unknown"));
  env.no_color_env = std::getenv("NO_COLOR") != nullptr;
  env.today = env_or("TONGXIN_TODAY", local_time("%Y-%m-%d"));
  env.now = env_or("TONGXIN_NOW", local_time("%Y-%m-%dT%H:%M:%S%z"));
  std::error_code ec;
  env.cwd = fs::current_path(ec);
  return env;
}

void choose_language(const std::string& lang_flag, const fs::path& start,
                     const std::string& lang_env) {
  if (const auto lang = i18n::parse_lang(lang_flag)) {
    i18n::set_language(*lang);
    return;
  }
  i18n::set_language(i18n::lang_from_env(lang_env.c_str()));
  if (const auto root = config::find_workspace_root(start)) {
    try {
      const auto cfg = config::parse_workspace_config(
          config::k_workspace_file, config::read_file(*root / config::k_workspace_file));
      i18n::set_language(i18n::parse_lang(cfg.language).value_or(i18n::Lang::zh));
    } catch (const Error&) {
      // A broken tongxin.yaml is reported by the command that loads it, in the LANG language.
    }
  }
}

Context::Context(const Globals& globals, const Environment& env) : m_globals(globals), m_env(env) {
  const auto today = parse_iso_date(env.today);
  if (!today) {
    throw Error(ExitCode::usage, i18n::tr("env.bad_today", env.today));
  }
  m_today = *today;
}

Period Context::period(const std::string& text) const {
  const auto period = parse_period(text, m_today);
  if (!period) {
    throw Error(ExitCode::usage, i18n::tr("period.bad", text, period_forms()));
  }
  return *period;
}

Date Context::date_flag(const std::string& text, std::string_view flag) const {
  const auto date = parse_user_date(text, m_today);
  if (!date) {
    throw Error(ExitCode::usage, i18n::tr("date.bad_flag", flag, text));
  }
  return *date;
}

std::istream& Context::in() const {
  static std::istringstream no_input;
  return m_env.in != nullptr ? *m_env.in : no_input;
}

void Context::notice(const std::string& line) const {
  if (!m_globals.quiet && (m_globals.verbose || m_env.stderr_tty)) {
    *m_env.err << line << '\n';
  }
}

void Context::warning(const std::string& line) const {
  *m_env.err << "tongxin: " << i18n::tr("warning.prefix") << ": " << line << '\n';
}

store::OpenOptions Context::store_options(bool create) {
  int busy_timeout_s = config::k_default_busy_timeout_s;
  if (m_globals.store.empty() || config::find_workspace_root(start_dir())) {
    busy_timeout_s = workspace_config().busy_timeout_s;
  }
  return {.create = create,
          .busy_timeout_ms = busy_timeout_s * 1000,
          .warn = [this](const std::string& line) { warning(line); }};
}

std::optional<Error> Context::busy_error(const SQLite::Exception& e) const {
  if (e.getErrorCode() != SQLITE_BUSY || !m_db) {
    return std::nullopt;
  }
  return store::locked_error(m_db->getFilename(), m_db->execAndGet("PRAGMA busy_timeout").getInt(),
                             e.what());
}

bool Context::color() const {
  return m_env.stdout_tty && !m_globals.no_color && !m_env.no_color_env;
}

output::RenderOptions Context::render_options(std::string empty_note) const {
  return {.color = color(), .terminal = m_env.stdout_tty, .empty_note = std::move(empty_note)};
}

std::string Context::actor() const {
  return m_globals.actor.empty() ? m_env.user : m_globals.actor;
}

fs::path Context::start_dir() const {
  if (m_globals.dir.empty()) {
    return m_env.cwd;
  }
  const fs::path dir(m_globals.dir);
  return dir.is_absolute() ? dir : m_env.cwd / dir;
}

std::string Context::path(const std::string& given) const {
  if (given.empty() || given == "-" || fs::path(given).is_absolute()) {
    return given;
  }
  // Kept relative to the process's folder when that is the environment's (always, outside
  // tests), so that messages name the file as the user would type it ("w/data.csv").
  std::error_code ec;
  if (!fs::path(m_globals.dir).is_absolute() &&
      fs::equivalent(m_env.cwd, fs::current_path(ec), ec)) {
    return (fs::path(m_globals.dir) / given).lexically_normal().string();
  }
  return (start_dir() / given).lexically_normal().string();
}

const fs::path& Context::workspace_root() {
  if (!m_root) {
    m_root = config::find_workspace_root(start_dir());
    if (!m_root) {
      throw Error(ExitCode::config, i18n::tr("workspace.not_found", start_dir().string()));
    }
  }
  return *m_root;
}

const config::WorkspaceConfig& Context::workspace_config() {
  if (!m_config) {
    m_config = config::load_workspace_config(workspace_root());
  }
  return *m_config;
}

const config::Workspace& Context::workspace() {
  if (!m_workspace) {
    m_workspace = config::load_workspace(workspace_root(), workspace_config());
  }
  return *m_workspace;
}

std::string Context::community(const std::string& reference) {
  return reference.empty() ? reference
                           : config::resolve_community(workspace().community_names(), reference);
}

fs::path Context::store_path() {
  if (!m_globals.store.empty()) {
    return path(m_globals.store);
  }
  return workspace_root() / workspace_config().store;
}

SQLite::Database& Context::db(bool create) {
  if (!m_db) {
    m_db = store::open(store_path(), store_options(create));
  }
  return *m_db;
}

}  // namespace tongxin::cli
