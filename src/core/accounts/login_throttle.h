// Login throttling against password guessing: failed attempts are counted per user name and per
// remote address in a sliding window; once either count reaches its limit, attempts for that
// name (or from that address) are refused until the oldest counted failure leaves the window.
// A success clears the name's failures (not the address's, so one known account cannot be used
// to reset an address that guesses at others). Pure and not thread-safe: time is passed in and
// the caller serialises access (app/ holds it under a mutex).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zj::accounts {

struct ThrottlePolicy {
  int per_username = 5;                       //!< failures per name within the window
  int per_address = 20;                       //!< failures per remote address within the window
  std::int64_t window_ms = 15LL * 60 * 1000;  //!< the sliding window
  std::size_t sweep_every = 1024;             //!< forget stale keys after this many failures
};

//! Which count refused an attempt.
enum class ThrottledBy { kNone, kName, kAddress };

struct ThrottleVerdict {
  std::int64_t retry_after_ms = 0;      //!< 0: allowed now
  ThrottledBy by = ThrottledBy::kNone;  //!< the address when both counts are at their limits
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  //! Milliseconds until an attempt for `username` from `address` is allowed; 0 when it is now.
  std::int64_t RetryAfterMs(std::string_view username, std::string_view address,
                            std::int64_t now_ms) {
    return Check(username, address, now_ms).retry_after_ms;
  }
  //! RetryAfterMs, and which count refuses the attempt.
  ThrottleVerdict Check(std::string_view username, std::string_view address, std::int64_t now_ms);
  const ThrottlePolicy& policy() const { return policy_; }
  void RecordFailure(std::string_view username, std::string_view address, std::int64_t now_ms);
  void RecordSuccess(std::string_view username);

  //! Keys currently remembered (names plus addresses), for tests of the memory bound.
  std::size_t tracked() const { return by_username_.size() + by_address_.size(); }

 private:
  using Failures = std::unordered_map<std::string, std::deque<std::int64_t>>;
  std::int64_t Wait(Failures& map, std::string_view key, int limit, std::int64_t now_ms);
  void Prune(std::deque<std::int64_t>& times, std::int64_t now_ms) const;
  void Sweep(Failures& map, std::int64_t now_ms);

  ThrottlePolicy policy_;
  Failures by_username_;
  Failures by_address_;
  std::size_t since_sweep_ = 0;
};

}  // namespace zj::accounts
