// Login throttling with an injected clock: five failures per name or twenty per address within
// fifteen minutes lock further attempts until the oldest counted failure leaves the window.
#include <gtest/gtest.h>

#include "core/accounts/login_throttle.h"
#include "core/accounts/roles.h"

namespace zj::accounts {
namespace {

constexpr std::int64_t kMinute = 60LL * 1000;
constexpr std::int64_t kStart = 1795593600000;

TEST(LoginThrottle, AllowsFourFailuresAndLocksAfterTheFifth) {
  LoginThrottle throttle;
  std::int64_t now = kStart;
  for (int i = 0; i < 4; ++i) {
    throttle.RecordFailure("admin", "192.0.2.1", now);
    EXPECT_EQ(throttle.RetryAfterMs("admin", "192.0.2.1", now), 0) << i;
    now += kMinute;
  }
  throttle.RecordFailure("admin", "192.0.2.1", now);
  // The first failure (at kStart) leaves the 15-minute window at kStart + 15 min.
  EXPECT_EQ(throttle.RetryAfterMs("admin", "192.0.2.1", now), kStart + 15 * kMinute - now);
  EXPECT_EQ(throttle.RetryAfterMs("admin", "198.51.100.9", now), kStart + 15 * kMinute - now)
      << "the name is locked from every address";
  EXPECT_EQ(throttle.RetryAfterMs("someone.else", "192.0.2.1", now), 0);
}

TEST(LoginThrottle, SaysWhichCountRefusesAnAttempt) {
  LoginThrottle throttle;
  EXPECT_EQ(throttle.Check("admin", "192.0.2.1", kStart).by, ThrottledBy::kNone);
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("admin", "192.0.2.1", kStart);
  EXPECT_EQ(throttle.Check("admin", "192.0.2.9", kStart).by, ThrottledBy::kName);
  for (int i = 0; i < 20; ++i) throttle.RecordFailure("n" + std::to_string(i), "192.0.2.2", kStart);
  const ThrottleVerdict by_address = throttle.Check("fresh", "192.0.2.2", kStart);
  EXPECT_EQ(by_address.by, ThrottledBy::kAddress);
  EXPECT_EQ(by_address.retry_after_ms, 15 * kMinute);
  EXPECT_EQ(throttle.Check("admin", "192.0.2.2", kStart).by, ThrottledBy::kAddress)
      << "both at their limits: the address";
}

TEST(LoginThrottle, UnlocksWhenTheOldestFailureLeavesTheWindow) {
  LoginThrottle throttle;
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("admin", "192.0.2.1", kStart + i * kMinute);
  EXPECT_GT(throttle.RetryAfterMs("admin", "192.0.2.1", kStart + 15 * kMinute - 1), 0);
  EXPECT_EQ(throttle.RetryAfterMs("admin", "192.0.2.1", kStart + 15 * kMinute), 0);
  // One more failure now locks again until the second-oldest leaves.
  throttle.RecordFailure("admin", "192.0.2.1", kStart + 15 * kMinute);
  EXPECT_EQ(throttle.RetryAfterMs("admin", "192.0.2.1", kStart + 15 * kMinute), kMinute);
}

TEST(LoginThrottle, ASuccessClearsTheNameButNotTheAddress) {
  LoginThrottle throttle;
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("admin", "192.0.2.1", kStart);
  throttle.RecordSuccess("admin");
  EXPECT_EQ(throttle.RetryAfterMs("admin", "192.0.2.1", kStart), 0);
  for (int i = 0; i < 15; ++i)
    throttle.RecordFailure("user" + std::to_string(i), "192.0.2.1", kStart);
  // 5 + 15 = 20 failures from the address: it is locked for every name.
  EXPECT_GT(throttle.RetryAfterMs("fresh.name", "192.0.2.1", kStart), 0);
  EXPECT_EQ(throttle.RetryAfterMs("fresh.name", "192.0.2.2", kStart), 0);
}

TEST(LoginThrottle, ForgetsStaleNamesSoMemoryStaysBounded) {
  ThrottlePolicy policy;
  policy.sweep_every = 10;
  LoginThrottle throttle(policy);
  for (int i = 0; i < 9; ++i) throttle.RecordFailure("u" + std::to_string(i), "a", kStart);
  EXPECT_EQ(throttle.tracked(), 10u);
  throttle.RecordFailure("late", "b", kStart + 16 * kMinute);  // the tenth: sweeps
  EXPECT_EQ(throttle.tracked(), 2u);
}

TEST(Roles, ParseKnowsTheFiveRolesOnly) {
  for (const char* name : {"worker", "cadre", "staff", "operator", "admin"}) {
    auto role = ParseRole(name);
    ASSERT_TRUE(role) << name;
    EXPECT_EQ(RoleName(*role), name);
  }
  EXPECT_FALSE(ParseRole("Admin"));
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParseRole(""));
}

TEST(Roles, AdminManagesAllStaffManagesCadreOperatorAndStaffOthersNobody) {
  for (Role target : {Role::kWorker, Role::kCadre, Role::kOperator, Role::kStaff, Role::kAdmin}) {
    EXPECT_TRUE(CanManage(Role::kAdmin, target));
    const bool staff_may =
        target == Role::kCadre || target == Role::kOperator || target == Role::kStaff;
    EXPECT_EQ(CanManage(Role::kStaff, target), staff_may) << RoleName(target);
    for (Role other : {Role::kWorker, Role::kCadre, Role::kOperator}) {
      EXPECT_FALSE(CanManage(other, target));
    }
  }
  EXPECT_FALSE(NeedsOrg(Role::kWorker));
  EXPECT_TRUE(NeedsOrg(Role::kCadre));
}

}  // namespace
}  // namespace zj::accounts
