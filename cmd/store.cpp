// tongxin store info|check|migrate|backup FILE|batches|access-log: look after the SQLite store.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "core/error.h"
#include "i18n/i18n.h"
#include "store/access_log.h"
#include "store/batches.h"

namespace tongxin::cli {

namespace {

struct InfoOptions {
  std::string format = "table";
};

struct CheckOptions {};  // no options of its own

struct MigrateOptions {};  // no options of its own

struct BackupOptions {
  std::string file;
};

struct AccessLogOptions {
  std::string format = "table";
};

struct BatchesOptions {
  std::string kind;  // roster | activity; empty for both
  std::string format = "table";
};

// One row per fact: a stable key (CSV, TSV) and a label in the user's language (terminal).
struct InfoRow {
  std::string key;
  std::string sub;  // table name or access action, for rows.* and access.*
  std::string value;
};

std::vector<InfoRow> info_rows(const store::Info& info) {
  std::vector<InfoRow> rows = {{"path", "", info.path},
                               {"schema_version", "", std::to_string(info.version)},
                               {"binary_schema_version", "", std::to_string(info.latest)},
                               {"size_bytes", "", std::to_string(info.size_bytes)}};
  for (const auto& [table, count] : info.table_rows) {
    rows.push_back({"rows", table, std::to_string(count)});
  }
  for (const auto& [action, count] : info.access_by_action) {
    rows.push_back({"access", action, std::to_string(count)});
  }
  return rows;
}

nlohmann::ordered_json info_json(const store::Info& info) {
  nlohmann::ordered_json doc;
  doc["path"] = info.path;
  doc["schema_version"] = info.version;
  doc["binary_schema_version"] = info.latest;
  doc["size_bytes"] = info.size_bytes;
  doc["tables"] = nlohmann::ordered_json::object();
  for (const auto& [name, rows] : info.table_rows) {
    doc["tables"][name] = rows;
  }
  doc["access"] = nlohmann::ordered_json::object();
  for (const auto& [action, count] : info.access_by_action) {
    doc["access"][action] = count;
  }
  return doc;
}

void run_info(const InfoOptions& options, Context& ctx) {
  const auto format = output::parse_format(options.format);
  const auto info = store::info(ctx.db(), ctx.store_path());
  if (format == output::Format::json) {
    ctx.out() << info_json(info).dump(2) << '\n';
    return;
  }
  const bool labels = format == output::Format::table;
  output::Table table;
  table.columns = {{"item", i18n::tr("store.col_item")}, {"value", i18n::tr("store.col_value")}};
  for (const InfoRow& row : info_rows(info)) {
    const std::string name = labels ? i18n::tr("store.item." + row.key, row.sub)
                                    : (row.sub.empty() ? row.key : row.key + "." + row.sub);
    table.rows.push_back({name, row.value});
  }
  output::write(ctx.out(), table, format, ctx.render_options());
}

void run_check(const CheckOptions& /*options*/, Context& ctx) {
  const auto problems = store::check(ctx.db());
  for (const auto& p : problems) {
    ctx.out() << p << '\n';
  }
  if (!problems.empty()) {
    throw Error(ExitCode::check_failed, i18n::tr("store.check_failed", problems.size()));
  }
  ctx.notice(i18n::tr("store.check_ok", ctx.store_path().string()));
}

void run_migrate(const MigrateOptions& /*options*/, Context& ctx) {
  const auto path = ctx.store_path();
  store::OpenOptions open_options = ctx.store_options(true);
  open_options.migrate = true;
  auto db = store::open(path, open_options);
  ctx.notice(i18n::tr("store.migrated", path.string(), store::schema_version(*db)));
}

void run_backup(const BackupOptions& options, Context& ctx) {
  store::backup(ctx.db(), ctx.path(options.file), ctx.file_calls());
  ctx.notice(i18n::tr("store.backed_up", options.file));
}

void run_access_log(const AccessLogOptions& options, Context& ctx) {
  const auto format = output::parse_format(options.format);
  output::write(
      ctx.out(),
      store::access_log_table(store::read_access_log(ctx.db()), format == output::Format::table),
      format, ctx.render_options(i18n::tr("access.none")));
}

void run_batches(const BatchesOptions& options, Context& ctx) {
  const auto format = output::parse_format(options.format);
  output::write(ctx.out(),
                store::batches_table(store::read_batches(ctx.db(), options.kind),
                                     format == output::Format::table),
                format, ctx.render_options(i18n::tr("batches.none")));
}

}  // namespace

void setup_store(CLI::App& app, Globals& globals, Environment& env) {
  CLI::App* store = app.add_subcommand("store", i18n::tr("help.store"));
  store->require_subcommand(1);

  auto info_o = std::make_shared<InfoOptions>();
  CLI::App* info = store->add_subcommand("info", i18n::tr("help.store_info"));
  info->add_option("--format", info_o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json"}));
  on_run(info, run_info, info_o, globals, env);

  CLI::App* check = store->add_subcommand("check", i18n::tr("help.store_check"));
  on_run(check, run_check, std::make_shared<CheckOptions>(), globals, env);

  CLI::App* migrate = store->add_subcommand("migrate", i18n::tr("help.store_migrate"));
  on_run(migrate, run_migrate, std::make_shared<MigrateOptions>(), globals, env);

  auto backup_o = std::make_shared<BackupOptions>();
  CLI::App* backup = store->add_subcommand("backup", i18n::tr("help.store_backup"));
  backup->add_option("FILE", backup_o->file, i18n::tr("help.store_backup_file"))->required();
  on_run(backup, run_backup, backup_o, globals, env);

  auto batches_o = std::make_shared<BatchesOptions>();
  CLI::App* batches = store->add_subcommand("batches", i18n::tr("help.store_batches"));
  batches->add_option("--kind", batches_o->kind, i18n::tr("help.store_batches_kind"))
      ->check(CLI::IsMember({"roster", "activity"}));
  batches->add_option("--format", batches_o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json"}));
  on_run(batches, run_batches, batches_o, globals, env);

  auto access_o = std::make_shared<AccessLogOptions>();
  CLI::App* access = store->add_subcommand("access-log", i18n::tr("help.store_access_log"));
  access->add_option("--format", access_o->format, i18n::tr("help.opt_format"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json"}));
  on_run(access, run_access_log, access_o, globals, env);
}

}  // namespace tongxin::cli
