// The role × route matrix's mutual-aid world (issue 22): per case, a new plan of the side's
// district (made by the side's staff builder) with this period opened; a new member of the
// side's union1 enrolled in it (kept for {its_ma_member}); a claim of that member filed (and
// approved); the union's list made (and sent); for a worker caller, a plan that covers the
// member the caller is bound to on the "in" side.
#include "app/beijing_day.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "route_matrix_world.h"

namespace zj::test {

namespace {

app::NewMaPlan MatrixPlan(std::int64_t org_id, int serial) {
  app::NewMaPlan p;
  p.org_id = org_id;
  p.code = "matrix_" + std::to_string(serial);
  p.title = "职工互助保障";
  p.kind = "property";
  p.payers = {{"municipal", 5000}, {"district", 5000}};
  p.benefits = {{"fire", mutual_aid::BenefitKind::kShareOfLoss, 1000, 2'000'000, {}}};
  return p;
}

}  // namespace

std::int64_t RouteMatrixTest::NewMaPlan(const Place& p) {
  app::MutualAidService ma(*db_, clock_, random_, app_->audit());
  auto plan = ma.CreatePlan(p.builder, MatrixPlan(p.district.id, Next()));
  EXPECT_TRUE(plan.has_value()) << Describe(plan.error());
  if (!plan) return 0;
  auto period = ma.OpenPeriod(p.builder, plan->row.id, "");
  EXPECT_TRUE(period.has_value()) << Describe(period.error());
  last_ma_period_ = period ? period->id : 0;
  return plan->row.id;
}

std::int64_t RouteMatrixTest::NewMaEnrolled(const Place& p) {
  const std::int64_t plan = NewMaPlan(p);
  last_ma_member_ = NewMember(p, p.union1);
  app::MutualAidService ma(*db_, clock_, random_, app_->audit());
  auto enrolled = ma.Enrol(p.builder, last_ma_period_, p.union1);
  EXPECT_TRUE(enrolled.has_value()) << Describe(enrolled.error());
  return plan;
}

std::int64_t RouteMatrixTest::NewMaClaim(const Place& p, bool approved) {
  const std::int64_t plan = NewMaEnrolled(p);
  app::MutualAidService ma(*db_, clock_, random_, app_->audit());
  app::NewMaClaim in;
  in.plan_id = plan;
  in.member_id = last_ma_member_;
  in.benefit_code = "fire";
  in.incident_date = app::BeijingDay(clock_.NowMs());
  in.loss_fen = 100'000;
  auto claim = ma.FileClaim(p.builder, in);
  EXPECT_TRUE(claim.has_value()) << Describe(claim.error());
  if (!claim) return 0;
  if (approved) {
    auto done = ma.Approve(p.builder, claim->row.id);
    EXPECT_TRUE(done.has_value()) << Describe(done.error());
  }
  return claim->row.id;
}

std::int64_t RouteMatrixTest::NewMaList(const Place& p, bool sent) {
  NewMaEnrolled(p);
  app::MutualAidService ma(*db_, clock_, random_, app_->audit());
  auto list = ma.MakeList(p.builder, last_ma_period_, p.union1);
  EXPECT_TRUE(list.has_value()) << Describe(list.error());
  if (!list) return 0;
  if (sent) {
    auto done = ma.SendList(p.builder, list->row.id);
    EXPECT_TRUE(done.has_value()) << Describe(done.error());
  }
  return list->row.id;
}

void RouteMatrixTest::DefineMutualAidPlaceholders() {
  auto& f = placeholders_;
  f["ma_plan"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaPlan(p));
  };
  // A new plan's period, opened.
  f["ma_period"] = [this](const Place& p, Side, const Caller&) {
    NewMaPlan(p);
    return std::to_string(last_ma_period_);
  };
  // Filled left to right: a plan covering a new member of union1, then that member.
  f["ma_covered_plan"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaEnrolled(p));
  };
  f["its_ma_member"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(last_ma_member_);
  };
  f["ma_today"] = [this](const Place&, Side, const Caller&) {
    return app::BeijingDay(clock_.NowMs());
  };
  f["new_ma_claim"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaClaim(p, false));
  };
  f["new_approved_ma_claim"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaClaim(p, true));
  };
  f["new_ma_list"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaList(p, false));
  };
  f["new_sent_ma_list"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewMaList(p, true));
  };
  // A worker caller is bound to a new member of district A's union1 first; the side's plan
  // then enrols union1 of the side: on the "in" side the caller's member is covered, on the
  // "out" side the plan is another district's (404).
  // A claim of the worker caller's own member on the "in" side (bound as for my_ma_plan), of
  // the side's new member on the "out" side.
  f["my_ma_claim"] = [this](const Place& p, Side side, const Caller& c) {
    std::int64_t mine = 0;
    if (!c.phone.empty()) mine = BindCaller(PlaceOf(Side::kIn), c);
    const std::int64_t plan = NewMaEnrolled(p);
    app::MutualAidService ma(*db_, clock_, random_, app_->audit());
    app::NewMaClaim in;
    in.plan_id = plan;
    in.member_id = side == Side::kIn && mine != 0 ? mine : last_ma_member_;
    in.benefit_code = "fire";
    in.incident_date = app::BeijingDay(clock_.NowMs());
    in.loss_fen = 100'000;
    auto claim = ma.FileClaim(p.builder, in);
    EXPECT_TRUE(claim.has_value()) << Describe(claim.error());
    return std::to_string(claim ? claim->row.id : 0);
  };
  f["my_ma_plan"] = [this](const Place& p, Side, const Caller& c) {
    if (!c.phone.empty()) BindCaller(PlaceOf(Side::kIn), c);
    return std::to_string(NewMaEnrolled(p));
  };
}

}  // namespace zj::test
