// Who pays a mutual-aid plan's contributions (issue 22; shared/context/service-rules.md: paid by
// the municipal and district levels; "free to members, paid 50/50 by city and district"): a
// contribution per head times the enrolled headcount, split between payers by shares in basis
// points, exactly: each payer gets its share rounded down and the fen left over go one each to
// the largest remainders (ties to the payer listed first), so the parts always add up to the
// whole. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace zj::mutual_aid {

struct PayerShare {
  std::string payer;  //!< "municipal", "district", "member", … ([a-z0-9_], ≤ 40)
  int share_bp = 0;   //!< 1..10,000; all of a plan's add up to 10,000
};

//! Field errors: "payers.<i>" key "error.mutual_aid.payer" (a bad code, a share out of range, a
//! payer twice), "payers" key "error.mutual_aid.payer_shares" when the shares do not add up to
//! 100 % or there are none.
std::vector<FieldError> CheckPayers(const std::vector<PayerShare>& payers);

struct Due {
  std::string payer;
  std::int64_t fen = 0;
};

//! What each payer owes for `headcount` members at `per_head_fen`, in the payers' order; the
//! parts add up to per_head_fen × headcount. The payers are assumed checked.
std::vector<Due> Split(std::int64_t per_head_fen, std::int64_t headcount,
                       const std::vector<PayerShare>& payers);

}  // namespace zj::mutual_aid
