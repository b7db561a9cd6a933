// Rows of `member_corrections` (migration 0025): a worker's proposed change of one field of
// their own member record, pending until a cadre of the member's subtree applies or rejects it.
// At most one pending row per (member, field): a second is kAlreadyExists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct MemberCorrectionRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t worker_id = 0;
  std::int64_t member_id = 0;
  std::string org_path;  //!< the member's union's path (moves with the tree)
  std::string field;     //!< name, gender, ethnicity, employer, phone
  Blob new_cipher;       //!< vault field "member_corrections.value"
  std::optional<Blob> old_cipher;
  std::int64_t key_version = 0;
  std::string note;
  std::string state = "pending";  //!< pending, applied, rejected
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> decision_reason;
  // Read only (ignored by writes):
  std::string member_name;
  std::string card_number;
  std::string union_name;
  std::optional<std::string> decided_by_name;
};

struct MemberCorrectionQuery {
  std::string subtree_low;
  std::string subtree_high;
  std::string state;           //!< "" for any
  std::int64_t before_id = 0;  //!< ids below this (the cursor; newest first); 0 for the first page
  std::int64_t limit = 50;
};

//! kAlreadyExists when the member has a pending correction of that field already.
Result<void> InsertMemberCorrection(Connection& conn, const MemberCorrectionRow& row);
Result<std::optional<MemberCorrectionRow>> FindMemberCorrection(Connection& conn, std::int64_t id);
//! Corrections whose member lies in the subtree, newest first.
Result<std::vector<MemberCorrectionRow>> ListMemberCorrections(Connection& conn,
                                                               const MemberCorrectionQuery& q);
//! The member's pending corrections (whoever proposed them).
Result<std::vector<MemberCorrectionRow>> PendingCorrectionsOfMember(Connection& conn,
                                                                    std::int64_t member_id);
//! Every correction the worker proposed, newest first (My data).
Result<std::vector<MemberCorrectionRow>> CorrectionsOfWorker(Connection& conn,
                                                             std::int64_t worker_id);
//! The workbench's "corrections to decide": pending ones in [subtree_low, subtree_high), read
//! from the partial index of pending rows only.
Result<std::int64_t> CountPendingCorrections(Connection& conn, const std::string& subtree_low,
                                             const std::string& subtree_high);
//! Writes state, decided_by, decided_at, decision_reason; false when no longer pending.
Result<bool> DecideMemberCorrection(Connection& conn, const MemberCorrectionRow& row);
//! Points the member's pending corrections at the member's new union (a transfer).
Result<void> MoveMemberCorrections(Connection& conn, std::int64_t member_id,
                                   const std::string& org_path, std::int64_t federation_id);

}  // namespace zj::store
