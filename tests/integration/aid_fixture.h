// The aid tests' federation (aid_test.cpp, case_dashboard_test.cpp): 低保 standards for two
// districts, the rules (深度 living allowance 10 months of 低保, festival ¥500), approval limits
// (grassroots ≤ ¥2,000, streets ≤ ¥10,000, districts above) and district budgets; cadres at
// every level of district A and one of district B; active files and proposals in one call.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_active.h"
#include "members_fixture.h"

namespace zj::test {

inline constexpr std::int64_t kDibao = 145000;        // ¥1,450 a month (sample)
inline constexpr std::int64_t kLiving = 10 * kDibao;  // 深度 living allowance: 10 months

class AidTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    cadre_a_ = MakeUser("cadre-a", "cadre", district_a_);
    cadre_b_ = MakeUser("cadre-b", "cadre", district_b_);
    street_cadre_ = MakeUser("cadre-street", "cadre", street_a_);
    union_cadre_ = MakeUser("cadre-union", "cadre", union_a_);
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const auto* d : {&district_a_, &district_b_}) {
      auto org = store::FindOrgById(**lease, d->id);
      ASSERT_OK(org);
      ASSERT_TRUE(*org && (*org)->region_code);
      ASSERT_OK(app_->standards().Load(
          admin_, {*(*org)->region_code, 2026, kDibao, std::nullopt, std::nullopt, "样例"}));
    }
    // The federation's rules: 深度 living 10 months of 低保; 相对 medical 80 % ≤ ¥16,000;
    // festival ¥500. Grassroots approve ≤ ¥2,000, streets ≤ ¥10,000, districts above.
    ASSERT_OK(
        app_->aid_rules().LoadRule(admin_, {root_.id, 2026, "living", "deep", "months_of_dibao", 10,
                                            0, 0, std::nullopt, "household"}));
    ASSERT_OK(app_->aid_rules().LoadRule(admin_, {root_.id, 2026, "festival", "deep", "fixed", 0,
                                                  50000, 0, std::nullopt, "household"}));
    for (const char* kind : {"living", "festival"}) {
      ASSERT_OK(app_->aid_rules().LoadLimit(admin_, {root_.id, kind, "grassroots", 200000}));
      ASSERT_OK(app_->aid_rules().LoadLimit(admin_, {root_.id, kind, "street", 1000000}));
      for (const auto* d : {&district_a_, &district_b_}) {
        ASSERT_OK(app_->aid_rules().LoadBudget(admin_, {d->id, 2026, kind, 10'000'000}));
      }
    }
  }

  //! A household of `size` people without income in `org` (深度), IDs from `sequence` on.
  app::HardshipFileDetail OpenFile(const app::Actor& actor, const OrgRef& org, int sequence,
                                   int size = 1) {
    app::NewHardshipFile f;
    f.org_id = org.id;
    f.year = 2026;
    f.main_cause = "illness";
    for (int i = 0; i < size; ++i) {
      f.household.push_back({i == 0 ? "self" : "child", "王秀英",
                             MakeIdNumber("110101", "19850612", sequence + i), 0, std::nullopt});
    }
    auto opened = app_->hardship().Open(actor, f);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    if (opened) ActivateHardshipFile(*db_, opened->file.row.id);
    return opened ? *opened : app::HardshipFileDetail{};
  }

  app::AidGrantDetail Propose(const app::Actor& actor, std::int64_t file, const std::string& kind,
                              std::optional<std::int64_t> amount = std::nullopt) {
    auto proposed = app_->aid().Propose(actor, {file, kind, "2026", amount, 0, 0});
    EXPECT_TRUE(proposed.has_value()) << Describe(proposed.error());
    return proposed ? *proposed : app::AidGrantDetail{};
  }

  store::BudgetRow Budget(const OrgRef& org, const std::string& kind) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto b = store::FindBudget(**lease, org.id, 2026, kind);
    EXPECT_TRUE(b.has_value() && b->has_value());
    return b && *b ? **b : store::BudgetRow{};
  }

  std::int64_t AuditCount(const std::string& action, std::int64_t grant) {
    static constexpr store::Sql kCount{
        "test.aid.audit_count",
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND target_id = $2"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(action, std::to_string(grant)));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }

  app::Actor cadre_a_, cadre_b_, street_cadre_, union_cadre_;
};

}  // namespace zj::test
