// Members reached online kept in the coverage rollups (issue 19), on both stores: after
// bindings (at once and approved by a cadre), a transfer, a member leaving and an org move,
// every org's rolled-up figure equals a fresh count of its subtree's active bound members, the
// coverage page shows it, and Verify finds no difference.
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/migrations.h"
#include "store/worker_accounts.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

class MembersOnlineRollupTest : public WorkerTest {
 protected:
  //! The rolled-up figure of each org that matters equals a fresh count of its subtree.
  void ExpectRollupsMatchCounts(const std::string& when) {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const OrgRef* org :
         {&root_, &district_a_, &district_b_, &street_a_, &union_a_, &union_b_}) {
      auto stored = store::RollupOf(**lease, org->id);
      ASSERT_OK(stored);
      auto fresh_org = app_->orgs().Get(admin_, org->id);  // its path after any move
      ASSERT_OK(fresh_org);
      const OrgPath path = OrgPath::FromStored(fresh_org->org.path);
      auto counted =
          store::CountMembersReachedOnline(**lease, path.SubtreeLow(), path.SubtreeHigh());
      ASSERT_OK(counted);
      EXPECT_EQ(stored->members_online, *counted) << when << ": " << org->name;
    }
    auto report = app_->coverage().Verify();
    ASSERT_OK(report);
    for (const auto& d : report->differences) {
      ADD_FAILURE() << when << ": Verify: " << d.org_code << " " << d.figure << " stored "
                    << d.stored << " recounted " << d.recounted;
    }
  }

  std::int64_t OnlineOf(const OrgRef& org) {
    auto coverage = app_->coverage().Of(admin_, org.id);
    EXPECT_TRUE(coverage.has_value());
    return coverage ? coverage->members_online : -1;
  }
};

TEST_P(MembersOnlineRollupTest, RolledUpFigureEqualsAFreshCountAfterBindingsTransferAndLeaving) {
  const auto at_once = MemberWithPhone("张晓林", 11, "13912345678");
  const auto approved = MemberWithPhone("王芳", 22, "13800001111");
  MemberWithPhone("李强", 33, "13700002222");  // never signs in
  ExpectRollupsMatchCounts("before any binding");
  EXPECT_EQ(OnlineOf(root_), 0);

  // Bound at once: same phone.
  const auto first = SignIn("13912345678");
  ASSERT_OK(app_->bindings().Bind(first.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                  "192.0.2.10"));
  // Bound by a cadre's approval: another phone.
  const auto second = SignIn("13600003333");
  auto asked = app_->bindings().Bind(second.actor, "王芳", MakeIdNumber("110101", "19900307", 22),
                                     "192.0.2.11");
  ASSERT_OK(asked);
  ASSERT_EQ(asked->state, "pending");
  EXPECT_EQ(OnlineOf(union_a_), 1) << "a pending binding reaches no one yet";
  auto pending = app_->bindings().List(staff_a_, {});
  ASSERT_OK(pending);
  ASSERT_EQ(pending->items.size(), 1u);
  ASSERT_OK(app_->bindings().Approve(staff_a_, pending->items[0].row.id, "电话核实"));
  ExpectRollupsMatchCounts("after two bindings");
  EXPECT_EQ(OnlineOf(union_a_), 2);
  EXPECT_EQ(OnlineOf(district_a_), 2);
  EXPECT_EQ(OnlineOf(root_), 2);

  // A transfer moves the bound member's count to the receiving union's path.
  auto t = app_->transfers().RequestFromSender(staff_a_, at_once.row.id, union_b_.id, "工作调动");
  ASSERT_OK(t);
  ASSERT_OK(app_->transfers().Approve(staff_b_, t->row.id, "欢迎"));
  ExpectRollupsMatchCounts("after a transfer");
  EXPECT_EQ(OnlineOf(union_a_), 1);
  EXPECT_EQ(OnlineOf(district_b_), 1);
  EXPECT_EQ(OnlineOf(root_), 2);

  // A member who leaves is no longer reached.
  app::MemberPatch leave;
  leave.status = "left";
  ASSERT_OK(app_->members().Update(staff_a_, approved.row.id, leave));
  ExpectRollupsMatchCounts("after a member left");
  EXPECT_EQ(OnlineOf(union_a_), 0);
  EXPECT_EQ(OnlineOf(root_), 1);

  // The figure moves with an org that moves.
  ASSERT_OK(app_->orgs().Move(admin_, union_b_.id, district_a_.id));
  ExpectRollupsMatchCounts("after the union moved");
  EXPECT_EQ(OnlineOf(district_a_), 1);
  EXPECT_EQ(OnlineOf(district_b_), 0);
}

TEST_P(MembersOnlineRollupTest, ABindingMovedToAnotherAccountCountsTheMemberOnce) {
  const auto member = MemberWithPhone("张晓林", 11, "13912345678");
  const auto first = SignIn("13912345678");
  ASSERT_OK(app_->bindings().Bind(first.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                  "192.0.2.10"));
  // A second account (another phone) asks for the same member; the cadre moves the binding.
  const auto second = SignIn("13600003333");
  auto asked = app_->bindings().Bind(second.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                     "192.0.2.11");
  ASSERT_OK(asked);
  ASSERT_EQ(asked->state, "pending");
  auto pending = app_->bindings().List(staff_a_, {});
  ASSERT_OK(pending);
  ASSERT_EQ(pending->items.size(), 1u);
  ASSERT_OK(app_->bindings().Approve(staff_a_, pending->items[0].row.id, "本人换号"));
  ExpectRollupsMatchCounts("after the binding moved");
  EXPECT_EQ(OnlineOf(union_a_), 1);
  (void)member;
}

TEST_P(MembersOnlineRollupTest, TheMigrationBackfillsTheFigureFromTheRegistry) {
  MemberWithPhone("张晓林", 11, "13912345678");
  const auto worker = SignIn("13912345678");
  ASSERT_OK(app_->bindings().Bind(worker.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                  "192.0.2.10"));
  // As before migration 0019: nothing counted; then its backfill statement, as it runs there.
  std::string backfill;
  for (const auto& m : store::EmbeddedMigrations()) {
    if (m.version != 19) continue;
    const auto start = m.sql.find("UPDATE coverage_rollups SET members_online");
    ASSERT_NE(start, std::string_view::npos);
    backfill = std::string(m.sql.substr(start, m.sql.find(';', start) - start));
  }
  ASSERT_FALSE(backfill.empty());
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((*lease)->Execute(
        store::Sql{"test.zero_online", "UPDATE coverage_rollups SET members_online = 0"}, {}));
    EXPECT_EQ(OnlineOf(union_a_), 0);
    ASSERT_OK((*lease)->Execute(store::Sql{"test.backfill_online", backfill}, {}));
  }
  ExpectRollupsMatchCounts("after the backfill");
  EXPECT_EQ(OnlineOf(union_a_), 1);
  EXPECT_EQ(OnlineOf(root_), 1);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MembersOnlineRollupTest);

}  // namespace
}  // namespace zj::test
