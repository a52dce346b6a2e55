// Router: the table of every API route with who may call it. One mechanism — Dispatch —
// authenticates the caller (session cookie or Bearer token), checks the CSRF token on
// cookie-authenticated writes, checks the role's permission and the region the request
// touches against the user's scope, then calls the handler. Handlers never check access.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/services.h"
#include "core/user.h"
#include "store/database.h"
#include "wire/json.h"

namespace qq::http {

struct RequestContext {
  const httplib::Request& req;
  httplib::Response& res;
  store::Database& db;
  app::Services& services;
  std::optional<User> user;                 // set for every non-public route
  std::optional<app::Session> session;      // set when authenticated by cookie
  std::string session_token;
  std::optional<RegionCode> region;         // the region the request touches, if any
  int status = 200;
  // A non-JSON answer (an xlsx download): content type, bytes and the file name offered.
  struct Raw {
    std::string content_type, bytes, file_name;
  };
  std::optional<Raw> raw;

  // Query parameter or "" when absent.
  std::string Query(const std::string& key) const { return req.has_param(key) ? req.get_param_value(key) : ""; }
  // Path capture k (1-based) of the route pattern.
  std::string Path(size_t k) const { return k < req.matches.size() ? std::string(req.matches[k]) : ""; }
};

using Handler = std::function<Result<wire::Json>(RequestContext&)>;

// The request body as a JSON object, or InvalidArgument.
Result<wire::Json> JsonBody(const RequestContext& ctx);
// Path capture 1 as a number (an id), or InvalidArgument.
Result<int64_t> PathId(const RequestContext& ctx);
// A whole-number query parameter within [low, high], `fallback` when absent; InvalidArgument
// naming the parameter otherwise.
Result<int64_t> IntQuery(const RequestContext& ctx, const std::string& key, int64_t fallback, int64_t low, int64_t high);

// Which region a request touches (checked against the user's scope before the handler runs).
enum class RegionFrom {
  kNone,         // reference data, or the handler filters by the user's own scope
  kQuery,        // ?region=CODE, defaulting to the user's first region
  kEnterprise,   // the firm named by path capture 1 (USCC)
  kProject,      // the project with id = path capture 1
  kLead,         // the lead with id = path capture 1
  kRound,        // the scheduling round with id = path capture 1
};

struct Route {
  std::string method;    // GET, POST, PUT, PATCH, DELETE
  std::string pattern;   // httplib path pattern, e.g. R"(/api/v1/enterprises/([0-9A-Za-z]+))"
  std::string summary;   // for the OpenAPI document
  bool is_public = false;
  Permission permission = Permission::kRead;
  RegionFrom region_from = RegionFrom::kNone;
  Handler handler;
};

// Every API route (defined in routes.cc).
const std::vector<Route>& ApiRoutes();

// Runs one request through the access checks and the handler, writing the response.
void Dispatch(const Route& route, app::Services& services, store::Database& db, const httplib::Request& req,
              httplib::Response& res);

// The HTTP status for a Status code (one table).
int HttpStatusFor(StatusCode code);
// Writes the error document.
void WriteError(httplib::Response& res, const Status& status);

// The session cookie's name.
inline constexpr const char* kSessionCookie = "qq_session";

}  // namespace qq::http
