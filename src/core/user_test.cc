#include "core/user.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(Role, NamesAndLabels) {
  EXPECT_EQ(*ParseRole("链长"), Role::kChainChief);
  EXPECT_EQ(*ParseRole("analyst"), Role::kAnalyst);
  EXPECT_FALSE(ParseRole("boss").ok());
}

TEST(Role, PermissionsFollowTheTable) {
  EXPECT_TRUE(RoleAllows(Role::kViewer, Permission::kRead));
  EXPECT_FALSE(RoleAllows(Role::kViewer, Permission::kImport));
  EXPECT_TRUE(RoleAllows(Role::kAnalyst, Permission::kImport));
  EXPECT_FALSE(RoleAllows(Role::kAnalyst, Permission::kManageUsers));
  EXPECT_TRUE(RoleAllows(Role::kChainChief, Permission::kEditChains));
  EXPECT_FALSE(RoleAllows(Role::kChainChief, Permission::kImport));
  EXPECT_TRUE(RoleAllows(Role::kLiaison, Permission::kEditServices));
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kManageUsers));
}

TEST(User, CityUserSeesItsDistricts) {
  User u;
  u.regions = {*RegionCode::Parse("370100")};
  EXPECT_TRUE(u.CanSee(*RegionCode::Parse("370117")));
  EXPECT_TRUE(u.CanSee(*RegionCode::Parse("370114003")));
  EXPECT_FALSE(u.CanSee(*RegionCode::Parse("370306")));
  EXPECT_FALSE(u.CanSee(*RegionCode::Parse("370000")));
}

}  // namespace
}  // namespace qq
