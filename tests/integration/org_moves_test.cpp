// Moving an org takes everything of its subtree along, on both stores (issue 16): its service
// requests (seen by the new district only, escalated to the new parent, handed over when an old
// ancestor was handling them), its follow-up visits, and its figures on the service dashboard and
// in 有效覆盖 (served_12m), which leave the old ancestors and join the new ones.
#include "app/calendar/builtin_calendars.h"
#include "app/coverage/served.h"
#include "app/requests/request_service.h"
#include "app/requests/service_dashboard.h"
#include "coverage_fixture.h"
#include "members_fixture.h"
#include "store/coverage.h"

namespace zj::test {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class OrgMovesTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    requests_ = std::make_unique<app::RequestService>(*db_, clock_, random_, app_->audit(),
                                                      app_->vault(), calendars_);
    street_ = streets_a_[0];
    bare_ = AddEnterprise(Enterprise(11, street_.code, 40));
  }

  app::NewRequest About(std::int64_t employer_id) {
    app::NewRequest r;
    r.channel = "portal";
    r.category = "rights.wage_arrears";
    r.title = "工资拖欠";
    r.description = "两个月未发";
    r.contact_name = "李师傅";
    r.contact_phone = "13912345678";
    r.employer_id = employer_id;
    return r;
  }

  //! A street changes district the way a re-division does it: its region code is cleared (it
  //! lay inside the old district's region), then it moves.
  void MoveStreet(std::int64_t street_id, std::int64_t district_id) {
    app::OrgPatch clear;
    clear.region_code = "";
    ASSERT_OK(app_->orgs().Update(app::SystemActor(), street_id, clear));
    ASSERT_OK(app_->orgs().Move(app::SystemActor(), street_id, district_id));
  }

  std::int64_t Served(std::int64_t org_id) {
    auto lease = db_->Acquire();
    auto rollup = store::RollupOf(**lease, org_id);
    return rollup ? rollup->served_12m : -1;
  }

  app::CalendarBook calendars_;
  std::unique_ptr<app::RequestService> requests_;
  Street street_;
  app::EnterpriseView bare_;
};

TEST_P(OrgMovesTest, AMovedStreetsRequestsEscalateToTheNewDistrictWhichAloneSeesThem) {
  auto r = requests_->Submit(std::nullopt, About(bare_.row.id));
  ASSERT_OK(r);
  const std::int64_t id = r->row.id;
  ASSERT_EQ(r->row.org_id, street_.id) << "an employer without a union: its street";

  MoveStreet(street_.id, district_b_.id);

  ExpectError(requests_->Get(staff_a_, id), ErrorCode::kNotFound, "error.not_found");
  ASSERT_OK(requests_->Get(staff_b_, id));
  auto listed_a = requests_->List(staff_a_, {});
  ASSERT_OK(listed_a);
  EXPECT_TRUE(listed_a->items.empty());
  auto listed_b = requests_->List(staff_b_, {});
  ASSERT_OK(listed_b);
  ASSERT_EQ(listed_b->items.size(), 1u);

  // Wednesday → Friday: the street's acceptance deadline lapsed; up to its new district.
  clock_.Advance(2 * kDay);
  auto swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 1);
  auto seen = requests_->Get(staff_b_, id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->row.org_id, district_b_.id);
  ASSERT_OK(requests_->Act(staff_b_, id, requests::Action::kAccept, ""));
  ExpectError(requests_->Get(staff_a_, id), ErrorCode::kNotFound, "error.not_found");
}

TEST_P(OrgMovesTest, ARequestAnOldAncestorWasHandlingGoesToTheNewParent) {
  auto r = requests_->Submit(std::nullopt, About(bare_.row.id));
  ASSERT_OK(r);
  const std::int64_t id = r->row.id;
  // The street let its acceptance deadline lapse: district A handles it now.
  clock_.Advance(2 * kDay);
  ASSERT_OK(requests_->Sweep());
  auto before = requests_->Get(staff_a_, id);
  ASSERT_OK(before);
  ASSERT_EQ(before->row.org_id, district_a_.id);

  MoveStreet(street_.id, district_b_.id);

  // District A can no longer see it, so it cannot stay in A's queue: B takes it over.
  ExpectError(requests_->Get(staff_a_, id), ErrorCode::kNotFound, "error.not_found");
  auto after = requests_->Get(staff_b_, id);
  ASSERT_OK(after);
  EXPECT_EQ(after->row.org_id, district_b_.id);
  bool recorded = false;
  for (const auto& e : after->events) {
    recorded = recorded || (e.kind == "reassigned" && e.org_id == district_b_.id);
  }
  EXPECT_TRUE(recorded) << "the hand-over is in the request's history";
  ASSERT_OK(requests_->Act(staff_b_, id, requests::Action::kAccept, ""));
}

TEST_P(OrgMovesTest, AFollowUpOwedByAMovedUnionMovesWithIt) {
  const auto u = AddUnion("MV-FU", street_.id);
  const auto employer = AddEnterprise(Enterprise(12, street_.code, 30, u.org.id));
  auto r = requests_->Submit(std::nullopt, About(employer.row.id));
  ASSERT_OK(r);
  const app::Actor cadre = MakeUser("cadre.fu", "cadre", OrgRef{u.org.id, u.org.path, u.org.name});
  ASSERT_OK(requests_->Act(cadre, r->row.id, requests::Action::kResolve, "已解决"));
  ASSERT_OK(requests_->Rate(r->row.tracking_number, "5678", 1, "没解决"));

  ASSERT_OK(app_->orgs().Move(app::SystemActor(), u.org.id, streets_b_[0].id));

  auto owed_b = requests_->FollowUps(staff_b_, {});
  ASSERT_OK(owed_b);
  ASSERT_EQ(owed_b->items.size(), 1u);
  EXPECT_EQ(owed_b->items[0].item.follow_up.org_id, u.org.id);
  auto owed_a = requests_->FollowUps(staff_a_, {});
  ASSERT_OK(owed_a);
  EXPECT_TRUE(owed_a->items.empty());
}

TEST_P(OrgMovesTest, AMovedStreetsDashboardAndServedFiguresFollowIt) {
  app::ServiceDashboard dashboard(*db_, clock_);
  const auto u = AddUnion("MV-DB", street_.id);
  const auto employer = AddEnterprise(Enterprise(13, street_.code, 30, u.org.id));
  app::NewMember m;
  m.union_id = u.org.id;
  m.name = "赵会员";
  m.id_number = MakeIdNumber("110101", "19880808", 21);
  auto member = app_->members().Create(app::SystemActor(), m);
  ASSERT_OK(member);
  const app::Actor cadre = MakeUser("cadre.db", "cadre", OrgRef{u.org.id, u.org.path, u.org.name});
  const app::Actor hotline = MakeUser("op.db", "operator", root_);
  auto phoned = About(employer.row.id);
  phoned.channel = "hotline";
  phoned.member_id = member->row.id;
  auto served = requests_->Submit(hotline, phoned);
  ASSERT_OK(served);
  ASSERT_OK(requests_->Act(cadre, served->row.id, requests::Action::kResolve, "已解决"));
  auto open = requests_->Submit(std::nullopt, About(employer.row.id));
  ASSERT_OK(open);
  ASSERT_EQ(Served(district_a_.id), 1);

  MoveStreet(street_.id, district_b_.id);

  const auto submitted = [&](std::int64_t org) {
    auto d = dashboard.Of(app::SystemActor(), org, 12);
    EXPECT_TRUE(d.has_value()) << (d ? "" : Describe(d.error()));
    return d ? d->total.submitted : -1;
  };
  EXPECT_EQ(submitted(district_a_.id), 0);
  EXPECT_EQ(submitted(district_b_.id), 2);
  EXPECT_EQ(submitted(root_.id), 2);
  EXPECT_EQ(Served(district_a_.id), 0);
  EXPECT_EQ(Served(district_b_.id), 1);
  EXPECT_EQ(Served(root_.id), 1);
  ExpectRollupsMatchRecount();

  // What happens after the move is counted where the street is now, and nothing goes negative.
  auto union_now = app_->orgs().Get(app::SystemActor(), u.org.id);
  ASSERT_OK(union_now);
  const app::Actor cadre_now =
      MakeUser("cadre.db2", "cadre", OrgRef{u.org.id, union_now->org.path, union_now->org.name});
  ASSERT_OK(requests_->Act(cadre_now, open->row.id, requests::Action::kResolve, "已解决"));
  auto b = dashboard.Of(app::SystemActor(), district_b_.id, 12);
  ASSERT_OK(b);
  EXPECT_EQ(b->total.resolved, 2);
  auto a = dashboard.Of(app::SystemActor(), district_a_.id, 12);
  ASSERT_OK(a);
  EXPECT_EQ(a->total.resolved, 0);
  clock_.Advance(400 * kDay);
  ASSERT_OK(app::ExpireServed(*db_, clock_.NowMs()));
  for (const std::int64_t org : {u.org.id, district_a_.id, district_b_.id, root_.id}) {
    EXPECT_EQ(Served(org), 0) << org;
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(OrgMovesTest);

}  // namespace
}  // namespace zj::test
