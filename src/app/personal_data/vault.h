// Encryption of personal data at rest (DESIGN.md "Storage"): XChaCha20-Poly1305 with a random
// nonce, bound to its field through the additional data so a value copied into another column
// does not decrypt, and a keyed BLAKE2b blind index for exact lookup and de-duplication.
// Sealed values are `version(1) | nonce(24) | ciphertext+tag`; the version byte names the key,
// so rotation can tell old rows from new. Thread-safe: the ring can be replaced while in use.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/personal_data/key_ring.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

class Vault {
 public:
  explicit Vault(KeyRing keys = {}) : keys_(std::move(keys)) {}

  //! Encrypts `plaintext` for `field` (e.g. "users.phone") with the current key;
  //! kFailedPrecondition "error.keys.missing" when the ring is empty.
  Result<store::Blob> Seal(std::string_view field, std::string_view plaintext) const;
  //! Decrypts a sealed value of `field`; kFailedPrecondition "error.personal_data.unreadable"
  //! when its key version is gone, it was sealed for another field, or it was altered.
  Result<std::string> Open(std::string_view field, const store::Blob& sealed) const;
  //! The blind index (64 hex digits) of a normalised value under the current key.
  Result<std::string> BlindIndex(std::string_view field, std::string_view normalised) const;
  //! The blind index under every key version in the ring (for lookups while a rotation has
  //! left rows on an older version), current version first.
  std::vector<std::string> BlindIndexes(std::string_view field, std::string_view normalised) const;

  //! The key version a sealed value names, if it is long enough to name one.
  static std::optional<std::uint8_t> VersionOf(const store::Blob& sealed);

  std::uint8_t current_version() const;
  KeyRing keys() const;
  //! Swaps in another ring (after `zhijia keys rotate` changed the key file).
  void Replace(KeyRing keys);

 private:
  mutable std::shared_mutex mutex_;
  KeyRing keys_;
};

}  // namespace zj::app
