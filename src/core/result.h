// Errors that a user or the environment can cause travel as values: `Result<T>` is either a T
// or an `Error` with a code (what kind of failure), an optional field (which input was wrong)
// and a message key that the edges (HTTP, CLI) translate. Exceptions are kept for bugs.
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace zj {

//! What went wrong, in a few well-defined kinds; http/ maps each to one status and problem type.
enum class ErrorCode {
  kInvalidArgument,     //!< the caller's input is malformed or breaks a rule; names a field.
  kNotFound,            //!< no such record, or one outside the actor's scope (never say which).
  kAlreadyExists,       //!< a unique key is taken.
  kConflict,            //!< the record changed or is in a state that forbids the operation.
  kUnauthenticated,     //!< no valid session.
  kPermissionDenied,    //!< authenticated, but the action is not allowed for this role.
  kResourceExhausted,   //!< throttled or over a size limit.
  kFailedPrecondition,  //!< the system is not in a state to do this (e.g. database newer than us).
  kUnprocessable,       //!< well-formed input that data the rules need is missing for (HTTP 422).
  kUnavailable,         //!< a dependency (database server) cannot be reached; retrying may help.
  kInternal,            //!< a bug or broken environment; details go to the log, not the user.
};

//! Stable lower-case name of a code, used in logs and problem types ("invalid-argument").
const char* ErrorCodeName(ErrorCode code);

//! One problem with one input field, for field-level error messages.
struct FieldError {
  std::string field;        //!< dotted path of the input field, e.g. "password".
  std::string message_key;  //!< i18n key, e.g. "error.field.required".
  std::vector<std::pair<std::string, std::string>> args;  //!< named values for the message.
};

//! A failure: its kind, an i18n message key, English detail for logs, and field errors.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_key;  //!< i18n key of the user-facing message, e.g. "error.db.newer".
  std::string detail;       //!< technical detail for logs and the CLI; may be shown to admins.
  std::vector<FieldError> fields;
  std::vector<std::pair<std::string, std::string>> args;  //!< named values for the message.

  Error With(std::string name, std::string value) && {
    args.emplace_back(std::move(name), std::move(value));
    return std::move(*this);
  }
};

template <typename T>
using Result = std::expected<T, Error>;

//! Convenience for `return Fail(ErrorCode::kNotFound, "error.not_found", "org 42");`.
inline std::unexpected<Error> Fail(ErrorCode code, std::string message_key,
                                   std::string detail = {}) {
  return std::unexpected<Error>(Error{code, std::move(message_key), std::move(detail), {}, {}});
}

inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace zj

#define ZJ_CONCAT_INNER_(a, b) a##b
#define ZJ_CONCAT_(a, b) ZJ_CONCAT_INNER_(a, b)

//! Returns the error of a failed Result<...> expression from the enclosing function.
#define ZJ_RETURN_IF_ERROR(expr)                                                    \
  do {                                                                              \
    if (auto&& zj_r_ = (expr); !zj_r_) return ::zj::Fail(std::move(zj_r_).error()); \
  } while (0)

//! `ZJ_ASSIGN_OR_RETURN(auto x, Compute());` binds the value or returns the error.
#define ZJ_ASSIGN_OR_RETURN(lhs, expr) \
  ZJ_ASSIGN_OR_RETURN_IMPL_(ZJ_CONCAT_(zj_a_, __LINE__), lhs, expr)
#define ZJ_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr)      \
  auto tmp = (expr);                                   \
  if (!tmp) return ::zj::Fail(std::move(tmp).error()); \
  lhs = std::move(*tmp)
