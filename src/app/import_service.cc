#include "app/import_service.h"

#include <algorithm>
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
#include "report/xlsx_writer.h"
#include "store/user_store.h"

namespace qq::app {
namespace {

using ingest::ImportIssue;
using ingest::ImportReport;

// The import report as workbook sheets: 错误, 警告, 新建企业.
std::vector<report::XlsxSheet> ReportSheets(const ImportReport& r, const std::string& outcome) {
  using report::XlsxColumn;
  auto issues_sheet = [](const std::string& name, const std::vector<ImportIssue>& issues) {
    report::XlsxSheet s;
    s.name = name;
    s.columns = {{"文件", XlsxColumn::Type::kText, 0, 24}, {"工作表", XlsxColumn::Type::kText, 0, 12},
                 {"行", XlsxColumn::Type::kInteger, 0, 6},   {"单元格", XlsxColumn::Type::kText, 0, 8},
                 {"列", XlsxColumn::Type::kText, 0, 26},     {"内容", XlsxColumn::Type::kText, 0, 20},
                 {"类型", XlsxColumn::Type::kText, 0, 22},   {"说明", XlsxColumn::Type::kText, 0, 80}};
    for (const auto& i : issues) {
      s.rows.push_back({i.file, i.sheet.value_or(""), static_cast<int64_t>(i.row), i.cell, i.column, i.value, i.kind, i.message});
    }
    return s;
  };
  report::XlsxSheet summary;
  summary.name = "概况";
  summary.columns = {{"项目", report::XlsxColumn::Type::kText, 0, 16}, {"内容", report::XlsxColumn::Type::kText, 0, 70}};
  summary.rows = {{std::string("文件"), r.file}, {std::string("SHA-256"), r.sha256},
                  {std::string("结果"), outcome == "accepted" ? std::string("已导入") : std::string("已拒绝，未写入任何数据")},
                  {std::string("错误"), std::to_string(r.errors.size())}, {std::string("警告"), std::to_string(r.warnings.size())},
                  {std::string("行数"), std::to_string(r.rows)}};
  report::XlsxSheet created;
  created.name = "新建企业";
  created.columns = {{"统一社会信用代码", report::XlsxColumn::Type::kText, 0, 22}, {"企业名称", report::XlsxColumn::Type::kText, 0, 36},
                     {"行政区划代码", report::XlsxColumn::Type::kText, 0, 12}};
  for (const auto& c : r.created) created.rows.push_back({c.uscc, c.name, c.region});
  return {summary, issues_sheet("错误", r.errors), issues_sheet("警告", r.warnings), created};
}

// Writes the original bytes and the report (tsv and xlsx) into "<db>.files/".
Status Archive(const ImportContext& ctx, const std::string& file_name, std::string_view bytes, ImportReport& r,
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
  r.report_id = stem;
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
  QQ_RETURN_IF_ERROR(report::WriteXlsx(dir / (stem + ".report.xlsx"), ReportSheets(r, outcome)));
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

bool InScope(const std::vector<RegionCode>& scope, const RegionCode& region) {
  if (scope.empty()) return true;
  return std::any_of(scope.begin(), scope.end(), [&](const RegionCode& s) { return s.Contains(region); });
}

// Refuses rows for firms outside the importing user's regions (existing firms by their
// region, new ones by the region they would get).
Status CheckScope(store::Database& db, const ImportOptions& o, const std::unordered_map<std::string, int64_t>& index,
                  const std::vector<ingest::IndicatorRecord>& records, const ingest::Table& table,
                  ingest::IndicatorSheets& sheets, const RegionResolver& resolver) {
  if (o.scope.empty()) return Status::Ok();
  std::map<std::string, bool> checked;
  store::EnterpriseStore firms(db);
  for (const auto& rec : records) {
    auto [it, fresh] = checked.try_emplace(rec.uscc.str(), true);
    if (fresh) {
      RegionCode region;
      if (auto known = index.find(rec.uscc.str()); known != index.end()) {
        QQ_ASSIGN_OR_RETURN(auto e, firms.GetById(known->second));
        region = e.region;
      } else if (o.region) {
        region = *o.region;
      } else if (auto r = resolver.Resolve(rec.uscc.RegionPart()); r.ok()) {
        region = r->code;
      }
      it->second = InScope(o.scope, region);
    }
    if (!it->second) {
      int col = -1;
      for (size_t c = 0; c < sheets.layouts[static_cast<size_t>(rec.sheet)].headers.size(); ++c) {
        std::string h = sheets.layouts[static_cast<size_t>(rec.sheet)].headers[c];
        if (h.find("信用代码") != std::string::npos) col = static_cast<int>(c);
      }
      sheets.errors.push_back(ingest::IssueAt(table, sheets, rec.sheet, rec.row, col, "out_of_scope",
                                              "该企业不在您可管理的区域内 (the firm lies outside your regions)"));
    }
  }
  return Status::Ok();
}

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
  QQ_RETURN_IF_ERROR(CheckScope(db, o, index, sheets.records, *table, sheets, resolver));
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
  store::ImportLogEntry log = LogEntryFor("indicators", ctx, o, file_name, bytes, r, archived_as);
  log.at = now;
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
    if (!InScope(o.scope, e.region)) {
      sheets.errors.push_back(issue(d, -1, "out_of_scope", "该企业不在您可管理的区域内 (the firm lies outside your regions)"));
      continue;
    }
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
  store::ImportLogEntry log = LogEntryFor("enterprises", ctx, o, file_name, bytes, r, archived_as);
  log.inserted = r.inserted;
  log.replaced = r.replaced;
  log.created_firms = r.inserted;
  log.at = now;
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
  store::ImportLogEntry log = LogEntryFor("published", ctx, o, file_name, bytes, r, archived_as);
  log.inserted = r.rows;
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

Status ArchiveImportFile(const ImportContext& ctx, const std::string& file_name, std::string_view bytes, ImportReport& r,
                         const std::string& outcome, std::string* archived_as) {
  return Archive(ctx, file_name, bytes, r, outcome, archived_as);
}

store::ImportLogEntry LogEntryFor(const std::string& kind, const ImportContext& ctx, const ImportOptions& o,
                                  const std::string& file_name, std::string_view bytes, const ImportReport& r,
                                  const std::string& archived_as) {
  store::ImportLogEntry log;
  log.kind = kind;
  log.file_name = file_name;
  log.sha256 = r.sha256;
  log.bytes = static_cast<int64_t>(bytes.size());
  log.rows = r.rows;
  log.username = o.username;
  log.channel = o.channel;
  log.at = ctx.clock();
  log.archive_path = archived_as;
  return log;
}

Status AuditImport(store::Database& db, const ImportContext& ctx, const ImportOptions& o, const std::string& action,
                   const std::string& object, const std::string& result, const std::string& detail) {
  return Audit(db, ctx, o, action, object, result, detail);
}

Result<std::string> ArchivedReportXlsx(const ImportContext& ctx, const std::string& report_id) {
  if (report_id.empty() || report_id.find('/') != std::string::npos || report_id.find("..") != std::string::npos ||
      report_id.find('\\') != std::string::npos) {
    return Status::InvalidArgument("malformed report id");
  }
  auto path = ArchiveDirFor(ctx.db_path) / (report_id + ".report.xlsx");
  auto bytes = ingest::ReadWholeFile(path);
  if (!bytes.ok()) return Status::NotFound("no archived report " + report_id);
  return bytes;
}

Result<std::string> ImportTemplateXlsx(const std::string& kind) {
  using report::XlsxColumn;
  report::XlsxSheet sheet;
  report::XlsxSheet notes;
  notes.name = "填报说明";
  notes.columns = {{"说明", XlsxColumn::Type::kText, 0, 100}};
  auto text = [](const char* s) { return std::vector<report::XlsxValue>{std::string(s)}; };
  if (kind == "indicators") {
    sheet.name = "月报";
    for (const char* h : {"统一社会信用代码", "单位详细名称", "统计月份", "工业总产值(当月,万元)", "工业总产值(1-N月累计,万元)",
                          "营业收入(当月,万元)", "营业收入(1-N月累计,万元)", "主营业务收入(当月,万元)", "利润总额(当月,万元)",
                          "利润总额(1-N月累计,万元)", "税收(当月,万元)", "研发费用(当月,万元)", "从业人员(人)",
                          "综合能源消费量(当月,吨标准煤)", "所在乡镇(街道)", "所属园区"}) {
      sheet.columns.push_back({h, XlsxColumn::Type::kText, 0, 18});
    }
    sheet.rows.push_back({std::string("91370117MA3C5R2X44"), std::string("示例：济南某某精密机械有限公司"), std::string("2024-03"),
                          std::string("1234.5"), std::string("3456.7")});
    notes.rows = {text("每行一个企业一个月份；统计月份写作 2024-03、202403 或 2024年03月。"),
                  text("金额单位以表头括号中的单位为准（元、千元、万元、亿元），数值单元格只填数字，不要写单位或文字。"),
                  text("当月与1-N月累计至少填一项；两项都填时，累计须等于上月累计加本月当月。"),
                  text("产值、营业收入、从业人员不能为负数；利润可以为负。"),
                  text("整个文件要么全部导入，要么一行也不导入；错误报告会指出每个问题所在的单元格。")};
  } else if (kind == "enterprises") {
    sheet.name = "企业名录";
    for (const char* h : {"统一社会信用代码", "企业名称", "行业代码", "经营范围", "地址", "所在乡镇(街道)", "所属园区",
                          "成立日期", "注册资本(万元)", "行政区划代码"}) {
      sheet.columns.push_back({h, XlsxColumn::Type::kText, 0, 18});
    }
    sheet.rows.push_back({std::string("91370117MA3C5R2X44"), std::string("示例：济南某某精密机械有限公司"), std::string("3484"),
                          std::string("一般项目：机械零部件加工；金属材料销售"), std::string(""), std::string("艾山街道"),
                          std::string(""), std::string("2015-06-01"), std::string("500"), std::string("370117")});
    notes.rows = {text("统一社会信用代码和企业名称必填；行业代码为 GB/T 4754-2017 代码（可写 3484 或 C3484）。"),
                  text("行政区划代码可不填：按信用代码第3-8位识别，历史代码（如371203）自动对应现行区划。"),
                  text("注册资本默认单位万元；乡镇(街道)可写名称或9位统计用代码。")};
  } else if (kind == "published") {
    sheet.name = "发布数据";
    for (const char* h : {"行政区划代码", "指标", "统计期", "数值(%)", "来源"}) sheet.columns.push_back({h, XlsxColumn::Type::kText, 0, 20});
    sheet.rows.push_back({std::string("370306"), std::string("规上工业增加值增速"), std::string("2024"), std::string("10.6"),
                          std::string("区统计局2024年统计公报")});
    notes.rows = {text("统计局发布的增速（如可比价增加值增速）作为独立序列保存，不由总量推算。"),
                  text("统计期写作 2024、2024-03 或 2024年1-3月。")};
  } else {
    return Status::InvalidArgument("no template for '" + kind + "' (enterprises, indicators, published)");
  }
  return report::WriteXlsxToBytes({sheet, notes});
}

}  // namespace qq::app
