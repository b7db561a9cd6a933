// The rules of legal cases at their edges: stages only forward (skipping allowed), closed from
// any open stage and never left; a dispute collective at exactly the workers' threshold and
// exactly at the claimed amount, not one below either; the codes read back.
#include "core/legal/legal_case.h"

#include <gtest/gtest.h>

namespace zj::legal {
namespace {

TEST(LegalCase, StagesMoveForwardOnlyAndMaySkip) {
  EXPECT_TRUE(MayMove(Stage::kConsultation, Stage::kMediation));
  EXPECT_TRUE(MayMove(Stage::kConsultation, Stage::kArbitration));  // straight to arbitration
  EXPECT_TRUE(MayMove(Stage::kLitigation, Stage::kEnforcement));
  EXPECT_FALSE(MayMove(Stage::kArbitration, Stage::kMediation));
  EXPECT_FALSE(MayMove(Stage::kMediation, Stage::kMediation));
  EXPECT_FALSE(MayMove(Stage::kEnforcement, Stage::kConsultation));
}

TEST(LegalCase, ClosedFollowsAnyOpenStageAndIsFinal) {
  for (Stage s : {Stage::kConsultation, Stage::kMediation, Stage::kArbitration, Stage::kLitigation,
                  Stage::kEnforcement}) {
    EXPECT_TRUE(MayMove(s, Stage::kClosed)) << StageCode(s);
    EXPECT_FALSE(MayMove(Stage::kClosed, s)) << StageCode(s);
  }
  EXPECT_FALSE(MayMove(Stage::kClosed, Stage::kClosed));
}

TEST(LegalCase, TenWorkersMakeADisputeCollectiveNineDoNot) {
  const CollectiveRule rule;  // the defaults: 10 workers, ¥500,000
  EXPECT_TRUE(IsCollective(rule, 10, 0));
  EXPECT_FALSE(IsCollective(rule, 9, 0));
  EXPECT_TRUE(IsCollective(rule, 11, 0));
}

TEST(LegalCase, ExactlyTheAmountMakesADisputeCollectiveAFenLessDoesNot) {
  const CollectiveRule rule;
  EXPECT_EQ(rule.amount_fen, 50'000'000);
  EXPECT_TRUE(IsCollective(rule, 1, 50'000'000));
  EXPECT_FALSE(IsCollective(rule, 1, 49'999'999));
  EXPECT_FALSE(IsCollective(rule, 9, 49'999'999));
}

TEST(LegalCase, AFederationsOwnThresholdsApply) {
  const CollectiveRule rule{30, 100'000'000};
  EXPECT_FALSE(IsCollective(rule, 29, 99'999'999));
  EXPECT_TRUE(IsCollective(rule, 30, 0));
  EXPECT_TRUE(IsCollective(rule, 1, 100'000'000));
  EXPECT_TRUE(ValidRule(rule));
  EXPECT_FALSE(ValidRule({1, 100}));           // one worker is no collective
  EXPECT_FALSE(ValidRule({10, 0}));            // nor is no money
  EXPECT_FALSE(ValidRule({10, kMaxFen + 1}));  // out of bounds
}

TEST(LegalCase, CodesReadBack) {
  for (auto t : {CaseType::kWageArrears, CaseType::kContract, CaseType::kWorkInjury,
                 CaseType::kSocialInsurance, CaseType::kDismissal, CaseType::kOvertime}) {
    EXPECT_EQ(ParseCaseType(CaseTypeCode(t)), t);
  }
  EXPECT_EQ(ParseStage("arbitration"), Stage::kArbitration);
  EXPECT_FALSE(ParseStage("appeal").has_value());
  EXPECT_FALSE(ParseCaseType("rights.wage_arrears").has_value());
  EXPECT_EQ(ParseLawyerKind("aid_centre"), LawyerKind::kAidCentre);
  EXPECT_FALSE(ParseLawyerKind("notary").has_value());
}

}  // namespace
}  // namespace zj::legal
