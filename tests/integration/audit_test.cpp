// The audit log on both stores: entries are found by user, action, target and time, newest
// first in cursor pages; each reader sees only their subtree; and the store itself refuses
// to change or remove an entry.
#include "store/audit.h"

#include "scoped_actors.h"

namespace zj::test {
namespace {

class AuditTest : public ScopedActorsTest {
 protected:
  void Record(const app::Actor& actor, const std::string& action, const std::string& target_id,
              std::vector<std::pair<std::string, std::string>> detail = {}) {
    ASSERT_OK(app_->audit().Record(
        app::AuditActor::From(actor),
        app::AuditEvent{action, "user", target_id, "ok", "192.0.2.1", std::move(detail)}));
    clock_.Advance(1000);
  }

  std::int64_t CountEntries() {
    static constexpr store::Sql kCount{"test.audit.count", "SELECT COUNT(*) FROM audit_log"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, {});
    EXPECT_TRUE(rows.has_value());
    return rows->at(0).Int(0);
  }

  static std::vector<std::string> Actions(const app::AuditPage& page) {
    std::vector<std::string> out;
    out.reserve(page.entries.size());
    for (const auto& e : page.entries) out.push_back(e.action);
    return out;
  }
};

TEST_P(AuditTest, TheStoreRefusesToUpdateOrDeleteAnEntry) {
  const auto staff = MakeUser("audit-staff", "staff", district_a_);
  Record(staff, "user.update", "1");
  const std::int64_t before = CountEntries();
  static constexpr store::Sql kUpdate{"test.audit.update", "UPDATE audit_log SET outcome = 'ok2'"};
  static constexpr store::Sql kDelete{"test.audit.delete", "DELETE FROM audit_log"};
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    EXPECT_FALSE((**lease).Execute(kUpdate, {}).has_value());
    EXPECT_FALSE((**lease).Execute(kDelete, {}).has_value());
    if (GetParam() == store::Backend::kPostgres) {
      static constexpr store::Sql kTruncate{"test.audit.truncate", "TRUNCATE audit_log"};
      EXPECT_FALSE((**lease).Execute(kTruncate, {}).has_value());
    }
  }
  EXPECT_EQ(CountEntries(), before);
  auto page = app_->audit().Search(staff, {});
  ASSERT_OK(page);
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].outcome, "ok");
}

TEST_P(AuditTest, EntriesAreFoundByUserActionTargetAndTimeRange) {
  const auto staff = MakeUser("audit-staff", "staff", district_a_);
  const auto cadre = MakeUser("street-cadre", "cadre", street_a_);
  const std::int64_t t0 = clock_.NowMs();
  Record(staff, "user.create", "10", {{"role", "cadre"}});
  Record(cadre, "personal_data.reveal", "11", {{"reason", "回访 \"来电\""}});
  Record(staff, "personal_data.reveal", "12");

  app::AuditFilter by_user;
  by_user.username = "street-cadre";
  auto page = app_->audit().Search(staff, by_user);
  ASSERT_OK(page);
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].target_id, "11");
  EXPECT_EQ(page->entries[0].remote_addr, "192.0.2.1");
  EXPECT_EQ(page->entries[0].detail, R"({"reason":"回访 \"来电\""})");
  EXPECT_EQ(page->entries[0].actor_user_id, cadre.user_id);

  app::AuditFilter by_action;
  by_action.action = "personal_data.reveal";
  page = app_->audit().Search(staff, by_action);
  ASSERT_OK(page);
  EXPECT_EQ(page->entries.size(), 2u);

  app::AuditFilter by_target;
  by_target.target_type = "user";
  by_target.target_id = "12";
  page = app_->audit().Search(staff, by_target);
  ASSERT_OK(page);
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].actor_username, "audit-staff");

  app::AuditFilter by_time;  // [t0 + 1 s, t0 + 2 s) holds only the second entry
  by_time.from_ms = t0 + 1000;
  by_time.to_ms = t0 + 2000;
  page = app_->audit().Search(staff, by_time);
  ASSERT_OK(page);
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].target_id, "11");
}

TEST_P(AuditTest, PagesRunNewestFirstAndTheCursorContinuesWithoutOverlap) {
  const auto staff = MakeUser("audit-staff", "staff", district_a_);
  for (int i = 0; i < 5; ++i) Record(staff, "user.update", std::to_string(i));
  app::AuditFilter filter;
  filter.limit = 2;
  std::vector<std::string> seen;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = app_->audit().Search(staff, filter);
    ASSERT_OK(page);
    for (const auto& e : page->entries) seen.push_back(e.target_id);
    if (!page->next_cursor) break;
    filter.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"4", "3", "2", "1", "0"}));
}

TEST_P(AuditTest, StaffSeeTheirSubtreeOnly) {
  const auto staff_a = MakeUser("staff-a", "staff", district_a_);
  const auto staff_b = MakeUser("staff-b", "staff", district_b_);
  const auto street = MakeUser("street-cadre", "cadre", street_a_);
  const auto root_admin = MakeUser("root-admin", "admin", root_);
  Record(staff_a, "user.update", "a");
  Record(street, "user.update", "street");
  Record(staff_b, "user.update", "b");

  auto a = app_->audit().Search(staff_a, {});
  ASSERT_OK(a);
  EXPECT_EQ(a->entries.size(), 2u);  // the district's own entry and its street's
  auto b = app_->audit().Search(staff_b, {});
  ASSERT_OK(b);
  ASSERT_EQ(b->entries.size(), 1u);
  EXPECT_EQ(b->entries[0].target_id, "b");
  auto all = app_->audit().Search(root_admin, {});
  ASSERT_OK(all);
  EXPECT_EQ(all->entries.size(), 3u);
}

TEST_P(AuditTest, TheSystemsEntriesAreSeenByRootAdministratorsOnly) {
  const auto staff_a = MakeUser("staff-a", "staff", district_a_);
  const auto root_admin = MakeUser("root-admin", "admin", root_);
  ASSERT_OK(app_->audit().Record(app::AuditActor::System(),
                                 app::AuditEvent{"keys.rotate", "key_file", "2", "ok", {}, {}}));
  auto root = app_->audit().Search(root_admin, {});
  ASSERT_OK(root);
  ASSERT_EQ(root->entries.size(), 1u);
  EXPECT_EQ(root->entries[0].action, "keys.rotate");
  EXPECT_FALSE(root->entries[0].actor_user_id.has_value());
  auto district = app_->audit().Search(staff_a, {});
  ASSERT_OK(district);
  EXPECT_TRUE(district->entries.empty());
}

TEST_P(AuditTest, WorkersCadresAndUsersWithoutAnOrgMayNotSearch) {
  for (const auto& actor :
       {MakeUser("worker", "worker", std::nullopt), MakeUser("cadre", "cadre", street_a_),
        MakeUser("orgless-admin", "admin", std::nullopt)}) {
    ExpectError(app_->audit().Search(actor, {}), ErrorCode::kPermissionDenied,
                "error.audit.forbidden");
  }
}

TEST_P(AuditTest, LimitOutsideOneTo200AndBadCursorsOrRangesAreInvalid) {
  const auto staff = MakeUser("audit-staff", "staff", district_a_);
  for (int limit : {0, 201}) {
    app::AuditFilter filter;
    filter.limit = limit;
    ExpectError(app_->audit().Search(staff, filter), ErrorCode::kInvalidArgument,
                "error.invalid_input");
  }
  app::AuditFilter cursor;
  cursor.cursor = "abc";
  ExpectError(app_->audit().Search(staff, cursor), ErrorCode::kInvalidArgument,
              "error.invalid_input");
  app::AuditFilter range;
  range.from_ms = 2000;
  range.to_ms = 1000;
  ExpectError(app_->audit().Search(staff, range), ErrorCode::kInvalidArgument,
              "error.invalid_input");
  app::AuditFilter max;
  max.limit = app::kAuditMaxLimit;
  ASSERT_OK(app_->audit().Search(staff, max));
}

TEST_P(AuditTest, EntriesCarryTheActorsFederationAsShardKey) {
  const auto street = MakeUser("street-cadre", "cadre", street_a_);
  Record(street, "user.update", "x");
  static constexpr store::Sql kFed{"test.audit.federation",
                                   "SELECT federation_id, actor_org_path FROM audit_log"};
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto rows = (**lease).Query(kFed, {});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Int(0), root_.id);
  EXPECT_EQ(rows->at(0).Text(1), street_a_.path);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AuditTest);

}  // namespace
}  // namespace zj::test
