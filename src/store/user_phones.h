// The encrypted phone number of `users` (columns from migration 0004): written sealed with its
// blind index and key version, looked up by index, and re-sealed batch by batch on rotation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! A user with the org path that scopes them ("" without an org), the sealed phone and the
//! role (who may act on the phone depends on it).
struct UserPhoneRow {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string org_path;
  std::optional<Blob> phone_cipher;
  std::string role;
};

struct SealedPhone {
  std::int64_t user_id = 0;
  Blob cipher;
};

//! Sets (or with an empty cipher clears) a user's phone; false when there is no such user.
Result<bool> SetUserPhone(Connection& conn, std::int64_t user_id, const Blob& cipher,
                          const std::string& index, int key_version);
Result<std::optional<UserPhoneRow>> FindUserPhone(Connection& conn, std::int64_t user_id);
//! Users whose phone's blind index is one of `indexes` (at most a few: one per key version).
Result<std::vector<UserPhoneRow>> FindUsersByPhoneIndex(Connection& conn,
                                                        const std::vector<std::string>& indexes);
//! How many phones are sealed with a key version below `version`.
Result<std::int64_t> CountPhonesBelowVersion(Connection& conn, int version);
//! Up to `limit` phones sealed with a key version below `version`, by user id.
Result<std::vector<SealedPhone>> PhonesBelowVersion(Connection& conn, int version, int limit);

}  // namespace zj::store
