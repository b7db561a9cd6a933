// Who a use case runs for: the signed-in user (Actor) and what a session cookie resolves to.
// Staff sign in to the console with a user name (users); workers sign in to the portal with a
// phone and a one-time code (worker_accounts): their Actor has role "worker", no user id, no
// org, and the ids of their worker account and, once bound, of their member record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace zj::app {

//! The signed-in user on whose behalf a use case runs.
struct Actor {
  std::int64_t user_id = 0;  //!< the staff account (users.id); 0 for a worker and the system
  std::string username;
  std::string display_name;
  std::string role;  //!< worker, cadre, staff, operator, admin
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::string org_path;     //!< the subtree this actor may see (empty for a worker)
  std::string remote_addr;  //!< where the request came from (for the audit log), "" on the CLI
  std::optional<std::int64_t> worker_id;  //!< the worker account (worker_accounts.id)
  std::optional<std::int64_t> member_id;  //!< the worker's bound member record, once bound
};

//! True for a worker signed in to the portal (never a staff account).
inline bool IsWorker(const Actor& actor) { return actor.worker_id.has_value(); }

struct AuthenticatedSession {
  Actor actor;
  std::string csrf_token;
};

}  // namespace zj::app
