// The workbench on both stores: every card's count equals what the filtered list it links to
// shows the same actor (the request queues, follow-ups, decidable transfers, import runs, the
// service dashboard and coverage), at each step of a few requests' lives, and another
// district's requests never count.
#include "app/workbench/workbench.h"

#include <map>

#include "app/requests/workbench_cards.h"
#include "coverage_fixture.h"
#include "store/member_imports.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

constexpr std::int64_t kHour = 3600LL * 1000;
constexpr std::int64_t kDay = 24 * kHour;

class WorkbenchTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    union_a_ = AddUnion("U-WB-A", streets_a_[0].id);
    union_b_ = AddUnion("U-WB-B", streets_b_[0].id);
    employer_a_ = AddEnterprise(Enterprise(11, streets_a_[0].code, 300, union_a_.org.id));
    employer_b_ = AddEnterprise(Enterprise(12, streets_b_[0].code, 300, union_b_.org.id));
    cadre_ = MakeUser("cadre.wb", "cadre", OrgRef{union_a_.org.id, union_a_.org.path, "union"});
    street_staff_ = MakeUser("staff.wb.street", "staff",
                             OrgRef{streets_a_[0].id, PathOf(streets_a_[0].id), "street"});
    operator_ = MakeUser("operator.wb", "operator", district_a_);
  }

  std::string PathOf(std::int64_t org_id) {
    auto lease = db_->Acquire();
    auto org = store::FindOrgById(**lease, org_id);
    return org && *org ? (*org)->path : "";
  }

  //! A phoned-in request about an employer (routed to its union), or of a category handled
  //! higher up.
  std::int64_t Phone(std::int64_t employer_id, const std::string& category,
                     const std::string& phone) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = category;
    r.title = "工资拖欠两个月";
    r.description = "车间 12 人两个月未发工资";
    r.contact_name = "王师傅";
    r.contact_phone = phone;
    r.employer_id = employer_id;
    auto made = app_->requests().Register(app::SystemActor(), r);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    return made ? made->row.id : 0;
  }

  std::map<std::string, app::Card> CardsOf(const app::Actor& actor) {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value()) << (cards ? "" : Describe(cards.error()));
    std::map<std::string, app::Card> out;
    if (cards) {
      for (auto& c : *cards) out[c.id] = c;
    }
    return out;
  }

  std::int64_t QueueSize(const app::Actor& actor, const std::string& box,
                         std::vector<std::string> statuses = {}) {
    app::RequestFilter f;
    f.box = box;
    f.statuses = std::move(statuses);
    f.limit = 200;
    auto page = app_->requests().List(actor, f);
    EXPECT_TRUE(page.has_value()) << (page ? "" : Describe(page.error()));
    return page ? static_cast<std::int64_t>(page->items.size()) : -1;
  }

  //! Every card of `actor` against the list its link opens, for the same actor.
  void ExpectCardsMatchLists(const app::Actor& actor) {
    SCOPED_TRACE(actor.username);
    auto cards = CardsOf(actor);
    const std::int64_t now = clock_.NowMs();
    if (auto c = cards.find("requests_to_accept"); c != cards.end()) {
      EXPECT_EQ(c->second.count, QueueSize(actor, "mine", {"submitted"}));
    }
    ASSERT_TRUE(cards.count("requests_overdue"));
    EXPECT_EQ(cards["requests_overdue"].count, QueueSize(actor, "overdue"));
    if (auto c = cards.find("requests_escalated"); c != cards.end()) {
      EXPECT_EQ(c->second.count,
                QueueSize(actor, "escalated", {"submitted", "accepted", "in_progress"}));
    }
    ASSERT_TRUE(cards.count("requests_follow_ups"));
    app::FollowUpFilter open;
    open.limit = 200;
    auto follow_ups = app_->requests().FollowUps(actor, open);
    ASSERT_OK(follow_ups);
    EXPECT_EQ(cards["requests_follow_ups"].count,
              static_cast<std::int64_t>(follow_ups->items.size()));
    if (auto c = cards.find("requests_due_today"); c != cards.end()) {
      app::RequestFilter all;
      all.limit = 200;
      auto page = app_->requests().List(actor, all);
      ASSERT_OK(page);
      std::int64_t due = 0;
      const std::int64_t end = app::EndOfLocalDay(now);
      for (const auto& v : page->items) {
        due += v.row.next_due && *v.row.next_due >= now && *v.row.next_due <= end ? 1 : 0;
      }
      EXPECT_EQ(c->second.count, due);
      EXPECT_EQ(static_cast<std::int64_t>(c->second.items.size()), std::min<std::int64_t>(due, 5));
    }
    if (auto c = cards.find("members_transfers"); c != cards.end()) {
      app::TransferFilter f;
      f.box = "decidable";
      f.limit = 200;
      auto page = app_->transfers().List(actor, f);
      ASSERT_OK(page);
      EXPECT_EQ(c->second.count, static_cast<std::int64_t>(page->items.size()));
    }
    if (auto c = cards.find("members_imports_running"); c != cards.end()) {
      auto runs = app_->roster_imports().List(actor, std::nullopt, 200, "running");
      ASSERT_OK(runs);
      EXPECT_EQ(c->second.count, static_cast<std::int64_t>(runs->size()));
    }
    if (cards.count("kpi_requests_recent")) {
      auto dashboard = app_->service_dashboard().Of(actor, std::nullopt, app::kWorkbenchWeeks);
      ASSERT_OK(dashboard);
      EXPECT_EQ(cards["kpi_requests_recent"].count, dashboard->total.submitted);
      EXPECT_EQ(cards["kpi_on_time_rate"].rate, dashboard->resolved_on_time_rate);
    }
    ASSERT_TRUE(cards.count("kpi_members"));
    auto coverage = app_->coverage().Of(actor, *actor.org_id);
    ASSERT_OK(coverage);
    EXPECT_EQ(cards["kpi_members"].count, coverage->figures.members);
  }

  void ExpectAllMatch() {
    for (const app::Actor* a : {&cadre_, &street_staff_, &staff_a_, &staff_b_, &operator_}) {
      ExpectCardsMatchLists(*a);
    }
  }

  app::OrgView union_a_, union_b_;
  app::EnterpriseView employer_a_, employer_b_;
  app::Actor cadre_, street_staff_, operator_;
};

TEST_P(WorkbenchTest, EachCardCountsWhatItsListShowsAndNothingOfAnotherDistrict) {
  ExpectAllMatch();
  const auto before_a = CardsOf(staff_a_);
  const auto before_b = CardsOf(staff_b_);

  // Wednesday 16:00 in Beijing: three requests to union A (accept by the end of Thursday), one
  // of legal aid (handled by district A), one to union B.
  const std::int64_t first = Phone(employer_a_.row.id, "rights.wage_arrears", "13911110001");
  Phone(employer_a_.row.id, "rights.wage_arrears", "13911110002");
  Phone(employer_a_.row.id, "rights.wage_arrears", "13911110003");
  Phone(employer_a_.row.id, "legal_aid", "13911110004");
  Phone(employer_b_.row.id, "rights.wage_arrears", "13911110005");
  ASSERT_OK(app_->requests().Act(cadre_, first, requests::Action::kAccept, ""));
  {
    store::MemberImportRow run;
    run.id = app::NewId(clock_, random_);
    run.federation_id = union_a_.org.federation_id;
    run.union_org_id = union_a_.org.id;
    run.org_path = union_a_.org.path;
    run.file_name = "花名册.xlsx";
    run.file_sha256 = std::string(64, 'a');
    run.mode = "valid-rows";
    run.status = "running";
    run.started_at = run.updated_at = clock_.NowMs();
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK(store::InsertMemberImport(**lease, run));
  }
  ExpectAllMatch();
  auto cadre = CardsOf(cadre_);
  EXPECT_EQ(cadre["requests_to_accept"].count, 2);
  EXPECT_EQ(cadre["requests_due_today"].count, 0) << "due by the end of tomorrow";
  EXPECT_EQ(cadre["members_imports_running"].count, 1);
  EXPECT_EQ(CardsOf(staff_a_)["requests_to_accept"].count,
            *before_a.at("requests_to_accept").count + 1);
  EXPECT_EQ(CardsOf(staff_b_)["members_imports_running"].count,
            before_b.at("members_imports_running").count)
      << "district A's import is not district B's";

  // Thursday 16:00: both waiting requests (and the legal-aid one) fall due today.
  clock_.Advance(kDay);
  ExpectAllMatch();
  cadre = CardsOf(cadre_);
  EXPECT_EQ(cadre["requests_due_today"].count, 2);
  ASSERT_EQ(cadre["requests_due_today"].items.size(), 2u);
  EXPECT_EQ(cadre["requests_due_today"].items[0].link.route.rfind("/requests/", 0), 0u);

  // Friday 16:00: they lapsed. Overdue in A's subtree; B's own lapse only in B's.
  clock_.Advance(kDay);
  ExpectAllMatch();
  EXPECT_EQ(CardsOf(cadre_)["requests_overdue"].count, 2);
  EXPECT_EQ(CardsOf(staff_a_)["requests_overdue"].count,
            *before_a.at("requests_overdue").count + 3);
  EXPECT_EQ(CardsOf(staff_b_)["requests_overdue"].count,
            *before_b.at("requests_overdue").count + 1);

  // The sweep escalates them: union A's two are now the street's, to accept.
  ASSERT_OK(app_->requests().Sweep());
  ExpectAllMatch();
  auto street = CardsOf(street_staff_);
  EXPECT_EQ(street["requests_escalated"].count, 2);
  EXPECT_EQ(street["requests_to_accept"].count, 2);
  EXPECT_EQ(CardsOf(cadre_)["requests_to_accept"].count, 0);

  // The accepted one is resolved and rated 2: a follow-up visit owed by union A.
  ASSERT_OK(app_->requests().Act(cadre_, first, requests::Action::kContact, ""));
  auto resolved = app_->requests().Act(cadre_, first, requests::Action::kResolve, "已补发");
  ASSERT_OK(resolved);
  ASSERT_OK(app_->requests().Rate(resolved->row.tracking_number, "0001", 2, "太慢"));
  ExpectAllMatch();
  EXPECT_EQ(CardsOf(cadre_)["requests_follow_ups"].count, 1);
  EXPECT_EQ(CardsOf(staff_b_)["requests_follow_ups"].count,
            before_b.at("requests_follow_ups").count);
  auto recent = CardsOf(cadre_)["kpi_requests_recent"];
  ASSERT_TRUE(recent.count.has_value());
  EXPECT_GE(*recent.count, 3) << "union A's dashboard counts its three requests";
}

TEST_P(WorkbenchTest, AWorkerHasNoCardsAndAnOperatorNoneToAcceptOrDecide) {
  const app::Actor worker = MakeUser("worker.wb", "worker", std::nullopt);
  auto cards = app_->workbench().Of(worker);
  ASSERT_OK(cards);
  EXPECT_TRUE(cards->empty());
  auto op = CardsOf(operator_);
  EXPECT_FALSE(op.count("requests_to_accept"));
  EXPECT_FALSE(op.count("members_transfers"));
  EXPECT_TRUE(op.count("requests_overdue"));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkbenchTest);

}  // namespace
}  // namespace zj::test
