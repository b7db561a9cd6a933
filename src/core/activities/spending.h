// What a union may spend on an activity, as data a federation loads (shared/context/
// service-rules.md "Activities" and "Funds": prizes for at most one third of the participants;
// caps per member — the figure is each federation's own): a cap per participant of one
// activity, a cap per member a year over all activities, and the prize ratio. Money is integer
// fen and every bound is exact: ⌊participants × 1 ÷ 3⌋ prizes, so 3 participants allow 1 prize
// and 2 allow none. Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"

namespace zj::activities {

//! A share of the participants: at most `numerator` in `denominator` (1 in 3).
struct Ratio {
  int numerator = 1;
  int denominator = 3;
};

struct SpendingRules {
  std::optional<std::int64_t> per_participant_fen;  //!< one activity's spend ÷ participants
  std::optional<std::int64_t> per_member_year_fen;  //!< a member's share over a year
  Ratio prizes;                                     //!< prizes ≤ participants × ratio
};

//! Field errors of rules as loaded: caps ¥0.01..¥1,000,000 ("per_participant_fen",
//! "per_member_year_fen"), a ratio 0 ≤ numerator ≤ denominator, 1 ≤ denominator ≤ 100
//! ("prizes"). Key "error.activity.spending_<field>".
std::vector<FieldError> CheckSpendingRules(const SpendingRules& rules);

//! The most prizes `participants` allow: ⌊participants × numerator ÷ denominator⌋.
int MaxPrizes(const Ratio& ratio, int participants);

//! The most an activity with `participants` may spend under the per-participant cap;
//! nullopt without a cap.
std::optional<std::int64_t> MaxSpendFen(const SpendingRules& rules, int participants);

//! A member's share of an activity's spend: ⌈spend ÷ participants⌉ (the remainder is not lost
//! to rounding: the shares add up to at least the spend). 0 for no participants.
std::int64_t ShareFen(std::int64_t spend_fen, int participants);

//! An activity's plan or its accounts.
struct Spend {
  int participants = 0;  //!< seated (plan) or checked in (accounts)
  std::int64_t spend_fen = 0;
  int prizes = 0;
};

//! Every rule the spend breaks, as field errors: "spend_fen" key
//! "error.activity.spend_over_cap" (arg max, in yuan: "3,000.00"), "prizes" key
//! "error.activity.prizes_over" (arg max). Empty: within the rules.
std::vector<FieldError> CheckSpend(const SpendingRules& rules, const Spend& spend);

//! A member's room under the yearly cap after `spent_fen` this year (never negative); nullopt
//! without a cap. The app reads the members whose share would exceed it before approving.
std::optional<std::int64_t> YearRoomFen(const SpendingRules& rules, std::int64_t spent_fen);

}  // namespace zj::activities
