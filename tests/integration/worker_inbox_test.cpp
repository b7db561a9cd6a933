// The worker's notifications inbox on both stores: a handler's moves on a request and replies
// to the worker reach the inbox of every account the request is the worker's (the sender, the
// bound member's, the contact phone's), internal notes never; entries are kinds with
// parameters; a worker reads and marks only their own (another's id is 404).
#include <nlohmann/json.hpp>

#include "app/requests/request_service.h"
#include "app/worker_accounts/inbox.h"
#include "store/orgs.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";
constexpr const char* kOtherPhone = "13787654321";

class WorkerInboxTest : public WorkerRequestsTest {
 protected:
  std::vector<std::string> Kinds(const app::Actor& worker) {
    auto page = app_->inbox().Page(worker, 0, 100);
    EXPECT_TRUE(page.has_value()) << Describe(page.error());
    std::vector<std::string> out;
    if (page) {
      for (const auto& e : page->items) out.push_back(e.kind);
    }
    return out;
  }

  std::int64_t Unread(const app::Actor& worker) {
    auto n = app_->inbox().Unread(worker);
    EXPECT_TRUE(n.has_value()) << Describe(n.error());
    return n.value_or(-1);
  }
};

TEST_P(WorkerInboxTest, UpdatesAndRepliesReachTheInboxInternalNotesNever) {
  const auto worker = SignIn(kPhone);
  const auto request = SubmitRequest(worker.actor, Request("三个月工资未发", kPhone));
  const std::int64_t id = request.row.id;
  EXPECT_TRUE(Kinds(worker.actor).empty()) << "sending is the worker's own doing";

  ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kAccept, ""));
  ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "内部：先核实企业情况", true));
  EXPECT_EQ(Kinds(worker.actor), std::vector<std::string>{"request.accepted"})
      << "an internal note is no update for the worker";
  ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "已联系企业", false));
  ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kContact, ""));
  ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kResolve, "企业已补发工资"));
  EXPECT_EQ(Kinds(worker.actor), (std::vector<std::string>{"request.resolved", "request.contacted",
                                                           "request.reply", "request.accepted"}));
  // The worker's own moves are no news to the worker.
  ASSERT_OK(app_->requests().ReopenMine(worker.actor, id, "工资只补了一半"));
  EXPECT_EQ(Kinds(worker.actor).size(), 4u);

  auto page = app_->inbox().Page(worker.actor, 0, 10);
  ASSERT_OK(page);
  EXPECT_EQ(page->unread, 4);
  const auto& newest = page->items.front();
  EXPECT_EQ(newest.subject_id, id);
  EXPECT_FALSE(newest.read_at.has_value());
  // A kind and its parameters, no sentence: the portal renders them in the reader's language.
  const auto params = nlohmann::json::parse(newest.params);
  EXPECT_EQ(params.at("number"), request.row.tracking_number);
  EXPECT_EQ(params.at("title"), "三个月工资未发");
  EXPECT_EQ(params.at("status"), "resolved");
  EXPECT_EQ(newest.params.find("企业已补发"), std::string::npos)
      << "the resolution is on the request's page, not copied into the inbox";
}

TEST_P(WorkerInboxTest, EveryAccountTheRequestIsTheWorkersHearsOfItAndNoOneElse) {
  const auto member = MemberWithPhone("张晓林", 11, kPhone);
  // Sent without signing in, with the phone of an account made later.
  const auto anonymous = SubmitRequest(std::nullopt, Request("匿名提交的诉求", kPhone));
  // Registered by a cadre for the member, with another contact number.
  app::NewRequest phoned = Request("热线登记的诉求", "13600001111");
  phoned.channel = "hotline";
  phoned.member_id = member.row.id;
  const auto registered = SubmitRequest(cadre_a_, phoned);
  const auto stranger = SubmitRequest(std::nullopt, Request("别人的诉求", "13500002222"));

  const auto worker = SignIn(kPhone);
  ASSERT_OK(app_->bindings().Bind(worker.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                  "192.0.2.10"));
  const auto other = SignIn(kOtherPhone);
  for (const auto* r : {&anonymous, &registered, &stranger}) {
    ASSERT_OK(app_->requests().Act(cadre_a_, r->row.id, requests::Action::kAccept, ""));
  }
  auto page = app_->inbox().Page(worker.actor, 0, 10);
  ASSERT_OK(page);
  std::vector<std::int64_t> subjects;
  for (const auto& e : page->items) subjects.push_back(e.subject_id.value_or(0));
  EXPECT_EQ(subjects, (std::vector<std::int64_t>{registered.row.id, anonymous.row.id}));
  EXPECT_TRUE(Kinds(other.actor).empty()) << "nothing of another worker's requests";
}

TEST_P(WorkerInboxTest, AWorkerMarksOnlyTheirOwnEntriesRead) {
  const auto worker = SignIn(kPhone);
  const auto other = SignIn(kOtherPhone);
  const std::int64_t mine = SubmitRequest(worker.actor, Request("我的诉求", kPhone)).row.id;
  const std::int64_t theirs = SubmitRequest(other.actor, Request("别人的诉求", kOtherPhone)).row.id;
  for (const std::int64_t id : {mine, theirs}) {
    ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kAccept, ""));
    ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "收到，正在处理", false));
  }
  auto own = app_->inbox().Page(worker.actor, 0, 10);
  auto others = app_->inbox().Page(other.actor, 0, 10);
  ASSERT_OK(own);
  ASSERT_OK(others);
  ASSERT_EQ(own->items.size(), 2u);
  ASSERT_EQ(others->items.size(), 2u);

  // Another worker's entry is not found, like one that does not exist, and stays unread.
  for (const std::int64_t id : {others->items[0].id, own->items[0].id + 7}) {
    ExpectError(app_->inbox().MarkRead(worker.actor, id), ErrorCode::kNotFound, "error.not_found");
  }
  EXPECT_EQ(Unread(other.actor), 2);

  ASSERT_OK(app_->inbox().MarkRead(worker.actor, own->items[0].id));
  ASSERT_OK(app_->inbox().MarkRead(worker.actor, own->items[0].id));  // twice is fine
  EXPECT_EQ(Unread(worker.actor), 1);
  auto all = app_->inbox().MarkAllRead(worker.actor);
  ASSERT_OK(all);
  EXPECT_EQ(*all, 1);
  EXPECT_EQ(Unread(worker.actor), 0);
  EXPECT_EQ(Unread(other.actor), 2) << "marking all read is the worker's own entries only";

  // Staff have no inbox here.
  ExpectError(app_->inbox().Page(cadre_a_, 0, 10), ErrorCode::kPermissionDenied, "error.forbidden");
  ExpectError(app_->inbox().MarkRead(cadre_a_, own->items[0].id), ErrorCode::kPermissionDenied,
              "error.forbidden");
}

TEST_P(WorkerInboxTest, PagesAreNewestFirstWithACursor) {
  const auto worker = SignIn(kPhone);
  const std::int64_t id = SubmitRequest(worker.actor, Request("工资", kPhone)).row.id;
  for (int i = 0; i < 5; ++i) {
    ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "答复 " + std::to_string(i), false));
    clock_.Advance(1000);
  }
  auto first = app_->inbox().Page(worker.actor, 0, 3);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 3u);
  ASSERT_TRUE(first->next_cursor.has_value());
  EXPECT_EQ(first->unread, 5);
  auto second = app_->inbox().Page(worker.actor, *first->next_cursor, 3);
  ASSERT_OK(second);
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_FALSE(second->next_cursor.has_value());
  EXPECT_GT(first->items[2].created_at, second->items[0].created_at);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkerInboxTest);

}  // namespace
}  // namespace zj::test
