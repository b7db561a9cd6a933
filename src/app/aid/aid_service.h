// Aid grants (帮扶, issue 20 slice 3) as use cases. A cadre (or staff, administrator) of a hardship
// file's org or above proposes a grant of a kind for a period to an open file whose final level
// is deep, relative or sudden; the amount comes from the nearest rule on the file's path for the
// period's year, kind and level (a requested amount above it is refused naming the most the rule
// allows), and the level that must approve it from the nearest approval limits. The proposal
// writes one aid_once row per household member's ID (blind index) in its transaction: the same
// person cannot have the same kind of aid in the same period twice anywhere in the federation
// (409 "error.aid.already_granted" {period}, naming the other grant only inside the actor's
// subtree); a refusal frees the rows. Why the proposal and not the approval: the cadre learns at
// once, before the approvers spend time on a grant that cannot be paid, and two proposals for one
// household cannot both wait in a queue. An approver of the needed level or above, on the file's
// path, approves (the budget's committed counter moves in the same transaction; a grant that
// would pass the budget is refused, 409 naming what remains) or refuses with a reason; the paying
// office records the payment (the budget's paid counter with it). Grants outside the actor's
// subtree are kNotFound. Every step is audited (aid.propose, aid.approve, aid.refuse, aid.pay).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/aid_grants.h"
#include "store/database.h"

namespace zj::app {

struct NewAidGrant {
  std::int64_t file_id = 0;
  std::string kind;
  std::string period;                      //!< YYYY; YYYY-MM for emergency aid
  std::optional<std::int64_t> amount_fen;  //!< default: what the rule allows
  std::int64_t cost_fen = 0;               //!< for a share-of-cost rule
  int students = 0;                        //!< for a rule per student
};

struct AidPaymentInput {
  std::string paid_on;  //!< YYYY-MM-DD, not after today
  std::string method;   //!< bank_transfer, cash, other
  std::optional<std::string> batch_id;
};

struct AidGrantView {
  store::AidGrantRow row;
  std::vector<std::pair<std::string, std::string>> rule_args;  //!< of row.rule_text
};

struct AidGrantDetail {
  AidGrantView grant;
  std::vector<store::AidPaymentRow> payments;
};

struct AidFilter {
  std::string status;  //!< "" for any
  std::string kind;    //!< "" for any
  std::int64_t file_id = 0;
  bool to_decide = false;  //!< proposed grants waiting for the actor's level
  std::int64_t before_id = 0;
  int limit = 50;
};

struct AidPage {
  std::vector<AidGrantView> items;
  std::optional<std::int64_t> next_cursor;
};

class AidService {
 public:
  AidService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
             const Vault& vault)
      : db_(db), clock_(clock), random_(random), audit_(audit), vault_(vault) {}

  Result<AidGrantDetail> Propose(const Actor& actor, const NewAidGrant& grant);
  Result<AidGrantDetail> Get(const Actor& actor, std::int64_t id);
  Result<AidPage> List(const Actor& actor, const AidFilter& filter);
  //! kPermissionDenied "error.aid.level_too_low" {level} for an actor whose org is below the
  //! needed level; kConflict "error.aid.not_proposed" for a decided grant; kConflict
  //! "error.aid.over_budget" {remaining} when the budget cannot take it.
  Result<AidGrantDetail> Approve(const Actor& actor, std::int64_t id);
  Result<AidGrantDetail> Refuse(const Actor& actor, std::int64_t id, const std::string& reason);
  //! kConflict "error.aid.not_approved" unless approved.
  Result<AidGrantDetail> Pay(const Actor& actor, std::int64_t id, const AidPaymentInput& payment);

 private:
  Result<AidGrantDetail> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  //! The grant in scope and proposed, and the actor allowed to decide it.
  Result<store::AidGrantRow> Decidable(store::Connection& conn, const Actor& actor,
                                       std::int64_t id);
  Result<void> ReserveOnce(store::Connection& conn, const Actor& actor,
                           const store::AidGrantRow& grant);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
};

//! kNotFound "error.not_found" for a grant that does not exist or lies outside the scope.
Error AidGrantNotFound(std::int64_t id);

}  // namespace zj::app
