// Sign-in codes: what counts as a typed code, the per-phone send throttle (1 a minute, 10 in
// any 24 hours) and when a stored code may still be compared.
#include <gtest/gtest.h>

#include <vector>

#include "core/worker_accounts/sign_in_code.h"

namespace zj::worker_accounts {
namespace {

constexpr std::int64_t kMinute = 60LL * 1000;
constexpr std::int64_t kStart = 1795593600000;

TEST(SignInCode, AcceptsSixDigitsAsTypedOnAChineseKeyboard) {
  EXPECT_EQ(NormaliseSignInCode("042917"), "042917");
  EXPECT_EQ(NormaliseSignInCode(" ０４２９１７\u3000"), "042917");
  EXPECT_FALSE(NormaliseSignInCode("42917"));
  EXPECT_FALSE(NormaliseSignInCode("0429170"));
  EXPECT_FALSE(NormaliseSignInCode("04291a"));
  EXPECT_FALSE(NormaliseSignInCode("04 917"));
  EXPECT_FALSE(NormaliseSignInCode(std::string(100, '1')));
}

TEST(SignInCode, FormatsWithLeadingZeros) {
  EXPECT_EQ(FormatSignInCode(0), "000000");
  EXPECT_EQ(FormatSignInCode(42), "000042");
  EXPECT_EQ(FormatSignInCode(999999), "999999");
}

TEST(SignInCode, AFirstSendIsImmediateAndASecondWaitsAMinute) {
  const SignInCodePolicy policy;
  EXPECT_EQ(CodeSendWaitMs({}, kStart, policy), 0);
  const std::vector<std::int64_t> sent{kStart};
  EXPECT_EQ(CodeSendWaitMs(sent, kStart + 20'000, policy), 40'000);
  EXPECT_EQ(CodeSendWaitMs(sent, kStart + kMinute, policy), 0);
}

TEST(SignInCode, TheEleventhSendOfADayWaitsForTheFirstToLeaveTheDay) {
  const SignInCodePolicy policy;
  std::vector<std::int64_t> sent;
  for (int i = 0; i < 10; ++i) sent.push_back(kStart + i * 10 * kMinute);
  const std::int64_t now = kStart + 100 * kMinute;
  EXPECT_EQ(CodeSendWaitMs(sent, now, policy), kStart + policy.day_ms - now);
  // Order does not matter, and sends older than a day do not count.
  std::vector<std::int64_t> shuffled(sent.rbegin(), sent.rend());
  EXPECT_EQ(CodeSendWaitMs(shuffled, now, policy), kStart + policy.day_ms - now);
  EXPECT_EQ(CodeSendWaitMs(sent, kStart + policy.day_ms, policy), 0);
}

TEST(SignInCode, ACodeIsComparedOnlyWhileUnusedUnexpiredAndUnderFiveTries) {
  const SignInCodePolicy policy;
  const std::int64_t expires = kStart + policy.valid_ms;
  EXPECT_EQ(StateOfCode(expires, 0, false, kStart, policy), CodeState::kUsable);
  EXPECT_EQ(StateOfCode(expires, 4, false, expires - 1, policy), CodeState::kUsable);
  EXPECT_EQ(StateOfCode(expires, 5, false, kStart, policy), CodeState::kTriesExhausted);
  EXPECT_EQ(StateOfCode(expires, 0, false, expires, policy), CodeState::kExpired);
  EXPECT_EQ(StateOfCode(expires, 0, true, kStart, policy), CodeState::kUsed);
}

}  // namespace
}  // namespace zj::worker_accounts
