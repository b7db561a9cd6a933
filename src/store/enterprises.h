// Rows of `enterprises` (用人单位) and their queries: by id and USCC, lists under a subtree
// (range on org_path), the founding list, and the path rewrite of a moved subtree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct EnterpriseRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::string uscc;
  std::string name;
  std::string region_code;
  std::string industry;
  std::string ownership;
  std::int64_t employees = 0;
  std::optional<std::string> employees_reported_on;
  std::optional<std::int64_t> union_org_id;
  std::int64_t org_id = 0;  //!< the org responsible: the union, else the street federation
  std::string org_path;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::string> union_name;  //!< read only: the union's name
};

struct EnterpriseQuery {
  std::string subtree_low;  //!< org_path range [low, high)
  std::string subtree_high;
  std::string contains;           //!< name contains, or USCC starts with; "" for any
  std::string industry;           //!< "" for any
  std::optional<bool> unionised;  //!< nullopt for any
  std::int64_t after_id = 0;      //!< cursor
  std::int64_t limit = 50;
};

struct FoundingQuery {
  std::string subtree_low;
  std::string subtree_high;
  std::string street;    //!< region code, "" for any
  std::string industry;  //!< "" for any
  std::int64_t min_employees = 25;
  //! The cursor: the last row's (employees, id); rows after it in (employees desc, id) order.
  std::optional<std::pair<std::int64_t, std::int64_t>> after;
  std::int64_t limit = 50;
};

Result<void> InsertEnterprise(Connection& conn, const EnterpriseRow& e);
Result<void> UpdateEnterprise(Connection& conn, const EnterpriseRow& e);
Result<std::optional<EnterpriseRow>> FindEnterpriseById(Connection& conn, std::int64_t id);
Result<std::optional<EnterpriseRow>> FindEnterpriseByUscc(Connection& conn,
                                                          const std::string& uscc);
//! Enterprises in the query's subtree, by ascending id.
Result<std::vector<EnterpriseRow>> ListEnterprises(Connection& conn, const EnterpriseQuery& q);
//! Enterprises without a union and with at least min_employees, largest first.
Result<std::vector<EnterpriseRow>> FoundingList(Connection& conn, const FoundingQuery& q);
//! Enterprises whose responsible org is `org_id`.
Result<std::vector<EnterpriseRow>> EnterprisesOfOrg(Connection& conn, std::int64_t org_id);
//! Enterprises in a region, for re-homing when a street federation comes or goes.
Result<std::vector<EnterpriseRow>> EnterprisesInRegion(Connection& conn,
                                                       const std::string& region_code);
//! Every enterprise, by id (for recounts).
Result<std::vector<EnterpriseRow>> AllEnterprises(Connection& conn);
Result<std::int64_t> CountEnterprises(Connection& conn);

}  // namespace zj::store
