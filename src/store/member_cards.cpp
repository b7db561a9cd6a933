#include "store/member_cards.h"

namespace zj::store {

namespace {

// One statement, so two transactions reserving for the same region serialise on the row.
constexpr Sql kReserve{
    "member_card_serials.reserve",
    "INSERT INTO member_card_serials (region6, next_serial) VALUES ($1, 1 + CAST($2 AS BIGINT))"
    " ON CONFLICT (region6) DO UPDATE SET"
    " next_serial = member_card_serials.next_serial + CAST($2 AS BIGINT) RETURNING next_serial"};

}  // namespace

Result<std::int64_t> ReserveCardSerials(Connection& conn, const std::string& region6,
                                        std::int64_t count) {
  const std::vector<Value> p{region6, count};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kReserve, p));
  return rows.at(0).Int(0) - count;
}

}  // namespace zj::store
