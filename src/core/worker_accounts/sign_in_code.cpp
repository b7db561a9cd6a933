#include "core/worker_accounts/sign_in_code.h"

#include <algorithm>
#include <vector>

#include "core/text/halfwidth.h"

namespace zj::worker_accounts {

std::optional<std::string> NormaliseSignInCode(std::string_view input) {
  if (input.size() > 64) return std::nullopt;  // nothing longer is a mistyped code
  std::string code = text::ToHalfWidth(text::TrimSpaces(input));
  if (code.size() != kSignInCodeDigits ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return code;
}

std::string FormatSignInCode(std::uint32_t value) {
  std::string out(kSignInCodeDigits, '0');
  for (std::size_t i = kSignInCodeDigits; i > 0; --i) {
    out[i - 1] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out;
}

std::int64_t CodeSendWaitMs(std::span<const std::int64_t> sent_at, std::int64_t now_ms,
                            const SignInCodePolicy& policy) {
  std::vector<std::int64_t> recent;
  for (const std::int64_t t : sent_at) {
    if (t > now_ms - policy.day_ms) recent.push_back(t);
  }
  if (recent.empty()) return 0;
  std::sort(recent.begin(), recent.end());
  std::int64_t wait = recent.back() + policy.resend_ms - now_ms;
  if (static_cast<int>(recent.size()) >= policy.per_day) {
    // Allowed again when enough sends have left the day to drop below the limit.
    const std::size_t must_leave = recent.size() - static_cast<std::size_t>(policy.per_day) + 1;
    wait = std::max(wait, recent[must_leave - 1] + policy.day_ms - now_ms);
  }
  return std::max<std::int64_t>(wait, 0);
}

CodeState StateOfCode(std::int64_t expires_at, int tries, bool used, std::int64_t now_ms,
                      const SignInCodePolicy& policy) {
  if (used) return CodeState::kUsed;
  if (now_ms >= expires_at) return CodeState::kExpired;
  if (tries >= policy.max_tries) return CodeState::kTriesExhausted;
  return CodeState::kUsable;
}

}  // namespace zj::worker_accounts
