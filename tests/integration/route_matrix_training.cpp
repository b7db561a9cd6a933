// The role × route matrix's training world (issue 22): the side's district's course and an open
// class with one session, made once per test by the district's builder; a new class with the
// side's member seated (to be assessed); and, for a worker caller bound to a new member of
// district A, a new open class of the side to enrol in. District B's are not the caller's: 404.
#include "app/training/training_service.h"
#include "route_matrix_world.h"
#include "store/training.h"

namespace zj::test {

namespace {

constexpr std::int64_t kHour = 3'600'000;

}  // namespace

std::int64_t RouteMatrixTest::TrainingCourse(const Place& p) {
  if (const auto it = training_courses_.find(p.district.id); it != training_courses_.end()) {
    return it->second;
  }
  app::NewCourse in;
  in.org_id = p.district.id;
  in.title = "电工技能提升班";
  in.level_awarded = 3;
  app::TrainingService training(*db_, clock_, random_, app_->audit());
  auto made = training.CreateCourse(p.builder, in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  const std::int64_t id = made ? made->id : 0;
  training_courses_[p.district.id] = id;
  return id;
}

std::int64_t RouteMatrixTest::NewTrainingClass(const Place& p, std::optional<std::int64_t> seated) {
  app::NewClass in;
  in.title = "第一期";
  in.place = "职工服务中心";
  in.opens_at = clock_.NowMs() - kHour;
  in.closes_at = clock_.NowMs() + 5 * 24 * kHour;
  in.starts_at = clock_.NowMs() + 7 * 24 * kHour;
  in.ends_at = in.starts_at + 30 * 24 * kHour;
  in.capacity = 5;
  app::TrainingService training(*db_, clock_, random_, app_->audit());
  auto made = training.CreateClass(p.builder, TrainingCourse(p), in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  if (seated) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (lease) {
      auto e = store::EnrolMember(**lease, made->id, *seated, app::NewId(clock_, random_),
                                  clock_.NowMs());
      EXPECT_TRUE(e.has_value()) << Describe(e.error());
    }
  }
  return made->id;
}

void RouteMatrixTest::DefineTrainingPlaceholders() {
  auto& f = placeholders_;
  f["course"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(TrainingCourse(p));
  };
  f["training_class"] = [this](const Place& p, Side, const Caller&) {
    auto& id = training_classes_[p.district.id];
    if (id == 0) id = NewTrainingClass(p, std::nullopt);
    return std::to_string(id);
  };
  // A session of the side's class, a week from now (a scan now is refused as too early: 200).
  f["class_session"] = [this](const Place& p, Side, const Caller&) {
    auto& id = class_sessions_[p.district.id];
    if (id != 0) return std::to_string(id);
    auto& k = training_classes_[p.district.id];
    if (k == 0) k = NewTrainingClass(p, std::nullopt);
    std::int64_t starts = 0;
    {
      auto lease = db_->Acquire();
      EXPECT_TRUE(lease.has_value());
      if (!lease) return std::string("0");
      auto row = store::FindClass(**lease, k);
      EXPECT_TRUE(row && *row);
      if (!row || !*row) return std::string("0");
      starts = (*row)->starts_at;
    }
    app::TrainingService training(*db_, clock_, random_, app_->audit());
    auto s = training.AddSession(p.builder, k, {starts, starts + 2 * kHour, "301 教室"});
    EXPECT_TRUE(s.has_value()) << Describe(s.error());
    id = s ? s->id : 0;
    return std::to_string(id);
  };
  f["class_times"] = [this](const Place&, Side, const Caller&) {
    const std::int64_t now = clock_.NowMs();
    return "\"opens_at\":" + std::to_string(now - kHour) +
           ",\"closes_at\":" + std::to_string(now + 24 * kHour) +
           ",\"starts_at\":" + std::to_string(now + 2 * 24 * kHour) +
           ",\"ends_at\":" + std::to_string(now + 9 * 24 * kHour);
  };
  // Within the side's class (a week from now, for a month).
  f["session_times"] = [this](const Place&, Side, const Caller&) {
    const std::int64_t at = clock_.NowMs() + 8 * 24 * kHour;
    return "\"starts_at\":" + std::to_string(at) + ",\"ends_at\":" + std::to_string(at + kHour);
  };
  f["new_class_with_member"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewTrainingClass(p, p.member));
  };
  f["new_open_class"] = [this](const Place& p, Side, const Caller& c) {
    if (!c.phone.empty()) BindCaller(PlaceOf(Side::kIn), c);
    return std::to_string(NewTrainingClass(p, std::nullopt));
  };
}

}  // namespace zj::test
