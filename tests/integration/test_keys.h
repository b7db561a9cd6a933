// Fixed personal-data keys for tests (STYLE.md: keys are injected, so runs repeat).
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

//! A ring holding version 1 only.
inline app::KeyRing TestKeyRing() {
  app::KeyRing ring;
  ring.Add(TestDataKey(1, 11), true);
  return ring;
}

}  // namespace zj::test
