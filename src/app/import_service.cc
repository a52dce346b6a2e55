#include "app/import_service.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "app/paths.h"
#include "app/security.h"
#include "core/region_resolver.h"
#include "core/unicode.h"
#include "ingest/column_map.h"
#include "ingest/enterprise_sheet.h"
#include "ingest/file_util.h"
#include "ingest/indicator_checks.h"
#include "ingest/indicator_sheet.h"
#include "ingest/published_sheet.h"
#include "ingest/reference_data.h"
#include "ingest/table_reader.h"
#include "store/enterprise_store.h"
#include "store/import_store.h"
#include "store/industry_store.h"
#include "store/meta_store.h"
#include "store/region_store.h"
#include "store/user_store.h"

namespace qq::app {
namespace {

using ingest::ImportIssue;
using ingest::ImportReport;

// Writes the original bytes and a plain-text report into "<db>.files/".
Status Archive(const ImportContext& ctx, const std::string& file_name, std::string_view bytes, const ImportReport& r,
               const std::string& outcome, std::string* archived_as) {
  auto dir = ArchiveDirFor(ctx.db_path);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Io("cannot create the archive folder '" + dir.string() + "': " + ec.message());
  std::time_t now = static_cast<std::time_t>(ctx.clock());
  char stamp[32];
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  std::string base = std::filesystem::path(file_name).filename().string();
  for (char& c : base) {
    if (c == '/' || c == '\\') c = '_';
  }
  std::string stem = std::string(stamp) + "_" + r.sha256.substr(0, 12) + "_" + base;
  {
    std::ofstream out(dir / stem, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::Io("cannot archive '" + file_name + "' in " + dir.string());
  }
  std::ofstream rep(dir / (stem + ".report.tsv"));
  rep << "# qiangqu import report\tfile\t" << file_name << "\tsha256\t" << r.sha256 << "\toutcome\t" << outcome << "\n";
  rep << "level\tfile\tsheet\trow\tcolumn\tcell\tvalue\tkind\tmessage\n";
  for (const auto* list : {&r.errors, &r.warnings}) {
    for (const auto& i : *list) {
      rep << (list == &r.errors ? "error" : "warning") << '\t' << i.file << '\t' << i.sheet.value_or("") << '\t' << i.row
          << '\t' << i.column << '\t' << i.cell << '\t' << i.value << '\t' << i.kind << '\t' << i.message << '\n';
    }
  }
  for (const auto& c : r.created) rep << "created\t" << c.uscc << '\t' << c.name << '\t' << c.region << '\n';
  if (archived_as) *archived_as = (dir / stem).string();
  return Status::Ok();
}

ImportIssue FileIssue(const std::string& file, const std::string& kind, const std::string& message) {
  ImportIssue i;
  i.file = file;
  i.kind = kind;
  i.message = message;
  return i;
}

// Finds towns by code or name within a county, creating unknown ones (system `local`).
class TownResolver {
 public:
  explicit TownResolver(store::Database& db) : db_(db) {}

  // Returns the town, or nullopt with a warning message when the text is empty.
  Result<std::optional<RegionCode>> Resolve(const RegionCode& county, const std::string& text, std::string& warning) {
    std::string t = TrimSpaces(FoldWidth(text));
    if (t.empty() || county.Level() != RegionLevel::kCounty) return std::optional<RegionCode>();
    QQ_RETURN_IF_ERROR(Load(county));
    auto& towns = towns_[county.str()];
    if (t.size() == 9 && t.find_first_not_of("0123456789") == std::string::npos) {
      for (const auto& r : towns) {
        if (r.code.str() == t) return std::optional<RegionCode>(r.code);
      }
    }
    auto stem = [](std::string s) {
      for (const char* suffix : {"街道办事处", "办事处", "街道", "镇", "乡"}) {
        std::string x(suffix);
        if (s.size() > x.size() && s.ends_with(x)) return s.substr(0, s.size() - x.size());
      }
      return s;
    };
    for (const auto& r : towns) {
      if (r.name == t || stem(r.name) == stem(t)) return std::optional<RegionCode>(r.code);
    }
    // Unknown: create it under the county with the next free code county + 9NN.
    for (int n = 901; n <= 999; ++n) {
      std::string code = county.str() + std::to_string(n);
      bool used = false;
      for (const auto& r : towns) used |= r.code.str() == code;
      if (used) continue;
      Region town{*RegionCode::Parse(code), t, RegionLevel::kTown, county, CodeSystem::kLocal};
      pending_.push_back(town);
      towns.push_back(town);
      warning = "乡镇(街道)“" + t + "”不在区划代码表中，已新建为" + code + " (town '" + t + "' is not in the code lists; created as " + code + ")";
      return std::optional<RegionCode>(town.code);
    }
    return Status::FailedPrecondition("no free local town code left in county " + county.str());
  }

  // Towns created so far, to be written with the import.
  const std::vector<Region>& pending() const { return pending_; }

 private:
  Status Load(const RegionCode& county) {
    if (towns_.count(county.str())) return Status::Ok();
    store::RegionFilter f;
    f.parent = county;
    f.level = RegionLevel::kTown;
    QQ_ASSIGN_OR_RETURN(towns_[county.str()], store::RegionStore(db_).List(f));
    return Status::Ok();
  }
  store::Database& db_;
  std::map<std::string, std::vector<Region>> towns_;
  std::vector<Region> pending_;
};

// Issues in the order of the file: sheet, row, then column.
std::vector<ImportIssue> SortedBySheetRow(std::vector<ImportIssue> issues, const ingest::Table& table) {
  auto sheet_index = [&table](const std::optional<std::string>& name) {
    if (!name) return -1;
    for (size_t k = 0; k < table.sheets.size(); ++k) {
      if (table.sheets[k].name == *name) return static_cast<int>(k);
    }
    return -1;
  };
  auto column_of = [](const std::string& cell) {
    int col = 0;
    for (char c : cell) {
      if (c < 'A' || c > 'Z') break;
      col = col * 26 + (c - 'A' + 1);
    }
    return col;
  };
  std::stable_sort(issues.begin(), issues.end(), [&](const ImportIssue& a, const ImportIssue& b) {
    auto ka = std::make_tuple(sheet_index(a.sheet), a.row, column_of(a.cell));
    auto kb = std::make_tuple(sheet_index(b.sheet), b.row, column_of(b.cell));
    return ka < kb;
  });
  return issues;
}

Result<RegionResolver> LoadResolver(store::Database& db) {
  QQ_ASSIGN_OR_RETURN(auto regions, store::RegionStore(db).List({}));
  QQ_ASSIGN_OR_RETURN(auto aliases, store::RegionStore(db).Aliases());
  return RegionResolver(regions, aliases);
}

Result<ingest::ColumnAliases> LoadAliases(const ImportContext& ctx) {
  auto path = ctx.data_dir / "import" / "columns.toml";
  QQ_ASSIGN_OR_RETURN(std::string text, ingest::ReadWholeFile(path));
  return ingest::ColumnAliases::Parse(text, path.string());
}

// The region of a firm a file creates: an explicit --region, a region column, or its USCC.
Result<RegionCode> RegionFor(const RegionResolver& resolver, const ImportOptions& opts, const std::string& column_text,
                             const Uscc& uscc, std::string& warning) {
  if (opts.region) return *opts.region;
  std::string code = column_text.empty() ? uscc.RegionPart() : column_text.substr(0, 6);
  auto r = resolver.Resolve(code);
  if (!r.ok()) {
    r = resolver.Resolve(uscc.RegionPart());
    if (!r.ok()) return r.status();
  }
  warning = r->warning;
  return r->code;
}

Status Audit(store::Database& db, const ImportContext& ctx, const ImportOptions& o, const std::string& action,
             const std::string& object, const std::string& result, const std::string& detail) {
  return store::AuditStore(db).Append({ctx.clock(), o.username, o.channel, action, object, result, detail});
}

// Common ending: archive the file and report; record a refusal in the audit trail.
Result<ImportReport> Refuse(store::Database& db, const ImportContext& ctx, const ImportOptions& o, std::string_view bytes,
                            const std::string& file_name, ImportReport r, const std::string& action) {
  if (o.dry_run) return r;
  QQ_RETURN_IF_ERROR(Archive(ctx, file_name, bytes, r, "refused", nullptr));
  QQ_RETURN_IF_ERROR(Audit(db, ctx, o, action, file_name, "refused", std::to_string(r.errors.size()) + " errors"));
  return r;
}

}  // namespace

Result<ImportReport> ImportIndicators(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                      const std::string& file_name, const ImportOptions& o) {
  ImportReport r;
  r.file = file_name;
  r.sha256 = Sha256Hex(bytes);
  QQ_ASSIGN_OR_RETURN(auto previous, store::ImportStore(db).FindBySha("indicators", r.sha256));
  if (previous) {
    r.already_imported = true;
    r.import_id = previous->id;
    r.warnings.push_back(FileIssue(file_name, "already_imported",
                                   "该文件已于导入#" + std::to_string(previous->id) + "导入，未作任何更改 (this file was imported as #" +
                                       std::to_string(previous->id) + "; nothing changed)"));
    return r;
  }
  auto table = ingest::ReadTableFromBytes(bytes, file_name);
  if (!table.ok()) {
    r.errors.push_back(FileIssue(file_name, "unreadable_file", table.status().message()));
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.indicators");
  }
  QQ_ASSIGN_OR_RETURN(auto aliases, LoadAliases(ctx));
  ingest::IndicatorParseOptions popts;
  popts.latest_month = YearMonth::FromIndex(
      [&] {
        std::time_t now = static_cast<std::time_t>(ctx.clock());
        std::tm tm{};
        gmtime_r(&now, &tm);
        return (tm.tm_year + 1900) * 12 + tm.tm_mon;
      }() - 1);
  ingest::IndicatorSheets sheets = ingest::ParseIndicatorTable(*table, aliases, popts);

  // What the database already holds for these firms.
  QQ_ASSIGN_OR_RETURN(auto index, store::EnterpriseStore(db).UsccIndex());
  std::unordered_map<int64_t, std::string> uscc_of;
  std::optional<YearMonth> lo, hi;
  for (const auto& rec : sheets.records) {
    auto it = index.find(rec.uscc.str());
    if (it != index.end()) uscc_of[it->second] = rec.uscc.str();
    if (!lo || rec.month < *lo) lo = rec.month;
    if (!hi || *hi < rec.month) hi = rec.month;
  }
  std::unordered_map<std::string, std::vector<ingest::KnownMonth>> history;
  if (lo && !uscc_of.empty()) {
    YearMonth from = *YearMonth::Of(lo->year() - 1, 1);
    QQ_RETURN_IF_ERROR(store::IndicatorStore(db).ForEachInMonths(from, *hi, [&](const IndicatorMonth& m) -> Status {
      auto it = uscc_of.find(m.enterprise_id);
      if (it != uscc_of.end()) history[it->second].push_back({m.month, m.current, m.cumulative});
      return Status::Ok();
    }));
  }
  ingest::HistoryLookup lookup = [&history](const std::string& uscc) -> const std::vector<ingest::KnownMonth>* {
    auto it = history.find(uscc);
    return it == history.end() ? nullptr : &it->second;
  };
  ingest::CheckCumulative(*table, sheets, lookup);
  ingest::CheckUnitJumps(*table, sheets, lookup);

  // Firms the file creates.
  QQ_ASSIGN_OR_RETURN(auto resolver, LoadResolver(db));
  QQ_ASSIGN_OR_RETURN(auto classes, store::IndustryStore(db).List("", std::nullopt));
  std::set<std::string> known_codes;
  for (const auto& c : classes) known_codes.insert(c.code.str());
  TownResolver towns(db);
  std::map<std::string, Enterprise> new_firms;
  for (const auto& rec : sheets.records) {
    if (index.count(rec.uscc.str()) || new_firms.count(rec.uscc.str())) continue;
    Enterprise e;
    e.uscc = rec.uscc;
    std::string warning;
    auto region = RegionFor(resolver, o, rec.region, rec.uscc, warning);
    if (!region.ok()) {
      sheets.errors.push_back(ingest::IssueAt(*table, sheets, rec.sheet, rec.row, -1, "invalid_region", region.status().message()));
      continue;
    }
    e.region = *region;
    auto note = [&](int column, const std::string& kind, const std::string& message) {
      sheets.warnings.push_back(ingest::IssueAt(*table, sheets, rec.sheet, rec.row, column, kind, message));
    };
    if (!warning.empty()) note(-1, "region_mapped", warning);
    e.name = rec.name;
    if (e.name.empty()) {
      e.name = "未命名企业" + rec.uscc.str();
      note(-1, "name_missing", "新企业没有名称，暂记为“" + e.name + "” (a new firm without a name)");
    }
    if (!rec.industry.empty()) {
      auto code = IndustryCode::Parse(rec.industry);
      if (code.ok() && known_codes.count(code->str())) e.industry = *code;
      else note(-1, "invalid_industry_code", "行业代码“" + rec.industry + "”不在GB/T 4754-2017中，已忽略 (not a GB/T 4754-2017 code; ignored)");
    }
    std::string town_warning;
    QQ_ASSIGN_OR_RETURN(auto town, towns.Resolve(e.region, rec.town, town_warning));
    e.town = town;
    if (!town_warning.empty()) note(-1, "town_created", town_warning);
    e.park = rec.park;
    new_firms[rec.uscc.str()] = e;
  }
  if (!sheets.errors.empty()) {
    r.errors = SortedBySheetRow(std::move(sheets.errors), *table);
    r.warnings = SortedBySheetRow(std::move(sheets.warnings), *table);
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.indicators");
  }

  // Apply everything or nothing.
  std::string archived_as;
  r.warnings = SortedBySheetRow(std::move(sheets.warnings), *table);
  for (const auto& [uscc, e] : new_firms) r.created.push_back({uscc, e.name, e.region.str()});
  r.rows = static_cast<int>(sheets.records.size());
  if (o.dry_run) return r;
  QQ_RETURN_IF_ERROR(Archive(ctx, file_name, bytes, r, "accepted", &archived_as));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  for (const auto& t : towns.pending()) QQ_RETURN_IF_ERROR(store::RegionStore(db).Add(t));
  store::EnterpriseStore firms(db);
  int64_t now = ctx.clock();
  for (auto& [uscc, e] : new_firms) {
    QQ_RETURN_IF_ERROR(firms.Upsert(e, now));
    index[uscc] = e.id;
  }
  store::ImportLogEntry log;
  log.kind = "indicators";
  log.file_name = file_name;
  log.sha256 = r.sha256;
  log.bytes = static_cast<int64_t>(bytes.size());
  log.username = o.username;
  log.channel = o.channel;
  log.at = now;
  log.archive_path = archived_as;
  log.rows = r.rows;
  log.created_firms = static_cast<int>(new_firms.size());
  QQ_RETURN_IF_ERROR(store::ImportStore(db).Record(log));
  store::IndicatorStore months(db);
  for (const auto& rec : sheets.records) {
    IndicatorMonth m;
    m.enterprise_id = index.at(rec.uscc.str());
    m.month = rec.month;
    m.current = rec.current;
    m.cumulative = rec.cumulative;
    QQ_ASSIGN_OR_RETURN(auto existing, months.Get(m.enterprise_id, m.month));
    if (existing) {
      if (existing->first.current == m.current && existing->first.cumulative == m.cumulative) {
        ++r.unchanged;
        continue;
      }
      QQ_RETURN_IF_ERROR(months.AppendHistory(existing->first, existing->second, log.id, now));
      ++r.replaced;
    } else {
      ++r.inserted;
    }
    QQ_RETURN_IF_ERROR(months.Upsert(m, log.id));
  }
  QQ_ASSIGN_OR_RETURN(auto update, db.Prepare("UPDATE import_log SET inserted = ?, replaced = ?, unchanged = ? WHERE id = ?"));
  update.Bind(1, r.inserted).Bind(2, r.replaced).Bind(3, r.unchanged).Bind(4, log.id);
  QQ_RETURN_IF_ERROR(update.Run());
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(Audit(db, ctx, o, "import.indicators", file_name, "ok",
                           std::to_string(r.rows) + " rows, " + std::to_string(r.created.size()) + " firms created"));
  QQ_RETURN_IF_ERROR(tx.Commit());
  r.applied = true;
  r.import_id = log.id;
  return r;
}

Result<ImportReport> ImportEnterprises(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                       const std::string& file_name, const ImportOptions& o) {
  ImportReport r;
  r.file = file_name;
  r.sha256 = Sha256Hex(bytes);
  QQ_ASSIGN_OR_RETURN(auto previous, store::ImportStore(db).FindBySha("enterprises", r.sha256));
  if (previous) {
    r.already_imported = true;
    r.import_id = previous->id;
    r.warnings.push_back(FileIssue(file_name, "already_imported",
                                   "该文件已于导入#" + std::to_string(previous->id) + "导入，未作任何更改 (already imported as #" +
                                       std::to_string(previous->id) + "; nothing changed)"));
    return r;
  }
  auto table = ingest::ReadTableFromBytes(bytes, file_name);
  if (!table.ok()) {
    r.errors.push_back(FileIssue(file_name, "unreadable_file", table.status().message()));
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.enterprises");
  }
  QQ_ASSIGN_OR_RETURN(auto aliases, LoadAliases(ctx));
  ingest::EnterpriseSheets sheets = ingest::ParseEnterpriseTable(*table, aliases);
  QQ_ASSIGN_OR_RETURN(auto resolver, LoadResolver(db));
  QQ_ASSIGN_OR_RETURN(auto classes, store::IndustryStore(db).List("", std::nullopt));
  std::set<std::string> known_codes;
  for (const auto& c : classes) known_codes.insert(c.code.str());
  QQ_ASSIGN_OR_RETURN(auto index, store::EnterpriseStore(db).UsccIndex());
  TownResolver towns(db);
  ingest::IndicatorSheets shim;
  shim.layouts = sheets.layouts;
  auto issue = [&](const ingest::EnterpriseDraft& d, int column, const std::string& kind, const std::string& message) {
    return ingest::IssueAt(*table, shim, d.sheet, d.row, column, kind, message);
  };
  std::vector<Enterprise> firms;
  for (const auto& d : sheets.drafts) {
    Enterprise e;
    e.uscc = d.uscc;
    e.name = d.name;
    std::string warning;
    auto region = RegionFor(resolver, o, d.region, d.uscc, warning);
    if (!region.ok()) {
      sheets.errors.push_back(issue(d, d.region_column, "invalid_region", region.status().message()));
      continue;
    }
    e.region = *region;
    if (!warning.empty()) sheets.warnings.push_back(issue(d, d.region_column, "region_mapped", warning));
    if (!d.industry.empty()) {
      auto code = IndustryCode::Parse(d.industry);
      if (!code.ok() || !known_codes.count(code->str())) {
        sheets.errors.push_back(issue(d, d.industry_column, "invalid_industry_code",
                                      "行业代码“" + d.industry + "”不在GB/T 4754-2017中 (not a GB/T 4754-2017 code)"));
        continue;
      }
      e.industry = *code;
    }
    std::string town_warning;
    QQ_ASSIGN_OR_RETURN(auto town, towns.Resolve(e.region, d.town, town_warning));
    e.town = town;
    if (!town_warning.empty()) sheets.warnings.push_back(issue(d, d.town_column, "town_created", town_warning));
    e.scope = d.scope;
    e.address = d.address;
    e.park = d.park;
    e.founded = d.founded;
    e.registered_capital = d.registered_capital;
    firms.push_back(std::move(e));
  }
  if (!sheets.errors.empty()) {
    r.errors = SortedBySheetRow(std::move(sheets.errors), *table);
    r.warnings = SortedBySheetRow(std::move(sheets.warnings), *table);
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.enterprises");
  }
  r.warnings = SortedBySheetRow(std::move(sheets.warnings), *table);
  r.rows = static_cast<int>(firms.size());
  for (const auto& e : firms) {
    if (!index.count(e.uscc.str())) r.created.push_back({e.uscc.str(), e.name, e.region.str()});
  }
  if (o.dry_run) return r;
  std::string archived_as;
  QQ_RETURN_IF_ERROR(Archive(ctx, file_name, bytes, r, "accepted", &archived_as));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  for (const auto& t : towns.pending()) QQ_RETURN_IF_ERROR(store::RegionStore(db).Add(t));
  store::EnterpriseStore store(db);
  int64_t now = ctx.clock();
  for (auto& e : firms) {
    bool existed = index.count(e.uscc.str()) > 0;
    if (existed) {
      // Keep what the database knows where the sheet leaves a field empty.
      QQ_ASSIGN_OR_RETURN(auto old, store.GetByUscc(e.uscc));
      if (!e.industry) e.industry = old.industry;
      if (!e.town) e.town = old.town;
      if (e.scope.empty()) e.scope = old.scope;
      if (e.address.empty()) e.address = old.address;
      if (e.park.empty()) e.park = old.park;
      if (!e.founded) e.founded = old.founded;
      if (!e.registered_capital) e.registered_capital = old.registered_capital;
      ++r.replaced;
    } else {
      ++r.inserted;
    }
    QQ_RETURN_IF_ERROR(store.Upsert(e, now));
  }
  store::ImportLogEntry log;
  log.kind = "enterprises";
  log.file_name = file_name;
  log.sha256 = r.sha256;
  log.bytes = static_cast<int64_t>(bytes.size());
  log.rows = r.rows;
  log.inserted = r.inserted;
  log.replaced = r.replaced;
  log.created_firms = r.inserted;
  log.username = o.username;
  log.channel = o.channel;
  log.at = now;
  log.archive_path = archived_as;
  QQ_RETURN_IF_ERROR(store::ImportStore(db).Record(log));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(Audit(db, ctx, o, "import.enterprises", file_name, "ok", std::to_string(r.rows) + " firms"));
  QQ_RETURN_IF_ERROR(tx.Commit());
  r.applied = true;
  r.import_id = log.id;
  return r;
}

Result<ImportReport> ImportPublished(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                     const std::string& file_name, const ImportOptions& o) {
  ImportReport r;
  r.file = file_name;
  r.sha256 = Sha256Hex(bytes);
  QQ_ASSIGN_OR_RETURN(auto previous, store::ImportStore(db).FindBySha("published", r.sha256));
  if (previous) {
    r.already_imported = true;
    r.import_id = previous->id;
    r.warnings.push_back(FileIssue(file_name, "already_imported", "该文件已导入，未作任何更改 (already imported; nothing changed)"));
    return r;
  }
  auto table = ingest::ReadTableFromBytes(bytes, file_name);
  if (!table.ok()) {
    r.errors.push_back(FileIssue(file_name, "unreadable_file", table.status().message()));
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.published");
  }
  ingest::PublishedSheets sheets = ingest::ParsePublishedTable(*table);
  store::RegionStore regions(db);
  for (const auto& d : sheets.drafts) {
    if (!regions.Get(d.region).ok()) {
      ImportIssue i = FileIssue(file_name, "invalid_region", "区划代码" + d.region.str() + "不存在 (no such region)");
      i.row = d.row;
      sheets.errors.push_back(i);
    }
  }
  if (!sheets.errors.empty()) {
    r.errors = std::move(sheets.errors);
    return Refuse(db, ctx, o, bytes, file_name, std::move(r), "import.published");
  }
  r.warnings = std::move(sheets.warnings);
  r.rows = static_cast<int>(sheets.drafts.size());
  if (o.dry_run) return r;
  std::string archived_as;
  QQ_RETURN_IF_ERROR(Archive(ctx, file_name, bytes, r, "accepted", &archived_as));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  store::ImportLogEntry log;
  log.kind = "published";
  log.file_name = file_name;
  log.sha256 = r.sha256;
  log.bytes = static_cast<int64_t>(bytes.size());
  log.rows = r.rows;
  log.inserted = r.rows;
  log.username = o.username;
  log.channel = o.channel;
  log.at = ctx.clock();
  log.archive_path = archived_as;
  QQ_RETURN_IF_ERROR(store::ImportStore(db).Record(log));
  for (const auto& d : sheets.drafts) {
    store::PublishedRate rate{0, d.region, d.metric, d.period, d.value, d.source, log.id};
    QQ_RETURN_IF_ERROR(store::ImportStore(db).UpsertRate(rate));
  }
  r.inserted = r.rows;
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(Audit(db, ctx, o, "import.published", file_name, "ok", std::to_string(r.rows) + " rates"));
  QQ_RETURN_IF_ERROR(tx.Commit());
  r.applied = true;
  r.import_id = log.id;
  return r;
}

}  // namespace qq::app
