// The request state machine: every allowed move by the right party, the refusals (a worker
// cannot accept, a handler cannot reopen, a closed request stays closed), and the 7-day rating
// window that decides reopening and follow-up visits.
#include <gtest/gtest.h>

#include "core/requests/request_flow.h"

namespace zj::requests {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

TEST(RequestFlow, HandlerTakesARequestFromSubmittedToResolved) {
  EXPECT_EQ(NextStatus(Status::kSubmitted, Action::kAccept, Party::kHandler), Status::kAccepted);
  EXPECT_EQ(NextStatus(Status::kAccepted, Action::kContact, Party::kHandler), Status::kInProgress);
  EXPECT_EQ(NextStatus(Status::kInProgress, Action::kResolve, Party::kHandler), Status::kResolved);
  EXPECT_EQ(NextStatus(Status::kResolved, Action::kClose, Party::kSystem), Status::kClosed);
  EXPECT_EQ(NextStatus(Status::kSubmitted, Action::kReject, Party::kHandler), Status::kRejected);
}

TEST(RequestFlow, EachPartyMayOnlyDoItsOwnMoves) {
  EXPECT_FALSE(NextStatus(Status::kSubmitted, Action::kAccept, Party::kRequester));
  EXPECT_FALSE(NextStatus(Status::kResolved, Action::kReopen, Party::kHandler));
  EXPECT_FALSE(NextStatus(Status::kSubmitted, Action::kWithdraw, Party::kHandler));
  EXPECT_EQ(NextStatus(Status::kInProgress, Action::kWithdraw, Party::kRequester),
            Status::kWithdrawn);
  EXPECT_EQ(NextStatus(Status::kResolved, Action::kReopen, Party::kRequester), Status::kInProgress);
}

TEST(RequestFlow, FinishedRequestsDoNotMove) {
  for (const Status done : {Status::kClosed, Status::kWithdrawn}) {
    for (const Action a : {Action::kAccept, Action::kContact, Action::kResolve, Action::kClose,
                           Action::kReject, Action::kWithdraw, Action::kReopen}) {
      for (const Party p : {Party::kHandler, Party::kRequester, Party::kSystem}) {
        EXPECT_FALSE(NextStatus(done, a, p)) << StatusName(done) << " " << ActionName(a);
      }
    }
  }
  // Resolution cannot be skipped back to acceptance.
  EXPECT_FALSE(NextStatus(Status::kResolved, Action::kAccept, Party::kHandler));
  EXPECT_EQ(NextStatus(Status::kSubmitted, Action::kResolve, Party::kHandler), Status::kResolved);
  EXPECT_FALSE(NextStatus(Status::kRejected, Action::kAccept, Party::kHandler));
}

TEST(RequestFlow, NamesRoundTrip) {
  for (const Status s :
       {Status::kSubmitted, Status::kAccepted, Status::kInProgress, Status::kResolved,
        Status::kClosed, Status::kRejected, Status::kWithdrawn}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
  EXPECT_EQ(StatusName(Status::kInProgress), "in_progress");
  EXPECT_FALSE(ParseStatus("open"));
  EXPECT_EQ(ParseAction("reopen"), Action::kReopen);
  EXPECT_FALSE(ParseAction("Accept"));
  EXPECT_TRUE(IsOpen(Status::kAccepted));
  EXPECT_FALSE(IsOpen(Status::kResolved));
}

TEST(RequestFlow, TheRatingWindowIsSevenDays) {
  const std::int64_t resolved = 1'700'000'000'000;
  EXPECT_TRUE(MayReopen(resolved, resolved + 7 * kDay));
  EXPECT_FALSE(MayReopen(resolved, resolved + 7 * kDay + 1));
  EXPECT_FALSE(MayReopen(resolved, resolved - 1));

  EXPECT_TRUE(NeedsFollowUp(1, resolved, resolved + kDay));
  EXPECT_TRUE(NeedsFollowUp(2, resolved, resolved + kDay));
  EXPECT_FALSE(NeedsFollowUp(3, resolved, resolved + 30 * kDay));
  EXPECT_FALSE(NeedsFollowUp(std::nullopt, resolved, resolved + 7 * kDay));
  EXPECT_TRUE(NeedsFollowUp(std::nullopt, resolved, resolved + 7 * kDay + 1));
}

TEST(RequestFlow, AHandlerIsOfferedTheNextStepFirstAndOnlyWhatFitsTheState) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(OfferedSteps(Status::kSubmitted), (V{"accept", "transfer", "reject"}))
      << "contact and resolve wait until the request is accepted";
  EXPECT_EQ(OfferedSteps(Status::kAccepted), (V{"contact", "resolve", "transfer"}));
  EXPECT_EQ(OfferedSteps(Status::kInProgress), (V{"resolve", "transfer"}));
  EXPECT_EQ(OfferedSteps(Status::kResolved), (V{"close"}));
  for (const Status s : {Status::kClosed, Status::kRejected, Status::kWithdrawn}) {
    EXPECT_TRUE(OfferedSteps(s).empty()) << StatusName(s);
  }
  // Every offered move other than the hand-over is one the state machine takes from there.
  for (const Status s :
       {Status::kSubmitted, Status::kAccepted, Status::kInProgress, Status::kResolved}) {
    for (const std::string_view step : OfferedSteps(s)) {
      if (step == "transfer") continue;
      const auto action = ParseAction(step);
      ASSERT_TRUE(action) << step;
      EXPECT_TRUE(NextStatus(s, *action, Party::kHandler)) << StatusName(s) << " " << step;
    }
  }
}

}  // namespace
}  // namespace zj::requests
