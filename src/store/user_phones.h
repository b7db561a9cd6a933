// The encrypted phone number of `users` (columns from migration 0004): written sealed with its
// blind index and key version, and looked up by index (rotation re-seals it: resealing.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! A user with their role, the org path that scopes them ("" without an org) and the sealed
//! phone.
struct UserPhoneRow {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string org_path;
  std::optional<Blob> phone_cipher;
};

//! Sets (or with an empty cipher clears) a user's phone; false when there is no such user.
Result<bool> SetUserPhone(Connection& conn, std::int64_t user_id, const Blob& cipher,
                          const std::string& index, int key_version);
Result<std::optional<UserPhoneRow>> FindUserPhone(Connection& conn, std::int64_t user_id);
//! Users whose phone's blind index is one of `indexes` (at most a few: one per key version).
Result<std::vector<UserPhoneRow>> FindUsersByPhoneIndex(Connection& conn,
                                                        const std::vector<std::string>& indexes);

}  // namespace zj::store
