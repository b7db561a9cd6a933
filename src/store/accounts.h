// Rows of `users` and `sessions` and their queries. The accounts capability extends this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

Result<void> InsertUser(Connection& conn, const UserRow& user);
Result<void> UpdateUserPassword(Connection& conn, std::int64_t user_id, const std::string& hash);
Result<std::optional<UserRow>> FindUserByUsername(Connection& conn, const std::string& username);
Result<std::optional<UserRow>> FindUserById(Connection& conn, std::int64_t id);

Result<void> InsertSession(Connection& conn, const SessionRow& session);
Result<std::optional<SessionRow>> FindSession(Connection& conn, const std::string& token_hash);
Result<void> TouchSession(Connection& conn, const std::string& token_hash, std::int64_t now_ms);
Result<void> DeleteSession(Connection& conn, const std::string& token_hash);

}  // namespace zj::store
