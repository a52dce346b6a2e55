// ProjectStore: the key-project library.
#pragma once

#include <optional>
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

 private:
  Database& db_;
};

}  // namespace qq::store
