#include "core/ids.h"

#include <gtest/gtest.h>

#include <set>

#include "app/clock.h"

namespace zj {
namespace {

constexpr std::int64_t kMay2024Ms = 1714521600000;  // 2024-05-01T00:00:00Z
constexpr std::int64_t kJan2089Ms = 3755376000000;  // 2089-01-01T00:00:00Z

TEST(Ids, IdTimeMsRecoversTheTimeTheIdWasComposedAt) {
  const std::int64_t id = ComposeId(kMay2024Ms + 123, 0x2a5a5a);

  EXPECT_EQ(IdTimeMs(id), kMay2024Ms + 123);
}

TEST(Ids, IdTimeMsIgnoresTheRandomTail) {
  EXPECT_EQ(IdTimeMs(ComposeId(kMay2024Ms, 0)), kMay2024Ms);
  EXPECT_EQ(IdTimeMs(ComposeId(kMay2024Ms, 0xffffffffu)), kMay2024Ms);
}

TEST(Ids, AnIdMadeOneMillisecondLaterIsLargerWhateverTheRandomTails) {
  const std::int64_t earlier = ComposeId(kMay2024Ms, 0x3fffff);
  const std::int64_t later = ComposeId(kMay2024Ms + 1, 0);

  EXPECT_LT(earlier, later);
}

TEST(Ids, RandomTailUsesOnlyTheLow22Bits) {
  EXPECT_EQ(ComposeId(kMay2024Ms, 0xffffffffu), ComposeId(kMay2024Ms, 0x3fffff));
  EXPECT_EQ(ComposeId(kMay2024Ms, 1u << 22), ComposeId(kMay2024Ms, 0));
  EXPECT_EQ(ComposeId(kMay2024Ms, 0x3fffff) - ComposeId(kMay2024Ms, 0), 0x3fffff);
}

TEST(Ids, IdsArePositiveFromTheEpochUntilWellIntoTheCentury) {
  EXPECT_GE(ComposeId(1577836800000, 0), 0);
  EXPECT_GT(ComposeId(kMay2024Ms, 0), 0);
  EXPECT_GT(ComposeId(kJan2089Ms, 0x3fffff), 0);
  EXPECT_EQ(IdTimeMs(ComposeId(kJan2089Ms, 0x3fffff)), kJan2089Ms);
}

}  // namespace
}  // namespace zj

namespace zj::app {
namespace {

// A source that always returns the same bits: the worst case for the random tail.
class ConstantRandom final : public Random {
 public:
  std::uint32_t Next32() override { return 12345; }
  std::string Token(std::size_t) override { return "token"; }
};

TEST(NewId, IdsOfOneMillisecondNeverRepeatAndStrictlyIncrease) {
  const FixedClock clock(1795593600000);
  ConstantRandom random;
  std::set<std::int64_t> seen;
  std::int64_t previous = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t id = NewId(clock, random);
    EXPECT_GT(id, previous);
    previous = id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(NewId, AClockSteppingBackStillGivesGreaterIds) {
  FixedClock clock(1795593600000);
  ConstantRandom random;
  const std::int64_t before = NewId(clock, random);
  clock.Advance(-5000);
  EXPECT_GT(NewId(clock, random), before);
}

}  // namespace
}  // namespace zj::app
