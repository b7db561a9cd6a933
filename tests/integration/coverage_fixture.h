// A fixture for the organisations, enterprises and coverage use cases: the scoped-actors demo
// tree, staff of district A and B, and small factories for unions and enterprises with valid
// unified social credit codes.
#pragma once

#include <string>
#include <vector>

#include "core/enterprises/uscc.h"
#include "scoped_actors.h"

namespace zj::test {

//! A valid USCC: "91" + a Beijing district prefix + a serial, with its check character.
inline std::string Uscc(int serial) {
  const std::string first17 = "91110101" + std::to_string(1000000000 + serial).substr(1);
  return first17 + *enterprises::UsccCheckCharacter(first17);
}

class CoverageTest : public ScopedActorsTest {
 protected:
  void SetUp() override {
    ScopedActorsTest::SetUp();
    if (HasFatalFailure()) return;
    staff_a_ = MakeUser("staff.a", "staff", district_a_);
    staff_b_ = MakeUser("staff.b", "staff", district_b_);
    streets_a_ = StreetsOf(district_a_.id);
    streets_b_ = StreetsOf(district_b_.id);
    ASSERT_GE(streets_a_.size(), 2u);
    ASSERT_GE(streets_b_.size(), 2u);
  }

  struct Street {
    std::int64_t id = 0;
    std::string code;  //!< also its GB/T 2260 region code
  };

  std::vector<Street> StreetsOf(std::int64_t district_id) {
    static constexpr store::Sql kStreets{
        "test.orgs.streets", "SELECT id, code FROM orgs WHERE parent_id = $1 ORDER BY code"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kStreets, Params(district_id));
    EXPECT_TRUE(rows.has_value());
    std::vector<Street> out;
    for (const auto& r : *rows) out.push_back({r.Int(0), r.Text(1)});
    return out;
  }

  //! A person's name for serial `n` ("会员" and its digits written 零一二…九): names carry no
  //! digits (core/text/person_name.h).
  static std::string PersonName(int n) {
    static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                              "五", "六", "七", "八", "九"};
    std::string name = "会员";
    for (const char digit : std::to_string(n)) name += kDigits[digit - '0'];
    return name;
  }

  app::OrgView AddUnion(const std::string& code, std::int64_t street_id) {
    app::NewOrg org;
    org.code = code;
    org.name = code + " 工会";
    org.kind = "grassroots";
    org.parent_id = street_id;
    auto created = app_->orgs().Create(app::SystemActor(), org);
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created.value_or(app::OrgView{});
  }

  app::NewEnterprise Enterprise(int serial, const std::string& street, std::int64_t employees,
                                std::optional<std::int64_t> union_id = std::nullopt,
                                const std::string& industry = "C") {
    app::NewEnterprise e;
    e.name = "企业" + std::to_string(serial);
    e.uscc = Uscc(serial);
    e.region_code = street;
    e.industry = industry;
    e.ownership = "private";
    e.employees = employees;
    e.employees_reported_on = "2026-06-30";
    e.union_org_id = union_id;
    return e;
  }

  app::EnterpriseView AddEnterprise(const app::NewEnterprise& e) {
    auto created = app_->enterprises().Create(app::SystemActor(), e);
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created.value_or(app::EnterpriseView{});
  }

  coverage::Figures FiguresOf(std::int64_t org_id) {
    auto c = app_->coverage().Of(app::SystemActor(), org_id);
    EXPECT_TRUE(c.has_value()) << (c ? "" : Describe(c.error()));
    return c ? c->figures : coverage::Figures{};
  }

  //! Fails the test with every difference the recount finds.
  void ExpectRollupsMatchRecount() {
    auto report = app_->coverage().Verify();
    ASSERT_OK(report);
    for (const auto& d : report->differences) {
      ADD_FAILURE() << d.org_code << " " << d.figure << ": stored " << d.stored << ", recounted "
                    << d.recounted;
    }
  }

  app::Actor staff_a_, staff_b_;
  std::vector<Street> streets_a_, streets_b_;
};

}  // namespace zj::test
