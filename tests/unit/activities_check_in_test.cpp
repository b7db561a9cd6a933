// Check-in scans at their boundaries: the scan id's form, a replayed scan id answered as before
// (also within one batch), a second scan of the same member refused, the window's edges (an hour
// before the start to the end), a phone clock running fast, a queued scan arriving too late, a
// member without a seat (and walk-ins), and a batch that records each member once.
#include <gtest/gtest.h>

#include "core/activities/check_in.h"

namespace zj::activities {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kStart = 1'000'000 * kMinute;
constexpr std::int64_t kEnd = kStart + 120 * kMinute;

CheckInWindow Window() { return {kStart, kEnd, 60, 5, 7, false}; }

CheckInBook Book() {
  CheckInBook b;
  b.seated = {1, 2, 3};
  return b;
}

Scan At(std::string id, std::int64_t member, std::int64_t at, std::int64_t received = 0) {
  return {std::move(id), member, at, received == 0 ? at : received};
}

TEST(CheckInScanId, AcceptsEightToSixtyFourSafeCharacters) {
  EXPECT_TRUE(IsScanId("abcd1234"));
  EXPECT_TRUE(IsScanId("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_TRUE(IsScanId(std::string(64, 'a')));
  EXPECT_FALSE(IsScanId("abc1234"));
  EXPECT_FALSE(IsScanId(std::string(65, 'a')));
  EXPECT_FALSE(IsScanId("abcd 1234"));
  EXPECT_FALSE(IsScanId("abcd/1234"));
}

TEST(CheckInJudge, TheWindowOpensAnHourBeforeTheStartAndClosesAtTheEnd) {
  const CheckInBook book = Book();
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kStart - 60 * kMinute - 1)),
            ScanOutcome::kTooEarly);
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kStart - 60 * kMinute)),
            ScanOutcome::kRecorded);
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kEnd - 1)), ScanOutcome::kRecorded);
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kEnd)), ScanOutcome::kTooLate);
}

TEST(CheckInJudge, AQueuedScanCountsByItsOwnTimeUntilTheReplayLimit) {
  const CheckInBook book = Book();
  const std::int64_t limit = kEnd + 7 * 24 * 60 * kMinute;
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kStart, limit - 1)), ScanOutcome::kRecorded);
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kStart, limit)), ScanOutcome::kReplayTooLate);
}

TEST(CheckInJudge, APhoneClockAheadOfTheServerBeyondTheSkewIsRefused) {
  const CheckInBook book = Book();
  const std::int64_t received = kStart - 70 * kMinute;  // before the window by the server
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, received + 5 * kMinute, received)),
            ScanOutcome::kTooEarly);
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, received + 5 * kMinute + 1, received)),
            ScanOutcome::kFromTheFuture);
}

TEST(CheckInJudge, AMemberWithoutASeatIsRefusedUnlessWalkInsAreOpen) {
  CheckInWindow w = Window();
  EXPECT_EQ(Judge(w, Book(), At("scan-0001", 9, kStart)), ScanOutcome::kNotRegistered);
  w.walk_ins = true;
  EXPECT_EQ(Judge(w, Book(), At("scan-0001", 9, kStart)), ScanOutcome::kRecorded);
}

TEST(CheckInJudge, AReplayIsAnsweredAsBeforeAndASecondScanIsADoubleCheckIn) {
  CheckInBook book = Book();
  book.scans.emplace("scan-0001", 1);
  book.checked_in.insert(1);
  // The same scan, even arriving after the window: a replay, nothing new.
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 1, kStart, kEnd + 60 * kMinute)),
            ScanOutcome::kReplay);
  EXPECT_EQ(Judge(Window(), book, At("scan-0002", 1, kStart)), ScanOutcome::kAlreadyIn);
  // The id reused for someone else is a broken client.
  EXPECT_EQ(Judge(Window(), book, At("scan-0001", 2, kStart)), ScanOutcome::kBadScanId);
  EXPECT_EQ(ScanOutcomeKey(ScanOutcome::kAlreadyIn), "error.check_in.twice");
  EXPECT_EQ(ScanOutcomeKey(ScanOutcome::kReplay), "");
  EXPECT_EQ(ScanOutcomeCode(ScanOutcome::kFromTheFuture), "from_the_future");
}

TEST(CheckInReplay, ABatchRecordsEachMemberOnceAndRecognisesItsOwnRepeats) {
  CheckInBook book = Book();
  const std::vector<Scan> batch = {
      At("scan-0001", 1, kStart),           At("scan-0001", 1, kStart),  // sent twice
      At("scan-0002", 1, kStart + kMinute),                              // scanned twice
      At("scan-0003", 2, kStart),           At("bad", 3, kStart),       At("scan-0004", 9, kStart)};
  const auto outcomes = Replay(Window(), book, batch);
  EXPECT_EQ(outcomes,
            (std::vector<ScanOutcome>{ScanOutcome::kRecorded, ScanOutcome::kReplay,
                                      ScanOutcome::kAlreadyIn, ScanOutcome::kRecorded,
                                      ScanOutcome::kBadScanId, ScanOutcome::kNotRegistered}));
  EXPECT_EQ(book.checked_in, (std::unordered_set<std::int64_t>{1, 2}));
  EXPECT_EQ(book.scans.size(), 2U);
  // The whole batch again (the phone never got the answer): every scan is a replay or refused
  // as before, nothing new is recorded.
  const auto again = Replay(Window(), book, batch);
  EXPECT_EQ(again[0], ScanOutcome::kReplay);
  EXPECT_EQ(again[3], ScanOutcome::kReplay);
  EXPECT_EQ(book.scans.size(), 2U);
}

}  // namespace
}  // namespace zj::activities
