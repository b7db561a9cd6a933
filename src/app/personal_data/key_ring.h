// The keys that protect personal data: per key version one encryption key (XChaCha20-Poly1305)
// and one blind-index key (keyed BLAKE2b), and which version is current. They live in a key
// file next to (never inside) the database; `zhijia keys rotate` adds a version and, once every
// row is re-encrypted, drops the old ones. KeyStore is the file behind an interface, so tests
// keep keys in memory.
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

class KeyRing {
 public:
  //! A ring with one freshly generated version 1 (libsodium's CSPRNG).
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
  //! This ring with only the current version left.
  KeyRing CurrentOnly() const;

 private:
  std::vector<DataKey> keys_;
  std::uint8_t current_ = 0;
};

//! The key file's text: "zhijia-keys 1", "current N", then "key N <hex enc> <hex index>" lines.
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
  //! Loads the file, or creates it with a fresh ring (and its folder) when there is none.
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
