// Versioned schema migrations, embedded into the binary from src/store/migrations/*.sql.
// Each version is applied in its own transaction and recorded in `schema_migrations`; a
// database whose recorded version is newer than this program knows is refused, untouched.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace zj::store {

//! One embedded migration file. `backend` is "" (portable), "sqlite" or "postgres".
struct MigrationFile {
  int version;
  std::string_view name;
  std::string_view backend;
  std::string_view sql;
};

//! All embedded migration files, in version order (generated at build time).
const std::vector<MigrationFile>& EmbeddedMigrations();

//! The highest version this program knows.
int LatestSchemaVersion();

//! The version recorded in the database, 0 for an empty one.
Result<int> CurrentSchemaVersion(Connection& conn);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;
};

//! Brings the schema to LatestSchemaVersion() (or to `up_to`, for tests of an upgrade). Fails
//! with kFailedPrecondition ("error.db.newer") when the database is newer, leaving it
//! untouched; a failing migration rolls back its own transaction and the earlier ones stay
//! applied.
Result<MigrationReport> Migrate(Database& db, std::optional<int> up_to = std::nullopt);

//! Like Migrate's check alone: kFailedPrecondition when newer, "error.db.outdated" when older.
Result<int> CheckSchemaCurrent(Database& db);

}  // namespace zj::store
