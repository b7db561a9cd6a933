// Multi-row INSERT for the bulk paths (roster imports): `head` is "INSERT INTO t (a, b, c)",
// `values` holds the rows' values one row after another (`width` each). They are sent as
// statements of up to kRowsPerStatement rows each, so a batch of 2,000 rows costs 40 round
// trips on PostgreSQL instead of 2,000 (SQLite gains less: no round trips, but fewer steps).
// Statements are prepared once per shape (rows × width), named `name`.<rows>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace zj::store {

inline constexpr std::size_t kRowsPerStatement = 50;

Result<void> InsertRows(Connection& conn, std::string_view name, std::string_view head,
                        std::size_t width, const std::vector<Value>& values);

}  // namespace zj::store
