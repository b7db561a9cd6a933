// Rows of the union tree (`orgs`) and their queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct OrgRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string path;
  std::string code;
  std::string name;
  std::string kind;
  std::optional<std::string> region_code;
  std::string status = "active";
  std::int64_t created_at = 0;
};

//! Filters of an org search; `everywhere` lifts the subtree filter [subtree_low, subtree_high).
struct OrgQuery {
  bool everywhere = false;
  std::string subtree_low;
  std::string subtree_high;
  std::string contains;  //!< name or code contains this; "" for any
  std::int64_t limit = 20;
};

Result<void> InsertOrg(Connection& conn, const OrgRow& org);
Result<std::optional<OrgRow>> FindOrgByCode(Connection& conn, const std::string& code);
Result<std::optional<OrgRow>> FindOrgById(Connection& conn, std::int64_t id);
Result<std::int64_t> CountOrgs(Connection& conn);
//! Orgs matching `query`, in tree order (by path), at most `query.limit`.
Result<std::vector<OrgRow>> SearchOrgs(Connection& conn, const OrgQuery& query);

}  // namespace zj::store
