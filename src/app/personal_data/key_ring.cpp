#include "app/personal_data/key_ring.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace zj::app {

namespace {

Error Malformed(std::string detail) {
  return Error{ErrorCode::kFailedPrecondition, "error.keys.malformed", std::move(detail), {}, {}};
}

template <std::size_t N>
std::string Hex(const std::array<std::uint8_t, N>& bytes) {
  char hex[2 * N + 1];
  sodium_bin2hex(hex, sizeof hex, bytes.data(), bytes.size());
  return hex;
}

template <std::size_t N>
bool FromHex(const std::string& hex, std::array<std::uint8_t, N>& out) {
  std::size_t len = 0;
  return hex.size() == 2 * N &&
         sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) ==
             0 &&
         len == out.size();
}

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

DataKey NewKey(std::uint8_t version) {
  InitSodium();
  DataKey key;
  key.version = version;
  randombytes_buf(key.encryption.data(), key.encryption.size());
  randombytes_buf(key.index.data(), key.index.size());
  return key;
}

Error FileError(const std::string& what, const std::string& path) {
  return Error{ErrorCode::kInternal,
               "error.keys.io",
               what + " " + path + ": " + std::strerror(errno),
               {},
               {{"path", path}}};
}

std::string ModeText(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

}  // namespace

SigningKey SigningKey::FromSeed(const std::array<std::uint8_t, 32>& seed) {
  InitSodium();
  SigningKey key;
  key.seed = seed;
  crypto_sign_seed_keypair(key.public_key.data(), key.secret_key.data(), seed.data());
  std::array<std::uint8_t, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), key.public_key.data(), key.public_key.size(),
                     nullptr, 0);
  std::copy_n(digest.begin(), key.id.size(), key.id.begin());
  return key;
}

SigningKey SigningKey::Generate() {
  InitSodium();
  std::array<std::uint8_t, 32> seed{};
  randombytes_buf(seed.data(), seed.size());
  SigningKey key = FromSeed(seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

KeyRing KeyRing::Generate() {
  KeyRing ring;
  ring.Add(NewKey(1), true);
  ring.AddSigningKey(SigningKey::Generate(), true);
  return ring;
}

const SigningKey* KeyRing::CurrentSigningKey() const {
  return signing_keys_.empty() ? nullptr : &signing_keys_[current_signing_];
}

const SigningKey* KeyRing::FindSigningKey(const std::array<std::uint8_t, 4>& id) const {
  for (const SigningKey& k : signing_keys_) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

void KeyRing::AddSigningKey(const SigningKey& key, bool make_current) {
  for (std::size_t i = 0; i < signing_keys_.size(); ++i) {
    if (signing_keys_[i].id == key.id) {
      signing_keys_[i] = key;
      if (make_current) current_signing_ = i;
      return;
    }
  }
  signing_keys_.push_back(key);
  if (make_current || signing_keys_.size() == 1) current_signing_ = signing_keys_.size() - 1;
}

const DataKey* KeyRing::Find(std::uint8_t version) const {
  auto it = std::find_if(keys_.begin(), keys_.end(),
                         [&](const DataKey& k) { return k.version == version; });
  return it == keys_.end() ? nullptr : &*it;
}

void KeyRing::Add(const DataKey& key, bool make_current) {
  keys_.erase(std::remove_if(keys_.begin(), keys_.end(),
                             [&](const DataKey& k) { return k.version == key.version; }),
              keys_.end());
  keys_.push_back(key);
  std::sort(keys_.begin(), keys_.end(),
            [](const DataKey& a, const DataKey& b) { return a.version < b.version; });
  if (make_current || current_ == 0) current_ = key.version;
}

Result<KeyRing> KeyRing::WithNewVersion() const {
  const std::uint8_t highest = keys_.empty() ? 0 : keys_.back().version;
  if (highest == 255) {
    return Fail(ErrorCode::kResourceExhausted, "error.keys.exhausted", "key version 255 reached");
  }
  KeyRing next = *this;
  next.Add(NewKey(static_cast<std::uint8_t>(highest + 1)), true);
  return next;
}

KeyRing KeyRing::CurrentOnly() const {
  KeyRing only;
  if (!empty()) only.Add(Current(), true);
  only.signing_keys_ = signing_keys_;
  only.current_signing_ = current_signing_;
  return only;
}

std::string SerializeKeyRing(const KeyRing& ring) {
  std::string out = "zhijia-keys 1\ncurrent " + std::to_string(ring.current_version()) + "\n";
  for (const auto& k : ring.keys()) {
    out += "key " + std::to_string(k.version) + " " + Hex(k.encryption) + " " + Hex(k.index) + "\n";
  }
  for (const auto& k : ring.signing_keys()) out += "signing-key " + Hex(k.seed) + "\n";
  if (const SigningKey* current = ring.CurrentSigningKey()) {
    out += "signing-current " + Hex(current->id) + "\n";
  }
  return out;
}

Result<KeyRing> ParseKeyRing(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string magic, format;
  if (!(in >> magic >> format) || magic != "zhijia-keys" || format != "1") {
    return Fail(Malformed("not a zhijia key file (format 1)"));
  }
  std::string word;
  int current = 0;
  KeyRing ring;
  std::optional<std::array<std::uint8_t, 4>> signing_current;
  while (in >> word) {
    if (word == "current") {
      if (!(in >> current) || current < 1 || current > 255) return Fail(Malformed("bad current"));
    } else if (word == "key") {
      int version = 0;
      std::string enc, idx;
      DataKey key;
      if (!(in >> version >> enc >> idx) || version < 1 || version > 255 ||
          !FromHex(enc, key.encryption) || !FromHex(idx, key.index)) {
        return Fail(Malformed("bad key line"));
      }
      key.version = static_cast<std::uint8_t>(version);
      ring.Add(key, false);
    } else if (word == "signing-key") {
      std::string hex;
      std::array<std::uint8_t, 32> seed{};
      if (!(in >> hex) || !FromHex(hex, seed)) return Fail(Malformed("bad signing-key line"));
      ring.AddSigningKey(SigningKey::FromSeed(seed), false);
      sodium_memzero(seed.data(), seed.size());
      sodium_memzero(hex.data(), hex.size());
    } else if (word == "signing-current") {
      std::string hex;
      std::array<std::uint8_t, 4> id{};
      if (!(in >> hex) || !FromHex(hex, id)) return Fail(Malformed("bad signing-current"));
      signing_current = id;
    } else {
      return Fail(Malformed("unknown entry " + word));
    }
  }
  const DataKey* cur = ring.Find(static_cast<std::uint8_t>(current));
  if (cur == nullptr) return Fail(Malformed("the current key version is missing"));
  ring.Add(*cur, true);
  if (signing_current) {
    const SigningKey* key = ring.FindSigningKey(*signing_current);
    if (key == nullptr) return Fail(Malformed("the current signing key is missing"));
    ring.AddSigningKey(*key, true);
  }
  return ring;
}

Result<KeyRing> KeyFile::Load() {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "error.keys.missing",
                        "no key file " + path_,
                        {},
                        {{"path", path_}}});
    }
    return Fail(FileError("cannot read", path_));
  }
  if ((st.st_mode & 077) != 0) {
    return Fail(Error{ErrorCode::kFailedPrecondition,
                      "error.keys.permissions",
                      "mode " + ModeText(st.st_mode),
                      {},
                      {{"path", path_}}});
  }
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Fail(FileError("cannot open", path_));
  std::string text;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Fail(FileError("cannot read", path_));
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  auto ring = ParseKeyRing(text);
  sodium_memzero(text.data(), text.size());
  if (!ring) {
    Error e = std::move(ring).error();
    e.detail = path_ + ": " + e.detail;
    e.args.emplace_back("path", path_);
    return Fail(std::move(e));
  }
  seen_ = StampOf(st);
  return ring;
}

KeyFile::Stamp KeyFile::StampOf(const struct ::stat& st) {
  return Stamp{static_cast<std::uint64_t>(st.st_ino), static_cast<std::int64_t>(st.st_size),
               static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::optional<KeyFile::Stamp> KeyFile::StampNow() const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return std::nullopt;
  return StampOf(st);
}

Result<std::optional<KeyRing>> KeyFile::LoadIfChanged() {
  const auto now = StampNow();
  if (now && seen_ && *now == *seen_) return std::optional<KeyRing>();
  ZJ_ASSIGN_OR_RETURN(KeyRing ring, Load());
  return std::optional<KeyRing>(std::move(ring));
}

Result<void> KeyFile::Save(const KeyRing& ring) {
  std::string text = SerializeKeyRing(ring);
  const std::string tmp = path_ + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(FileError("cannot create", tmp));
  ::fchmod(fd, 0600);  // O_CREAT's mode does not apply to a leftover temporary file
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Fail(FileError("cannot write", tmp));
    }
    done += static_cast<std::size_t>(n);
  }
  sodium_memzero(text.data(), text.size());
  if (::fsync(fd) != 0) {
    ::close(fd);
    return Fail(FileError("cannot sync", tmp));
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path_.c_str()) != 0) return Fail(FileError("cannot replace", path_));
  seen_ = StampNow();
  return {};
}

Result<KeyRing> KeyFile::LoadOrCreate() {
  auto ring = Load();
  if (ring && ring->CurrentSigningKey() == nullptr) {
    // A key file from before member cards: it gains the federation's signing key.
    ring->AddSigningKey(SigningKey::Generate(), true);
    ZJ_RETURN_IF_ERROR(Save(*ring));
  }
  if (ring || ring.error().message_key != "error.keys.missing") return ring;
  std::error_code ec;
  const auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  KeyRing fresh = KeyRing::Generate();
  ZJ_RETURN_IF_ERROR(Save(fresh));
  return fresh;
}

}  // namespace zj::app
