// Rows of `users` and `sessions` and their queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct UserRow {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::string role;
  std::optional<std::int64_t> org_id;
  std::string status = "active";
  std::int64_t created_at = 0;
};

struct SessionRow {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::string remote_addr;
};

//! A user with the code, name and materialised path of its org (all empty without one).
struct UserWithOrg {
  UserRow user;
  std::optional<std::string> org_code;
  std::optional<std::string> org_name;
  std::optional<std::string> org_path;
  std::optional<Blob> phone_cipher;  //!< sealed by app::Vault; shown masked
};

//! Filters of a user list; `everywhere` lifts the subtree filter [subtree_low, subtree_high).
struct UserQuery {
  bool everywhere = false;
  std::string subtree_low;
  std::string subtree_high;
  std::string prefix;         //!< username or display name starts with this; "" for any
  std::string role;           //!< "" for any
  std::string status;         //!< "" for any
  std::int64_t after_id = 0;  //!< ids greater than this (the cursor)
  std::int64_t limit = 50;
};

Result<void> InsertUser(Connection& conn, const UserRow& user);
//! Writes display_name, role, org_id and status of `user.id`.
Result<void> UpdateUser(Connection& conn, const UserRow& user);
Result<std::optional<UserWithOrg>> FindUserWithOrg(Connection& conn, std::int64_t id);
//! Users matching `query`, by ascending id, at most `query.limit`.
Result<std::vector<UserWithOrg>> ListUsers(Connection& conn, const UserQuery& query);
Result<void> UpdateUserPassword(Connection& conn, std::int64_t user_id, const std::string& hash);
Result<std::optional<UserRow>> FindUserByUsername(Connection& conn, const std::string& username);
Result<std::optional<UserRow>> FindUserById(Connection& conn, std::int64_t id);

Result<void> InsertSession(Connection& conn, const SessionRow& session);
Result<std::optional<SessionRow>> FindSession(Connection& conn, const std::string& token_hash);
Result<void> TouchSession(Connection& conn, const std::string& token_hash, std::int64_t now_ms);
Result<void> DeleteSession(Connection& conn, const std::string& token_hash);
//! Ends every session of a user; returns how many there were.
Result<std::int64_t> DeleteSessionsOfUser(Connection& conn, std::int64_t user_id);
//! Ends every session of a user but the one with `keep_token_hash`.
Result<std::int64_t> DeleteOtherSessionsOfUser(Connection& conn, std::int64_t user_id,
                                               const std::string& keep_token_hash);

}  // namespace zj::store
