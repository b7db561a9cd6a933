// Rows of the workers' own accounts (migration 0015): `worker_accounts` (keyed by the phone's
// blind index), their `worker_sessions`, and the one-time `sign_in_codes` sent by SMS.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct WorkerAccountRow {
  std::int64_t id = 0;
  Blob phone_cipher;  //!< vault field "worker_accounts.phone"
  std::string phone_index;
  std::string phone_last4;
  std::int64_t key_version = 0;
  std::optional<std::int64_t> member_id;      //!< the bound member record
  std::optional<std::int64_t> federation_id;  //!< the bound member's federation
  std::optional<std::int64_t> bound_at;
  std::string status = "active";  //!< active, disabled
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_sign_in_at;
};

//! kAlreadyExists when the phone (its index) or the member already has an account.
Result<void> InsertWorkerAccount(Connection& conn, const WorkerAccountRow& row);
Result<std::optional<WorkerAccountRow>> FindWorkerAccount(Connection& conn, std::int64_t id);
Result<std::optional<WorkerAccountRow>> FindWorkerAccountByPhoneIndex(Connection& conn,
                                                                      const std::string& index);
Result<std::optional<WorkerAccountRow>> FindWorkerAccountByMember(Connection& conn,
                                                                  std::int64_t member_id);
Result<void> SetWorkerSignedIn(Connection& conn, std::int64_t id, std::int64_t at);
//! Binds the account to a member; kAlreadyExists when another account holds the member.
Result<void> BindWorkerAccount(Connection& conn, std::int64_t id, std::int64_t member_id,
                               std::int64_t federation_id, std::int64_t at);
//! Unbinds whichever account holds `member_id` (none: nothing happens).
Result<void> UnbindMember(Connection& conn, std::int64_t member_id);

struct WorkerSessionRow {
  std::string token_hash;
  std::int64_t worker_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::string remote_addr;
};

//! A session with what the actor needs of its account (read in one statement per request).
struct WorkerSessionWithAccount {
  WorkerSessionRow session;
  std::string status;
  std::optional<std::int64_t> member_id;
};

//! Active members of the subtree [subtree_low, subtree_high) with a worker account bound to
//! them, counted afresh (an indexed join over the subtree's members). The coverage page reads
//! the figure kept in the rollups (coverage_rollups.members_online); this is its check.
Result<std::int64_t> CountMembersReachedOnline(Connection& conn, const std::string& subtree_low,
                                               const std::string& subtree_high);
//! Active members with a bound worker account per members.org_path (the rollups' check).
Result<std::vector<std::pair<std::string, std::int64_t>>> MembersReachedOnlinePerPath(
    Connection& conn);  //! The worker's sessions, newest first, without their token hashes and CSRF
                        //! tokens (My data).
Result<std::vector<WorkerSessionRow>> WorkerSessionsOf(Connection& conn, std::int64_t worker_id);
Result<void> InsertWorkerSession(Connection& conn, const WorkerSessionRow& session);
Result<std::optional<WorkerSessionWithAccount>> FindWorkerSession(Connection& conn,
                                                                  const std::string& token_hash);
Result<void> TouchWorkerSession(Connection& conn, const std::string& token_hash, std::int64_t at);
Result<void> DeleteWorkerSession(Connection& conn, const std::string& token_hash);
Result<std::int64_t> DeleteWorkerSessionsOf(Connection& conn, std::int64_t worker_id);

struct SignInCodeRow {
  std::int64_t id = 0;
  std::string phone_index;
  std::string code_hash;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  int tries = 0;
  std::optional<std::int64_t> used_at;
};

Result<void> InsertSignInCode(Connection& conn, const SignInCodeRow& row);
//! The codes of a phone created at or after `since`, newest first.
Result<std::vector<SignInCodeRow>> SignInCodesSince(Connection& conn,
                                                    const std::string& phone_index,
                                                    std::int64_t since);
//! Counts one wrong try of the code.
Result<void> AddSignInCodeTry(Connection& conn, std::int64_t id);
//! Marks the code used; false when it was used already (a concurrent sign-in won).
Result<bool> UseSignInCode(Connection& conn, std::int64_t id, std::int64_t at);
//! Forgets codes created before `before` (they no longer count for any throttle).
Result<std::int64_t> DeleteSignInCodesBefore(Connection& conn, std::int64_t before);

}  // namespace zj::store
