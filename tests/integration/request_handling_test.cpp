// A handler's day with a request, on both stores: the moves offered in each state (the next step
// first), every deadline with whether it was met, the worker's phone revealed only with an
// audited reason, the queue's search by tracking number, phone and exact name inside the scope,
// the counts on the queue's tabs, a member's requests, and a transfer that takes its dashboard
// figures and its notification to the org that now handles it.
#include <string_view>
#include <vector>

#include "app/audit/audit_service.h"
#include "core/text/field_limits.h"
#include "requests_fixture.h"
#include "store/members.h"
#include "store/outbox.h"
#include "store/request_stats.h"

namespace zj::test {
namespace {

class RequestHandlingTest : public RequestsTest {
 protected:
  using Steps = std::vector<std::string_view>;

  void AdvanceTo(std::int64_t ms) { clock_.Advance(ms - clock_.NowMs()); }

  Steps Offered(const app::Actor& actor, std::int64_t id) {
    auto view = requests_->Get(actor, id);
    EXPECT_TRUE(view.has_value()) << (view ? "" : Describe(view.error()));
    return view ? view->offered_steps : Steps{};
  }

  std::int64_t Submitted(app::NewRequest r) {
    auto submitted = requests_->Submit(std::nullopt, r);
    EXPECT_TRUE(submitted.has_value()) << (submitted ? "" : Describe(submitted.error()));
    return submitted ? submitted->row.id : 0;
  }

  //! The sum of one org's dashboard counters over every week and category.
  requests::StatsDelta StatsOf(std::int64_t org_id) {
    auto lease = db_->Acquire();
    auto rows = store::RequestStatsOf(**lease, org_id, "2000-01-01");
    EXPECT_TRUE(rows.has_value());
    requests::StatsDelta sum;
    for (const auto& r : rows.value_or(std::vector<store::RequestStatsRow>{})) sum += r.figures;
    return sum;
  }

  std::vector<std::string> NumbersFound(const app::Actor& actor, const std::string& q) {
    app::RequestFilter filter;
    filter.q = q;
    auto page = requests_->List(actor, filter);
    EXPECT_TRUE(page.has_value()) << (page ? "" : Describe(page.error()));
    std::vector<std::string> out;
    for (const auto& v : page.value_or(app::RequestPage{}).items) {
      out.push_back(v.row.tracking_number);
    }
    return out;
  }
};

TEST_P(RequestHandlingTest, EachStateOffersItsNextStepFirstAndNothingThatDoesNotFit) {
  const std::int64_t id = Submitted(WageArrears());
  EXPECT_EQ(Offered(cadre_, id), (Steps{"accept", "transfer", "reject"}));
  auto operator_ = MakeUser("op.offered", "operator", root_);
  EXPECT_TRUE(Offered(operator_, id).empty()) << "operators register and call, they do not handle";

  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kAccept, ""));
  EXPECT_EQ(Offered(cadre_, id), (Steps{"contact", "resolve", "transfer"}));
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kContact, ""));
  EXPECT_EQ(Offered(cadre_, id), (Steps{"resolve", "transfer"}));
  auto resolved = requests_->Act(cadre_, id, requests::Action::kResolve, "已补发");
  ASSERT_OK(resolved);
  EXPECT_EQ(resolved->offered_steps, (Steps{"close"})) << "the answer of a move offers the next";

  const std::int64_t refused = Submitted(WageArrears());
  ASSERT_OK(requests_->Act(cadre_, refused, requests::Action::kReject, "不属于工会职责"));
  EXPECT_TRUE(Offered(cadre_, refused).empty());
}

TEST_P(RequestHandlingTest, EveryMoveOfAHandlerIsOnRecordWithoutItsText) {
  const std::int64_t id = Submitted(WageArrears());
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kResolve, "已为王某补发工资"));
  const std::int64_t other = Submitted(WageArrears());
  ASSERT_OK(requests_->Transfer(street_staff_, other, district_b_.id, "企业注册地在另一区"));

  const auto entry = [&](const std::string& action, std::int64_t target) {
    app::AuditFilter filter;
    filter.action = action;
    auto found = app_->audit().Search(staff_a_, filter);
    EXPECT_TRUE(found.has_value());
    std::vector<std::string> details;
    for (const auto& e : found.value_or(app::AuditPage{}).entries) {
      if (e.target_type == "service_request" && e.target_id == std::to_string(target)) {
        details.push_back(e.detail);
      }
    }
    EXPECT_EQ(details.size(), 1u) << action;
    return details.empty() ? std::string() : details[0];
  };
  const std::string accepted = entry("request.accept", id);
  EXPECT_NE(accepted.find(R"("from":"submitted")"), std::string::npos) << accepted;
  EXPECT_NE(accepted.find(R"("to":"accepted")"), std::string::npos) << accepted;
  const std::string resolved = entry("request.resolve", id);
  EXPECT_NE(resolved.find(R"("to":"resolved")"), std::string::npos) << resolved;
  EXPECT_EQ(resolved.find("王某"), std::string::npos) << "the summary is not copied into the log";
  const std::string moved = entry("request.transfer", other);
  EXPECT_NE(moved.find(R"("to_org":")"), std::string::npos) << moved;
  EXPECT_EQ(moved.find("注册地"), std::string::npos) << moved;
}

TEST_P(RequestHandlingTest, EveryDeadlineIsShownWithWhetherItWasMet) {
  const std::int64_t id = Submitted(WageArrears());
  auto view = requests_->Get(cadre_, id);
  ASSERT_OK(view);
  EXPECT_EQ(view->next_milestone, requests::Milestone::kAccept);
  ASSERT_EQ(view->milestones.size(), 3u);
  for (const auto& m : view->milestones) EXPECT_EQ(m.state, requests::MilestoneState::kPending);
  const std::int64_t accept_by = view->row.accept_by;

  // Accepted late (no sweep ran), then the contact in time: the countdown moves on to the
  // contact, and the late acceptance stays late.
  AdvanceTo(accept_by + kHour);
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kContact, ""));
  view = requests_->Get(cadre_, id);
  ASSERT_OK(view);
  EXPECT_EQ(view->next_milestone, requests::Milestone::kResolve);
  EXPECT_EQ(view->milestones[0].state, requests::MilestoneState::kMissed);
  EXPECT_EQ(view->milestones[0].reached_at, accept_by + kHour);
  EXPECT_EQ(view->milestones[1].state, requests::MilestoneState::kMet);
  EXPECT_EQ(view->milestones[2].state, requests::MilestoneState::kPending);

  // A transfer gives fresh deadlines; the verdicts already given stay.
  ASSERT_OK(requests_->Transfer(cadre_, id, district_b_.id, "企业注册地在另一区"));
  view = requests_->Get(staff_b_, id);
  ASSERT_OK(view);
  EXPECT_GT(view->row.accept_by, accept_by + kHour);
  EXPECT_EQ(view->milestones[0].state, requests::MilestoneState::kMissed)
      << "judged when reached, not against the new deadline";

  // Nothing pending is overdue until its deadline passes; then it is.
  const std::int64_t other = Submitted(WageArrears());
  auto fresh = requests_->Get(cadre_, other);
  ASSERT_OK(fresh);
  AdvanceTo(fresh->row.accept_by + 1);
  fresh = requests_->Get(cadre_, other);
  ASSERT_OK(fresh);
  EXPECT_EQ(fresh->milestones[0].state, requests::MilestoneState::kOverdue);
  ASSERT_OK(requests_->Act(cadre_, other, requests::Action::kReject, "重复提交"));
  fresh = requests_->Get(cadre_, other);
  ASSERT_OK(fresh);
  EXPECT_FALSE(fresh->next_milestone);
  EXPECT_EQ(fresh->milestones[1].state, requests::MilestoneState::kNone);

  // Escalated before acceptance, then accepted at once on the fresh deadlines: still missed,
  // as the dashboards count it (an escalation is a lapsed deadline).
  const std::int64_t late = Submitted(WageArrears());
  auto escalated = requests_->Get(cadre_, late);
  ASSERT_OK(escalated);
  AdvanceTo(escalated->row.accept_by + kHour);
  ASSERT_OK(requests_->Sweep());
  escalated = requests_->Get(street_staff_, late);
  ASSERT_OK(escalated);
  ASSERT_EQ(escalated->row.escalations, 1);
  ASSERT_LT(clock_.NowMs(), escalated->row.accept_by) << "the fresh deadline is ahead";
  ASSERT_OK(requests_->Act(street_staff_, late, requests::Action::kAccept, ""));
  escalated = requests_->Get(street_staff_, late);
  ASSERT_OK(escalated);
  EXPECT_EQ(escalated->milestones[0].state, requests::MilestoneState::kMissed);
}

TEST_P(RequestHandlingTest, ThePhoneIsRevealedOnlyWithAReasonAndTheRevealIsAudited) {
  const std::int64_t id = Submitted(WageArrears());
  ExpectFieldError(requests_->RevealPhone(cadre_, id, " x "), "reason",
                   "error.personal_data.reason");
  auto phone = requests_->RevealPhone(cadre_, id, "回电核实欠薪人数");
  ASSERT_OK(phone);
  EXPECT_EQ(*phone, "13912345678");
  // Staff of another district get the same answer as for a request that does not exist.
  ExpectError(requests_->RevealPhone(staff_b_, id, "想看看"), ErrorCode::kNotFound,
              "error.not_found");

  app::AuditFilter filter;
  filter.action = "personal_data.reveal";
  auto entries = app_->audit().Search(staff_a_, filter);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->entries.size(), 1u) << "district A sees its own cadre's look";
  const auto& e = entries->entries[0];
  EXPECT_EQ(e.target_type, "service_request");
  EXPECT_EQ(e.target_id, std::to_string(id));
  EXPECT_EQ(e.outcome, "ok");
  EXPECT_NE(e.detail.find("回电核实欠薪人数"), std::string::npos) << e.detail;
  EXPECT_EQ(e.detail.find("13912345678"), std::string::npos) << "the number is never logged";
  auto denied = app_->audit().Search(staff_b_, filter);
  ASSERT_OK(denied);
  ASSERT_EQ(denied->entries.size(), 1u);
  EXPECT_EQ(denied->entries[0].outcome, "denied");

  // The request's own history says who looked, for the staff only.
  auto view = requests_->Get(cadre_, id);
  ASSERT_OK(view);
  ASSERT_FALSE(view->events.empty());
  EXPECT_EQ(view->events.back().kind, "phone_revealed");
  EXPECT_TRUE(view->events.back().internal);
  auto tracked = requests_->Track(view->row.tracking_number, "5678");
  ASSERT_OK(tracked);
  for (const auto& ev : tracked->events) EXPECT_NE(ev.kind, "phone_revealed");
}

TEST_P(RequestHandlingTest, TheQueueFindsARequestByNumberPhoneOrExactNameInsideTheScope) {
  auto first = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(first);
  auto other = WageArrears();
  other.contact_name = "李女士";
  other.contact_phone = "13800001111";
  auto second = requests_->Submit(std::nullopt, other);
  ASSERT_OK(second);
  const std::string number = first->row.tracking_number;

  using Numbers = std::vector<std::string>;
  EXPECT_EQ(NumbersFound(cadre_, number), Numbers{number});
  // Read out on the phone in groups, typed with full-width digits: the same number.
  EXPECT_EQ(NumbersFound(cadre_,
                         number.substr(0, 6) + " " + number.substr(6, 4) + "-" + number.substr(10)),
            Numbers{number});
  EXPECT_EQ(NumbersFound(cadre_, "139 1234 5678"), Numbers{number}) << "by the blind index";
  EXPECT_EQ(NumbersFound(cadre_, "李女士"), Numbers{second->row.tracking_number});
  EXPECT_TRUE(NumbersFound(cadre_, "李").empty()) << "names match whole, never by a prefix";
  EXPECT_TRUE(NumbersFound(cadre_, "1391234").empty()) << "a part of a phone finds nobody";
  // A search ignores the tab: a request already accepted is found from the "new" box too.
  ASSERT_OK(requests_->Act(cadre_, first->row.id, requests::Action::kAccept, ""));
  app::RequestFilter from_new;
  from_new.box = "new";
  from_new.q = "13912345678";
  auto page = requests_->List(cadre_, from_new);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  // Another district finds nothing, whatever it knows of the request.
  EXPECT_TRUE(NumbersFound(staff_b_, number).empty());
  EXPECT_TRUE(NumbersFound(staff_b_, "13912345678").empty());
  EXPECT_TRUE(NumbersFound(staff_b_, "王师傅").empty());
  // A search is bounded where it enters.
  app::RequestFilter long_q;
  long_q.q = std::string(text::MaxLength(text::TextKind::kSearch) + 1, 'x');
  ExpectFieldError(requests_->List(cadre_, long_q), "q", "error.field.too_long");
}

TEST_P(RequestHandlingTest, TheTabsCountNewOverdueMineEscalatedAndFollowUps) {
  const std::int64_t a = Submitted(WageArrears());
  Submitted(WageArrears());
  auto counts = requests_->Counts(cadre_, std::nullopt);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->counts.fresh, 2);
  EXPECT_EQ(counts->counts.mine, 2);
  EXPECT_EQ(counts->counts.overdue, 0);
  EXPECT_EQ(counts->counts.escalated, 0);
  EXPECT_EQ(counts->cap, app::kQueueCountCap);
  ASSERT_OK(requests_->Act(cadre_, a, requests::Action::kAccept, ""));
  counts = requests_->Counts(cadre_, std::nullopt);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->counts.fresh, 1);
  EXPECT_EQ(counts->counts.mine, 2) << "both still open at the union";

  // Past the acceptance deadline the one not accepted is overdue; the sweep hands it up.
  auto row = requests_->Get(cadre_, a);
  ASSERT_OK(row);
  AdvanceTo(row->row.accept_by + kHour);
  counts = requests_->Counts(street_staff_, std::nullopt);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->counts.overdue, 1);
  ASSERT_OK(requests_->Sweep());
  counts = requests_->Counts(street_staff_, std::nullopt);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->counts.escalated, 1) << "escalated to the street, which now handles it";
  EXPECT_EQ(counts->counts.mine, 1);
  EXPECT_EQ(counts->counts.fresh, 1) << "still waiting for acceptance, now at the street";
  // Another district counts nothing of ours; an org outside the scope is not found.
  counts = requests_->Counts(staff_b_, std::nullopt);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->counts.fresh, 0);
  ExpectError(requests_->Counts(staff_b_, district_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
}

TEST_P(RequestHandlingTest, AMembersPageListsTheMembersRequestsTheCallerSees) {
  store::MemberRow m;
  m.id = app::NewId(clock_, random_);
  m.federation_id = root_.id;
  m.union_org_id = union_.org.id;
  m.org_path = union_.org.path;
  m.name = "王建国";
  m.name_pinyin = "wangjianguo";
  m.name_initials = "wjg";
  auto sealed = app_->vault().Seal("members.id_number", "11010519491231002X");
  ASSERT_OK(sealed);
  m.id_cipher = *sealed;
  m.id_index = "test-index-handling";
  m.id_last4 = "002X";
  m.gender = "female";
  m.birth_date = "1949-12-31";
  m.card_number = "1101010000000026";
  m.key_version = 1;
  m.created_at = m.updated_at = clock_.NowMs();
  {
    auto lease = db_->Acquire();
    ASSERT_OK(store::InsertMember(**lease, m));
  }
  auto phoned = WageArrears();
  phoned.channel = "hotline";
  phoned.member_id = m.id;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto r = requests_->Submit(cadre_, phoned);
    ASSERT_OK(r);
    ids.push_back(r->row.id);
  }
  Submitted(WageArrears());  // someone else's

  auto page = requests_->ForMember(cadre_, m.id, 0, 2);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].row.id, ids[2]) << "newest first";
  ASSERT_TRUE(page->next_cursor);
  auto rest = requests_->ForMember(cadre_, m.id, *page->next_cursor, 2);
  ASSERT_OK(rest);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].row.id, ids[0]);
  EXPECT_FALSE(rest->next_cursor);
  ExpectError(requests_->ForMember(staff_b_, m.id, 0, 20), ErrorCode::kNotFound, "error.not_found");
}

TEST_P(RequestHandlingTest, ATransferTakesTheRequestsFiguresAndTellsTheNewOrg) {
  const std::int64_t id = Submitted(WageArrears());
  auto urgent = WageArrears();
  urgent.priority = "urgent";
  urgent.channel = "hotline";
  auto second = requests_->Submit(cadre_, urgent);
  ASSERT_OK(second);
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->Act(cadre_, id, requests::Action::kResolve, "已补发"));
  auto first = requests_->Get(cadre_, id);
  ASSERT_OK(first);
  ASSERT_OK(requests_->Reopen(first->row.tracking_number, "5678", "还没发全"));
  // Escalated once by the sweep before it is handed over.
  auto row = requests_->Get(cadre_, id);
  ASSERT_OK(row);
  AdvanceTo(row->row.resolve_by + kHour);
  ASSERT_OK(requests_->Sweep());
  const auto before_a = StatsOf(district_a_.id);
  const auto before_root = StatsOf(root_.id);
  EXPECT_EQ(before_a.submitted, 2);
  EXPECT_EQ(before_a.escalated, 2) << "both lapsed; each escalated once";

  ASSERT_OK(requests_->Transfer(street_staff_, id, district_b_.id, "企业注册地在另一区"));
  // The orgs it left count it no more; those it joined count all it has added so far.
  const auto left = StatsOf(district_a_.id);
  EXPECT_EQ(left.submitted, 1);
  EXPECT_EQ(left.accepted, before_a.accepted - 1);
  EXPECT_EQ(left.escalated, 1);
  EXPECT_EQ(left.reopened, 0);
  EXPECT_EQ(left.resolved, 0);
  for (const std::int64_t org : {union_.org.id, streets_a_[0].id}) {
    EXPECT_EQ(StatsOf(org).submitted, 1) << org;
  }
  const auto joined = StatsOf(district_b_.id);
  EXPECT_EQ(joined.submitted, 1);
  EXPECT_EQ(joined.accepted, 1);
  EXPECT_EQ(joined.accepted_on_time, 1);
  EXPECT_EQ(joined.escalated, 1);
  EXPECT_EQ(joined.reopened, 1);
  EXPECT_EQ(joined.resolved, 0) << "its resolution was undone by the reopening";
  const auto root = StatsOf(root_.id);
  EXPECT_EQ(root.submitted, before_root.submitted) << "the federation above both keeps it once";
  EXPECT_EQ(root.escalated, before_root.escalated);
  // Handled there from now: its resolution counts in district B only.
  ASSERT_OK(requests_->Act(staff_b_, id, requests::Action::kResolve, "已在朝阳区办结"));
  EXPECT_EQ(StatsOf(district_b_.id).resolved, 1);
  EXPECT_EQ(StatsOf(district_a_.id).resolved, 0);

  auto lease = db_->Acquire();
  auto outbox = store::RecentOutbox(**lease, 5);
  ASSERT_OK(outbox);
  bool told = false;
  for (const auto& m : *outbox) {
    told = told || (m.subject.find("【转办诉求】") == 0 &&
                    m.body.find("企业注册地在另一区") != std::string::npos);
  }
  EXPECT_TRUE(told) << "the new org hears of the hand-over and why";
}

ZJ_INSTANTIATE_ON_BOTH_STORES(RequestHandlingTest);

}  // namespace
}  // namespace zj::test
