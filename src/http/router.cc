#include "http/router.h"

#include <sodium.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <spdlog/spdlog.h>

#include "store/enterprise_store.h"
#include "store/project_store.h"
#include "store/round_store.h"
#include "store/tag_store.h"

namespace qq::http {
namespace {

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=') {
      return part.substr(name.size() + 1);
    }
    pos = end + 1;
  }
  return "";
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status Authenticate(RequestContext& ctx) {
  app::AuthService auth(ctx.db, ctx.services.clock, ctx.services.auth_policy);
  std::string header = ctx.req.get_header_value("Authorization");
  if (header.rfind("Bearer ", 0) == 0) {
    QQ_ASSIGN_OR_RETURN(User user, auth.FromApiToken(header.substr(7)));
    ctx.user = std::move(user);
    return Status::Ok();
  }
  std::string token = CookieValue(ctx.req, kSessionCookie);
  QQ_ASSIGN_OR_RETURN(app::Session session, auth.FromSessionToken(token));
  bool write = ctx.req.method != "GET" && ctx.req.method != "HEAD";
  if (write && !SameSecret(ctx.req.get_header_value("X-CSRF-Token"), session.csrf_token)) {
    return Status::PermissionDenied("CSRF 校验失败，请刷新页面后重试 (missing or wrong X-CSRF-Token header)")
        .WithReason("csrf_failed");
  }
  ctx.user = session.user;
  ctx.session = std::move(session);
  ctx.session_token = token;
  return Status::Ok();
}

Result<std::optional<RegionCode>> RegionOf(const Route& route, RequestContext& ctx) {
  switch (route.region_from) {
    case RegionFrom::kNone: return std::optional<RegionCode>();
    case RegionFrom::kQuery: {
      std::string code = ctx.Query("region");
      if (code.empty()) return std::optional<RegionCode>(ctx.user->regions.at(0));
      QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(code));
      return std::optional<RegionCode>(region);
    }
    case RegionFrom::kEnterprise: {
      QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(ctx.Path(1)));
      QQ_ASSIGN_OR_RETURN(auto e, store::EnterpriseStore(ctx.db).GetByUscc(uscc));
      return std::optional<RegionCode>(e.region);
    }
    case RegionFrom::kProject: {
      QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
      QQ_ASSIGN_OR_RETURN(auto p, store::ProjectStore(ctx.db).Get(id));
      return std::optional<RegionCode>(p.region);
    }
    case RegionFrom::kRound: {
      QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
      QQ_ASSIGN_OR_RETURN(auto r, store::RoundStore(ctx.db).Get(id));
      return std::optional<RegionCode>(r.region);
    }
    case RegionFrom::kLead: {
      QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
      QQ_ASSIGN_OR_RETURN(auto l, store::LeadStore(ctx.db).Get(id));
      return std::optional<RegionCode>(l.region);
    }
  }
  return std::optional<RegionCode>();
}

}  // namespace

Result<wire::Json> JsonBody(const RequestContext& ctx) {
  wire::Json body = wire::Json::parse(ctx.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return Status::InvalidArgument("request body must be a JSON object");
  return body;
}

Result<int64_t> PathId(const RequestContext& ctx) {
  const std::string text = ctx.Path(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return Status::InvalidArgument("id must be a number: " + text);
  return v;
}

Result<int64_t> IntQuery(const RequestContext& ctx, const std::string& key, int64_t fallback, int64_t low, int64_t high) {
  const std::string text = ctx.Query(key);
  if (text.empty()) return fallback;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) {
    return Status::InvalidArgument("'" + key + "' must be a whole number from " + std::to_string(low) + " to " +
                                   std::to_string(high) + ": " + text);
  }
  return v;
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict: return 409;
    case StatusCode::kFailedPrecondition: return 412;
    case StatusCode::kLocked: return 423;
    case StatusCode::kIo:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

void WriteError(httplib::Response& res, const Status& status) {
  res.status = HttpStatusFor(status.code());
  wire::Json doc = wire::ErrorJson(status);
  res.set_content(doc.dump(-1, ' ', false, wire::Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void Dispatch(const Route& route, app::Services& services, store::Database& db, const httplib::Request& req,
              httplib::Response& res) {
  RequestContext ctx{req, res, db, services, std::nullopt, std::nullopt, "", std::nullopt, 200};
  Status access = [&]() -> Status {
    if (route.is_public) return Status::Ok();
    QQ_RETURN_IF_ERROR(Authenticate(ctx));
    if (!RoleAllows(ctx.user->role, route.permission)) {
      return Status::PermissionDenied(std::string("角色“") + RoleLabel(ctx.user->role) + "”无权执行此操作 (role " +
                                      RoleName(ctx.user->role) + " may not " + PermissionName(route.permission) + ")");
    }
    QQ_ASSIGN_OR_RETURN(ctx.region, RegionOf(route, ctx));
    if (ctx.region && !ctx.user->CanSee(*ctx.region)) {
      return Status::PermissionDenied("无权访问该区域 " + ctx.region->str() + " (outside your regions)")
          .WithReason("out_of_scope");
    }
    return Status::Ok();
  }();
  if (!access.ok()) {
    WriteError(res, access);
    return;
  }
  Result<wire::Json> body = [&]() -> Result<wire::Json> {
    try {
      return route.handler(ctx);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      return Status::Internal(std::string("internal error: ") + e.what());
    }
  }();
  if (!body.ok()) {
    WriteError(res, body.status());
    return;
  }
  res.status = ctx.status;
  if (ctx.raw) {
    // RFC 5987 so that Chinese file names survive.
    std::string encoded;
    for (unsigned char c : ctx.raw->file_name) {
      if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
        encoded.push_back(static_cast<char>(c));
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        encoded += buf;
      }
    }
    res.set_header("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded);
    res.set_content(ctx.raw->bytes, ctx.raw->content_type);
    return;
  }
  if (ctx.status != 204) {
    res.set_content(body->dump(-1, ' ', false, wire::Json::error_handler_t::replace), "application/json; charset=utf-8");
  }
}

}  // namespace qq::http
