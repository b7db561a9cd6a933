// Members reached online (issue 19): active members with a worker account bound to them, kept in
// coverage_rollups.members_online for every org on the member's union path, by deltas on the
// caller's connection (so in the caller's transaction). Every use case that binds or unbinds an
// account, ends a membership, moves a member to another union or moves an org calls here, so the
// coverage page reads one row per org shown and its cost stays flat as members grow.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/members.h"

namespace zj::app {

//! Whether a worker account is bound to the member.
Result<bool> MemberHasAccount(store::Connection& conn, std::int64_t member_id);

//! Adds `delta` to members_online along `union_path` (a member's org_path).
Result<void> AddReachedOnline(store::Connection& conn, const std::string& union_path,
                              std::int64_t delta);

//! The member just got an account bound (none was before): counted when active.
Result<void> CountBoundMember(store::Connection& conn, const store::MemberRow& member);

//! The member is leaving the active figures (status no longer active) or leaves `from_path`
//! for `to_path` (a transfer): moves its count when an account is bound to it. `to_path`
//! empty means it leaves.
Result<void> MoveBoundMember(store::Connection& conn, const store::MemberRow& member,
                             const std::string& from_path, const std::string& to_path);

}  // namespace zj::app
