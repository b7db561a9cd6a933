#include "core/legal/legal_case.h"

#include <array>
#include <utility>

namespace zj::legal {

namespace {

constexpr std::array<std::pair<CaseType, std::string_view>, 6> kTypes{{
    {CaseType::kWageArrears, "wage_arrears"},
    {CaseType::kContract, "contract"},
    {CaseType::kWorkInjury, "work_injury"},
    {CaseType::kSocialInsurance, "social_insurance"},
    {CaseType::kDismissal, "dismissal"},
    {CaseType::kOvertime, "overtime"},
}};

constexpr std::array<std::pair<Stage, std::string_view>, 6> kStages{{
    {Stage::kConsultation, "consultation"},
    {Stage::kMediation, "mediation"},
    {Stage::kArbitration, "arbitration"},
    {Stage::kLitigation, "litigation"},
    {Stage::kEnforcement, "enforcement"},
    {Stage::kClosed, "closed"},
}};

template <typename T, std::size_t N>
std::string_view CodeOf(const std::array<std::pair<T, std::string_view>, N>& table, T value) {
  for (const auto& [v, code] : table) {
    if (v == value) return code;
  }
  return "";
}

template <typename T, std::size_t N>
std::optional<T> Parse(const std::array<std::pair<T, std::string_view>, N>& table,
                       std::string_view code) {
  for (const auto& [v, c] : table) {
    if (c == code) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view CaseTypeCode(CaseType type) { return CodeOf(kTypes, type); }
std::optional<CaseType> ParseCaseType(std::string_view code) { return Parse(kTypes, code); }
std::string_view StageCode(Stage stage) { return CodeOf(kStages, stage); }
std::optional<Stage> ParseStage(std::string_view code) { return Parse(kStages, code); }

bool MayMove(Stage from, Stage to) {
  if (from == Stage::kClosed) return false;
  if (to == Stage::kClosed) return true;
  return static_cast<int>(to) > static_cast<int>(from);
}

std::string_view LawyerKindCode(LawyerKind kind) {
  return kind == LawyerKind::kLawyer ? "lawyer" : "aid_centre";
}

std::optional<LawyerKind> ParseLawyerKind(std::string_view code) {
  if (code == "lawyer") return LawyerKind::kLawyer;
  if (code == "aid_centre") return LawyerKind::kAidCentre;
  return std::nullopt;
}

bool ValidRule(const CollectiveRule& rule) {
  return rule.workers >= 2 && rule.workers <= 10'000 && rule.amount_fen >= 100 &&
         rule.amount_fen <= kMaxFen;
}

bool IsCollective(const CollectiveRule& rule, std::int64_t workers, std::int64_t claimed_fen) {
  return workers >= rule.workers || claimed_fen >= rule.amount_fen;
}

}  // namespace zj::legal
