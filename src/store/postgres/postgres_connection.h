// PostgreSQL 15 backend over libpq: named prepared statements cached per connection,
// SQLSTATEs translated into zj::Error here.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace zj::store {

//! Connects to `uri` (postgresql://...). An unreachable server is kUnavailable with
//! message key "error.db.unreachable" and libpq's reason (password redacted) in the detail.
Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri,
                                                           const OpenOptions& options);

}  // namespace zj::store
