// The role × route matrix's competitions world (issue 21): a competition of each side's district
// (made by the side's builder) with one group of enterprises and the side's enterprise enrolled,
// and fresh ones per case: still enrolling, with an entry (its id kept for {its_entry}), or with
// its list frozen.
#include "route_matrix_world.h"

namespace zj::test {

namespace {

app::NewCompetition MatrixCompetition(std::int64_t org_id) {
  app::NewCompetition c;
  c.org_id = org_id;
  c.title = "园区劳动竞赛";
  c.groups = {{"enterprises", "企业组", "enterprise", {{{"effect", "实际效果", 10000, 100}}}}};
  c.veto_items = {{"wage_arrears", "拖欠工资"}};
  return c;
}

}  // namespace

std::int64_t RouteMatrixTest::NewCompetition(const Place& p, int stage) {
  auto made = app_->competitions().Create(p.builder, MatrixCompetition(p.district.id));
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  const std::int64_t id = made->row.id;
  if (stage == 0) return id;
  auto entered =
      app_->competitions().Enrol(p.builder, id, {"enterprises", p.enterprise, {}, "", {}});
  EXPECT_TRUE(entered.has_value()) << Describe(entered.error());
  if (entered) last_comp_entry_ = entered->row.id;
  if (stage == 2) {
    auto frozen = app_->competitions().Freeze(p.builder, id);
    EXPECT_TRUE(frozen.has_value()) << Describe(frozen.error());
  }
  return id;
}

void RouteMatrixTest::DefineCompetitionPlaceholders() {
  auto& f = placeholders_;
  f["competition"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.competition);
  };
  f["comp_entry"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.comp_entry);
  };
  f["new_competition"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 0));
  };
  // Filled left to right: the competition first, then the entry it was made with.
  f["new_comp_with_entry"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 1));
  };
  f["its_entry"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(last_comp_entry_);
  };
  f["new_frozen_competition"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 2));
  };
}

}  // namespace zj::test
