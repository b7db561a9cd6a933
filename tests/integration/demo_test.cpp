// The demo federation on both stores: Beijing's real districts and streets under the municipal
// federation, loaded once however often the command runs, with a working administrator login.
#include <map>
#include <set>

#include "app/demo/demo_requests.h"
#include "app/demo/demo_topics.h"
#include "app/members/member_access.h"
#include "app/regions/embedded_regions.h"
#include "app_fixture.h"
#include "core/members/member_fields.h"
#include "core/members/national_id.h"
#include "core/orgs/org_path.h"
#include "store/accounts.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/member_bulk.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

class DemoTest : public AppTest {};

std::size_t ExpectedBeijingOrgs() {
  const RegionTable& regions = app::BuiltinRegions();
  std::size_t n = 1;  // the municipal federation
  for (const Region* district : regions.Children("1101"))
    n += 1 + regions.Children(district->code).size();
  return n;
}

TEST_P(DemoTest, LoadsBeijingWithItsSixteenDistrictsAndAllTheirStreets) {
  app::DemoOptions options;
  options.admin_password = "Demo-Pass-2026";
  auto report = app_->demo().Load(options);
  ASSERT_OK(report);
  EXPECT_EQ(static_cast<std::size_t>(report->orgs_created), ExpectedBeijingOrgs());
  EXPECT_GT(report->orgs_created, 300);  // 16 districts and more than 300 streets

  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto city = store::FindOrgByCode(**lease, "110000");
  ASSERT_OK(city);
  ASSERT_TRUE(city->has_value());
  EXPECT_EQ((*city)->name, "北京市总工会");
  auto dongcheng = store::FindOrgByCode(**lease, "110101");
  ASSERT_OK(dongcheng);
  ASSERT_TRUE(dongcheng->has_value());
  EXPECT_EQ((*dongcheng)->name, "北京市东城区总工会");
  EXPECT_EQ((*dongcheng)->parent_id, (*city)->id);
  auto street = store::FindOrgByCode(**lease, "110101001");
  ASSERT_OK(street);
  ASSERT_TRUE(street->has_value());
  EXPECT_EQ((*street)->name, "东华门街道总工会");
  EXPECT_EQ((*street)->kind, "street");
  EXPECT_EQ((*street)->federation_id, (*city)->id);  // the shard key is the municipal federation
  EXPECT_TRUE(OrgPath::FromStored((*city)->path).Contains(OrgPath::FromStored((*street)->path)));
  EXPECT_TRUE(
      OrgPath::FromStored((*dongcheng)->path).Contains(OrgPath::FromStored((*street)->path)));
}

TEST_P(DemoTest, RunningAgainAddsNothingAndResetsTheAdminPassword) {
  app::DemoOptions first;
  first.admin_password = "First-Pass-2026";
  ASSERT_OK(app_->demo().Load(first));
  app::DemoOptions second;
  second.admin_password = "Second-Pass-2026";
  auto again = app_->demo().Load(second);
  ASSERT_OK(again);
  EXPECT_EQ(again->orgs_created, 0);
  EXPECT_EQ(static_cast<std::size_t>(again->orgs_total), ExpectedBeijingOrgs());
  ExpectError(app_->accounts().Login("admin", "First-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
  ASSERT_OK(app_->accounts().Login("admin", "Second-Pass-2026", "127.0.0.1"));
}

TEST_P(DemoTest, GeneratesAnAdminPasswordWhenNoneIsGiven) {
  auto report = app_->demo().Load({});
  ASSERT_OK(report);
  EXPECT_GE(report->admin_password.size(), 12u);
  ASSERT_OK(app_->accounts().Login("admin", report->admin_password, "127.0.0.1"));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(DemoTest);

// --members N: the benchmark's data sets, generated in one bulk load (demo_bulk_members.cpp).
class BulkDemoTest : public AppTest {
 protected:
  static constexpr std::int64_t kMembers = 3000;

  static app::DemoOptions Options(std::int64_t members) {
    app::DemoOptions options;
    options.admin_password = "Demo-Pass-2026";
    options.enterprises_per_street = 3;
    options.bulk_members = members;
    return options;
  }

  //! Every member, by id (the order they were generated in).
  static std::vector<store::MemberRow> AllMembers(store::Database& db) {
    std::vector<store::MemberRow> out;
    auto lease = db.Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return out;
    store::MemberQuery q;
    q.subtree_low = "/";
    q.subtree_high = "0";
    q.limit = 1000;
    for (;;) {
      auto page = store::ListMembers(**lease, q);
      EXPECT_TRUE(page.has_value());
      if (!page || page->empty()) break;
      q.after_id = page->back().id;
      for (auto& m : *page) out.push_back(std::move(m));
    }
    return out;
  }

  //! The generated members: every member but the demo worker's (demo_worker.cpp records it
  //! after the bulk load, 李明华 with no employer; every generated member has one).
  static std::vector<store::MemberRow> BulkMembers(store::Database& db) {
    auto all = AllMembers(db);
    std::erase_if(all, [](const store::MemberRow& m) { return !m.employer_id.has_value(); });
    return all;
  }
  //! The bulk load's N members and the demo worker's.
  static constexpr std::int64_t kWithWorker = 1;

  std::vector<store::IndexDefinition> Indexes() {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return {};
    auto defs = store::MemberIndexDefinitions(**lease);
    EXPECT_TRUE(defs.has_value());
    return defs ? *defs : std::vector<store::IndexDefinition>{};
  }

  std::int64_t CityMembers() {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto city = store::FindOrgByCode(**lease, "110000");
    EXPECT_TRUE(city.has_value() && city->has_value());
    auto rollup = store::RollupOf(**lease, (*city)->id);
    EXPECT_TRUE(rollup.has_value());
    return rollup ? rollup->figures.members : -1;
  }

  void ExpectCoverageMatchesRecount() {
    auto verify = app_->coverage().Verify();
    ASSERT_OK(verify);
    for (const auto& d : verify->differences) {
      ADD_FAILURE() << d.org_code << " " << d.figure << ": " << d.stored << " vs " << d.recounted;
    }
  }
};

bool SameIndexes(const std::vector<store::IndexDefinition>& a,
                 const std::vector<store::IndexDefinition>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].sql != b[i].sql) return false;
  }
  return true;
}

TEST_P(BulkDemoTest, LoadsExactlyNValidUniqueMembersThatTheRegistryReads) {
  const auto indexes_before = Indexes();
  ASSERT_GE(indexes_before.size(), 13u);

  auto report = app_->demo().Load(Options(kMembers));

  ASSERT_OK(report);
  EXPECT_EQ(report->members_created, kMembers + kWithWorker);
  const auto all = AllMembers(*db_);
  ASSERT_EQ(static_cast<std::int64_t>(all.size()), kMembers + kWithWorker);
  const auto members = BulkMembers(*db_);
  ASSERT_EQ(static_cast<std::int64_t>(members.size()), kMembers);
  EXPECT_EQ(members.front().name, "张晓林");
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  const members::Date today = app::TodayInChina(clock_);
  std::set<std::string> numbers;
  std::set<std::string> cards;
  std::set<std::int64_t> unions;
  int with_phone = 0;
  for (const auto& m : members) {
    auto number = app_->vault().Open(app::kMemberIdField, m.id_cipher);
    ASSERT_OK(number);
    const auto parsed = members::ParseNationalId(*number, today);
    ASSERT_TRUE(parsed.id.has_value()) << *number;
    EXPECT_EQ(parsed.id->number, *number);  // already normal: 18 characters, right check
    EXPECT_EQ(std::string(members::GenderName(parsed.id->gender)), m.gender);
    EXPECT_EQ(members::FormatDate(parsed.id->birth_date), m.birth_date);
    EXPECT_EQ(number->substr(14), m.id_last4);
    auto index = app_->vault().BlindIndex(app::kMemberIdField, *number);
    ASSERT_OK(index);
    EXPECT_EQ(*index, m.id_index);
    numbers.insert(*number);
    EXPECT_TRUE(members::IsValidCardNumber(m.card_number)) << m.card_number;
    cards.insert(m.card_number);
    unions.insert(m.union_org_id);
    if (m.phone_cipher) {
      ++with_phone;
      auto phone = app_->vault().Open(app::kMemberPhoneField, *m.phone_cipher);
      ASSERT_OK(phone);
      EXPECT_EQ(phone->size(), 11u);
      EXPECT_EQ(phone->substr(7), m.phone_last4.value_or(""));
    }
    // The employer is one of the union's enterprises.
    ASSERT_TRUE(m.employer_id.has_value());
    auto employer = store::FindEnterpriseById(**lease, *m.employer_id);
    ASSERT_OK(employer);
    ASSERT_TRUE(employer->has_value());
    EXPECT_EQ((*employer)->union_org_id, m.union_org_id);
    EXPECT_EQ(m.key_version, app_->vault().current_version());
  }
  EXPECT_EQ(static_cast<std::int64_t>(numbers.size()), kMembers);
  EXPECT_EQ(static_cast<std::int64_t>(cards.size()), kMembers);
  EXPECT_GT(unions.size(), 10u);  // spread over the unions, not poured into one
  EXPECT_GT(with_phone, kMembers * 7 / 10);
  EXPECT_LT(with_phone, kMembers * 9 / 10);

  // The registry finds and opens them like members it created itself.
  app::MemberFilter filter;
  filter.q = "zxl";
  auto found = app_->members().List(app::SystemActor(), filter);
  ASSERT_OK(found);
  ASSERT_FALSE(found->items.empty());
  EXPECT_EQ(found->items.front().row.name, "张晓林");
  auto detail = app_->members().Get(app::SystemActor(), members.front().id);
  ASSERT_OK(detail);
  EXPECT_NE(detail->member.id_masked.find('*'), std::string::npos);

  ExpectCoverageMatchesRecount();
  EXPECT_EQ(CityMembers(), kMembers + kWithWorker);
  EXPECT_TRUE(SameIndexes(Indexes(), indexes_before));
}

TEST_P(BulkDemoTest, TheSameSeedGivesTheSamePeopleInTheSameOrder) {
  ASSERT_OK(app_->demo().Load(Options(kMembers)));
  const auto first = AllMembers(*db_);

  auto other = TestDatabase::Create(GetParam());
  ASSERT_OK(other);
  auto other_db = other->Open();
  ASSERT_OK(other_db);
  ASSERT_OK(store::Migrate(**other_db));
  app::AppConfig config;
  config.password_cost = app::PasswordCost::Minimum();
  config.keys = TestKeyRing();
  SeededRandom other_random(7);  // other ids: only the seed decides who the people are
  app::Application other_app(**other_db, clock_, other_random, config);
  ASSERT_OK(other_app.demo().Load(Options(kMembers)));
  const auto second = AllMembers(**other_db);

  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].name, second[i].name) << i;
    EXPECT_EQ(first[i].id_last4, second[i].id_last4) << i;
    EXPECT_EQ(first[i].birth_date, second[i].birth_date) << i;
    EXPECT_EQ(first[i].card_number, second[i].card_number) << i;
  }
}

TEST_P(BulkDemoTest, ASecondRunAddsNothing) {
  ASSERT_OK(app_->demo().Load(Options(kMembers)));

  auto again = app_->demo().Load(Options(kMembers));

  ASSERT_OK(again);
  EXPECT_EQ(again->members_created, 0);
  EXPECT_EQ(static_cast<std::int64_t>(AllMembers(*db_).size()), kMembers + kWithWorker);
  EXPECT_EQ(CityMembers(), kMembers + kWithWorker);
}

TEST_P(BulkDemoTest, AFailureMidLoadLeavesNothingAndTheIndexesAsTheyWere) {
  const auto indexes_before = Indexes();
  auto options = Options(25000);  // three batches
  std::int64_t seen = 0;
  options.after_batch = [&seen](std::int64_t written) -> Result<void> {
    seen = written;
    if (written >= 20000) return Fail(ErrorCode::kUnavailable, "error.db.unreachable", "test");
    return {};
  };

  auto failed = app_->demo().Load(options);

  ExpectError(failed, ErrorCode::kUnavailable, "error.db.unreachable");
  EXPECT_EQ(seen, 20000);  // rows had been written when it failed
  EXPECT_TRUE(AllMembers(*db_).empty());
  EXPECT_EQ(CityMembers(), 0);
  EXPECT_TRUE(SameIndexes(Indexes(), indexes_before));
  ExpectCoverageMatchesRecount();

  // All or nothing: a rerun starts over and loads everything.
  auto rerun = app_->demo().Load(Options(25000));
  ASSERT_OK(rerun);
  EXPECT_EQ(rerun->members_created, 25000 + kWithWorker);
  EXPECT_EQ(CityMembers(), 25000 + kWithWorker);
  EXPECT_TRUE(SameIndexes(Indexes(), indexes_before));
  ExpectCoverageMatchesRecount();
}

TEST_P(BulkDemoTest, RefusesATreeWithoutUnions) {
  app::DemoOptions options;
  options.admin_password = "Demo-Pass-2026";
  options.bulk_members = 10;
  ExpectError(app_->demo().Load(options), ErrorCode::kFailedPrecondition, "error.demo.no_unions");
}

TEST_P(BulkDemoTest, SqliteIsBackInWalModeAfterTheLoadAndAfterAFailedOne) {
  if (GetParam() != store::Backend::kSqlite) GTEST_SKIP() << "journal modes are SQLite's";
  const auto mode = [this] {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (*lease)->Query({"test.journal_mode", "PRAGMA journal_mode"}, {});
    EXPECT_TRUE(rows.has_value());
    return rows && !rows->empty() ? rows->front().Text(0) : std::string("?");
  };
  auto failing = Options(kMembers);
  failing.after_batch = [](std::int64_t) -> Result<void> {
    return Fail(ErrorCode::kInternal, "error.internal", "injected");
  };
  EXPECT_FALSE(app_->demo().Load(failing).has_value());
  EXPECT_EQ(mode(), "wal");

  ASSERT_OK(app_->demo().Load(Options(kMembers)));
  EXPECT_EQ(mode(), "wal");
  EXPECT_EQ(static_cast<std::int64_t>(BulkMembers(*db_).size()), kMembers);
}

TEST_P(BulkDemoTest, RequestsGoThroughTheServiceAndCountOnTheDashboard) {
  ASSERT_OK(app_->demo().Load(Options(kMembers)));
  constexpr std::int64_t kRequests = 150;

  auto added = app::LoadDemoRequests(*db_, app_->requests(), kRequests, 2026);

  ASSERT_OK(added);
  EXPECT_EQ(*added, kRequests);
  app::Actor admin;
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto user = store::FindUserByUsername(**lease, "admin");
    ASSERT_OK(user);
    ASSERT_TRUE(user->has_value());
    auto org = store::FindOrgById(**lease, *(*user)->org_id);
    ASSERT_OK(org);
    admin = app::Actor{(*user)->id,  "admin",      "", "admin", (*user)->org_id,
                       (*org)->name, (*org)->path, "", {},      {}};
  }
  std::map<std::string, int> statuses;
  app::RequestFilter filter;
  filter.limit = 200;
  auto page = app_->requests().List(admin, filter);
  ASSERT_OK(page);
  for (const auto& r : page->items) ++statuses[r.row.status];
  EXPECT_EQ(static_cast<std::int64_t>(page->items.size()), kRequests);
  // A lived-in mix: new, in hand, resolved, closed after a rating, rejected.
  for (const char* status :
       {"submitted", "accepted", "in_progress", "resolved", "closed", "rejected"}) {
    EXPECT_GT(statuses[status], 0) << status;
  }
  auto dashboard = app_->service_dashboard().Of(admin, std::nullopt);
  ASSERT_OK(dashboard);
  EXPECT_EQ(dashboard->total.submitted, kRequests);
  EXPECT_EQ(dashboard->total.resolved, statuses["resolved"] + statuses["closed"]);
  EXPECT_GT(dashboard->total.rated, 0);
  // Titles fit their categories; members' resolved requests make them served (有效覆盖).
  int from_members = 0;
  for (const auto& r : page->items) {
    EXPECT_TRUE(app::demo::IsTopicOf(r.row.category_code, r.row.title)) << r.row.title;
    if (r.row.member_id) ++from_members;
  }
  EXPECT_GT(from_members, kRequests / 3);
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto rollup = store::RollupOf(**lease, *admin.org_id);
    ASSERT_OK(rollup);
    EXPECT_GT(rollup->served_12m, kRequests / 10) << "the city's served members";
  }

  auto again = app::LoadDemoRequests(*db_, app_->requests(), kRequests, 2026);
  ASSERT_OK(again);
  EXPECT_EQ(*again, 0);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(BulkDemoTest);

}  // namespace
}  // namespace zj::test
