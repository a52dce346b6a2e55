#include <iostream>

#include "app/database_admin.h"
#include "cli/command.h"

namespace qq::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument: return 2;
    case StatusCode::kNotFound: return 3;
    case StatusCode::kFailedPrecondition: return 4;
    case StatusCode::kUnauthenticated:
    case StatusCode::kPermissionDenied:
    case StatusCode::kLocked: return 5;
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict: return 6;
    case StatusCode::kIo: return 7;
    case StatusCode::kInternal: return 70;
  }
  return 1;
}

int Fail(const CommonOptions& common, const Status& status) {
  if (common.json) {
    PrintJson(wire::ErrorJson(status));
  } else {
    std::cerr << "qiangqu: error: " << status.ToString() << "\n";
  }
  return ExitCodeFor(status);
}

void PrintJson(const wire::Json& doc) { std::cout << doc.dump(-1, ' ', false, wire::Json::error_handler_t::replace) << "\n"; }

void AddDbOption(CLI::App& sub, CommonOptions& c, bool required) {
  auto* opt = sub.add_option("--db", c.db, "the qiangqu database file (SQLite)");
  if (required) opt->required();
}

void AddDataDirOption(CLI::App& sub, CommonOptions& c) {
  sub.add_option("--data-dir", c.data_dir, "reference data folder (default: data/ beside the program)");
}

void AddJsonOption(CLI::App& sub, CommonOptions& c) {
  sub.add_flag("--json", c.json, "print one JSON document on stdout");
}

int RunDocument(const CommonOptions& c, bool writes, const std::function<Result<wire::Json>(store::Database&)>& fn) {
  auto db = app::OpenDatabase(c.db, !writes);
  if (!db.ok()) return Fail(c, db.status());
  auto doc = fn(**db);
  if (!doc.ok()) return Fail(c, doc.status());
  if (c.json) PrintJson(*doc); else std::cout << doc->dump(2) << "\n";
  return 0;
}

}  // namespace qq::cli
