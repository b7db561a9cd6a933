// Legal aid and rights cases (法律援助 / 维权, issue 20): the kinds of dispute, the stages a case
// goes through and the rule that makes a dispute collective (集体争议). Stages move forward only
// — consultation → mediation → arbitration → litigation → enforcement, skipping allowed (a
// dispute may go straight to arbitration) — and a case may be closed from any open stage. A
// case is collective when at least `workers` workers are involved or at least `amount_fen` is
// claimed; both thresholds are data per federation (legal_rules), the defaults here are those
// of shared/context/service-rules.md (10 workers, ¥500,000).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace zj::legal {

enum class CaseType {
  kWageArrears,
  kContract,
  kWorkInjury,
  kSocialInsurance,
  kDismissal,
  kOvertime
};
std::string_view CaseTypeCode(CaseType type);  //!< "wage_arrears", "contract", …
std::optional<CaseType> ParseCaseType(std::string_view code);

//! In order: a later stage follows an earlier one.
enum class Stage { kConsultation, kMediation, kArbitration, kLitigation, kEnforcement, kClosed };
std::string_view StageCode(Stage stage);  //!< "consultation", …, "closed"
std::optional<Stage> ParseStage(std::string_view code);

//! True when a case at `from` may move to `to`: a later open stage (skipping forward is
//! allowed), or closed from any open stage. Never back, never the same, never from closed.
bool MayMove(Stage from, Stage to);

enum class LawyerKind { kLawyer, kAidCentre };
std::string_view LawyerKindCode(LawyerKind kind);  //!< "lawyer", "aid_centre"
std::optional<LawyerKind> ParseLawyerKind(std::string_view code);

//! A federation's thresholds of a collective dispute.
struct CollectiveRule {
  int workers = 10;                      //!< this many workers or more
  std::int64_t amount_fen = 50'000'000;  //!< this much claimed or more (¥500,000.00)
};

//! The rule's bounds: 2..10,000 workers, ¥1 to ¥100,000,000.
bool ValidRule(const CollectiveRule& rule);

//! True when a case with `workers` workers claiming `claimed_fen` is a collective dispute.
bool IsCollective(const CollectiveRule& rule, std::int64_t workers, std::int64_t claimed_fen);

//! The most workers one case may list, and the most money a case may claim (¥100,000,000).
inline constexpr int kMaxWorkers = 5000;
inline constexpr std::int64_t kMaxFen = 10'000'000'000;

}  // namespace zj::legal
