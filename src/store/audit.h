// Rows of `audit_log`: inserted, searched, never changed (there is no update or delete here,
// and the table's triggers refuse them on both backends).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct AuditRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_username;
  std::string actor_org_path;
  std::string remote_addr;
  std::string action;
  std::string target_type;
  std::string target_id;
  std::string outcome;
  std::string detail;  //!< a JSON object
};

//! A search: entries whose actor_org_path lies in [path_low, path_high) (plus the system's
//! entries with an empty path when `include_system`), optionally narrowed, newest first.
struct AuditQuery {
  std::string path_low;
  std::string path_high;
  bool include_system = false;
  std::optional<std::string> username;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::int64_t> from_ms;    //!< at >= from
  std::optional<std::int64_t> to_ms;      //!< at < to
  std::optional<std::int64_t> before_id;  //!< the cursor: id < before_id
  int limit = 50;
};

Result<void> InsertAudit(Connection& conn, const AuditRow& row);
Result<std::vector<AuditRow>> SearchAudit(Connection& conn, const AuditQuery& query);

}  // namespace zj::store
