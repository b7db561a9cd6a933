// Rules the member use cases share: who may read and who may change the registry, today's
// date in China, and moving a union's active-member count along its path in the coverage
// rollups (in the caller's transaction).
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "core/members/calendar_date.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! Operators (who must find a caller), cadres, staff and administrators read and reveal;
//! kPermissionDenied "error.members.forbidden" for anyone else.
Result<void> MustReadMembers(const Actor& actor);
//! Cadres, staff and administrators create, change and transfer members.
Result<void> MustManageMembers(const Actor& actor);
//! Whether the actor may change members (no error).
bool ManagesMembers(const Actor& actor);

//! kNotFound "error.not_found" for a member that does not exist or lies outside the scope.
Error MemberNotFound(std::int64_t id);
//! kInvalidArgument "error.invalid_input" with one field error.
Error FieldProblem(const std::string& field, const std::string& key,
                   std::vector<std::pair<std::string, std::string>> args = {});

//! Today's date in China (UTC+8), for the "birth date not after today" rule.
members::Date TodayInChina(const Clock& clock);

//! Adds `delta` active members to the coverage rollups of every org on `union_path`.
Result<void> MoveMemberCount(store::Connection& conn, const std::string& union_path,
                             std::int64_t delta);

//! The reason for revealing or deciding: trimmed, 2..500 code points, else a field error.
Result<std::string> CheckReason(const std::string& field, const std::string& reason);

}  // namespace zj::app
