#include "core/user.h"

namespace qq {

const char* RoleName(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kAnalyst: return "analyst";
    case Role::kChainChief: return "chain_chief";
    case Role::kLiaison: return "liaison";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

const char* RoleLabel(Role r) {
  switch (r) {
    case Role::kAdmin: return "管理员";
    case Role::kAnalyst: return "分析员";
    case Role::kChainChief: return "链长";
    case Role::kLiaison: return "企业服务专员";
    case Role::kViewer: return "只读";
  }
  return "只读";
}

Result<Role> ParseRole(std::string_view name) {
  for (auto r : {Role::kAdmin, Role::kAnalyst, Role::kChainChief, Role::kLiaison, Role::kViewer}) {
    if (name == RoleName(r) || name == RoleLabel(r)) return r;
  }
  return Status::InvalidArgument("role '" + std::string(name) +
                                 "' is not admin (管理员), analyst (分析员), chain_chief (链长), "
                                 "liaison (企业服务专员) or viewer (只读)");
}

const char* PermissionName(Permission p) {
  switch (p) {
    case Permission::kRead: return "read";
    case Permission::kImport: return "import";
    case Permission::kEditChains: return "edit_chains";
    case Permission::kEditProjects: return "edit_projects";
    case Permission::kEditServices: return "edit_services";
    case Permission::kManageUsers: return "manage_users";
  }
  return "read";
}

bool RoleAllows(Role role, Permission p) {
  if (p == Permission::kRead) return true;
  switch (role) {
    case Role::kAdmin: return true;
    case Role::kAnalyst:
      return p == Permission::kImport || p == Permission::kEditProjects || p == Permission::kEditChains;
    case Role::kChainChief: return p == Permission::kEditChains || p == Permission::kEditProjects;
    case Role::kLiaison: return p == Permission::kEditServices || p == Permission::kEditProjects;
    case Role::kViewer: return false;
  }
  return false;
}

bool User::CanSee(const RegionCode& region) const {
  for (const auto& r : regions) {
    if (r.Contains(region)) return true;
  }
  return false;
}

}  // namespace qq
