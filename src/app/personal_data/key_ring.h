// The keys that protect personal data: per key version one encryption key (XChaCha20-Poly1305)
// and one blind-index key (keyed BLAKE2b), and which version is current. They live in a key
// file next to (never inside) the database; `zhijia keys rotate` adds a version and, once every
// row is re-encrypted, drops the old ones. The same file holds the federation's signing keys
// (Ed25519) for member-card tokens, which rotation keeps. KeyStore is the file behind an
// interface, so tests keep keys in memory.
#pragma once

#include <sys/stat.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::app {

//! The keys of one version. Versions run 1..255 (0 is never used), stored as one byte in every
//! ciphertext.
struct DataKey {
  std::uint8_t version = 0;
  std::array<std::uint8_t, 32> encryption{};
  std::array<std::uint8_t, 32> index{};
};

//! A key that signs member-card tokens (Ed25519, libsodium crypto_sign). Only the seed is
//! stored; the key pair and the id follow from it. The id (4 bytes of BLAKE2b of the public
//! key) travels in every token, so a verifier finds the key, and a token signed by another
//! federation's key names an id this ring does not hold.
struct SigningKey {
  std::array<std::uint8_t, 4> id{};
  std::array<std::uint8_t, 32> seed{};
  std::array<std::uint8_t, 32> public_key{};
  std::array<std::uint8_t, 64> secret_key{};  //!< libsodium's form: seed then public key

  //! The key pair and id of `seed`.
  static SigningKey FromSeed(const std::array<std::uint8_t, 32>& seed);
  //! A fresh key from libsodium's CSPRNG.
  static SigningKey Generate();
};

class KeyRing {
 public:
  //! A ring with one freshly generated version 1 and one signing key (libsodium's CSPRNG).
  static KeyRing Generate();

  bool empty() const { return keys_.empty(); }
  std::uint8_t current_version() const { return current_; }
  //! The current key; only on a non-empty ring.
  const DataKey& Current() const { return *Find(current_); }
  //! The key of `version`, or nullptr when the ring no longer (or never) held it.
  const DataKey* Find(std::uint8_t version) const;
  const std::vector<DataKey>& keys() const { return keys_; }

  //! Adds `key`; it becomes current when `make_current`.
  void Add(const DataKey& key, bool make_current);
  //! This ring plus a freshly generated version after the highest one, made current;
  //! kResourceExhausted after version 255.
  Result<KeyRing> WithNewVersion() const;
  //! This ring with only the current version left (the signing keys stay).
  KeyRing CurrentOnly() const;

  //! The key new card tokens are signed with, or nullptr when the ring holds none.
  const SigningKey* CurrentSigningKey() const;
  //! The signing key with this id, or nullptr.
  const SigningKey* FindSigningKey(const std::array<std::uint8_t, 4>& id) const;
  const std::vector<SigningKey>& signing_keys() const { return signing_keys_; }
  //! Adds `key` (replacing one with the same id); it becomes current when `make_current` or
  //! when it is the first.
  void AddSigningKey(const SigningKey& key, bool make_current);

 private:
  std::vector<DataKey> keys_;
  std::uint8_t current_ = 0;
  std::vector<SigningKey> signing_keys_;
  std::size_t current_signing_ = 0;  //!< index into signing_keys_ (when not empty)
};

//! The key file's text: "zhijia-keys 1", "current N", then "key N <hex enc> <hex index>" lines,
//! then "signing-key <hex seed>" lines and "signing-current <hex id>".
std::string SerializeKeyRing(const KeyRing& ring);
//! kFailedPrecondition "error.keys.malformed" on anything unexpected.
Result<KeyRing> ParseKeyRing(std::string_view text);

//! Where the key ring is kept.
class KeyStore {
 public:
  virtual ~KeyStore() = default;
  virtual Result<KeyRing> Load() = 0;
  //! Replaces the stored ring as one atomic step.
  virtual Result<void> Save(const KeyRing& ring) = 0;
};

//! A key file with mode 0600, written atomically (temporary file, fsync, rename).
class KeyFile final : public KeyStore {
 public:
  explicit KeyFile(std::string path) : path_(std::move(path)) {}
  //! Reads the file; kFailedPrecondition "error.keys.permissions" when group or others may
  //! read it, "error.keys.missing" when it does not exist, "error.keys.malformed" when broken.
  Result<KeyRing> Load() override;
  Result<void> Save(const KeyRing& ring) override;
  //! Loads the file, or creates it with a fresh ring (and its folder) when there is none. A
  //! file written before card signing keys existed gets one added (and is saved).
  Result<KeyRing> LoadOrCreate();
  //! The ring when the file was replaced since this object last read or wrote it (Save
  //! renames a new file into place, so its inode and time change), else nothing.
  Result<std::optional<KeyRing>> LoadIfChanged();
  const std::string& path() const { return path_; }

 private:
  //! Identity of the file as last read or written: inode, size, modification time.
  struct Stamp {
    std::uint64_t inode = 0;
    std::int64_t size = -1;
    std::int64_t mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  static Stamp StampOf(const struct ::stat& st);
  std::optional<Stamp> StampNow() const;

  std::string path_;
  std::optional<Stamp> seen_;
};

//! An in-memory KeyStore for tests.
class MemoryKeyStore final : public KeyStore {
 public:
  explicit MemoryKeyStore(KeyRing ring) : ring_(std::move(ring)) {}
  Result<KeyRing> Load() override { return ring_; }
  Result<void> Save(const KeyRing& ring) override {
    ring_ = ring;
    ++saves_;
    return {};
  }
  const KeyRing& ring() const { return ring_; }
  int saves() const { return saves_; }

 private:
  KeyRing ring_;
  int saves_ = 0;
};

//! The default key file path, `./data/zhijia.key`.
inline constexpr std::string_view kDefaultKeyFile = "./data/zhijia.key";

}  // namespace zj::app
