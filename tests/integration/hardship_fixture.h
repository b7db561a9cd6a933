// The fixture of the hardship files' integration tests (hardship_test.cpp,
// hardship_close_test.cpp): cadres and an operator of district A, the two districts' region codes,
// standards loaded by the administrator, and a household entered by hand.
#pragma once

#include "members_fixture.h"

namespace zj::test {

constexpr std::int64_t kDibao = 145000;  // ¥1,450 a month (sample)

class HardshipTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    cadre_a_ = MakeUser("cadre-a", "cadre", district_a_);
    operator_a_ = MakeUser("operator-a", "operator", district_a_);
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto a = store::FindOrgById(**lease, district_a_.id);
    auto b = store::FindOrgById(**lease, district_b_.id);
    ASSERT_OK(a);
    ASSERT_OK(b);
    ASSERT_TRUE(*a && (*a)->region_code && *b && (*b)->region_code);
    region_a_ = *(*a)->region_code;
    region_b_ = *(*b)->region_code;
  }

  void LoadStandard(const std::string& region, int year, std::int64_t dibao) {
    app::StandardInput in{region, year, dibao, std::nullopt, std::nullopt, "样例"};
    ASSERT_OK(app_->standards().Load(admin_, in));
  }

  //! A household entered by hand in `org`: `size` people with `income` each a year.
  app::NewHardshipFile ByHand(const OrgRef& org, int first_sequence, int size,
                              std::int64_t income_each) {
    app::NewHardshipFile f;
    f.org_id = org.id;
    f.year = 2026;
    f.main_cause = "illness";
    f.secondary_causes = {"low_wage"};
    for (int i = 0; i < size; ++i) {
      f.household.push_back({i == 0 ? "self" : "child", i == 0 ? "王秀英" : "王小明",
                             MakeIdNumber("110101", "19850612", first_sequence + i), income_each,
                             std::nullopt});
    }
    return f;
  }

  app::HardshipFileDetail Open(const app::Actor& actor, const app::NewHardshipFile& f) {
    auto opened = app_->hardship().Open(actor, f);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    return opened ? *opened : app::HardshipFileDetail{};
  }

  app::Actor cadre_a_, operator_a_;
  std::string region_a_, region_b_;
};

}  // namespace zj::test
