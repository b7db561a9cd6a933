// Rows of aid grants (migration 0027): the grant, its no-double-aid rows and its payments. The
// aid_once primary key (id_blind, kind, period) refuses the same person the same kind of aid in
// the same period twice anywhere in the federation: InsertAidOnce answers kAlreadyExists, and
// FindAidOnce tells the caller which grant holds the slot so it can decide what it may say.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct AidGrantRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t file_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string kind;
  std::string period;
  std::int64_t amount_fen = 0;
  std::string rule_text;    //!< the rule's message key
  std::string rule_params;  //!< JSON object of its parameters
  std::string status = "proposed";
  std::string approver_level;
  std::int64_t budget_org_id = 0;
  std::optional<std::int64_t> proposed_by;
  std::int64_t proposed_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> refuse_reason;
  std::int64_t updated_at = 0;
  std::string org_name;  //!< read only (joined)
};

struct AidPaymentRow {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  std::string paid_on;
  std::int64_t amount_fen = 0;
  std::string method;
  std::optional<std::string> batch_id;
  std::optional<std::int64_t> paid_by;
  std::int64_t paid_at = 0;
};

struct AidGrantQuery {
  std::string low, high;       //!< org_path range
  std::string status;          //!< "" for any
  std::string kind;            //!< "" for any
  std::string approver_level;  //!< "" for any
  std::int64_t file_id = 0;    //!< 0 for any
  std::int64_t before_id = 0;  //!< cursor: 0 from the newest
  int limit = 50;
};

Result<void> InsertAidGrant(Connection& conn, const AidGrantRow& row);
Result<std::optional<AidGrantRow>> FindAidGrant(Connection& conn, std::int64_t id);
//! Newest first.
Result<std::vector<AidGrantRow>> ListAidGrants(Connection& conn, const AidGrantQuery& q);
//! The grants of one file, newest first, at most `limit` (index aid_grants_file).
Result<std::vector<AidGrantRow>> AidGrantsOfFile(Connection& conn, std::int64_t file_id, int limit);
//! Moves a grant from `from` to `to` with its decider; false when it was no longer `from`.
Result<bool> DecideAidGrant(Connection& conn, std::int64_t id, const std::string& from,
                            const std::string& to, std::optional<std::int64_t> by, std::int64_t at,
                            const std::optional<std::string>& reason);
//! Moves an approved grant to paid; false when it was not approved.
Result<bool> MarkAidGrantPaid(Connection& conn, std::int64_t id, std::int64_t at);

//! kAlreadyExists when (id_blind, kind, period) is taken.
Result<void> InsertAidOnce(Connection& conn, const std::string& id_blind, const std::string& kind,
                           const std::string& period, std::int64_t grant_id);
//! The grant holding any of `id_blinds` for kind and period, with its org_path.
struct AidOnceHolder {
  std::int64_t grant_id = 0;
  std::string org_path;
};
Result<std::optional<AidOnceHolder>> FindAidOnce(Connection& conn,
                                                 const std::vector<std::string>& id_blinds,
                                                 const std::string& kind,
                                                 const std::string& period);
//! Frees the grant's slots (a refused grant).
Result<void> DeleteAidOnceOf(Connection& conn, std::int64_t grant_id);

//! Proposed grants in [low, high) waiting for `approver_level` ("" for any level): a range of
//! the index aid_grants_queue (status, approver_level, org_path, id), flat in cost.
Result<std::int64_t> CountAidToDecide(Connection& conn, const std::string& low,
                                      const std::string& high, const std::string& approver_level);

Result<void> InsertAidPayment(Connection& conn, const AidPaymentRow& row);
Result<std::vector<AidPaymentRow>> PaymentsOf(Connection& conn, std::int64_t grant_id);

}  // namespace zj::store
