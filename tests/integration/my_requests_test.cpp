// My requests on both stores: a signed-in worker sees every request made by the account, by the
// bound member (a cadre registered it) or with the account's phone (sent before signing in),
// newest first and paged, with the tracking page's timeline; rates and reopens in place; another
// worker's request is 404 by id, exactly like an id that does not exist.
#include "app/requests/request_service.h"
#include "store/orgs.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";
constexpr const char* kOtherPhone = "13787654321";

class MyRequestsTest : public WorkerRequestsTest {
 protected:
  //! The id of the request `r` submitted as `actor`.
  std::int64_t Submit(const std::optional<app::Actor>& actor, const app::NewRequest& r) {
    return SubmitRequest(actor, r).row.id;
  }

  std::vector<std::string> Titles(const app::Actor& worker) {
    auto page = app_->requests().Mine(worker, 0, 50);
    EXPECT_TRUE(page.has_value()) << Describe(page.error());
    std::vector<std::string> out;
    if (page) {
      for (const auto& t : page->items) out.push_back(t.title);
    }
    return out;
  }
};

TEST_P(MyRequestsTest, EveryRequestOfThePhoneAccountOrMemberAndNoOneElses) {
  const auto member = MemberWithPhone("张晓林", 11, kPhone);
  // Before the account: sent with this phone, without signing in.
  Submit(std::nullopt, Request("匿名提交的诉求", kPhone));
  // Someone else's, anonymous, with another phone.
  Submit(std::nullopt, Request("别人的诉求", kOtherPhone));
  // A cadre registers one for the member, with the member's other contact number.
  app::NewRequest phoned = Request("热线登记的诉求", "13600001111");
  phoned.channel = "hotline";
  phoned.member_id = member.row.id;
  Submit(cadre_a_, phoned);

  const auto worker = SignIn(kPhone);
  // Before binding: the phone's request only.
  EXPECT_EQ(Titles(worker.actor), std::vector<std::string>{"匿名提交的诉求"});
  ASSERT_OK(app_->bindings().Bind(worker.actor, "张晓林", MakeIdNumber("110101", "19900307", 11),
                                  "192.0.2.10"));
  auto session = app_->sign_in().Authenticate(worker.token);
  ASSERT_OK(session);
  // Signed in, submitted without a tracking number in hand.
  Submit(session->actor, Request("登录后提交的诉求", kPhone));
  EXPECT_EQ(Titles(session->actor),
            (std::vector<std::string>{"登录后提交的诉求", "热线登记的诉求", "匿名提交的诉求"}));

  // The other phone's worker sees only theirs.
  const auto other = SignIn(kOtherPhone);
  EXPECT_EQ(Titles(other.actor), std::vector<std::string>{"别人的诉求"});
}

TEST_P(MyRequestsTest, AnotherWorkersRequestIsNotFoundById) {
  const auto mine = SignIn(kPhone);
  const auto other = SignIn(kOtherPhone);
  const std::int64_t theirs = Submit(other.actor, Request("别人的诉求", kOtherPhone));
  const std::int64_t own = Submit(mine.actor, Request("我的诉求", kPhone));

  ASSERT_OK(app_->requests().MineOne(mine.actor, own));
  for (const std::int64_t id : {theirs, own + 1000, std::int64_t{0}}) {
    ExpectError(app_->requests().MineOne(mine.actor, id), ErrorCode::kNotFound, "error.not_found");
    ExpectError(app_->requests().WithdrawMine(mine.actor, id), ErrorCode::kNotFound,
                "error.not_found");
    ExpectError(app_->requests().ReopenMine(mine.actor, id, "没解决"), ErrorCode::kNotFound,
                "error.not_found");
    ExpectError(app_->requests().RateMine(mine.actor, id, 5, ""), ErrorCode::kNotFound,
                "error.not_found");
  }
  // Untouched by those attempts.
  auto still = app_->requests().MineOne(other.actor, theirs);
  ASSERT_OK(still);
  EXPECT_EQ(still->status, "submitted");
  // Staff are not workers: My requests is not theirs to call.
  ExpectError(app_->requests().Mine(cadre_a_, 0, 10), ErrorCode::kPermissionDenied,
              "error.forbidden");
}

TEST_P(MyRequestsTest, TheTimelineRatingAndReopeningInPlace) {
  const auto worker = SignIn(kPhone);
  const std::int64_t id = Submit(worker.actor, Request("三个月工资未发", kPhone));
  ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "内部：先核实", true));
  ASSERT_OK(app_->requests().AddMessage(cadre_a_, id, "已联系企业", false));
  ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kResolve, "企业已补发工资"));

  auto resolved = app_->requests().MineOne(worker.actor, id);
  ASSERT_OK(resolved);
  EXPECT_EQ(resolved->id, id);
  EXPECT_EQ(resolved->status, "resolved");
  EXPECT_TRUE(resolved->may_rate);
  bool reply = false;
  for (const auto& e : resolved->events) {
    ASSERT_FALSE(e.body && e.body->find("内部") != std::string::npos) << "no internal notes";
    EXPECT_FALSE(e.actor_id.has_value()) << "the worker sees the org, not the person";
    reply = reply || (e.body && *e.body == "已联系企业");
  }
  EXPECT_TRUE(reply) << "replies are on the timeline";
  // The list carries no timeline.
  auto page = app_->requests().Mine(worker.actor, 0, 10);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_TRUE(page->items[0].events.empty());

  auto reopened = app_->requests().ReopenMine(worker.actor, id, "工资只补了一半");
  ASSERT_OK(reopened);
  EXPECT_EQ(reopened->status, "in_progress");
  ASSERT_OK(app_->requests().Act(cadre_a_, id, requests::Action::kResolve, "已全部补发"));
  ExpectFieldError(app_->requests().RateMine(worker.actor, id, 6, ""), "rating",
                   "error.requests.rating");
  auto rated = app_->requests().RateMine(worker.actor, id, 5, "谢谢");
  ASSERT_OK(rated);
  EXPECT_EQ(rated->status, "closed");
  EXPECT_EQ(rated->rating, 5);
  ExpectError(app_->requests().RateMine(worker.actor, id, 4, ""), ErrorCode::kConflict,
              "error.requests.not_allowed");
}

TEST_P(MyRequestsTest, PagesAreNewestFirstWithACursor) {
  const auto worker = SignIn(kPhone);
  for (int i = 0; i < 5; ++i) {
    Submit(worker.actor, Request("诉求 " + std::to_string(i), kPhone));
    clock_.Advance(1000);
  }
  auto first = app_->requests().Mine(worker.actor, 0, 3);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 3u);
  EXPECT_EQ(first->items[0].title, "诉求 4");
  ASSERT_TRUE(first->next_cursor.has_value());
  auto second = app_->requests().Mine(worker.actor, *first->next_cursor, 3);
  ASSERT_OK(second);
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[1].title, "诉求 0");
  EXPECT_FALSE(second->next_cursor.has_value());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MyRequestsTest);

}  // namespace
}  // namespace zj::test
