#include "app/project_import.h"

#include <map>

#include "app/projects.h"
#include "app/security.h"
#include "core/unicode.h"
#include "ingest/file_util.h"
#include "ingest/project_sheet.h"
#include "ingest/table_reader.h"
#include "report/xlsx_writer.h"
#include "store/import_store.h"
#include "store/meta_store.h"
#include "store/project_store.h"
#include "store/region_store.h"
#include "store/round_store.h"

namespace qq::app {
namespace {

using ingest::ImportIssue;
using ingest::ImportReport;

ImportIssue RowIssue(const std::string& file, const std::optional<std::string>& sheet,
                     const ingest::ProjectDraft& d, const std::string& field,
                     const std::string& kind, const std::string& message) {
  ImportIssue i;
  i.file = file;
  i.sheet = sheet;
  i.row = d.row;
  auto h = d.header_of.find(field);
  if (h != d.header_of.end()) i.column = h->second;
  auto c = d.cell_of.find(field);
  if (c != d.cell_of.end()) i.cell = c->second;
  i.kind = kind;
  i.message = message;
  return i;
}

std::optional<RegionCode> TownByName(const std::vector<Region>& towns, const std::string& text) {
  std::string t = TrimSpaces(FoldWidth(text));
  for (const auto& r : towns) {
    if (r.name == t || r.code.str() == t) return r.code;
  }
  return std::nullopt;
}

}  // namespace

Result<ImportReport> ImportProjects(store::Database& db, const ImportContext& ctx,
                                    std::string_view bytes, const std::string& file_name,
                                    const RegionCode& region, YearMonth as_of,
                                    const ImportOptions& o) {
  ImportReport r;
  r.file = file_name;
  r.sha256 = Sha256Hex(bytes);
  auto refuse = [&](ImportReport rep) -> Result<ImportReport> {
    if (o.dry_run) return rep;
    QQ_RETURN_IF_ERROR(ArchiveImportFile(ctx, file_name, bytes, rep, "refused", nullptr));
    QQ_RETURN_IF_ERROR(AuditImport(db, ctx, o, "import.projects", file_name, "refused",
                                   std::to_string(rep.errors.size()) + " errors"));
    return rep;
  };
  auto file_issue = [&](const std::string& kind, const std::string& message) {
    ImportIssue i;
    i.file = file_name;
    i.kind = kind;
    i.message = message;
    return i;
  };
  QQ_ASSIGN_OR_RETURN(auto region_row, store::RegionStore(db).Get(region));
  if (region_row.level != RegionLevel::kCounty) {
    return Status::InvalidArgument("项目库按区县管理，--region 须为区县代码 (" + region.str() +
                                   " is not a county)");
  }
  if (!o.scope.empty()) {
    bool inside = false;
    for (const auto& s : o.scope) inside |= s.Contains(region);
    if (!inside)
      return Status::PermissionDenied("region " + region.str() + " is outside your scope")
          .WithReason("out_of_scope");
  }
  QQ_ASSIGN_OR_RETURN(auto previous, store::ImportStore(db).FindBySha("projects", r.sha256));
  if (previous) {
    r.already_imported = true;
    r.import_id = previous->id;
    r.warnings.push_back(file_issue(
        "already_imported", "该文件已导入，未作任何更改 (already imported; nothing changed)"));
    return r;
  }
  auto table = ingest::ReadTableFromBytes(bytes, file_name);
  if (!table.ok()) {
    r.errors.push_back(file_issue("unreadable_file", table.status().message()));
    return refuse(std::move(r));
  }
  QQ_ASSIGN_OR_RETURN(auto toml,
                      ingest::ReadWholeFile(ctx.data_dir / "import" / "project_columns.toml"));
  QQ_ASSIGN_OR_RETURN(auto columns,
                      ingest::ProjectColumns::Parse(toml, "data/import/project_columns.toml"));
  ingest::ProjectSheets sheets = ingest::ParseProjectTable(*table, columns);
  r.warnings = sheets.warnings;
  r.errors = sheets.errors;

  // Check each row against the library: new projects need 总投资 and a stage; stage moves
  // follow the lifecycle rules.
  store::ProjectStore projects(db);
  store::RegionFilter tf;
  tf.parent = region;
  tf.level = RegionLevel::kTown;
  QQ_ASSIGN_OR_RETURN(auto towns, store::RegionStore(db).List(tf));
  std::vector<std::optional<Project>> existing;
  for (const auto& d : sheets.drafts) {
    auto sheet = table->format == "xlsx"
                     ? std::optional<std::string>(table->sheets[static_cast<size_t>(d.sheet)].name)
                     : std::nullopt;
    QQ_ASSIGN_OR_RETURN(auto found, projects.FindByName(region, d.name));
    existing.push_back(found);
    if (!found) {
      if (!d.total_investment) {
        r.errors.push_back(
            RowIssue(file_name, sheet, d, "name", "missing_mandatory",
                     "新项目“" + d.name + "”须填写总投资 (a new project needs 总投资)"));
      }
      if (!d.stage) {
        r.errors.push_back(
            RowIssue(file_name, sheet, d, "name", "missing_mandatory",
                     "新项目“" + d.name + "”须填写建设阶段 (a new project needs 建设阶段)"));
      }
    } else if (d.stage && *d.stage != found->stage) {
      Status ok = CheckStageTransition(found->stage, *d.stage, d.reason);
      if (!ok.ok())
        r.errors.push_back(RowIssue(file_name, sheet, d, "stage", "bad_transition", ok.message()));
    }
    if (!d.town.empty() && !TownByName(towns, d.town)) {
      r.warnings.push_back(RowIssue(file_name, sheet, d, "town", "unknown_town",
                                    "乡镇(街道)“" + d.town + "”不在" + region_row.name +
                                        "的区划中，未记录 (unknown town; left empty)"));
    }
  }
  r.rows = static_cast<int>(sheets.drafts.size());
  if (!r.errors.empty()) return refuse(std::move(r));
  if (o.dry_run) return r;

  std::string archived_as;
  QQ_RETURN_IF_ERROR(ArchiveImportFile(ctx, file_name, bytes, r, "accepted", &archived_as));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  store::ImportLogEntry log = LogEntryFor("projects", ctx, o, file_name, bytes, r, archived_as);
  QQ_RETURN_IF_ERROR(store::ImportStore(db).Record(log));
  QQ_ASSIGN_OR_RETURN(auto round, store::RoundStore(db).Find(region, as_of));
  if (!round) QQ_RETURN_IF_ERROR(OpenRound(db, ctx.clock, region, as_of, std::nullopt).status());
  for (size_t k = 0; k < sheets.drafts.size(); ++k) {
    const auto& d = sheets.drafts[k];
    Project p;
    if (existing[k]) {
      p = *existing[k];
    } else {
      p.name = d.name;
      p.region = region;
      p.stage = *d.stage;
      p.total_investment = *d.total_investment;
      p.source = "调度表导入 " + file_name;
    }
    // Descriptive columns update the library entry; the round figures go into the record.
    if (d.total_investment) p.total_investment = *d.total_investment;
    if (!d.chain.empty()) p.chain = d.chain;
    if (!d.cluster.empty()) p.cluster = d.cluster;
    if (!d.park.empty()) p.park = d.park;
    if (auto t = TownByName(towns, d.town)) p.town = *t;
    if (d.level) p.level = d.level;
    if (d.planned_start) p.planned_start = d.planned_start;
    if (d.actual_start) p.actual_start = d.actual_start;
    if (d.planned_production) p.planned_production = d.planned_production;
    if (d.actual_production) p.actual_production = d.actual_production;
    if (d.expected_output) p.expected_output = d.expected_output;
    if (d.jobs) p.jobs = d.jobs;
    if (!d.manager.empty()) p.manager = d.manager;
    if (!d.leader.empty()) p.leader = d.leader;
    if (d.annual_plan) p.annual_plan = d.annual_plan;
    if (existing[k]) {
      QQ_RETURN_IF_ERROR(projects.Update(p));
      ++r.replaced;
    } else {
      QQ_ASSIGN_OR_RETURN(p, CreateProject(db, ctx.clock, p, std::nullopt, o.username));
      r.created.push_back({"", p.name, region.str()});
      ++r.inserted;
    }
    if (d.level || d.annual_plan) {
      QQ_RETURN_IF_ERROR(projects.SetYear(p.id, {as_of.year(), d.level ? d.level : p.level,
                                                 d.annual_plan ? d.annual_plan : p.annual_plan}));
    } else if (!existing[k]) {
      QQ_RETURN_IF_ERROR(projects.SetYear(p.id, {as_of.year(), p.level, p.annual_plan}));
    }
    RecordInput in;
    in.round = as_of;
    in.stage = d.stage;
    in.reason = d.reason;
    in.on_date = *Date::Of(as_of.year(), as_of.month(), 1);
    in.completed_total = d.completed_total;
    in.completed_period = d.completed_period;
    in.completed_this_year = d.completed_this_year;
    in.progress_pct = d.progress;
    in.workers = d.workers;
    in.problems = d.problems;
    in.source = "import";
    in.import_id = log.id;
    in.username = o.username;
    auto rec = FileRecord(db, ctx.clock, p.id, in);
    if (!rec.ok()) {
      // Checked above; anything left is a failure outside the sheet's control.
      return Status(rec.status()).WithContext("row " + std::to_string(d.row) + " (" + d.name + ")");
    }
  }
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(AuditImport(db, ctx, o, "import.projects", file_name, "ok",
                                 std::to_string(r.rows) + " projects"));
  QQ_RETURN_IF_ERROR(tx.Commit());
  r.applied = true;
  r.import_id = log.id;
  return r;
}

Result<std::string> RoundTemplateXlsx(store::Database& db, const Clock& clock,
                                      const RegionCode& region, YearMonth period) {
  using report::XlsxColumn;
  QQ_ASSIGN_OR_RETURN(auto lib, LoadLibrary(db, clock, region, period.year(), period, {}));
  report::XlsxSheet sheet;
  sheet.name = std::to_string(period.year()) + "年" + std::to_string(period.month()) + "月调度";
  auto text = [](const char* h, double w) { return XlsxColumn{h, XlsxColumn::Type::kText, 0, w}; };
  auto money = [](const char* h) {
    return XlsxColumn{h, XlsxColumn::Type::kMoney, 2, 14, MoneyUnit::kTenThousandYuan};
  };
  sheet.columns = {text("项目名称", 36),
                   text("项目级别", 10),
                   text("所属产业链", 14),
                   text("所在街道", 12),
                   text("建设阶段", 10),
                   money("总投资(万元)"),
                   money("年度计划投资(万元)"),
                   money("本年累计完成投资(万元)"),
                   money("累计完成投资(万元)"),
                   money("本期完成投资(万元)"),
                   text("计划开工", 10),
                   text("实际开工", 10),
                   text("计划投产", 10),
                   text("实际投产", 10),
                   XlsxColumn{"进度(%)", XlsxColumn::Type::kDecimal, 1, 9},
                   XlsxColumn{"在场施工人数", XlsxColumn::Type::kInteger, 0, 12},
                   text("存在问题", 30),
                   text("暂停/终止原因", 16)};
  store::RegionStore regions(db);
  std::map<std::string, std::string> town_names;
  auto month = [](const std::optional<YearMonth>& m) -> report::XlsxValue {
    if (!m) return std::monostate{};
    return m->ToString();
  };
  auto yuan = [](const std::optional<Money>& m) -> report::XlsxValue {
    if (!m) return std::monostate{};
    return m->yuan();
  };
  for (const auto& row : lib.rows) {
    const Project& p = row.project;
    std::string town;
    if (p.town) {
      auto& name = town_names[p.town->str()];
      if (name.empty()) {
        auto t = regions.Get(*p.town);
        name = t.ok() ? t->name : p.town->str();
      }
      town = name;
    }
    const auto& last = row.last_record;
    sheet.rows.push_back(
        {p.name, row.year.level ? std::string(ProjectLevelLabel(*row.year.level)) : std::string(),
         p.chain, town, std::string(ProjectStageLabel(row.stage)), p.total_investment.yuan(),
         yuan(row.year.annual_plan), row.completed_this_year.yuan(),
         last ? yuan(last->completed_total) : yuan(p.completed_total), std::monostate{},
         month(p.planned_start), month(p.actual_start), month(p.planned_production),
         month(p.actual_production),
         last && last->progress_pct ? report::XlsxValue(*last->progress_pct)
                                    : report::XlsxValue(std::monostate{}),
         std::monostate{}, std::string(), std::string()});
  }
  report::XlsxSheet notes;
  notes.name = "填报说明";
  notes.columns = {{"说明", XlsxColumn::Type::kText, 0, 100}};
  for (const char* line :
       {"本表为本轮调度的预填表：项目名称、级别等为项目库现有信息，金额为上次填报数，请按本期实际更"
        "新。",
        "金额单位为万元（以表头括号中的单位为准，也可改为亿元）；本年累计完成投资可以超过年度计划投"
        "资。",
        "建设阶段：谋划、签约、开工、在建、试投产、投产、达产、暂停、终止；只能向前推进，回退须先转"
        "为暂停并注明原因。",
        "新增项目可在表末追加一行，须填写项目名称、总投资和建设阶段。",
        "整个文件要么全部导入，要么一行也不导入；错误报告会指出每个问题所在的单元格。"}) {
    notes.rows.push_back({std::string(line)});
  }
  return report::WriteXlsxToBytes({sheet, notes});
}

}  // namespace qq::app
