// Activities and registrations on both stores (issue 22 slice 2): an activity's life (draft →
// open → register → waitlist → a cancellation promotes exactly one → confirm → close), the field
// errors of the seat rules, staff cancellation (audited, the freed seat offered, the member told),
// cancelling the activity (every registration cancelled, each member told), another district's
// staff and a worker outside the audience get 404 everywhere, and 200 concurrent registrations
// for 50 seats (200 threads over a pool of 100 connections) never sell a seat twice.
#include "store/activities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "app/activities/activity_service.h"
#include "app/activities/my_activities.h"
#include "bound_members_fixture.h"

namespace zj::test {
namespace {

constexpr std::int64_t kHour = 3'600'000;

class ActivitiesTest : public BoundMembersTest {
 protected:
  // The use cases over the test's store, clock and randomness (the Application has none).
  app::ActivityService Staff() { return {*db_, clock_, random_, app_->audit()}; }
  app::MyActivityService Mine() { return {*db_, clock_, random_}; }

  app::NewActivity Football(int capacity) {
    app::NewActivity in;
    in.org_id = district_a_.id;
    auto& f = in.fields;
    f.kind = "sport";
    f.title = "职工足球杯";
    f.place = "朝阳体育中心";
    f.opens_at = clock_.NowMs() - kHour;
    f.closes_at = clock_.NowMs() + 5 * 24 * kHour;
    f.starts_at = clock_.NowMs() + 7 * 24 * kHour;
    f.ends_at = *f.starts_at + 4 * kHour;
    f.capacity = capacity;
    f.cancel_cutoff_hours = 24;
    f.confirm_hours = 24;
    return in;
  }

  std::int64_t OpenActivity(const app::NewActivity& in) {
    auto made = Staff().Create(staff_a_, in);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    if (!made) return 0;
    EXPECT_EQ(made->row.status, "draft");
    auto opened = Staff().Open(staff_a_, made->row.id);
    EXPECT_TRUE(opened.has_value()) << (opened ? "" : Describe(opened.error()));
    return made->row.id;
  }

  store::ActivityRow Row(std::int64_t id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto row = store::FindActivity(**lease, id);
    EXPECT_TRUE(row.has_value() && row->has_value());
    return row && *row ? **row : store::ActivityRow{};
  }

  std::int64_t InboxCount(const app::Actor& worker, const std::string& kind) {
    auto page = app_->inbox().Page(worker, 0, 100);
    EXPECT_TRUE(page.has_value());
    if (!page) return -1;
    return std::count_if(page->items.begin(), page->items.end(),
                         [&](const auto& e) { return e.kind == kind; });
  }
};

TEST_P(ActivitiesTest, AnActivityLivesFromDraftToDoneAndACancellationPromotesExactlyOne) {
  const auto w1 = Worker(union_a_, "赵一", 21), w2 = Worker(union_a_, "赵二", 22),
             w3 = Worker(union_a_, "赵三", 23), w4 = Worker(union_a_, "赵四", 24);
  auto made = Staff().Create(staff_a_, Football(2));
  ASSERT_OK(made);
  const std::int64_t id = made->row.id;
  // A draft is nobody's to register for: it does not exist for workers yet.
  ExpectError(Mine().Register(w1, id), ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(Staff().Open(staff_a_, id));
  ExpectError(Staff().Open(staff_a_, id), ErrorCode::kConflict, "error.activity.status");

  auto r1 = Mine().Register(w1, id);
  ASSERT_OK(r1);
  EXPECT_EQ(r1->mine->state, "seated");
  ASSERT_OK(Mine().Register(w2, id));
  auto r3 = Mine().Register(w3, id);
  ASSERT_OK(r3);
  EXPECT_EQ(r3->mine->state, "waitlisted");
  EXPECT_EQ(r3->waitlist_place, 1);
  auto r4 = Mine().Register(w4, id);
  ASSERT_OK(r4);
  EXPECT_EQ(r4->waitlist_place, 2);
  ExpectError(Mine().Register(w1, id), ErrorCode::kConflict, "error.activity.registered_twice");

  // The worker's list shows the activity with the worker's own state and the cut-off.
  auto mine = Mine().List(w4);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].mine->state, "waitlisted");
  EXPECT_EQ((*mine)[0].cancel_until, Row(id).starts_at - 24 * kHour);

  // w1 gives up the seat: exactly one promotion, the first waitlisted (w3), as an offer.
  auto gone = Mine().Cancel(w1, id);
  ASSERT_OK(gone);
  EXPECT_EQ(gone->mine->state, "cancelled");
  auto regs = Staff().Registrations(staff_a_, id);
  ASSERT_OK(regs);
  ASSERT_EQ(regs->size(), 4u);
  EXPECT_EQ((*regs)[0].row.state, "seated");
  EXPECT_EQ((*regs)[1].row.state, "offered");
  EXPECT_EQ((*regs)[1].row.member_id, *w3.member_id);
  EXPECT_EQ((*regs)[1].row.confirm_by, clock_.NowMs() + 24 * kHour);
  EXPECT_EQ((*regs)[2].row.state, "waitlisted");
  EXPECT_EQ((*regs)[2].row.member_id, *w4.member_id);
  EXPECT_EQ((*regs)[2].place, 1);
  EXPECT_EQ((*regs)[3].row.state, "cancelled");
  EXPECT_EQ((*regs)[0].member_name_masked.find("赵"), 0u);
  EXPECT_EQ((*regs)[0].member_name_masked.find("二"), std::string::npos) << "masked";
  EXPECT_EQ(InboxCount(w3, "activity.offered"), 1);
  auto after = Row(id);
  EXPECT_EQ(after.seats_taken, 2);
  EXPECT_EQ(after.waitlisted, 1);

  // Only an offer is confirmed; w3 confirms and is seated.
  ExpectError(Mine().Confirm(w4, id), ErrorCode::kConflict, "error.activity.not_offered");
  auto confirmed = Mine().Confirm(w3, id);
  ASSERT_OK(confirmed);
  EXPECT_EQ(confirmed->mine->state, "seated");

  // Cancelled may register again, at the end of the queue.
  auto again = Mine().Register(w1, id);
  ASSERT_OK(again);
  EXPECT_EQ(again->mine->state, "waitlisted");
  EXPECT_EQ(again->waitlist_place, 2);

  // Past the cut-off a worker keeps the seat; staff still cancel (audited), the next is offered.
  clock_.Set(after.starts_at - 2 * kHour);
  ExpectError(Mine().Cancel(w2, id), ErrorCode::kConflict, "error.activity.cancel_closed");
  auto w2_reg = std::find_if(regs->begin(), regs->end(),
                             [&](const auto& r) { return r.row.member_id == *w2.member_id; });
  ASSERT_NE(w2_reg, regs->end());
  ExpectFieldError(Staff().CancelRegistration(staff_a_, id, w2_reg->row.id, ""), "reason",
                   "error.personal_data.reason");
  ASSERT_OK(Staff().CancelRegistration(staff_a_, id, w2_reg->row.id, "本人因伤退赛"));
  EXPECT_EQ(InboxCount(w2, "activity.cancelled"), 1);
  auto regs2 = Staff().Registrations(staff_a_, id);
  ASSERT_OK(regs2);
  int offered = 0;
  for (const auto& r : *regs2) {
    if (r.row.state == "offered") {
      ++offered;
      EXPECT_EQ(r.row.member_id, *w4.member_id);
    }
  }
  EXPECT_EQ(offered, 1);
  EXPECT_EQ(Row(id).seats_taken, 2);

  // Closing before the end: closed; after the end: done.
  auto closed = Staff().Close(staff_a_, id);
  ASSERT_OK(closed);
  EXPECT_EQ(closed->row.status, "closed");
  ExpectError(Mine().Register(Worker(union_a_, "赵五", 25), id), ErrorCode::kConflict,
              "error.activity.registration_closed");
  clock_.Set(after.ends_at + kHour);
  auto done = Staff().Close(staff_a_, id);
  ASSERT_OK(done);
  EXPECT_EQ(done->row.status, "done");
}

TEST_P(ActivitiesTest, AnOfferLapsesAtItsDeadlineAndTheSeatGoesToTheNext) {
  const auto w1 = Worker(union_a_, "钱一", 31), w2 = Worker(union_a_, "钱二", 32),
             w3 = Worker(union_a_, "钱三", 33);
  const std::int64_t id = OpenActivity(Football(1));
  ASSERT_OK(Mine().Register(w1, id));
  ASSERT_OK(Mine().Register(w2, id));
  ASSERT_OK(Mine().Register(w3, id));
  ASSERT_OK(Mine().Cancel(w1, id));
  clock_.Advance(24 * kHour);
  ExpectError(Mine().Confirm(w2, id), ErrorCode::kConflict, "error.activity.offer_lapsed");
  auto w3_now = Mine().List(w3);
  ASSERT_OK(w3_now);
  ASSERT_EQ(w3_now->size(), 1u);
  EXPECT_EQ((*w3_now)[0].mine->state, "offered");
  EXPECT_EQ(Row(id).seats_taken, 1);
  EXPECT_EQ(Row(id).waitlisted, 0);
  // The sweep finds nothing left to do.
  auto swept = Staff().SweepLapsedOffers();
  ASSERT_OK(swept);
  EXPECT_EQ(*swept, 0);
}

TEST_P(ActivitiesTest, TheSeatRulesAndTheAudienceAreFieldErrors) {
  auto in = Football(0);
  in.fields.closes_at = *in.fields.starts_at + kHour;
  in.fields.audience = std::vector<std::int64_t>{union_b_.id};
  auto refused = Staff().Create(staff_a_, in);
  ASSERT_FALSE(refused.has_value());
  std::set<std::string> fields;
  for (const auto& f : refused.error().fields) fields.insert(f.field);
  EXPECT_TRUE(fields.contains("capacity"));
  EXPECT_TRUE(fields.contains("closes_at"));
  EXPECT_TRUE(fields.contains("audience.0"));
  // A worker or an operator organises nothing.
  auto worker = Worker(union_a_, "孙一", 41);
  ExpectError(Staff().Create(worker, Football(5)), ErrorCode::kPermissionDenied,
              "error.activity.forbidden");
}

TEST_P(ActivitiesTest, AnotherDistrictAndAWorkerOutsideTheAudienceGetNotFound) {
  const auto inside = Worker(union_a_, "李一", 51);
  const auto outside = Worker(union_b_, "李二", 52);
  auto in = Football(5);
  in.fields.audience = std::vector<std::int64_t>{street_a_.id};
  const std::int64_t id = OpenActivity(in);
  ASSERT_OK(Mine().Register(inside, id));
  auto regs = Staff().Registrations(staff_a_, id);
  ASSERT_OK(regs);
  ASSERT_EQ(regs->size(), 1u);
  const std::int64_t rid = (*regs)[0].row.id;

  const auto nf = ErrorCode::kNotFound;
  ExpectError(Staff().Get(staff_b_, id), nf, "error.not_found");
  ExpectError(Staff().Patch(staff_b_, id, {}), nf, "error.not_found");
  ExpectError(Staff().Open(staff_b_, id), nf, "error.not_found");
  ExpectError(Staff().Close(staff_b_, id), nf, "error.not_found");
  ExpectError(Staff().Cancel(staff_b_, id), nf, "error.not_found");
  ExpectError(Staff().Registrations(staff_b_, id), nf, "error.not_found");
  ExpectError(Staff().CancelRegistration(staff_b_, id, rid, "越权取消"), nf, "error.not_found");
  auto listed = Staff().List(staff_b_, "", 0, 200);
  ASSERT_OK(listed);
  for (const auto& a : listed->items) EXPECT_NE(a.id, id);

  ExpectError(Mine().Get(outside, id), nf, "error.not_found");
  ExpectError(Mine().Register(outside, id), nf, "error.not_found");
  ExpectError(Mine().Cancel(outside, id), nf, "error.not_found");
  ExpectError(Mine().Confirm(outside, id), nf, "error.not_found");
  auto theirs = Mine().List(outside);
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->empty());
  auto ours = Mine().List(inside);
  ASSERT_OK(ours);
  EXPECT_EQ(ours->size(), 1u);
}

TEST_P(ActivitiesTest, CancellingTheActivityCancelsEveryRegistrationAndTellsEachMember) {
  const auto w1 = Worker(union_a_, "周一", 61), w2 = Worker(union_a_, "周二", 62);
  const std::int64_t id = OpenActivity(Football(1));
  ASSERT_OK(Mine().Register(w1, id));
  ASSERT_OK(Mine().Register(w2, id));
  auto cancelled = Staff().Cancel(staff_a_, id);
  ASSERT_OK(cancelled);
  EXPECT_EQ(cancelled->row.status, "cancelled");
  EXPECT_EQ(cancelled->row.seats_taken, 0);
  EXPECT_EQ(cancelled->row.waitlisted, 0);
  EXPECT_EQ(InboxCount(w1, "activity.cancelled"), 1);
  EXPECT_EQ(InboxCount(w2, "activity.cancelled"), 1);
  auto regs = Staff().Registrations(staff_a_, id);
  ASSERT_OK(regs);
  for (const auto& r : *regs) EXPECT_EQ(r.row.state, "cancelled");
}

// docs/design/activities.md "Capacity never exceeded": 200 workers register at once for 50 seats,
// each on its own thread (over a pool of 100 connections); afterwards the counters and the rows
// agree.
TEST_P(ActivitiesTest, TwoHundredConcurrentRegistrationsForFiftySeats) {
  constexpr int kWorkers = 200;
  std::vector<app::Actor> workers;
  for (int i = 0; i < kWorkers; ++i) workers.push_back(Worker(union_a_, "吴工", 100 + i));
  const std::int64_t id = OpenActivity(Football(50));
  store::OpenOptions options;
  options.max_connections = 100;  // the test cluster allows 300: two shards may run this at once
  options.busy_timeout_ms = 120'000;
  auto pool = database_->Open(options);
  ASSERT_OK(pool);
  std::atomic<int> ready{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWorkers; ++i) {
    threads.emplace_back([&, i] {
      SeededRandom random(7000 + static_cast<std::uint64_t>(i));
      app::MyActivityService service(**pool, clock_, random);
      ready.fetch_add(1);
      while (ready.load() < kWorkers) std::this_thread::yield();
      auto done = service.Register(workers[static_cast<std::size_t>(i)], id);
      if (!done) {
        failed.fetch_add(1);
        ADD_FAILURE() << Describe(done.error());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);

  const auto a = Row(id);
  EXPECT_EQ(a.seats_taken, 50);
  EXPECT_EQ(a.waitlisted, 150);
  auto regs = Staff().Registrations(staff_a_, id);
  ASSERT_OK(regs);
  ASSERT_EQ(regs->size(), 200u);
  int holding = 0;
  std::vector<std::int64_t> positions;
  std::set<std::int64_t> members;
  for (const auto& r : *regs) {
    EXPECT_TRUE(members.insert(r.row.member_id).second) << "a member twice";
    if (r.row.state == "seated" || r.row.state == "offered") ++holding;
    if (r.row.state == "waitlisted") positions.push_back(*r.row.position);
  }
  EXPECT_EQ(holding, 50);
  ASSERT_EQ(positions.size(), 150u);
  for (std::size_t i = 0; i < positions.size(); ++i) {
    EXPECT_EQ(positions[i], static_cast<std::int64_t>(i + 1));
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(ActivitiesTest);

}  // namespace
}  // namespace zj::test
