// Time and randomness as injected dependencies, so use cases and their tests repeat exactly.
#pragma once

#include <cstdint>
#include <string>

namespace zj::app {

class Clock {
 public:
  virtual ~Clock() = default;
  //! Unix time in milliseconds (UTC).
  virtual std::int64_t NowMs() const = 0;
};

//! The real clock.
class SystemClock final : public Clock {
 public:
  std::int64_t NowMs() const override;
};

//! A clock its owner sets and advances: tests, and the demo's year of history (which runs the
//! real use cases at past instants). Not thread-safe: set it while nothing reads it.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t now_ms) : now_ms_(now_ms) {}
  std::int64_t NowMs() const override { return now_ms_; }
  void Advance(std::int64_t ms) { now_ms_ += ms; }
  void Set(std::int64_t now_ms) { now_ms_ = now_ms; }

 private:
  std::int64_t now_ms_;
};

class Random {
 public:
  virtual ~Random() = default;
  virtual std::uint32_t Next32() = 0;
  //! `bytes` random bytes, base64url without padding (tokens, generated passwords).
  virtual std::string Token(std::size_t bytes) = 0;
};

//! libsodium's CSPRNG.
class SecureRandom final : public Random {
 public:
  SecureRandom();
  std::uint32_t Next32() override;
  std::string Token(std::size_t bytes) override;
};

//! A new record id from the clock and the random source (see core/ids.h), greater than every
//! id this process made before (even when the clock stands still or steps back).
std::int64_t NewId(const Clock& clock, Random& random);

}  // namespace zj::app
