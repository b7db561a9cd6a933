// The request a case came from (a hardship file, a legal case: case_links), as the case's page
// names it — the request's id and tracking number, and only when the actor sees the request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/accounts/actor.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct RequestRef {
  std::int64_t id = 0;
  std::string tracking_number;
};

//! The request linked to the case `target_id` of `kind` (store::kLink…), if any and in the
//! actor's subtree; nothing otherwise (a request the actor does not see is not named).
Result<std::optional<RequestRef>> RequestBehind(store::Connection& conn, const Actor& actor,
                                                std::string_view kind, std::int64_t target_id);

}  // namespace zj::app
