// User, Role and what each role may do. Every user is scoped to regions and sees those and
// everything inside them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/region_code.h"
#include "core/status.h"

namespace qq {

enum class Role { kAdmin, kAnalyst, kChainChief, kLiaison, kViewer };
const char* RoleName(Role r);   // admin, analyst, chain_chief, liaison, viewer
const char* RoleLabel(Role r);  // 管理员, 分析员, 链长, 企业服务专员, 只读
// Accepts the English name or the Chinese label.
Result<Role> ParseRole(std::string_view name);

enum class Permission {
  kRead,            // see the data of regions in scope
  kImport,          // import sheets, edit firms and indicators
  kEditChains,      // confirm or reject tags, manage leads
  kEditProjects,    // project records and scheduling rounds
  kEditServices,    // tickets (三张清单)
  kManageUsers,     // users, roles, tokens
};
const char* PermissionName(Permission p);
bool RoleAllows(Role role, Permission permission);

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kViewer;
  std::vector<RegionCode> regions;
  bool disabled = false;

  // True if `region` lies inside one of the user's regions.
  bool CanSee(const RegionCode& region) const;
};

}  // namespace qq
