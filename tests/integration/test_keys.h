// Fixed personal-data and card signing keys for tests (STYLE.md: keys are injected, so runs
// repeat).
#pragma once

#include "app/personal_data/key_ring.h"

namespace zj::test {

//! A key of `version` whose bytes are derived from `seed`.
inline app::DataKey TestDataKey(std::uint8_t version, std::uint8_t seed) {
  app::DataKey key;
  key.version = version;
  for (std::size_t i = 0; i < key.encryption.size(); ++i) {
    key.encryption[i] = static_cast<std::uint8_t>(seed + i);
    key.index[i] = static_cast<std::uint8_t>(seed * 7 + i * 3 + 1);
  }
  return key;
}

//! A card signing key whose seed is `fill` repeated.
inline app::SigningKey TestSigningKey(std::uint8_t fill) {
  std::array<std::uint8_t, 32> seed{};
  seed.fill(fill);
  return app::SigningKey::FromSeed(seed);
}

//! A ring holding version 1 only, and one signing key.
inline app::KeyRing TestKeyRing() {
  app::KeyRing ring;
  ring.Add(TestDataKey(1, 11), true);
  ring.AddSigningKey(TestSigningKey(41), true);
  return ring;
}

}  // namespace zj::test
