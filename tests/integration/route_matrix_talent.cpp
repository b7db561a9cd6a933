// The role × route matrix's talent world (issue 22): per case, a new member of the side's union1
// with a talent entry of the trade "matrix" (made by the side's staff builder), and a new studio
// of the side's district led by the side's member, funded 3 years from this year.
#include "app/beijing_day.h"
#include "app/talent/talent_service.h"
#include "route_matrix_world.h"

namespace zj::test {

namespace {

int ThisYear(const app::Clock& clock) {
  return std::stoi(app::BeijingDay(clock.NowMs()).substr(0, 4));
}

}  // namespace

std::int64_t RouteMatrixTest::NewTalentMember(const Place& p) {
  const std::int64_t member = NewMember(p, p.union1);
  app::TalentService talent(*db_, clock_, random_, app_->audit());
  auto set = talent.Set(p.builder, member, {"matrix", "4", "", "cadre"});
  EXPECT_TRUE(set.has_value()) << Describe(set.error());
  return member;
}

std::int64_t RouteMatrixTest::NewStudio(const Place& p) {
  app::NewStudio in;
  in.org_id = p.district.id;
  in.name = "矩阵创新工作室";
  in.lead_member_id = p.member;
  in.trade = "matrix";
  in.founded_year = ThisYear(clock_);
  in.funding_first_year = ThisYear(clock_);
  app::TalentService talent(*db_, clock_, random_, app_->audit());
  auto studio = talent.CreateStudio(p.builder, in);
  EXPECT_TRUE(studio.has_value()) << Describe(studio.error());
  return studio ? studio->row.id : 0;
}

void RouteMatrixTest::DefineTalentPlaceholders() {
  auto& f = placeholders_;
  f["talent_member"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewTalentMember(p));
  };
  f["studio"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewStudio(p));
  };
  f["this_year"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(ThisYear(clock_));
  };
}

}  // namespace zj::test
