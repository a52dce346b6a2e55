#include "wire/import_report.h"

namespace qq::wire {

Json IssueJson(const ingest::ImportIssue& i) {
  return {{"file", i.file}, {"sheet", i.sheet ? Json(*i.sheet) : Json(nullptr)}, {"row", i.row}, {"column", i.column},
          {"cell", i.cell}, {"value", i.value}, {"kind", i.kind}, {"message", i.message}};
}

namespace {
void AppendIssues(Json& target, const std::vector<ingest::ImportIssue>& issues) {
  for (const auto& i : issues) target.push_back(IssueJson(i));
}
Json CreatedJson(const std::vector<ingest::CreatedFirm>& created) {
  Json out = Json::array();
  for (const auto& c : created) out.push_back({{"uscc", c.uscc}, {"name", c.name}, {"region", c.region}});
  return out;
}
}  // namespace

Json ImportReportJson(const ingest::ImportReport& r) {
  Json errors = Json::array(), warnings = Json::array();
  AppendIssues(errors, r.errors);
  AppendIssues(warnings, r.warnings);
  return {{"errors", errors},
          {"warnings", warnings},
          {"created", CreatedJson(r.created)},
          {"file", r.file},
          {"sha256", r.sha256},
          {"applied", r.applied},
          {"already_imported", r.already_imported},
          {"import_id", r.import_id ? Json(r.import_id) : Json(nullptr)},
          {"summary", {{"rows", r.rows}, {"inserted", r.inserted}, {"replaced", r.replaced}, {"unchanged", r.unchanged}}}};
}

Json ImportReportsJson(const std::vector<ingest::ImportReport>& reports) {
  if (reports.size() == 1) return ImportReportJson(reports.front());
  Json errors = Json::array(), warnings = Json::array(), created = Json::array(), files = Json::array();
  for (const auto& r : reports) {
    AppendIssues(errors, r.errors);
    AppendIssues(warnings, r.warnings);
    for (auto& c : CreatedJson(r.created)) created.push_back(c);
    files.push_back(ImportReportJson(r));
  }
  return {{"errors", errors}, {"warnings", warnings}, {"created", created}, {"files", files}};
}

}  // namespace qq::wire
