// The directory of lawyers and legal-aid centres (律师 / 法律援助中心) a union works with, and a
// federation's thresholds of a collective dispute. A lawyer is kept by a union of the actor's
// subtree (cadres, staff and administrators add and change it; outside the subtree it is
// kNotFound); the list shows the subtree's lawyers and those of the unions above the actor (a
// district's aid centre serves its streets). The phone is sealed and shown masked. Setting
// the thresholds is for administrators. Every write is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/legal/legal_case.h"
#include "core/result.h"
#include "store/database.h"
#include "store/legal_lawyers.h"

namespace zj::app {

//! A lawyer to add, or what to change (absent fields stay; an empty phone removes it).
struct LawyerInput {
  std::optional<std::int64_t> org_id;  //!< on adding; default the actor's org
  std::optional<std::string> kind;     //!< lawyer, aid_centre
  std::optional<std::string> name;     //!< 1..100 characters
  std::optional<std::string> firm;     //!< up to 200 characters
  std::optional<std::string> phone;    //!< digits, spaces and '-', 5..20 characters
  std::optional<bool> active;
};

struct LawyerView {
  store::LawyerRow row;
  std::optional<std::string> phone_masked;
};

struct LawyerPage {
  std::vector<LawyerView> items;
  std::optional<std::int64_t> next_cursor;
};

class LawyerService {
 public:
  LawyerService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                const Vault& vault)
      : db_(db), clock_(clock), random_(random), audit_(audit), vault_(vault) {}

  Result<LawyerPage> List(const Actor& actor, std::int64_t after_id, int limit);
  Result<LawyerView> Create(const Actor& actor, const LawyerInput& in);
  Result<LawyerView> Update(const Actor& actor, std::int64_t id, const LawyerInput& in);

  //! The thresholds of the actor's federation (an administrator: of `federation_id`).
  Result<legal::CollectiveRule> Rules(const Actor& actor,
                                      std::optional<std::int64_t> federation_id = std::nullopt);
  //! Administrators only (kPermissionDenied "error.legal.rules_forbidden").
  Result<legal::CollectiveRule> SetRules(const Actor& actor, std::int64_t federation_id,
                                         const legal::CollectiveRule& rule);

 private:
  LawyerView ViewOf(store::LawyerRow row) const;
  //! Checks and applies `in` to `row` (sealing the phone); field errors into `invalid`.
  Result<void> Apply(const LawyerInput& in, store::LawyerRow& row, Error& invalid) const;

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
};

}  // namespace zj::app
