// The OpenAPI 3 document, generated from the route table so it can never miss a route.
#include <regex>

#include "http/router.h"

namespace qq::http {

namespace {

std::string OpenApiPath(const std::string& pattern) {
  std::string path = std::regex_replace(pattern, std::regex(R"(\(\\d\+\))"), "{id}");
  path = std::regex_replace(path, std::regex(R"(\(\[0-9A-Za-z\]\{18\}\))"), "{uscc}");
  path = std::regex_replace(path, std::regex(R"(\(enterprises\|indicators\|published\))"), "{kind}");
  path = std::regex_replace(path, std::regex(R"(\(\[\^/\]\+\))"), "{report_id}");
  return std::regex_replace(path, std::regex(R"(\\\.)"), ".");
}

wire::Json Parameters(const Route& r, const std::string& path) {
  wire::Json params = wire::Json::array();
  if (path.find("{id}") != std::string::npos) {
    params.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
  }
  if (path.find("{uscc}") != std::string::npos) {
    params.push_back({{"name", "uscc"}, {"in", "path"}, {"required", true},
                      {"description", "统一社会信用代码 (18 characters)"}, {"schema", {{"type", "string"}}}});
  }
  if (path.find("{kind}") != std::string::npos) {
    params.push_back({{"name", "kind"}, {"in", "path"}, {"required", true},
                      {"schema", {{"type", "string"}, {"enum", {"enterprises", "indicators", "published"}}}}});
  }
  if (path.find("{report_id}") != std::string::npos) {
    params.push_back({{"name", "report_id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  }
  if (r.region_from == RegionFrom::kQuery) {
    params.push_back({{"name", "region"}, {"in", "query"}, {"required", false},
                      {"description", "region code (default: the user's first region)"}, {"schema", {{"type", "string"}}}});
  }
  return params;
}

}  // namespace

wire::Json OpenApiDocument() {
  wire::Json paths = wire::Json::object();
  for (const Route& r : ApiRoutes()) {
    std::string path = OpenApiPath(r.pattern);
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    wire::Json op{{"summary", r.summary},
                  {"parameters", Parameters(r, path)},
                  {"responses",
                   {{"200", {{"description", "OK (JSON)"}}},
                    {"default", {{"description", "error: {\"error\": {\"code\", \"message\", \"details\"}}"}}}}}};
    if (r.is_public) {
      op["security"] = wire::Json::array();
    } else {
      op["security"] = wire::Json::array({{{"cookieAuth", wire::Json::array()}}, {{"bearerAuth", wire::Json::array()}}});
      op["x-permission"] = PermissionName(r.permission);
    }
    paths[path][method] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "qiangqu (强区) API"}, {"version", "1"},
                    {"description", "Industrial-strong district platform. Money in integer 元; months YYYY-MM; rates in percent."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}},
              {"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace qq::http
