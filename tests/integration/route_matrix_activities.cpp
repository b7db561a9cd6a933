// The role × route matrix's activities world (issue 22): fresh activities of the side's district
// per case — a draft, an open one, one with the side's member registered (its registration kept
// for {its_registration}) — and, for a worker caller bound to a new member of district A, an open
// activity of the side it is registered for, or offered a seat of (another member seated, the
// caller waitlisted, the seat freed). District B's are not the caller's: 404.
#include "app/activities/activity_service.h"
#include "route_matrix_world.h"
#include "store/activities.h"

namespace zj::test {

namespace {

constexpr std::int64_t kHour = 3'600'000;

}  // namespace

std::int64_t RouteMatrixTest::NewActivity(const Place& p, bool open) {
  app::NewActivity in;
  in.org_id = p.district.id;
  auto& f = in.fields;
  f.kind = "sport";
  f.title = "职工足球杯";
  f.place = "体育中心";
  f.opens_at = clock_.NowMs() - kHour;
  f.closes_at = clock_.NowMs() + 5 * 24 * kHour;
  f.starts_at = clock_.NowMs() + 7 * 24 * kHour;
  f.ends_at = *f.starts_at + 2 * kHour;
  f.capacity = 1;
  app::ActivityService activities(*db_, clock_, random_, app_->audit());
  auto made = activities.Create(p.builder, in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  if (open) {
    auto opened = activities.Open(p.builder, made->row.id);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
  }
  return made->row.id;
}

void RouteMatrixTest::DefineActivityPlaceholders() {
  auto& f = placeholders_;
  f["activity"] = [](const Place& p, Side, const Caller&) { return std::to_string(p.activity); };
  f["new_activity"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewActivity(p, false));
  };
  // Open, of the side's district; a worker caller is bound to a new member of district A first.
  f["new_open_activity"] = [this](const Place& p, Side, const Caller& c) {
    if (!c.phone.empty()) BindCaller(PlaceOf(Side::kIn), c);
    return std::to_string(NewActivity(p, true));
  };
  // Open, with the side's member registered (filled left to right: then {its_registration}).
  f["new_activity_with_reg"] = [this](const Place& p, Side, const Caller&) {
    const std::int64_t id = NewActivity(p, true);
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return std::string("0");
    auto reg =
        store::RegisterMember(**lease, id, p.member, app::NewId(clock_, random_), clock_.NowMs());
    EXPECT_TRUE(reg.has_value()) << Describe(reg.error());
    last_registration_ = reg ? reg->id : 0;
    return std::to_string(id);
  };
  f["its_registration"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(last_registration_);
  };
  // Open; a worker caller (bound in district A) registered for it on the "in" side.
  f["my_registered_activity"] = [this](const Place& p, Side side, const Caller& c) {
    std::int64_t member = 0;
    if (!c.phone.empty()) member = BindCaller(PlaceOf(Side::kIn), c);
    const std::int64_t id = NewActivity(p, true);
    if (side == Side::kIn && member != 0) {
      auto lease = db_->Acquire();
      EXPECT_TRUE(lease.has_value());
      if (lease) {
        auto reg =
            store::RegisterMember(**lease, id, member, app::NewId(clock_, random_), clock_.NowMs());
        EXPECT_TRUE(reg.has_value()) << Describe(reg.error());
      }
    }
    return std::to_string(id);
  };
  // Open, one seat: the side's member seated, the worker caller waitlisted, then the seat freed
  // by staff, so the caller holds an offer (on the "in" side).
  f["my_offered_activity"] = [this](const Place& p, Side side, const Caller& c) {
    std::int64_t member = 0;
    if (!c.phone.empty()) member = BindCaller(PlaceOf(Side::kIn), c);
    const std::int64_t id = NewActivity(p, true);
    if (side == Side::kIn && member != 0) {
      auto lease = db_->Acquire();
      EXPECT_TRUE(lease.has_value());
      if (!lease) return std::to_string(id);
      auto& conn = **lease;
      const std::int64_t now = clock_.NowMs();
      EXPECT_TRUE(
          store::RegisterMember(conn, id, p.member, app::NewId(clock_, random_), now).has_value());
      EXPECT_TRUE(
          store::RegisterMember(conn, id, member, app::NewId(clock_, random_), now).has_value());
      std::vector<store::SeatChange> changes;
      EXPECT_TRUE(store::CancelRegistration(conn, id, p.member, true, std::nullopt, now, changes)
                      .has_value());
      EXPECT_EQ(changes.size(), 1u);
    }
    return std::to_string(id);
  };
}

}  // namespace zj::test
