#pragma once
// The two refusals every worker's own use case (My help, My membership, My competitions, My
// certificates, the transfer a worker asks for) starts with: the caller is not a worker, or the
// worker's account is bound to no member yet. Six use cases had their own copies.

#include "core/result.h"

namespace zj::app {

//! 403: the route is a worker's own and the caller is staff (or nobody).
inline Error NotAWorker() {
  return Error{ErrorCode::kPermissionDenied, "error.auth.forbidden", "workers only", {}, {}};
}

//! A failed precondition: the worker has not bound their account to a member record.
inline Error NotBound() {
  return Error{ErrorCode::kFailedPrecondition, "error.card.not_bound", "no member bound", {}, {}};
}

}  // namespace zj::app
