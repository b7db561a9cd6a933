// Record ids: 64-bit integers made without a central sequence (DESIGN.md "Scale"), so shards
// and servers can create them independently. Time-ordered, so inserts append to indexes.
#pragma once

#include <cstdint>

namespace zj {

//! Composes an id from Unix milliseconds and 22 random bits: 41 bits of time since the 2020
//! epoch (the sign bit stays clear for ~69 years, until 2089) and the random tail.
//! Positive for any time after 2020-01-01.
constexpr std::int64_t ComposeId(std::int64_t unix_ms, std::uint32_t random_bits) {
  constexpr std::int64_t kEpochMs = 1577836800000;  // 2020-01-01T00:00:00Z
  const std::int64_t since = unix_ms - kEpochMs;
  return (since << 22) | static_cast<std::int64_t>(random_bits & 0x3fffff);
}

//! The Unix milliseconds an id was made at.
constexpr std::int64_t IdTimeMs(std::int64_t id) { return (id >> 22) + 1577836800000; }

}  // namespace zj
