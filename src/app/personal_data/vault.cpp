#include "app/personal_data/vault.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace zj::app {

namespace {

constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

Error Missing() {
  return Error{
      ErrorCode::kFailedPrecondition, "error.keys.missing", "no personal-data keys loaded", {}, {}};
}

Error Unreadable(std::string detail) {
  return Error{
      ErrorCode::kFailedPrecondition, "error.personal_data.unreadable", std::move(detail), {}, {}};
}

// The additional data: the field name and the key version, so neither can be swapped.
std::string AdditionalData(std::string_view field, std::uint8_t version) {
  std::string ad(field);
  ad += '\0';
  ad += static_cast<char>(version);
  return ad;
}

std::string Index(const DataKey& key, std::string_view field, std::string_view value) {
  // Domain-separated by field: the same number as a phone and as something else differs.
  std::string input(field);
  input += '\0';
  input.append(value);
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), key.index.data(), key.index.size());
  sodium_memzero(input.data(), input.size());
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

store::Blob SealWith(const DataKey& key, std::string_view field, std::string_view plaintext) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const std::string ad = AdditionalData(field, key.version);
  store::Blob out(1 + kNonce + plaintext.size() + kTag);
  out[0] = key.version;
  randombytes_buf(out.data() + 1, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + 1 + kNonce, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
      out.data() + 1, key.encryption.data());
  out.resize(1 + kNonce + written);
  return out;
}

}  // namespace

void Vault::Follow(KeySource source, std::chrono::milliseconds every) {
  source_ = std::move(source);
  every_ = every;
  next_check_ = {};
}

void Vault::Refresh() const {
  if (!source_) return;
  std::unique_lock follow(follow_mutex_, std::try_to_lock);
  if (!follow.owns_lock()) return;  // another thread is looking already
  const auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return;
  next_check_ = now + every_;
  if (auto ring = source_(); ring && !ring->empty()) {
    std::unique_lock lock(mutex_);
    keys_ = std::move(*ring);
  }
}

Result<store::Blob> Vault::Seal(std::string_view field, std::string_view plaintext) const {
  Refresh();
  std::shared_lock lock(mutex_);
  if (keys_.empty()) return Fail(Missing());
  return SealWith(keys_.Current(), field, plaintext);
}

Result<SealedValue> Vault::SealIndexed(std::string_view field, std::string_view plaintext) const {
  Refresh();
  std::shared_lock lock(mutex_);  // one ring for the seal, the index and the version
  if (keys_.empty()) return Fail(Missing());
  const DataKey& key = keys_.Current();
  SealedValue out{SealWith(key, field, plaintext), Index(key, field, plaintext), {}, key.version};
  for (const auto& k : keys_.keys()) {
    if (k.version != key.version) out.older_indexes.push_back(Index(k, field, plaintext));
  }
  return out;
}

Result<std::string> Vault::Open(std::string_view field, const store::Blob& sealed) const {
  if (sealed.size() < 1 + kNonce + kTag) return Fail(Unreadable("sealed value too short"));
  Refresh();
  std::shared_lock lock(mutex_);
  const DataKey* key = keys_.Find(sealed[0]);
  if (key == nullptr) {
    return Fail(Unreadable("no key of version " + std::to_string(sealed[0]) + " in the key file"));
  }
  const std::string ad = AdditionalData(field, key->version);
  std::string plain(sealed.size() - 1 - kNonce - kTag, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr,
          sealed.data() + 1 + kNonce, sealed.size() - 1 - kNonce,
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), sealed.data() + 1,
          key->encryption.data()) != 0) {
    return Fail(Unreadable("authentication failed for " + std::string(field)));
  }
  plain.resize(length);
  return plain;
}

Result<std::string> Vault::BlindIndex(std::string_view field, std::string_view normalised) const {
  Refresh();
  std::shared_lock lock(mutex_);
  if (keys_.empty()) return Fail(Missing());
  return Index(keys_.Current(), field, normalised);
}

std::vector<std::string> Vault::BlindIndexes(std::string_view field,
                                             std::string_view normalised) const {
  Refresh();
  std::shared_lock lock(mutex_);
  std::vector<std::string> out;
  if (keys_.empty()) return out;
  out.push_back(Index(keys_.Current(), field, normalised));
  for (const auto& k : keys_.keys()) {
    if (k.version != keys_.current_version()) out.push_back(Index(k, field, normalised));
  }
  return out;
}

Result<Vault::Signature> Vault::Sign(std::span<const std::uint8_t> message) const {
  Refresh();
  std::shared_lock lock(mutex_);
  const SigningKey* key = keys_.CurrentSigningKey();
  if (key == nullptr) return Fail(Missing());
  Signature out;
  out.key_id = key->id;
  std::vector<std::uint8_t> signed_bytes(key->id.begin(), key->id.end());
  signed_bytes.insert(signed_bytes.end(), message.begin(), message.end());
  crypto_sign_detached(out.bytes.data(), nullptr, signed_bytes.data(), signed_bytes.size(),
                       key->secret_key.data());
  return out;
}

bool Vault::Verify(const std::array<std::uint8_t, 4>& key_id, std::span<const std::uint8_t> message,
                   std::span<const std::uint8_t> signature) const {
  if (signature.size() != crypto_sign_BYTES) return false;
  Refresh();
  std::shared_lock lock(mutex_);
  const SigningKey* key = keys_.FindSigningKey(key_id);
  if (key == nullptr) return false;
  std::vector<std::uint8_t> signed_bytes(key_id.begin(), key_id.end());
  signed_bytes.insert(signed_bytes.end(), message.begin(), message.end());
  return crypto_sign_verify_detached(signature.data(), signed_bytes.data(), signed_bytes.size(),
                                     key->public_key.data()) == 0;
}

std::optional<std::uint8_t> Vault::VersionOf(const store::Blob& sealed) {
  if (sealed.empty()) return std::nullopt;
  return sealed[0];
}

int Vault::OldestVersion(std::initializer_list<const store::Blob*> sealed) {
  int oldest = 0;
  for (const store::Blob* s : sealed) {
    if (s == nullptr || s->empty()) continue;
    if (oldest == 0 || (*s)[0] < oldest) oldest = (*s)[0];
  }
  return oldest;
}

std::uint8_t Vault::current_version() const {
  std::shared_lock lock(mutex_);
  return keys_.current_version();
}

KeyRing Vault::keys() const {
  std::shared_lock lock(mutex_);
  return keys_;
}

void Vault::Replace(KeyRing keys) {
  std::unique_lock lock(mutex_);
  keys_ = std::move(keys);
}

}  // namespace zj::app
