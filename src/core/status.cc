#include "core/status.h"

namespace qq {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kLocked: return "locked";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kIo: return "io";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s = *this;
  s.message_ = context + ": " + message_;
  return s;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = message_;
  for (const auto& d : details_) out += "\n  " + d;
  return out;
}

}  // namespace qq
