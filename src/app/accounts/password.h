// Password hashing with argon2id (libsodium's crypto_pwhash_str): salted, memory-hard, with the
// parameters stored inside the hash so they can be raised later without breaking old hashes.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::app {

struct PasswordCost {
  unsigned long long ops;
  std::size_t mem_bytes;
  //! libsodium's interactive level (~64 MiB, tens of milliseconds): the production default.
  static PasswordCost Interactive();
  //! The minimum libsodium allows: for tests only, where hashing speed matters more.
  static PasswordCost Minimum();
};

//! The encoded argon2id hash of `password`.
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);

//! True when `password` matches `hash` (constant time in the password).
bool VerifyPassword(std::string_view password, const std::string& hash);

}  // namespace zj::app
