// Many-row INSERT for the bulk paths (roster imports): `head` is "INSERT INTO t (a, b, c)",
// `values` holds the rows' values one row after another (`width` each). On PostgreSQL they are
// sent as statements of up to kRowsPerStatement rows each, so a batch of 20,000 rows costs 400
// round trips instead of 20,000. On SQLite each row is one run of one prepared statement: there
// are no round trips to save, and a multi-row INSERT is a statement that may fail after writing
// some rows, for which SQLite keeps a statement journal (the original of every page the
// statement changes, spilled to a temporary file past 64 KiB): 17 page writes a member row in
// a 20,000-row transaction, a third of the import's time. Statements are prepared once per
// shape (rows × width), named `name`.<rows>.
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
