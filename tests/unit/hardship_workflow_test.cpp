// The hardship file's workflow: the main line one step at a time and nothing skipped, who may
// take each step, closing from every open stage and never twice, the visit's facts, approval
// blocked while the publicity runs or an objection waits, the review and erase dates at month
// ends and leap days, and the spot-check draw's size and stability.
#include "core/hardship/hardship_workflow.h"

#include <gtest/gtest.h>

#include <numeric>
#include <set>

namespace zj::hardship {
namespace {

using std::chrono::sys_days;

sys_days Day(int y, unsigned m, unsigned d) {
  return sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

TEST(HardshipWorkflow, TheMainLineGoesOneStepAtATime) {
  Stage s = Stage::kApplied;
  for (const Step step :
       {Step::kFirstReview, Step::kVisit, Step::kReview, Step::kPublicise, Step::kApprove}) {
    const auto next = NextStage(s, step);
    ASSERT_TRUE(next.has_value()) << StepName(step) << " from " << StageName(s);
    s = *next;
  }
  EXPECT_EQ(s, Stage::kActive);
  // No skipping: a visit before the first review, approval before publicity.
  EXPECT_FALSE(NextStage(Stage::kApplied, Step::kVisit));
  EXPECT_FALSE(NextStage(Stage::kApplied, Step::kApprove));
  EXPECT_FALSE(NextStage(Stage::kVisited, Step::kApprove));
  EXPECT_FALSE(NextStage(Stage::kReviewed, Step::kApprove));
  // Objections only during publicity, and they keep it there.
  EXPECT_EQ(NextStage(Stage::kPublicised, Step::kObject), Stage::kPublicised);
  EXPECT_FALSE(NextStage(Stage::kActive, Step::kObject));
  // The yearly review and spot checks keep a file active.
  EXPECT_EQ(NextStage(Stage::kActive, Step::kAnnualReview), Stage::kActive);
  EXPECT_EQ(NextStage(Stage::kActive, Step::kSpotCheck), Stage::kActive);
  EXPECT_FALSE(NextStage(Stage::kVisited, Step::kAnnualReview));
}

TEST(HardshipWorkflow, ClosesFromEveryOpenStageOnceAndErasesOnlyClosed) {
  for (const Stage s : {Stage::kApplied, Stage::kFirstReviewed, Stage::kVisited, Stage::kReviewed,
                        Stage::kPublicised, Stage::kActive}) {
    EXPECT_TRUE(IsOpen(s));
    EXPECT_EQ(NextStage(s, Step::kClose), Stage::kClosed) << StageName(s);
    EXPECT_FALSE(NextStage(s, Step::kErase)) << StageName(s);
    EXPECT_EQ(OfferedSteps(s).back(), Step::kClose);
  }
  EXPECT_FALSE(IsOpen(Stage::kClosed));
  EXPECT_FALSE(NextStage(Stage::kClosed, Step::kClose));
  EXPECT_EQ(NextStage(Stage::kClosed, Step::kErase), Stage::kErased);
  EXPECT_FALSE(NextStage(Stage::kErased, Step::kErase));
  EXPECT_TRUE(OfferedSteps(Stage::kClosed).empty()) << "erasing is the job's";
  EXPECT_TRUE(OfferedSteps(Stage::kErased).empty());
}

TEST(HardshipWorkflow, OffersTheNextStepFirst) {
  EXPECT_EQ(OfferedSteps(Stage::kApplied), (std::vector{Step::kFirstReview, Step::kClose}));
  EXPECT_EQ(OfferedSteps(Stage::kPublicised),
            (std::vector{Step::kApprove, Step::kObject, Step::kAnswer, Step::kClose}));
  EXPECT_EQ(OfferedSteps(Stage::kActive), (std::vector{Step::kAnnualReview, Step::kClose}));
}

TEST(HardshipWorkflow, ReviewAndApprovalNeedAnOrgAboveTheFile) {
  EXPECT_EQ(WhoMay(Step::kFirstReview), Who::kFileScope);
  EXPECT_EQ(WhoMay(Step::kVisit), Who::kFileScope);
  EXPECT_EQ(WhoMay(Step::kReview), Who::kAboveFile);
  EXPECT_EQ(WhoMay(Step::kApprove), Who::kAboveFile);
  EXPECT_EQ(WhoMay(Step::kSpotCheck), Who::kAboveFile);
  EXPECT_EQ(WhoMay(Step::kErase), Who::kSystem);
}

TEST(HardshipWorkflow, NamesRoundTrip) {
  for (const Stage s : {Stage::kApplied, Stage::kFirstReviewed, Stage::kVisited, Stage::kReviewed,
                        Stage::kPublicised, Stage::kActive, Stage::kClosed, Stage::kErased}) {
    EXPECT_EQ(ParseStage(StageName(s)), s);
  }
  std::set<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(Step::kErase); ++i) {
    const auto step = static_cast<Step>(i);
    EXPECT_EQ(ParseStep(StepName(step)), step);
    names.insert(StepName(step));
  }
  EXPECT_EQ(names.size(), 11u) << "every step has its own name";
  EXPECT_FALSE(ParseStage("open"));
  EXPECT_TRUE(IsCloseReason("lifted"));
  EXPECT_FALSE(IsCloseReason("bored"));
}

TEST(HardshipWorkflow, AVisitIsByTwoPeopleOnADayBetweenOpeningAndToday) {
  const sys_days opened = Day(2026, 3, 2), today = Day(2026, 3, 10);
  EXPECT_TRUE(CheckVisit(today, opened, today, {"王芳", "李强"}).empty());
  EXPECT_TRUE(CheckVisit(opened, opened, today, {"王芳", "李强", "赵敏"}).empty());
  auto only = CheckVisit(today, opened, today, {"王芳"});
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].field, "visitors");
  EXPECT_EQ(only[0].message_key, "error.hardship.visitors_two");
  EXPECT_EQ(CheckVisit(today, opened, today, {"王芳", "王芳"}).size(), 1u) << "the same twice";
  EXPECT_EQ(CheckVisit(today, opened, today, {"王芳", ""})[0].message_key,
            "error.hardship.visitor_name");
  // Twenty characters of Chinese are sixty bytes: still a name.
  const std::string twenty = [] {
    std::string s;
    for (int i = 0; i < 20; ++i) s += "欧";
    return s;
  }();
  EXPECT_TRUE(CheckVisit(today, opened, today, {twenty, "李强"}).empty());
  EXPECT_FALSE(CheckVisit(today, opened, today, {twenty + "阳", "李强"}).empty());
  EXPECT_EQ(
      CheckVisit(today + std::chrono::days(1), opened, today, {"王芳", "李强"})[0].message_key,
      "error.hardship.visit_future");
  EXPECT_EQ(CheckVisit(opened - std::chrono::days(1), opened, today, {"王芳", "李强"})[0].field,
            "visit_on");
}

TEST(HardshipWorkflow, ApprovalWaitsForThePublicityToEndAndEveryObjectionToBeAnswered) {
  const sys_days ends = Day(2026, 5, 15);
  EXPECT_EQ(ApproveBlocker(ends, ends, 0), "error.hardship.publicity_running")
      << "the last day of the publicity is still part of it";
  EXPECT_EQ(ApproveBlocker(ends - std::chrono::days(3), ends, 0),
            "error.hardship.publicity_running");
  EXPECT_FALSE(ApproveBlocker(ends + std::chrono::days(1), ends, 0));
  EXPECT_EQ(ApproveBlocker(ends + std::chrono::days(1), ends, 1), "error.hardship.objections_open");
}

TEST(HardshipWorkflow, ReviewAndEraseDatesAtMonthEndsAndLeapDays) {
  EXPECT_EQ(ReviewDue(Day(2026, 3, 10), 12), Day(2027, 3, 10));
  EXPECT_EQ(ReviewDue(Day(2026, 1, 31), 1), Day(2026, 2, 28));
  EXPECT_EQ(ReviewDue(Day(2028, 2, 29), 12), Day(2029, 2, 28));
  EXPECT_EQ(EraseFrom(Day(2026, 12, 6), 10), Day(2036, 12, 6));
  EXPECT_EQ(EraseFrom(Day(2028, 2, 29), 10), Day(2038, 2, 28));
  const sys_days due = Day(2027, 3, 10);
  EXPECT_FALSE(ReviewShowsDue(due, due - std::chrono::days(31), 30));
  EXPECT_TRUE(ReviewShowsDue(due, due - std::chrono::days(30), 30));
  EXPECT_TRUE(ReviewShowsDue(due, due + std::chrono::days(5), 30)) << "late shows too";
}

TEST(HardshipWorkflow, SpotChecksDrawTheShareRoundedUpTheSameWayEachTime) {
  std::vector<std::int64_t> ids(10);
  std::iota(ids.begin(), ids.end(), 1000);
  const auto drawn = DrawSpotChecks(ids, 30, 2026);
  EXPECT_EQ(drawn.size(), 3u);
  EXPECT_EQ(DrawSpotChecks(ids, 31, 2026).size(), 4u) << "3.1 files is four";
  EXPECT_TRUE(DrawSpotChecks(ids, 0, 2026).empty());
  EXPECT_EQ(DrawSpotChecks(ids, 100, 2026).size(), 10u);
  EXPECT_TRUE(DrawSpotChecks({}, 30, 2026).empty());
  std::vector<std::int64_t> reversed(ids.rbegin(), ids.rend());
  EXPECT_EQ(DrawSpotChecks(reversed, 30, 2026), drawn) << "whatever the order";
  for (const auto id : drawn) EXPECT_TRUE(id >= 1000 && id < 1010);
  // Another year draws others (for some year among a few).
  bool differs = false;
  for (std::uint64_t year = 2027; year < 2032; ++year) {
    differs = differs || DrawSpotChecks(ids, 30, year) != drawn;
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace zj::hardship
