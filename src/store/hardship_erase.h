// Erasing a hardship file after its retention years (issue 20; PIPL art. 47 and the
// federation's retention rule): everything personal goes — the household (names, ID numbers,
// their blind indexes, incomes), the expenses, the trail's notes and visitors, the bank card,
// the evidence files (attachments, removed ones too), the no-double-aid index of its grants and
// their refusal notes — and a tombstone stays: the file's id, org, dates, level and the amounts
// of its grants (the finance record), so counts and sums of past years still add up. The caller
// writes the audit entry in the same transaction.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace zj::store {

//! Erases file `id` as above and sets its workflow stage to erased; false when the file was
//! not closed (or already erased), nothing changed then.
Result<bool> EraseHardshipFile(Connection& conn, std::int64_t id, std::int64_t at);

}  // namespace zj::store
