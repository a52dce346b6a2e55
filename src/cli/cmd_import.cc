// import enterprises|indicators FILE...: sheets in, checked, all or nothing.
#include <iostream>
#include <functional>
#include <memory>

#include "app/database_admin.h"
#include "app/import_service.h"
#include "app/paths.h"
#include "app/project_import.h"
#include "cli/command.h"
#include "ingest/file_util.h"
#include "wire/import_report.h"

namespace qq::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string region;
  std::string as_of;  // projects: the round (YYYY-MM)
};

using ImportFn = std::function<Result<ingest::ImportReport>(store::Database&, const app::ImportContext&, std::string_view,
                                                             const std::string&, const app::ImportOptions&)>;

void PrintHuman(const ingest::ImportReport& r) {
  if (r.already_imported) {
    std::cout << r.file << ": already imported (#" << r.import_id << "); nothing changed\n";
    return;
  }
  if (!r.errors.empty()) {
    std::cout << r.file << ": refused, " << r.errors.size() << " error(s); nothing was written\n";
    for (const auto& e : r.errors) {
      std::cout << "  " << (e.sheet ? *e.sheet + " " : "") << (e.cell.empty() ? "row " + std::to_string(e.row) : e.cell)
                << " [" << e.kind << "] " << e.message << (e.value.empty() ? "" : " — “" + e.value + "”") << "\n";
    }
  } else if (r.applied) {
    std::cout << r.file << ": imported #" << r.import_id << ", " << r.rows << " rows (" << r.inserted << " new, "
              << r.replaced << " replaced, " << r.unchanged << " unchanged), " << r.created.size() << " firms created\n";
  } else {
    std::cout << r.file << ": valid, " << r.rows << " rows (not applied)\n";
  }
  for (const auto& w : r.warnings) {
    std::cout << "  warning " << (w.cell.empty() ? (w.row ? "row " + std::to_string(w.row) : std::string("file")) : w.cell)
              << " [" << w.kind << "] " << w.message << "\n";
  }
}

int RunImport(const CommonOptions& c, const ImportArgs& a, ImportFn fn, const char* what) {
  auto data = app::FindDataDir(c.data_dir);
  if (!data.ok()) return Fail(c, data.status());
  auto db = app::OpenDatabase(c.db);
  if (!db.ok()) return Fail(c, db.status());
  app::ImportOptions o;
  o.channel = "cli";
  if (const char* user = std::getenv("USER")) o.username = std::string("cli:") + user;
  if (!a.region.empty()) {
    auto region = RegionCode::Parse(a.region);
    if (!region.ok()) return Fail(c, region.status().WithContext("--region"));
    o.region = *region;
  }
  app::ImportContext ctx{c.db, *data, app::SystemClock()};
  std::vector<std::string> bytes;
  for (const auto& f : a.files) {
    auto b = ingest::ReadWholeFile(f);
    if (!b.ok()) return Fail(c, b.status());
    bytes.push_back(std::move(b).value());
  }
  // With several files, all are checked first so that none is applied unless all are valid.
  std::vector<ingest::ImportReport> reports;
  bool valid = true;
  if (a.files.size() > 1) {
    app::ImportOptions check = o;
    check.dry_run = true;
    for (size_t k = 0; k < a.files.size(); ++k) {
      auto r = fn(**db, ctx, bytes[k], a.files[k], check);
      if (!r.ok()) return Fail(c, r.status());
      valid &= r->errors.empty();
      reports.push_back(std::move(r).value());
    }
  }
  if (valid) {
    reports.clear();
    for (size_t k = 0; k < a.files.size(); ++k) {
      std::cerr << "importing " << what << " from " << a.files[k] << "\n";
      auto r = fn(**db, ctx, bytes[k], a.files[k], o);
      if (!r.ok()) return Fail(c, r.status());
      reports.push_back(std::move(r).value());
    }
  }
  bool ok = true;
  for (const auto& r : reports) ok &= r.errors.empty();
  if (c.json) {
    PrintJson(wire::ImportReportsJson(reports));
  } else {
    for (const auto& r : reports) PrintHuman(r);
    if (!valid) std::cout << "no file was imported because some had errors\n";
  }
  return ok ? 0 : 1;
}

void Setup(CLI::App& sub, CommonOptions& c, ImportFn fn, const char* name, const char* help) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = sub.add_subcommand(name, help);
  cmd->add_option("files", a->files, "xlsx, csv or tsv files (UTF-8, UTF-8 with BOM, GBK or GB18030)")->required();
  AddDbOption(*cmd, c);
  AddDataDirOption(*cmd, c);
  AddJsonOption(*cmd, c);
  cmd->add_option("--region", a->region, "region code of firms the files create (default: from their USCC)");
  cmd->callback([&c, a, fn, name] { ExitCodeSlot() = RunImport(c, *a, fn, name); });
}

// import projects FILE --region CODE --as-of YYYY-MM: one round's filings from the scheduling sheet.
void SetupProjects(CLI::App& sub, CommonOptions& c) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = sub.add_subcommand("projects", "a project scheduling sheet (重点项目调度表) for one round");
  cmd->add_option("files", a->files, "xlsx, csv or tsv files")->required();
  AddDbOption(*cmd, c);
  AddDataDirOption(*cmd, c);
  AddJsonOption(*cmd, c);
  cmd->add_option("--region", a->region, "the county whose library the sheet fills (e.g. 370114)")->required();
  cmd->add_option("--as-of", a->as_of, "the round the figures are for (YYYY-MM); opened if not open yet")->required();
  cmd->callback([&c, a] {
    ExitCodeSlot() = [&]() -> int {
      auto region = RegionCode::Parse(a->region);
      if (!region.ok()) return Fail(c, region.status().WithContext("--region"));
      auto as_of = YearMonth::Parse(a->as_of);
      if (!as_of.ok()) return Fail(c, as_of.status().WithContext("--as-of"));
      ImportArgs files = *a;
      files.region.clear();  // the region is the library's, not a firm default
      ImportFn fn = [region = *region, as_of = *as_of](store::Database& db, const app::ImportContext& ctx, std::string_view bytes,
                                                      const std::string& name, const app::ImportOptions& o) {
        return app::ImportProjects(db, ctx, bytes, name, region, as_of, o);
      };
      return RunImport(c, files, fn, "projects");
    }();
  });
}

}  // namespace

std::vector<Command> ImportCommands() {
  return {{"import", "import sheets: import enterprises|indicators|published|projects FILE... (all or nothing, with a report)",
           [](CLI::App& sub, CommonOptions& c) {
             sub.require_subcommand(1);
             Setup(sub, c, &app::ImportEnterprises, "enterprises", "a firm directory (企业名录) or a candidate-firm pool");
             Setup(sub, c, &app::ImportIndicators, "indicators", "monthly indicator sheets (规上企业月报)");
             Setup(sub, c, &app::ImportPublished, "published",
                   "published rates (行政区划代码, 指标, 统计期, 数值(%), 来源), kept as their own series");
             SetupProjects(sub, c);
           },
           nullptr}};
}

}  // namespace qq::cli
