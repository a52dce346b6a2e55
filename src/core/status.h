// Status and Result<T>: the error types every layer returns. No exception crosses a module
// boundary; http/ and cli/ map a Status code to an HTTP status or an exit code in one table.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace qq {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the input is malformed or out of range
  kNotFound,            // the named thing does not exist
  kAlreadyExists,       // creating something that exists
  kFailedPrecondition,  // the system is not in a state to do this (e.g. schema too old)
  kUnauthenticated,     // no valid credentials
  kPermissionDenied,    // credentials valid but the action or region is not allowed
  kLocked,              // account locked after failed logins
  kConflict,            // concurrent or contradictory change
  kIo,                  // file or database I/O failed
  kInternal,            // a bug
};

// Returns a stable lower-case name ("invalid_argument", ...) for logs and wire errors.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status FailedPrecondition(std::string msg) { return {StatusCode::kFailedPrecondition, std::move(msg)}; }
  static Status Unauthenticated(std::string msg) { return {StatusCode::kUnauthenticated, std::move(msg)}; }
  static Status PermissionDenied(std::string msg) { return {StatusCode::kPermissionDenied, std::move(msg)}; }
  static Status Locked(std::string msg) { return {StatusCode::kLocked, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {StatusCode::kConflict, std::move(msg)}; }
  static Status Io(std::string msg) { return {StatusCode::kIo, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Extra lines (e.g. one per offending row) shown under the message.
  const std::vector<std::string>& details() const { return details_; }
  Status& AddDetail(std::string detail) {
    details_.push_back(std::move(detail));
    return *this;
  }
  // A stable, more specific error code for the wire ("bad_credentials", "out_of_scope");
  // empty means the code's default.
  const std::string& reason() const { return reason_; }
  Status&& WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }
  // Returns a copy whose message is prefixed by `context: `.
  Status WithContext(const std::string& context) const;
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<std::string> details_;
  std::string reason_;
};

// Result<T> holds a value or a non-ok Status (the subset of std::expected we use).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result from an ok Status");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { assert(ok()); return std::get<T>(v_); }
  T& value() & { assert(ok()); return std::get<T>(v_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  // By value, so that `for (auto& x : *F())` does not dangle.
  T operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace qq

// Propagates a non-ok Status from an expression returning Status.
#define QQ_RETURN_IF_ERROR(expr)          \
  do {                                    \
    ::qq::Status qq_status_ = (expr);     \
    if (!qq_status_.ok()) return qq_status_; \
  } while (0)

#define QQ_CONCAT_INNER(a, b) a##b
#define QQ_CONCAT(a, b) QQ_CONCAT_INNER(a, b)
// Declares `lhs` from a Result, or returns its Status.
#define QQ_ASSIGN_OR_RETURN(lhs, expr) QQ_ASSIGN_OR_RETURN_IMPL(QQ_CONCAT(qq_result_, __LINE__), lhs, expr)
#define QQ_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
