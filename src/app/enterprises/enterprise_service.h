// Enterprises (用人单位) as use cases: listing and filtering those under an org of the actor's
// subtree, reading one, recording and changing them (the USCC check character, GB/T 2260
// street, GB/T 4754 section and ownership validated). Each change moves the enterprise's
// coverage figures in the same transaction. An enterprise belongs to the subtree of the org
// responsible for it (its union, else its street federation); outside the actor's subtree it
// is kNotFound. Writes need staff, cadre or administrator (kPermissionDenied otherwise).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/orgs/org_service.h"
#include "core/regions/region_table.h"
#include "core/result.h"
#include "store/database.h"
#include "store/enterprises.h"

namespace zj::app {

struct EnterpriseView {
  store::EnterpriseRow row;
  std::string region_name;
};

struct NewEnterprise {
  std::string name;
  std::string uscc;
  std::string region_code;
  std::string industry;
  std::string ownership;
  std::int64_t employees = 0;
  std::optional<std::string> employees_reported_on;
  std::optional<std::int64_t> union_org_id;
};

//! Only the members that are set change; `union_set` with no union_org_id removes the union.
struct EnterprisePatch {
  std::optional<std::string> name;
  std::optional<std::string> uscc;
  std::optional<std::string> region_code;
  std::optional<std::string> industry;
  std::optional<std::string> ownership;
  std::optional<std::int64_t> employees;
  std::optional<std::string> employees_reported_on;
  bool union_set = false;
  std::optional<std::int64_t> union_org_id;
};

struct EnterpriseFilter {
  std::optional<std::int64_t> org_id;  //!< that org's subtree (within the actor's); none: all
  std::string q;                       //!< name contains, or USCC starts with
  std::string industry;                //!< section letter, "" for any
  std::optional<bool> unionised;
  std::int64_t after_id = 0;
  int limit = 50;  //!< 1..200
};

struct EnterprisePage {
  std::vector<EnterpriseView> items;
  std::optional<std::int64_t> next_cursor;
};

class EnterpriseService {
 public:
  EnterpriseService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                    const RegionTable& regions)
      : db_(db), clock_(clock), random_(random), audit_(audit), regions_(regions) {}

  Result<EnterprisePage> List(const Actor& actor, const EnterpriseFilter& filter);
  Result<EnterpriseView> Get(const Actor& actor, std::int64_t id);
  //! The enterprise with this USCC in the actor's scope, or nullopt (none, or not visible).
  Result<std::optional<EnterpriseView>> FindByUscc(const Actor& actor, const std::string& uscc);
  //! Field errors for each bad field; a taken USCC is kAlreadyExists on uscc; a union or a
  //! region whose federation lies outside the scope is kNotFound on that field.
  //! `also` runs in the same transaction, last (store::InCommit).
  Result<EnterpriseView> Create(const Actor& actor, const NewEnterprise& enterprise,
                                const store::InCommit& also = {});
  Result<EnterpriseView> Update(const Actor& actor, std::int64_t id, const EnterprisePatch& patch,
                                const store::InCommit& also = {});

 private:
  Result<EnterpriseView> Save(store::Connection& conn, const Actor& actor,
                              const std::optional<store::EnterpriseRow>& before,
                              store::EnterpriseRow row);
  EnterpriseView ViewOf(const store::EnterpriseRow& row) const;

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const RegionTable& regions_;
};

}  // namespace zj::app
