#include "core/region.h"

namespace qq {

const char* CodeSystemName(CodeSystem system) {
  switch (system) {
    case CodeSystem::kAdministrative: return "mca";
    case CodeSystem::kStatistical: return "nbs";
    case CodeSystem::kBoth: return "both";
    case CodeSystem::kLocal: return "local";
  }
  return "both";
}

Result<CodeSystem> ParseCodeSystem(std::string_view name) {
  for (auto s : {CodeSystem::kAdministrative, CodeSystem::kStatistical, CodeSystem::kBoth, CodeSystem::kLocal}) {
    if (name == CodeSystemName(s)) return s;
  }
  return Status::InvalidArgument("unknown code system '" + std::string(name) + "' (mca, nbs, both, local)");
}

}  // namespace qq
