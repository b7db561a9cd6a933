// SQLite 3 backend: WAL journal, foreign keys on, a busy timeout, statements prepared once
// per connection and kept; result codes translated into zj::Error here.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace zj::store {

//! Opens or creates the database file at `path` (its folder is created if missing).
Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path,
                                                         const OpenOptions& options);

}  // namespace zj::store
