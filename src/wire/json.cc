#include "wire/json.h"

namespace qq::wire {

const char* WireErrorCode(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "bad_request";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "conflict";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kPermissionDenied: return "forbidden";
    case StatusCode::kLocked: return "account_locked";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kIo: return "io_error";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

Json ErrorJson(const Status& status) {
  Json details = Json::array();
  for (const auto& d : status.details()) details.push_back(d);
  std::string code = status.reason().empty() ? WireErrorCode(status.code()) : status.reason();
  return Json{{"error", {{"code", code}, {"message", status.message()}, {"details", details}}}};
}

}  // namespace qq::wire
