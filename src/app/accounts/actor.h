// Who a use case runs for: the signed-in user (Actor) and what a session cookie resolves to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace zj::app {

//! The signed-in user on whose behalf a use case runs.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;  //!< worker, cadre, staff, operator, admin
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::string org_path;     //!< the subtree this actor may see (empty for a worker)
  std::string remote_addr;  //!< where the request came from (for the audit log), "" on the CLI
};

struct AuthenticatedSession {
  Actor actor;
  std::string csrf_token;
};

}  // namespace zj::app
