// The member card and its check-in verification, on both stores: a bound worker's card carries
// a signed token that staff of the member's subtree verify (masked identity and union); an
// expired token, any altered character and a token signed with another federation's key are
// refused; outside the subtree the member does not exist (404).
#include "app/cards/card_token.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";

class WorkerCardTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    member_ = MemberWithPhone("张晓林", 11, kPhone);
    worker_ = SignIn(kPhone);
    auto bound = app_->bindings().Bind(worker_.actor, "张晓林",
                                       MakeIdNumber("110101", "19900307", 11), "192.0.2.10");
    ASSERT_OK(bound);
    auto session = app_->sign_in().Authenticate(worker_.token);
    ASSERT_OK(session);
    worker_.actor = session->actor;
    cadre_a_ = MakeUser("cadre-a", "cadre", street_a_);
  }

  std::string Token() {
    auto card = app_->cards().MyCard(worker_.actor);
    EXPECT_TRUE(card.has_value()) << Describe(card.error());
    return card ? card->token : "";
  }

  app::MemberView member_;
  app::WorkerSessionGrant worker_;
  app::Actor cadre_a_;
};

TEST_P(WorkerCardTest, TheCardShowsTheMemberAndAFreshToken) {
  auto card = app_->cards().MyCard(worker_.actor);
  ASSERT_OK(card);
  EXPECT_EQ(card->member.name, "张晓林");
  EXPECT_EQ(card->member.card_number, member_.row.card_number);
  EXPECT_EQ(card->member.union_name, "甲公司工会");
  EXPECT_EQ(card->member.status, "active");
  EXPECT_EQ(card->token_expires_at, kTestNowMs + 5 * 60'000);
  EXPECT_LE(card->token.size(), 120u);
  EXPECT_EQ(card->token.find("张"), std::string::npos);
  EXPECT_EQ(card->token.find(member_.row.card_number), std::string::npos);
}

TEST_P(WorkerCardTest, AnUnboundWorkerHasNoCard) {
  const auto other = SignIn("13700009999");
  ExpectError(app_->cards().MyCard(other.actor), ErrorCode::kFailedPrecondition,
              "error.card.not_bound");
}

TEST_P(WorkerCardTest, StaffOfTheSubtreeVerifyAValidToken) {
  const std::string token = Token();
  for (const app::Actor& staff : {cadre_a_, staff_a_, staff_root_}) {
    auto verified = app_->cards().Verify(staff, token);
    ASSERT_OK(verified);
    EXPECT_EQ(verified->member_id, member_.row.id);
    EXPECT_EQ(verified->name, "张晓林");
    EXPECT_EQ(verified->id_masked.substr(0, 6), "110101");
    EXPECT_NE(verified->id_masked.find("********"), std::string::npos);
    EXPECT_EQ(verified->union_name, "甲公司工会");
  }
}

TEST_P(WorkerCardTest, OutsideTheSubtreeTheMemberDoesNotExist) {
  ExpectError(app_->cards().Verify(staff_b_, Token()), ErrorCode::kNotFound, "error.not_found");
}

TEST_P(WorkerCardTest, AnExpiredTokenIsRefusedAsExpired) {
  const std::string token = Token();
  clock_.Advance(5 * 60'000);
  ExpectFieldError(app_->cards().Verify(cadre_a_, token), "token", "error.card.token_expired");
}

TEST_P(WorkerCardTest, ATamperedTokenIsRefused) {
  std::string token = Token();
  token[20] = token[20] == 'A' ? 'B' : 'A';
  ExpectFieldError(app_->cards().Verify(cadre_a_, token), "token", "error.card.token_invalid");
  ExpectFieldError(app_->cards().Verify(cadre_a_, "garbage"), "token", "error.card.token_invalid");
  ExpectFieldError(app_->cards().Verify(cadre_a_, std::string(10000, 'A')), "token",
                   "error.card.token_invalid");
}

TEST_P(WorkerCardTest, AnotherFederationsKeyIsRefused) {
  app::KeyRing theirs;
  theirs.Add(TestDataKey(1, 99), true);
  theirs.AddSigningKey(TestSigningKey(77), true);
  const app::Vault their_vault(theirs);
  auto token = app::IssueCardToken(their_vault, member_.row.id, kTestNowMs + 60'000);
  ASSERT_OK(token);
  ExpectFieldError(app_->cards().Verify(cadre_a_, *token), "token", "error.card.token_invalid");
}

TEST_P(WorkerCardTest, WorkersDoNotVerifyCards) {
  ExpectError(app_->cards().Verify(worker_.actor, Token()), ErrorCode::kPermissionDenied,
              "error.members.forbidden");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkerCardTest);

}  // namespace
}  // namespace zj::test
