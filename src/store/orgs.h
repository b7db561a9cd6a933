// Rows of the union tree (`orgs`), their history (`org_events`) and their queries.
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
  std::optional<std::string> founded_on;  //!< YYYY-MM-DD
  std::optional<std::string> chair;
  std::optional<std::string> contact;
};

//! Filters of an org search; `everywhere` lifts the subtree filter [subtree_low, subtree_high).
struct OrgQuery {
  bool everywhere = false;
  std::string subtree_low;
  std::string subtree_high;
  std::string contains;  //!< name or code contains this; "" for any
  std::int64_t limit = 20;
};

//! A child in the lazy tree: the org and whether it has children of its own.
struct OrgChild {
  OrgRow org;
  bool has_children = false;
};

//! Inserts the org and its (empty) coverage rollup row.
Result<void> InsertOrg(Connection& conn, const OrgRow& org);
//! Changes name, region, founding date, chair, contact and status (not parent or path).
Result<void> UpdateOrg(Connection& conn, const OrgRow& org, std::int64_t now_ms);
Result<std::optional<OrgRow>> FindOrgByCode(Connection& conn, const std::string& code);
Result<std::optional<OrgRow>> FindOrgById(Connection& conn, std::int64_t id);
Result<std::int64_t> CountOrgs(Connection& conn);
//! Orgs matching `query`, in tree order (by path), at most `query.limit`.
Result<std::vector<OrgRow>> SearchOrgs(Connection& conn, const OrgQuery& query);
//! Active grassroots unions anywhere whose name contains `contains` (matched literally), by
//! name then id, at most `limit`: what a worker picks a receiving union from.
Result<std::vector<OrgRow>> SearchActiveUnions(Connection& conn, const std::string& contains,
                                               std::int64_t limit);
//! Direct children of an org, by code.
Result<std::vector<OrgChild>> ChildOrgs(Connection& conn, std::int64_t parent_id);
//! Orgs without a parent (the roots of federations), by code.
Result<std::vector<OrgChild>> RootOrgs(Connection& conn);
//! Number of direct children (any status).
Result<std::int64_t> CountChildOrgs(Connection& conn, std::int64_t parent_id, bool active_only);
//! Every org, in path order (for recounts).
Result<std::vector<OrgRow>> AllOrgs(Connection& conn);
//! The active org of this kind whose region is `region_code` (lowest code first), if any.
Result<std::optional<OrgRow>> FindActiveOrgForRegion(Connection& conn,
                                                     const std::string& region_code,
                                                     const std::string& kind);
//! Moves a subtree: sets the root's parent and rewrites every path and federation that names
//! an org of the subtree, in every table that carries one (store/org_paths.h).
Result<void> MoveOrgSubtree(Connection& conn, std::int64_t root_id, std::int64_t new_parent_id,
                            const std::string& old_path, const std::string& new_path,
                            std::int64_t old_federation_id, std::int64_t federation_id);

struct OrgEventRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::int64_t at = 0;
  std::string event;   //!< created, updated, moved, status
  std::string detail;  //!< JSON object
};
Result<void> InsertOrgEvent(Connection& conn, const OrgEventRow& event);
Result<std::vector<OrgEventRow>> OrgEvents(Connection& conn, std::int64_t org_id);

}  // namespace zj::store
