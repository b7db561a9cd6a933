// The life of a service request on both stores: intake routed to the lowest competent org,
// the worker's tracking view (wrong digits tell nothing), the handler's moves, rating and
// follow-up, escalation up the tree after lapsed deadlines with the injected clock (once per
// lapse, also after a long outage), and the 404 rule across districts.
#include <map>
#include <set>

#include "app/coverage/served.h"
#include "app/requests/service_dashboard.h"
#include "requests_fixture.h"
#include "store/coverage.h"
#include "store/members.h"
#include "store/outbox.h"

namespace zj::test {
namespace {

TEST_P(RequestsTest, AWorkersRequestFromSubmissionToRating) {
  auto submitted = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(submitted);
  const auto& row = submitted->row;
  EXPECT_EQ(row.org_id, union_.org.id) << "the employer's own union is the lowest competent org";
  EXPECT_EQ(row.status, "submitted");
  EXPECT_EQ(submitted->phone_masked, "139****5678");
  EXPECT_EQ(row.description, "车间 12 人，<b>8 月起</b>未发工资") << "kept as typed, shown as text";
  ASSERT_EQ(row.tracking_number.size(), 15u);

  // The worker checks with the number and the phone's last four digits; anything else is
  // the same "not found" as a number that does not exist.
  auto tracked = requests_->Track(row.tracking_number, "5678");
  ASSERT_OK(tracked);
  EXPECT_EQ(tracked->status, "submitted");
  EXPECT_EQ(tracked->org_name, union_.org.name);
  ExpectError(requests_->Track(row.tracking_number, "5679"), ErrorCode::kNotFound,
              "error.not_found");
  std::string typo = row.tracking_number;
  typo[3] = typo[3] == '9' ? '0' : static_cast<char>(typo[3] + 1);
  ExpectError(requests_->Track(typo, "5678"), ErrorCode::kNotFound, "error.not_found");

  // The union handles it; a resolution needs a summary.
  ASSERT_OK(requests_->Act(cadre_, row.id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->AddMessage(cadre_, row.id, "已联系企业负责人", true));
  ASSERT_OK(requests_->AddMessage(cadre_, row.id, "我们已受理，正在与企业沟通", false));
  ASSERT_OK(requests_->Act(cadre_, row.id, requests::Action::kContact, ""));
  ExpectFieldError(requests_->Act(cadre_, row.id, requests::Action::kResolve, "  "), "body",
                   "error.requests.resolution_required");
  clock_.Advance(kDay);
  auto resolved = requests_->Act(cadre_, row.id, requests::Action::kResolve, "企业已补发工资");
  ASSERT_OK(resolved);
  EXPECT_EQ(resolved->row.status, "resolved");
  EXPECT_FALSE(resolved->row.next_due) << "nothing is due once resolved";
  ExpectError(requests_->Act(cadre_, row.id, requests::Action::kAccept, ""), ErrorCode::kConflict,
              "error.requests.not_allowed");

  // The worker sees replies but never internal notes.
  tracked = requests_->Track(row.tracking_number, "5678");
  ASSERT_OK(tracked);
  EXPECT_TRUE(tracked->may_rate);
  bool saw_reply = false;
  for (const auto& e : tracked->events) {
    EXPECT_FALSE(e.internal);
    EXPECT_NE(e.body.value_or(""), "已联系企业负责人");
    saw_reply = saw_reply || e.body.value_or("") == "我们已受理，正在与企业沟通";
  }
  EXPECT_TRUE(saw_reply);

  ExpectFieldError(requests_->Rate(row.tracking_number, "5678", 6, ""), "rating",
                   "error.requests.rating");
  auto rated = requests_->Rate(row.tracking_number, "5678", 2, "太慢了");
  ASSERT_OK(rated);
  EXPECT_EQ(rated->status, "closed");
  ExpectError(requests_->Rate(row.tracking_number, "5678", 5, ""), ErrorCode::kConflict,
              "error.requests.not_allowed");
  auto lease = db_->Acquire();
  auto follow_up = store::FollowUpOf(**lease, row.id);
  ASSERT_OK(follow_up);
  ASSERT_TRUE(follow_up->has_value()) << "a rating of 2 opens a follow-up visit";
  EXPECT_EQ((*follow_up)->reason, "low_rating");
  EXPECT_EQ((*follow_up)->org_id, union_.org.id);
}

TEST_P(RequestsTest, RoutedToTheLowestLevelTheCategoryAllows) {
  // Legal aid is handled from the district up.
  auto legal = WageArrears();
  legal.category = "legal_aid";
  auto r = requests_->Submit(std::nullopt, legal);
  ASSERT_OK(r);
  EXPECT_EQ(r->row.org_id, district_a_.id);
  // An employer without a union: its street federation.
  auto no_union = WageArrears();
  no_union.employer_id = bare_.row.id;
  r = requests_->Submit(std::nullopt, no_union);
  ASSERT_OK(r);
  EXPECT_EQ(r->row.org_id, streets_a_[1].id);
  // No employer known: the street the worker names.
  auto by_region = WageArrears();
  by_region.employer_id.reset();
  by_region.region_code = streets_a_[0].code;
  r = requests_->Submit(std::nullopt, by_region);
  ASSERT_OK(r);
  EXPECT_EQ(r->row.org_id, streets_a_[0].id);
}

TEST_P(RequestsTest, BadInputNamesEachField) {
  auto bad = WageArrears();
  bad.category = "astrology";
  bad.contact_phone = "";
  bad.title = "";
  bad.channel = "hotline";  // only staff register phoned-in requests
  auto r = requests_->Submit(std::nullopt, bad);
  ASSERT_FALSE(r.has_value());
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field + ":" + f.message_key);
  EXPECT_TRUE(fields.contains("category:error.requests.category"));
  EXPECT_TRUE(fields.contains("contact_phone:error.field.required"));
  EXPECT_TRUE(fields.contains("title:error.field.required"));
  EXPECT_TRUE(fields.contains("channel:error.requests.channel"));

  auto phone = WageArrears();
  phone.contact_phone = "12345";
  ExpectFieldError(requests_->Submit(std::nullopt, phone), "contact_phone", "error.phone.invalid");
  auto nowhere = WageArrears();
  nowhere.employer_id.reset();
  ExpectFieldError(requests_->Submit(std::nullopt, nowhere), "employer_id", "error.requests.where");

  // An operator registers a phoned-in request.
  auto operator_ = MakeUser("op.12351", "operator", root_);
  auto phoned = WageArrears();
  phoned.channel = "hotline";
  ASSERT_OK(requests_->Submit(operator_, phoned));
}

TEST_P(RequestsTest, HostileOrOverlongTextIsAFieldErrorBeforeAnythingIsStored) {
  auto formula = WageArrears();
  formula.contact_name = "=HYPERLINK(\"http://x\",\"点\")";
  ExpectFieldError(requests_->Submit(std::nullopt, formula), "contact_name",
                   "error.person_name.invalid");
  auto huge = WageArrears();
  huge.contact_name = std::string(900 * 1024, 'a');
  ExpectFieldError(requests_->Submit(std::nullopt, huge), "contact_name", "error.field.too_long");
  auto employer = WageArrears();
  employer.employer_id.reset();
  employer.region_code = streets_a_[0].code;
  employer.employer_name = std::string(101, 'x');
  ExpectFieldError(requests_->Submit(std::nullopt, employer), "employer_name",
                   "error.field.too_long");

  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  EXPECT_EQ(r->row.contact_name, "王师傅");
  ASSERT_OK(requests_->Act(cadre_, r->row.id, requests::Action::kResolve, "已解决"));
  ExpectFieldError(requests_->Rate(r->row.tracking_number, "5678", 5, std::string(501, 'x')),
                   "comment", "error.field.too_long");
  ExpectFieldError(requests_->Reopen(r->row.tracking_number, "5678", std::string(501, 'x')),
                   "reason", "error.field.too_long");
  auto seen = requests_->Get(cadre_, r->row.id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->row.status, "resolved") << "nothing was changed by the refused calls";
}

TEST_P(RequestsTest, OtherDistrictsCannotSeeOrTouchARequest) {
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  const std::int64_t id = r->row.id;
  ExpectError(requests_->Get(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(requests_->Act(staff_b_, id, requests::Action::kAccept, ""), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(requests_->AddMessage(staff_b_, id, "hello", false), ErrorCode::kNotFound,
              "error.not_found");
  auto list = requests_->List(staff_b_, {});
  ASSERT_OK(list);
  EXPECT_TRUE(list->items.empty());
  // Staff of the district above the union see it.
  ASSERT_OK(requests_->Get(staff_a_, id));
  list = requests_->List(staff_a_, {});
  ASSERT_OK(list);
  ASSERT_EQ(list->items.size(), 1u);
}

TEST_P(RequestsTest, LapsedDeadlinesEscalateOncePerLapseUpToTheTop) {
  // Wednesday 2026-11-25 16:00 in Beijing: accept by the end of Thursday.
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  const std::int64_t id = r->row.id;
  auto swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 0);

  // The server was down from Wednesday until Friday 16:00: one escalation, to the street.
  clock_.Advance(2 * kDay);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 1);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 0) << "a lapse escalates once";
  {
    auto lease = db_->Acquire();
    auto outbox = store::RecentOutbox(**lease, 1);
    ASSERT_OK(outbox);
    ASSERT_EQ(outbox->size(), 1u);
    EXPECT_EQ(outbox->at(0).subject, "【上报诉求】三个月工资未发") << "the street is told";
  }

  app::RequestFilter escalated;
  escalated.box = "escalated";
  auto queue = requests_->List(street_staff_, escalated);
  ASSERT_OK(queue);
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(queue->items[0].row.org_id, streets_a_[0].id);
  EXPECT_EQ(queue->items[0].row.escalations, 1);
  // The original handlers still see it and its history tells what happened.
  auto seen = requests_->Get(cadre_, id);
  ASSERT_OK(seen);
  bool recorded = false;
  for (const auto& e : seen->events) recorded = recorded || e.kind == "escalated";
  EXPECT_TRUE(recorded);

  // The street's own deadline (end of Monday 11-30) is not over on Saturday.
  clock_.Advance(kDay);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 0);
  // Tuesday: on to the district; accepting there stops the climb at the accept milestone.
  clock_.Advance(3 * kDay);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 1);
  seen = requests_->Get(staff_a_, id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->row.org_id, district_a_.id);
  ASSERT_OK(requests_->Act(staff_a_, id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->Act(staff_a_, id, requests::Action::kContact, ""));
  clock_.Advance(kDay);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 0);

  // Untouched for a month: to the municipal federation, and no further.
  clock_.Advance(30 * kDay);
  for (int i = 0; i < 3; ++i) ASSERT_OK(requests_->Sweep());
  seen = requests_->Get(staff_a_, id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->row.org_id, root_.id);
  EXPECT_EQ(seen->row.escalations, 3);
}

TEST_P(RequestsTest, AnUnratedResolutionOpensAFollowUpAfterSevenDays) {
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  ASSERT_OK(requests_->Act(cadre_, r->row.id, requests::Action::kResolve, "已解决"));
  clock_.Advance(7 * kDay);
  auto swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->follow_ups, 0) << "the worker still has until the end of the 7th day";
  auto reopened_in_time = requests_->Track(r->row.tracking_number, "5678");
  ASSERT_OK(reopened_in_time);
  EXPECT_TRUE(reopened_in_time->may_reopen);
  clock_.Advance(kHour);
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->follow_ups, 1);
  auto tracked = requests_->Track(r->row.tracking_number, "5678");
  ASSERT_OK(tracked);
  EXPECT_EQ(tracked->status, "closed");
  ExpectError(requests_->Reopen(r->row.tracking_number, "5678", "还没发"), ErrorCode::kConflict,
              "error.requests.not_allowed");
  swept = requests_->Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->follow_ups, 0);
}

TEST_P(RequestsTest, AQueuePagesByCursor) {
  for (int i = 0; i < 3; ++i) ASSERT_OK(requests_->Submit(std::nullopt, WageArrears()));
  app::RequestFilter filter;
  filter.limit = 2;
  auto page = requests_->List(cadre_, filter);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 2u);
  ASSERT_TRUE(page->next_cursor);
  filter.before_id = *page->next_cursor;  // a full 64-bit id, also on PostgreSQL
  auto rest = requests_->List(cadre_, filter);
  ASSERT_OK(rest);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_LT(rest->items[0].row.id, page->items[1].row.id);
  EXPECT_FALSE(rest->next_cursor);
}

TEST_P(RequestsTest, TheFollowUpQueueHoldsOwedVisitsUntilOneIsRecorded) {
  // One request rated 1 (a low rating), one left unrated for 7 days: two visits owed by the union.
  auto low = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(low);
  auto unrated = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(unrated);
  auto plain = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(plain);
  for (const auto* r : {&*low, &*unrated}) {
    ASSERT_OK(requests_->Act(cadre_, r->row.id, requests::Action::kResolve, "已解决"));
  }
  ASSERT_OK(requests_->Rate(low->row.tracking_number, "5678", 1, "没人联系我"));
  clock_.Advance(7 * kDay + kHour);
  ASSERT_OK(requests_->Sweep());

  auto open = requests_->FollowUps(cadre_, {});
  ASSERT_OK(open);
  ASSERT_EQ(open->items.size(), 2u);
  EXPECT_EQ(open->items[0].item.follow_up.request_id, unrated->row.id) << "newest first";
  EXPECT_EQ(open->items[0].item.follow_up.reason, "no_rating");
  EXPECT_FALSE(open->items[0].item.rating);
  const auto& first = open->items[1];
  EXPECT_EQ(first.item.follow_up.reason, "low_rating");
  EXPECT_EQ(first.item.rating, 1);
  EXPECT_EQ(first.item.rating_comment, "没人联系我");
  EXPECT_EQ(first.item.tracking_number, low->row.tracking_number);
  EXPECT_EQ(first.item.org_name, union_.org.name);
  EXPECT_EQ(first.category_zh, "欠薪");
  EXPECT_FALSE(open->next_cursor);

  // The district above sees them; the other district neither the list nor the org.
  auto district = requests_->FollowUps(staff_a_, {});
  ASSERT_OK(district);
  EXPECT_EQ(district->items.size(), 2u);
  auto other = requests_->FollowUps(staff_b_, {});
  ASSERT_OK(other);
  EXPECT_TRUE(other->items.empty());
  app::FollowUpFilter of_union;
  of_union.org_id = union_.org.id;
  ExpectError(requests_->FollowUps(staff_b_, of_union), ErrorCode::kNotFound,
              "error.org.not_found");
  app::FollowUpFilter of_other_street;
  of_other_street.org_id = streets_a_[1].id;
  auto elsewhere = requests_->FollowUps(staff_a_, of_other_street);
  ASSERT_OK(elsewhere);
  EXPECT_TRUE(elsewhere->items.empty());

  // Pages of one, by cursor.
  app::FollowUpFilter paged;
  paged.limit = 1;
  auto page = requests_->FollowUps(staff_a_, paged);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  ASSERT_TRUE(page->next_cursor);
  paged.before_id = *page->next_cursor;
  page = requests_->FollowUps(staff_a_, paged);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].item.follow_up.request_id, low->row.id);

  // Recording the visit: outside the scope 404, a note is required, and then it is done.
  ExpectError(requests_->FinishFollowUp(staff_b_, low->row.id, "已回访"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(requests_->FinishFollowUp(cadre_, plain->row.id, "已回访"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectFieldError(requests_->FinishFollowUp(cadre_, low->row.id, "  "), "note",
                   "error.field.required");
  auto done = requests_->FinishFollowUp(cadre_, low->row.id, "电话回访，企业已补发，职工认可");
  ASSERT_OK(done);
  ASSERT_TRUE(done->follow_up);
  EXPECT_TRUE(done->follow_up->follow_up.done_at);
  EXPECT_EQ(done->follow_up->follow_up.note, "电话回访，企业已补发，职工认可");
  EXPECT_EQ(done->follow_up->done_by_name, cadre_.display_name);
  ASSERT_FALSE(done->events.empty());
  EXPECT_EQ(done->events.back().kind, "follow_up");
  EXPECT_TRUE(done->events.back().internal);
  EXPECT_EQ(done->events.back().actor_name, cadre_.display_name);
  ExpectError(requests_->FinishFollowUp(cadre_, low->row.id, "再次回访"), ErrorCode::kConflict,
              "error.requests.follow_up_done");

  open = requests_->FollowUps(cadre_, {});
  ASSERT_OK(open);
  ASSERT_EQ(open->items.size(), 1u);
  EXPECT_EQ(open->items[0].item.follow_up.request_id, unrated->row.id);
  app::FollowUpFilter finished;
  finished.done = true;
  auto done_list = requests_->FollowUps(staff_a_, finished);
  ASSERT_OK(done_list);
  ASSERT_EQ(done_list->items.size(), 1u);
  EXPECT_EQ(done_list->items[0].item.done_by_name, cadre_.display_name);

  // The visit is staff's business: the worker's view does not show it.
  auto tracked = requests_->Track(low->row.tracking_number, "5678");
  ASSERT_OK(tracked);
  for (const auto& e : tracked->events) EXPECT_NE(e.kind, "follow_up");
  // The detail shows the follow-up to those who see the org owing it, not to the other district.
  auto seen = requests_->Get(staff_a_, low->row.id);
  ASSERT_OK(seen);
  ASSERT_TRUE(seen->follow_up);
  EXPECT_EQ(seen->follow_up->follow_up.reason, "low_rating");
  app::AuditFilter audit;
  audit.action = "request.follow_up";
  auto entries = app_->audit().Search(staff_a_, audit);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->entries.size(), 1u);
  EXPECT_EQ(entries->entries[0].target_id, std::to_string(low->row.id));
  EXPECT_EQ(entries->entries[0].actor_username, cadre_.username);
}

TEST_P(RequestsTest, TheWorkerMayReopenWithinSevenDays) {
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  ASSERT_OK(requests_->Act(cadre_, r->row.id, requests::Action::kResolve, "已解决"));
  clock_.Advance(3 * kDay);
  auto reopened = requests_->Reopen(r->row.tracking_number, "5678", "工资只发了一半");
  ASSERT_OK(reopened);
  EXPECT_EQ(reopened->status, "in_progress");
  auto seen = requests_->Get(cadre_, r->row.id);
  ASSERT_OK(seen);
  ASSERT_TRUE(seen->row.next_due.has_value());
  EXPECT_EQ(*seen->row.next_due, seen->row.resolve_by) << "a fresh resolution deadline";
  EXPECT_GT(seen->row.resolve_by, clock_.NowMs());
}

// Category names are kept in memory for a second (category_names.h): a rename here shows at
// once, one made by another process (written to the store directly) within the second.
TEST_P(RequestsTest, ARenamedCategoryShowsAtOnceHereAndWithinASecondFromElsewhere) {
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  auto admin = MakeUser("admin.cat", "admin", root_);
  app::CategoryPatch patch;
  patch.name_zh = "拖欠工资";
  ASSERT_OK(requests_->UpdateCategory(admin, "rights.wage_arrears", patch));
  auto seen = requests_->Get(cadre_, r->row.id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->category_zh, "拖欠工资");

  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto row = store::FindCategory(**lease, "rights.wage_arrears");
    ASSERT_OK(row);
    ASSERT_TRUE(row->has_value());
    auto renamed = **row;
    renamed.name_zh = "欠发工资";
    ASSERT_OK(store::UpdateCategory(**lease, renamed));
  }
  seen = requests_->Get(cadre_, r->row.id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->category_zh, "拖欠工资") << "read less than a second ago";
  clock_.Advance(1000);
  seen = requests_->Get(cadre_, r->row.id);
  ASSERT_OK(seen);
  EXPECT_EQ(seen->category_zh, "欠发工资");
  auto tracked = requests_->Track(r->row.tracking_number, "5678");
  ASSERT_OK(tracked);
  EXPECT_EQ(tracked->category_zh, "欠发工资");
}

TEST_P(RequestsTest, TheDashboardCountsVolumeTimelinessSatisfactionAndOverdue) {
  app::ServiceDashboard dashboard(*db_, clock_);
  std::vector<std::string> numbers;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto r = requests_->Submit(std::nullopt, WageArrears());
    ASSERT_OK(r);
    numbers.push_back(r->row.tracking_number);
    ids.push_back(r->row.id);
  }
  auto legal = WageArrears();
  legal.category = "legal_aid";
  legal.priority = "urgent";
  ASSERT_OK(requests_->Submit(std::nullopt, legal));

  // One resolved at once (on time), rated 5; one accepted late and resolved late, rated 2;
  // one left alone until it is escalated to the street.
  ASSERT_OK(requests_->Act(cadre_, ids[0], requests::Action::kResolve, "已解决"));
  ASSERT_OK(requests_->Rate(numbers[0], "5678", 5, ""));
  clock_.Advance(2 * kDay);  // Friday: the acceptance deadlines (end of Thursday) have passed
  ASSERT_OK(requests_->Act(cadre_, ids[1], requests::Action::kAccept, ""));
  clock_.Advance(30 * kDay);
  ASSERT_OK(requests_->Act(cadre_, ids[1], requests::Action::kResolve, "拖了很久"));
  ASSERT_OK(requests_->Rate(numbers[1], "5678", 2, "太慢"));
  ASSERT_OK(requests_->Sweep());
  // Escalated requests get fresh deadlines; a week later, unswept, they are overdue again.
  clock_.Advance(7 * kDay);

  auto d = dashboard.Of(staff_a_, district_a_.id, 12);
  ASSERT_OK(d);
  EXPECT_EQ(d->total.submitted, 4);
  EXPECT_EQ(d->total.urgent, 1);
  EXPECT_EQ(d->total.accepted, 2);
  EXPECT_EQ(d->total.accepted_on_time, 1);
  EXPECT_EQ(d->total.resolved, 2);
  ASSERT_TRUE(d->resolved_on_time_rate.has_value());
  EXPECT_DOUBLE_EQ(*d->resolved_on_time_rate, 0.5);
  ASSERT_TRUE(d->average_rating.has_value());
  EXPECT_DOUBLE_EQ(*d->average_rating, 3.5);
  EXPECT_EQ(d->total.low_ratings, 1);
  EXPECT_GE(d->total.escalated, 2) << "the untouched wage case and the legal-aid case";
  // Sub-types count in their top-level category.
  std::map<std::string, std::int64_t> by_category;
  for (const auto& c : d->categories) by_category[c.code] = c.figures.submitted;
  EXPECT_EQ(by_category["rights"], 3);
  EXPECT_EQ(by_category["legal_aid"], 1);
  // The weeks of the window, the submission week holding the four.
  ASSERT_EQ(d->series.size(), 12u);
  std::int64_t in_series = 0;
  for (const auto& w : d->series) in_series += w.figures.submitted;
  EXPECT_EQ(in_series, 4);
  // Escalations by child org: the street above the union.
  ASSERT_FALSE(d->children.empty());
  EXPECT_EQ(d->children.front().org_id, streets_a_[0].id);
  EXPECT_GE(d->children.front().figures.escalated, 1);
  ASSERT_FALSE(d->most_overdue.empty());
  // The union's own dashboard holds only its three.
  auto own = dashboard.Of(cadre_, std::nullopt, 12);
  ASSERT_OK(own);
  EXPECT_EQ(own->total.submitted, 3);
  // Another district's staff cannot open it.
  ExpectError(dashboard.Of(staff_b_, district_a_.id, 12), ErrorCode::kNotFound,
              "error.org.not_found");
  // A reopened resolution is no longer counted as resolved.
  auto again = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(again);
  ASSERT_OK(requests_->Act(cadre_, again->row.id, requests::Action::kResolve, "已解决"));
  ASSERT_OK(requests_->Reopen(again->row.tracking_number, "5678", "没解决"));
  d = dashboard.Of(staff_a_, district_a_.id, 12);
  ASSERT_OK(d);
  EXPECT_EQ(d->total.resolved, 2);
  EXPECT_EQ(d->total.reopened, 1);
}

TEST_P(RequestsTest, ARequestEscalatedBeforeItIsHandledIsNeitherAcceptedNorResolvedOnTime) {
  app::ServiceDashboard dashboard(*db_, clock_);
  auto late = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(late);
  auto timely = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(timely);
  ASSERT_OK(requests_->Act(cadre_, timely->row.id, requests::Action::kAccept, ""));
  // Friday: the union let the first one lapse; the sweep gives it to the street, which accepts
  // and resolves it at once, well within its own fresh deadlines.
  clock_.Advance(2 * kDay);
  auto swept = requests_->Sweep();
  ASSERT_OK(swept);
  ASSERT_EQ(swept->escalated, 1);
  ASSERT_OK(requests_->Act(street_staff_, late->row.id, requests::Action::kAccept, ""));
  ASSERT_OK(requests_->Act(street_staff_, late->row.id, requests::Action::kResolve, "已解决"));
  ASSERT_OK(requests_->Act(cadre_, timely->row.id, requests::Action::kResolve, "已解决"));

  auto d = dashboard.Of(staff_a_, district_a_.id, 12);
  ASSERT_OK(d);
  EXPECT_EQ(d->total.accepted, 2);
  EXPECT_EQ(d->total.accepted_on_time, 1) << "the escalated one was accepted late";
  EXPECT_EQ(d->total.resolved, 2);
  EXPECT_EQ(d->total.resolved_on_time, 1);
  ASSERT_TRUE(d->accepted_on_time_rate.has_value());
  EXPECT_DOUBLE_EQ(*d->accepted_on_time_rate, 0.5);
  // Reopening the late one takes back a resolution that was not on time.
  ASSERT_OK(requests_->Reopen(late->row.tracking_number, "5678", "没解决"));
  d = dashboard.Of(staff_a_, district_a_.id, 12);
  ASSERT_OK(d);
  EXPECT_EQ(d->total.resolved, 1);
  EXPECT_EQ(d->total.resolved_on_time, 1);
}

TEST_P(RequestsTest, ARequestHandedToAnotherDistrictMovesWithItsReason) {
  auto r = requests_->Submit(std::nullopt, WageArrears());
  ASSERT_OK(r);
  const std::int64_t id = r->row.id;
  ExpectFieldError(requests_->Transfer(cadre_, id, district_b_.id, " "), "reason",
                   "error.field.required");
  ExpectFieldError(requests_->Transfer(cadre_, id, union_.org.id, "同一组织"), "to_org_id",
                   "error.requests.transfer_target");
  auto moved = requests_->Transfer(cadre_, id, district_b_.id, "企业注册地在另一区");
  ASSERT_OK(moved);
  EXPECT_EQ(moved->row.org_id, district_b_.id);
  EXPECT_EQ(moved->row.status, "submitted");
  // District B now sees and handles it; the union that handed it on no longer sees it.
  ASSERT_OK(requests_->Act(staff_b_, id, requests::Action::kAccept, ""));
  ExpectError(requests_->Get(cadre_, id), ErrorCode::kNotFound, "error.not_found");
  auto seen = requests_->Get(staff_b_, id);
  ASSERT_OK(seen);
  bool recorded = false;
  for (const auto& e : seen->events) {
    recorded = recorded || (e.kind == "transferred" && e.body == "企业注册地在另一区");
  }
  EXPECT_TRUE(recorded);
}

TEST_P(RequestsTest, AMembersResolvedRequestCountsAsServedForAYear) {
  // A member of the union (stored directly: the registry's own tests cover its use cases).
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
  m.id_index = "test-index";
  m.id_last4 = "002X";
  m.gender = "female";
  m.birth_date = "1949-12-31";
  m.card_number = "1101010000000018";
  m.key_version = 1;
  m.created_at = m.updated_at = clock_.NowMs();
  {
    auto lease = db_->Acquire();
    ASSERT_OK(store::InsertMember(**lease, m));
  }
  auto served = [&](std::int64_t org_id) {
    auto lease = db_->Acquire();
    auto rollup = store::RollupOf(**lease, org_id);
    return rollup ? rollup->served_12m : -1;
  };

  auto anonymous = WageArrears();
  anonymous.member_id = m.id;
  ExpectFieldError(requests_->Submit(std::nullopt, anonymous), "member_id", "error.not_found");

  auto operator_ = MakeUser("op.served", "operator", root_);
  auto phoned = WageArrears();
  phoned.channel = "hotline";
  phoned.member_id = m.id;
  for (int i = 0; i < 2; ++i) {
    auto r = requests_->Submit(operator_, phoned);
    ASSERT_OK(r);
    ASSERT_OK(requests_->Act(cadre_, r->row.id, requests::Action::kResolve, "已解决"));
    clock_.Advance(30 * kDay);
  }
  // Served twice, counted once, at every org on the member's union path.
  for (const std::int64_t org : {union_.org.id, streets_a_[0].id, district_a_.id, root_.id}) {
    EXPECT_EQ(served(org), 1) << org;
  }
  EXPECT_EQ(served(district_b_.id), 0);
  // A year after the last resolution the mark is taken back, once.
  clock_.Advance(365 * kDay);
  auto expired = app::ExpireServed(*db_, clock_.NowMs());
  ASSERT_OK(expired);
  EXPECT_EQ(*expired, 1);
  expired = app::ExpireServed(*db_, clock_.NowMs());
  ASSERT_OK(expired);
  EXPECT_EQ(*expired, 0);
  for (const std::int64_t org : {union_.org.id, district_a_.id, root_.id}) {
    EXPECT_EQ(served(org), 0) << org;
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(RequestsTest);

}  // namespace
}  // namespace zj::test
