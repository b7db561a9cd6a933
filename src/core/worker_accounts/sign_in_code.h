// The rules of the one-time codes that sign a worker in by mobile phone (the way Chinese public
// services sign people in): 6 digits, valid 5 minutes, at most 5 tries, and sends to one phone
// throttled to 1 a minute and 10 a day. Pure: the caller passes the time and the send history;
// the codes themselves are drawn, hashed and stored by app/worker_accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace zj::worker_accounts {

struct SignInCodePolicy {
  std::int64_t valid_ms = 5LL * 60 * 1000;   //!< a code signs in for this long
  int max_tries = 5;                         //!< wrong entries before the code is dead
  std::int64_t resend_ms = 60LL * 1000;      //!< one send per phone this often at most
  int per_day = 10;                          //!< sends per phone in any 24 hours
  std::int64_t day_ms = 24LL * 3600 * 1000;  //!< the window of per_day
  int per_address = 30;                      //!< sends from one address in `address_window_ms`
  std::int64_t address_window_ms = 3600LL * 1000;
};

//! How many digits a code has.
inline constexpr std::size_t kSignInCodeDigits = 6;

//! The code as typed (spaces around it trimmed, full-width digits made ASCII), or nothing when
//! it is not exactly six digits.
std::optional<std::string> NormaliseSignInCode(std::string_view input);

//! Six digits, zero-padded, of `value` (which must be below 10^6).
std::string FormatSignInCode(std::uint32_t value);

//! Milliseconds until another code may be sent to a phone whose earlier sends happened at
//! `sent_at` (any order; times older than a day are ignored); 0 when one may be sent now.
std::int64_t CodeSendWaitMs(std::span<const std::int64_t> sent_at, std::int64_t now_ms,
                            const SignInCodePolicy& policy);

//! Whether a stored code may still be compared with what the worker typed, and if not, why
//! (decided in this order).
enum class CodeState { kUsable, kUsed, kExpired, kTriesExhausted };
CodeState StateOfCode(std::int64_t expires_at, int tries, bool used, std::int64_t now_ms,
                      const SignInCodePolicy& policy);

}  // namespace zj::worker_accounts
