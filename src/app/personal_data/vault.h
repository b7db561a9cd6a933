// Encryption of personal data at rest (DESIGN.md "Storage"): XChaCha20-Poly1305 with a random
// nonce, bound to its field through the additional data so a value copied into another column
// does not decrypt, and a keyed BLAKE2b blind index for exact lookup and de-duplication.
// Sealed values are `version(1) | nonce(24) | ciphertext+tag`; the version byte names the key,
// so rotation can tell old rows from new. A row's key_version column is read from its sealed
// values (OldestVersion), never from the ring apart from the seal: a ring replaced in between
// would write a version the ciphertext does not have, and rotation would pass the row by.
// It also signs and verifies with the ring's card signing keys (Ed25519), which live in the same
// key file. Thread-safe: the ring can be replaced while in use.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/personal_data/key_ring.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! How often a server looks for a newer key file (Vault::Follow); a rotation waits a few of
//! these before it drops the old key (RotationOptions::settle).
inline constexpr std::chrono::seconds kKeyFollowInterval{1};

//! A value sealed and blind-indexed under one key: both come from the same reading of the ring.
struct SealedValue {
  store::Blob cipher;
  std::string index;                       //!< the blind index under the sealing key
  std::vector<std::string> older_indexes;  //!< under the ring's other versions
  std::uint8_t version = 0;                //!< the sealing key's version (cipher's first byte)

  //! The blind index under every version in the ring, `index` first (for de-duplication).
  std::vector<std::string> Lookups() const {
    std::vector<std::string> all{index};
    all.insert(all.end(), older_indexes.begin(), older_indexes.end());
    return all;
  }
};

class Vault {
 public:
  explicit Vault(KeyRing keys = {}) : keys_(std::move(keys)) {}

  //! Encrypts `plaintext` for `field` (e.g. "users.phone") with the current key;
  //! kFailedPrecondition "error.keys.missing" when the ring is empty.
  Result<store::Blob> Seal(std::string_view field, std::string_view plaintext) const;
  //! Seals and indexes `plaintext` for `field` with the current key, read once;
  //! kFailedPrecondition "error.keys.missing" when the ring is empty.
  Result<SealedValue> SealIndexed(std::string_view field, std::string_view plaintext) const;
  //! Decrypts a sealed value of `field`; kFailedPrecondition "error.personal_data.unreadable"
  //! when its key version is gone, it was sealed for another field, or it was altered.
  Result<std::string> Open(std::string_view field, const store::Blob& sealed) const;
  //! The blind index (64 hex digits) of a normalised value under the current key (for lookups;
  //! a value to store takes its index from SealIndexed).
  Result<std::string> BlindIndex(std::string_view field, std::string_view normalised) const;
  //! The blind index under every key version in the ring (for lookups while a rotation has
  //! left rows on an older version), current version first.
  std::vector<std::string> BlindIndexes(std::string_view field, std::string_view normalised) const;

  //! The detached Ed25519 signature by the current signing key of its key id followed by
  //! `message` (so the id a token names is signed too), and that id; kFailedPrecondition
  //! "error.keys.missing" when the ring holds no signing key.
  struct Signature {
    std::array<std::uint8_t, 4> key_id{};
    std::array<std::uint8_t, 64> bytes{};
  };
  Result<Signature> Sign(std::span<const std::uint8_t> message) const;
  //! True when `signature` over `key_id` and `message` verifies with the ring's key `key_id`; false
  //! for a key this ring does not hold (another federation's) and for any altered byte.
  bool Verify(const std::array<std::uint8_t, 4>& key_id, std::span<const std::uint8_t> message,
              std::span<const std::uint8_t> signature) const;

  //! The key version a sealed value names, if it is long enough to name one.
  static std::optional<std::uint8_t> VersionOf(const store::Blob& sealed);
  //! The oldest key version the sealed values of one row name (absent and empty ones are
  //! skipped): the row's key_version, so rotation moves it while any of them is old. 0 for none.
  static int OldestVersion(std::initializer_list<const store::Blob*> sealed);

  std::uint8_t current_version() const;
  KeyRing keys() const;
  //! Swaps in another ring (after `zhijia keys rotate` changed the key file).
  void Replace(KeyRing keys);

  //! Where a newer ring may appear: returns one when the key file changed, else nothing.
  using KeySource = std::function<std::optional<KeyRing>()>;
  //! Asks `source` for a newer ring before keys are used, at most once per `every`. A running
  //! server follows its key file this way, so a `zhijia keys rotate` run beside it is seen
  //! within `every`: the server then seals with the new key and still reads rows not yet moved.
  //! Call before other threads use the vault.
  void Follow(KeySource source, std::chrono::milliseconds every);

 private:
  void Refresh() const;

  mutable std::shared_mutex mutex_;
  mutable KeyRing keys_;  //!< replaced by Replace, or by Refresh when the source has a newer one
  KeySource source_;
  std::chrono::milliseconds every_{0};
  mutable std::mutex follow_mutex_;
  mutable std::chrono::steady_clock::time_point next_check_{};
};

}  // namespace zj::app
