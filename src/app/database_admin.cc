#include "app/database_admin.h"

#include <set>

#include "ingest/chain_templates.h"
#include "ingest/reference_data.h"
#include "store/chain_store.h"
#include "store/industry_store.h"
#include "store/meta_store.h"
#include "store/migrations.h"
#include "store/region_store.h"

namespace qq::app {
namespace {

Result<std::set<std::string>> KnownIndustryCodes(const std::filesystem::path& data_dir) {
  QQ_ASSIGN_OR_RETURN(auto classes, ingest::LoadIndustryClasses(data_dir));
  std::set<std::string> codes;
  for (const auto& c : classes) codes.insert(c.code.str());
  return codes;
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

}  // namespace

Result<InitReport> InitDatabase(const std::string& db_path, const std::filesystem::path& data_dir) {
  std::error_code ec;
  if (std::filesystem::exists(db_path, ec)) {
    return Status::AlreadyExists("'" + db_path + "' exists; qiangqu init creates a new database (use qiangqu migrate to upgrade one)");
  }
  // Read and validate every file before creating anything.
  QQ_ASSIGN_OR_RETURN(auto regions, ingest::LoadRegions(data_dir));
  QQ_ASSIGN_OR_RETURN(auto aliases, ingest::LoadCrosswalk(data_dir, regions));
  QQ_ASSIGN_OR_RETURN(auto classes, ingest::LoadIndustryClasses(data_dir));
  std::set<std::string> codes;
  for (const auto& c : classes) codes.insert(c.code.str());
  QQ_ASSIGN_OR_RETURN(auto chains, ingest::LoadChainTemplates(data_dir / "chains", codes));

  auto result = [&]() -> Result<InitReport> {
    QQ_ASSIGN_OR_RETURN(auto db, store::Database::Open(db_path, store::Database::Mode::kCreate));
    QQ_RETURN_IF_ERROR(store::Migrate(*db));
    store::Transaction tx(*db);
    QQ_RETURN_IF_ERROR(tx.begin_status());
    QQ_RETURN_IF_ERROR(store::RegionStore(*db).ReplaceAll(regions, aliases));
    QQ_RETURN_IF_ERROR(store::IndustryStore(*db).ReplaceAll(classes));
    QQ_RETURN_IF_ERROR(store::ChainStore(*db).Upsert(chains));
    QQ_RETURN_IF_ERROR(store::MetaStore(*db).BumpDataVersion());
    QQ_RETURN_IF_ERROR(tx.Commit());
    InitReport r;
    r.regions = static_cast<int64_t>(regions.size());
    r.aliases = static_cast<int64_t>(aliases.size());
    r.industry_classes = static_cast<int64_t>(classes.size());
    r.chains = static_cast<int64_t>(chains.size());
    QQ_ASSIGN_OR_RETURN(r.schema_version, db->SchemaVersion());
    return r;
  }();
  if (!result.ok()) RemoveDatabaseFiles(db_path);
  return result;
}

Result<int> MigrateDatabase(const std::string& db_path) {
  QQ_ASSIGN_OR_RETURN(auto db, store::Database::Open(db_path, store::Database::Mode::kReadWrite));
  QQ_ASSIGN_OR_RETURN(int before, db->SchemaVersion());
  if (before == 0) {
    return Status::FailedPrecondition("'" + db_path + "' is not a qiangqu database (create one with qiangqu init)");
  }
  QQ_RETURN_IF_ERROR(store::Migrate(*db));
  return db->SchemaVersion();
}

Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& db_path, bool read_only) {
  QQ_ASSIGN_OR_RETURN(auto db, store::Database::Open(db_path, read_only ? store::Database::Mode::kReadOnly
                                                                         : store::Database::Mode::kReadWrite));
  QQ_RETURN_IF_ERROR(store::RequireLatestSchema(*db));
  return db;
}

Result<int64_t> ReloadChains(store::Database& db, const std::filesystem::path& data_dir) {
  QQ_ASSIGN_OR_RETURN(auto codes, KnownIndustryCodes(data_dir));
  QQ_ASSIGN_OR_RETURN(auto chains, ingest::LoadChainTemplates(data_dir / "chains", codes));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(store::ChainStore(db).Upsert(chains));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(tx.Commit());
  return static_cast<int64_t>(chains.size());
}

}  // namespace qq::app
