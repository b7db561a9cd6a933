// Where the data lives: `sqlite:PATH` or a `postgresql://` URI, parsed from `--db` or ZHIJIA_DB.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::store {

enum class Backend { kSqlite, kPostgres };

struct DbSpec {
  Backend backend = Backend::kSqlite;
  std::string target;  //!< SQLite: file path; PostgreSQL: the connection URI as given.

  //! The spec with any password replaced by "***", safe for logs.
  std::string Redacted() const;
};

//! The default when neither --db nor ZHIJIA_DB is given.
inline constexpr std::string_view kDefaultDbSpec = "sqlite:./data/zhijia.db";

//! Parses "sqlite:PATH", "sqlite://PATH", "postgresql://..." or "postgres://...".
//! Anything else is kInvalidArgument with field "db" and a message naming the accepted forms.
Result<DbSpec> ParseDbSpec(std::string_view text);

}  // namespace zj::store
