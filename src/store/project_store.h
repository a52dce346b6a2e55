// ProjectStore: the key-project library.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/project.h"
#include "store/database.h"

namespace qq::store {

struct ProjectQuery {
  std::vector<RegionCode> scope;
  std::optional<ProjectStage> stage;
};

class ProjectStore {
 public:
  explicit ProjectStore(Database& db) : db_(db) {}
  // Inserts the project; sets its id. AlreadyExists if the region has a project of that name.
  Status Add(Project& p);
  Result<Project> Get(int64_t id);
  Result<std::vector<Project>> List(const ProjectQuery& q);
  // The project of that name in the region (names are unique per region), if any.
  Result<std::optional<Project>> FindByName(const RegionCode& region, const std::string& name);
  // Writes every field of an existing project (by id).
  Status Update(const Project& p);

  // The year's library: level and 年度计划投资 per year.
  Status SetYear(int64_t project_id, const ProjectYear& y);
  Result<std::vector<ProjectYear>> Years(int64_t project_id);
  // Project id → its entry in `year`, for the projects in scope.
  Result<std::map<int64_t, ProjectYear>> YearOf(const std::vector<RegionCode>& scope, int year);
  // Years that have a library in scope, ascending.
  Result<std::vector<int>> LibraryYears(const std::vector<RegionCode>& scope);

  // The 招商 lead a project came from: (lead id, firm name).
  Status SetLead(int64_t project_id, int64_t lead_id);
  Result<std::optional<std::pair<int64_t, std::string>>> LeadOf(int64_t project_id);

  Status AddStageEvent(int64_t project_id, const StageEvent& e);
  Result<std::vector<StageEvent>> StageEvents(int64_t project_id);  // oldest first
  Status SetApproval(int64_t project_id, const ProjectApproval& a);
  Result<std::vector<ProjectApproval>> Approvals(int64_t project_id);
  Status AddNeed(int64_t project_id, ProjectNeed& n);
  Result<std::vector<ProjectNeed>> Needs(int64_t project_id);

 private:
  Database& db_;
};

}  // namespace qq::store
