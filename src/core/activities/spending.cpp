#include "core/activities/spending.h"

#include <algorithm>
#include <string>

#include "core/hardship/hardship_level.h"

namespace zj::activities {

namespace {

constexpr std::int64_t kMaxCapFen = 100'000'000;  // ¥1,000,000

bool CapOk(const std::optional<std::int64_t>& cap) {
  return !cap || (*cap >= 1 && *cap <= kMaxCapFen);
}

FieldError Over(std::string field, std::string key, std::string max) {
  return {std::move(field), std::move(key), {{"max", std::move(max)}}};
}

}  // namespace

std::vector<FieldError> CheckSpendingRules(const SpendingRules& rules) {
  std::vector<FieldError> errors;
  if (!CapOk(rules.per_participant_fen)) {
    errors.push_back({"per_participant_fen", "error.activity.spending_per_participant_fen", {}});
  }
  if (!CapOk(rules.per_member_year_fen)) {
    errors.push_back({"per_member_year_fen", "error.activity.spending_per_member_year_fen", {}});
  }
  const Ratio& p = rules.prizes;
  if (p.denominator < 1 || p.denominator > 100 || p.numerator < 0 || p.numerator > p.denominator) {
    errors.push_back({"prizes", "error.activity.spending_prizes", {}});
  }
  return errors;
}

int MaxPrizes(const Ratio& ratio, int participants) {
  if (participants <= 0 || ratio.denominator <= 0) return 0;
  return static_cast<int>(static_cast<std::int64_t>(participants) * ratio.numerator /
                          ratio.denominator);
}

std::optional<std::int64_t> MaxSpendFen(const SpendingRules& rules, int participants) {
  if (!rules.per_participant_fen) return std::nullopt;
  return *rules.per_participant_fen * std::max(participants, 0);
}

std::int64_t ShareFen(std::int64_t spend_fen, int participants) {
  if (participants <= 0 || spend_fen <= 0) return 0;
  return (spend_fen + participants - 1) / participants;
}

std::vector<FieldError> CheckSpend(const SpendingRules& rules, const Spend& spend) {
  std::vector<FieldError> errors;
  if (const auto max = MaxSpendFen(rules, spend.participants); max && spend.spend_fen > *max) {
    errors.push_back(Over("spend_fen", "error.activity.spend_over_cap", hardship::Yuan(*max)));
  }
  if (const int max = MaxPrizes(rules.prizes, spend.participants); spend.prizes > max) {
    errors.push_back(Over("prizes", "error.activity.prizes_over", std::to_string(max)));
  }
  return errors;
}

std::optional<std::int64_t> YearRoomFen(const SpendingRules& rules, std::int64_t spent_fen) {
  if (!rules.per_member_year_fen) return std::nullopt;
  return std::max<std::int64_t>(0, *rules.per_member_year_fen - spent_fen);
}

}  // namespace zj::activities
