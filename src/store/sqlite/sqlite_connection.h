// SQLite 3 backend: WAL journal, foreign keys on, a busy timeout, statements prepared once
// per connection and kept; result codes translated into zj::Error here.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/database.h"

namespace zj::store {

//! Opens or creates the database file at `path` (its folder is created if missing).
//! Connections given the same `writer` mutex queue on it for write transactions (the pool's
//! connections share one); without it they rely on SQLite's busy timeout alone.
Result<std::unique_ptr<Connection>> OpenSqliteConnection(
    const std::string& path, const OpenOptions& options,
    std::shared_ptr<std::timed_mutex> writer = nullptr);

}  // namespace zj::store
