// user add|passwd|token|list: accounts, passwords and API tokens.
#include <iostream>
#include <memory>

#include "app/auth.h"
#include "app/database_admin.h"
#include "app/security.h"
#include "cli/command.h"

namespace qq::cli {
namespace {

struct UserArgs {
  std::string username;
  std::string display_name;
  std::string role = "viewer";
  std::vector<std::string> regions;
  std::string password;
  bool password_stdin = false;
  std::string token_name;
};

// The password from --password, from stdin (--password-stdin), or a generated one.
Result<std::pair<std::string, bool>> PasswordFrom(const UserArgs& a) {
  if (a.password_stdin) {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty()) return Status::InvalidArgument("no password on standard input");
    return std::make_pair(line, false);
  }
  if (!a.password.empty()) return std::make_pair(a.password, false);
  return std::make_pair(app::GeneratePassword(), true);
}

void AddPasswordOptions(CLI::App& sub, UserArgs& a) {
  sub.add_option("--password", a.password, "the password (omit to generate one, printed once)");
  sub.add_flag("--password-stdin", a.password_stdin, "read the password from the first line of standard input");
}

void SetupUser(CLI::App& sub, CommonOptions& c) {
  auto args = std::make_shared<UserArgs>();
  auto* add = sub.add_subcommand("add", "create a user with a role and the regions it may see");
  AddDbOption(*add, c);
  AddJsonOption(*add, c);
  add->add_option("username", args->username, "login name")->required();
  add->add_option("--display-name", args->display_name, "name shown in the app (default: the login name)");
  add->add_option("--role", args->role, "admin|analyst|chain_chief|liaison|viewer (or 管理员, 分析员, 链长, 企业服务专员, 只读)");
  add->add_option("--region", args->regions, "region code the user may see (repeat for several; 100000 = all)")->required();
  AddPasswordOptions(*add, *args);
  add->callback([&c, args] {
    ExitCodeSlot() = [&]() -> int {
      auto role = ParseRole(args->role);
      if (!role.ok()) return Fail(c, role.status());
      User u;
      u.username = args->username;
      u.display_name = args->display_name;
      u.role = *role;
      for (const auto& r : args->regions) {
        auto code = RegionCode::Parse(r);
        if (!code.ok()) return Fail(c, code.status());
        u.regions.push_back(*code);
      }
      auto pw = PasswordFrom(*args);
      if (!pw.ok()) return Fail(c, pw.status());
      auto db = app::OpenDatabase(c.db);
      if (!db.ok()) return Fail(c, db.status());
      auto user = app::AddUser(**db, app::SystemClock(), u, pw->first);
      if (!user.ok()) return Fail(c, user.status());
      if (c.json) {
        wire::Json out{{"username", user->username}, {"role", RoleName(user->role)}};
        if (pw->second) out["password"] = pw->first;
        PrintJson(out);
      } else {
        std::cout << "created user " << user->username << " (" << RoleLabel(user->role) << ")\n";
        if (pw->second) std::cout << "password: " << pw->first << "\n";
      }
      return 0;
    }();
  });

  auto* passwd = sub.add_subcommand("passwd", "set a user's password (clears a lockout)");
  AddDbOption(*passwd, c);
  AddJsonOption(*passwd, c);
  passwd->add_option("username", args->username, "login name")->required();
  AddPasswordOptions(*passwd, *args);
  passwd->callback([&c, args] {
    ExitCodeSlot() = [&]() -> int {
      auto pw = PasswordFrom(*args);
      if (!pw.ok()) return Fail(c, pw.status());
      auto db = app::OpenDatabase(c.db);
      if (!db.ok()) return Fail(c, db.status());
      Status s = app::SetUserPassword(**db, app::SystemClock(), args->username, pw->first);
      if (!s.ok()) return Fail(c, s);
      if (c.json) {
        wire::Json out{{"username", args->username}};
        if (pw->second) out["password"] = pw->first;
        PrintJson(out);
      } else {
        std::cout << "password of " << args->username << " changed\n";
        if (pw->second) std::cout << "password: " << pw->first << "\n";
      }
      return 0;
    }();
  });

  auto* token = sub.add_subcommand("token", "create a Bearer API token for scripts (printed as the last line)");
  AddDbOption(*token, c);
  AddJsonOption(*token, c);
  token->add_option("username", args->username, "login name")->required();
  token->add_option("--name", args->token_name, "what the token is for");
  token->callback([&c, args] {
    ExitCodeSlot() = [&]() -> int {
      auto db = app::OpenDatabase(c.db);
      if (!db.ok()) return Fail(c, db.status());
      auto t = app::CreateApiToken(**db, app::SystemClock(), args->username, args->token_name);
      if (!t.ok()) return Fail(c, t.status());
      if (c.json) {
        PrintJson({{"username", args->username}, {"token", *t}});
      } else {
        std::cerr << "API token for " << args->username << " (shown once; send it as Authorization: Bearer TOKEN):\n";
        std::cout << *t << "\n";
      }
      return 0;
    }();
  });

  auto* list = sub.add_subcommand("list", "list users, roles and regions");
  AddDbOption(*list, c);
  AddJsonOption(*list, c);
  list->callback([&c] {
    ExitCodeSlot() = [&]() -> int {
      auto db = app::OpenDatabase(c.db, true);
      if (!db.ok()) return Fail(c, db.status());
      auto users = app::ListUsers(**db);
      if (!users.ok()) return Fail(c, users.status());
      wire::Json out = wire::Json::array();
      for (const auto& u : *users) {
        wire::Json regions = wire::Json::array();
        for (const auto& r : u.regions) regions.push_back(r.str());
        out.push_back({{"username", u.username}, {"display_name", u.display_name}, {"role", RoleName(u.role)},
                       {"regions", regions}, {"disabled", u.disabled}});
        if (!c.json) std::cout << u.username << "\t" << RoleLabel(u.role) << "\t" << regions.dump() << "\n";
      }
      if (c.json) PrintJson({{"users", out}});
      return 0;
    }();
  });
}

}  // namespace

std::vector<Command> UserCommands() {
  return {{"user", "manage users: user add|passwd|token|list",
           [](CLI::App& sub, CommonOptions& c) { sub.require_subcommand(1); SetupUser(sub, c); }, nullptr}};
}

}  // namespace qq::cli
