// Member card serials (会员证号): the next serial per issuing region (6 digits), reserved in
// blocks inside the caller's transaction so card numbers stay unique without a sequence per row.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace zj::store {

//! Reserves `count` consecutive serials for region6 and returns the first (creates the row at 1).
Result<std::int64_t> ReserveCardSerials(Connection& conn, const std::string& region6,
                                        std::int64_t count);

}  // namespace zj::store
