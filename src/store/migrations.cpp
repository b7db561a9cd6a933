#include "store/migrations.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <map>

namespace zj::store {

namespace {

constexpr Sql kCreateTable{"migrations.create",
                           "CREATE TABLE IF NOT EXISTS schema_migrations ("
                           " version INTEGER NOT NULL PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " applied_at BIGINT NOT NULL)"};
constexpr Sql kMaxVersion{"migrations.max",
                          "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"};
constexpr Sql kRecord{
    "migrations.record",
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};
// Only one process migrates a PostgreSQL database at a time; the lock ends with the transaction.
constexpr Sql kPgLock{"migrations.lock", "SELECT pg_advisory_xact_lock(7251002)"};

const char* BackendName(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgres"; }

// version → the file to run on this backend (a backend-specific file wins over a portable one).
std::map<int, const MigrationFile*> FilesFor(Backend backend) {
  std::map<int, const MigrationFile*> out;
  for (const auto& f : EmbeddedMigrations()) {
    if (!f.backend.empty() && f.backend != BackendName(backend)) continue;
    auto [it, inserted] = out.emplace(f.version, &f);
    if (!inserted && !f.backend.empty()) it->second = &f;
  }
  return out;
}

Error Newer(int found, int latest) {
  return Error{ErrorCode::kFailedPrecondition,
               "error.db.newer",
               "the database has schema version " + std::to_string(found) +
                   ", newer than this program knows (" + std::to_string(latest) +
                   "); upgrade zhijia, or restore a backup made by this version",
               {},
               {{"found", std::to_string(found)}, {"latest", std::to_string(latest)}}};
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int LatestSchemaVersion() {
  int latest = 0;
  for (const auto& f : EmbeddedMigrations()) latest = std::max(latest, f.version);
  return latest;
}

Result<int> CurrentSchemaVersion(Connection& conn) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kCreateTable, {}));
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kMaxVersion, {}));
  return static_cast<int>(rows.at(0).Int(0));
}

Result<MigrationReport> Migrate(Database& db) {
  ZJ_ASSIGN_OR_RETURN(Lease lease, db.Acquire());
  Connection& conn = *lease;
  const int latest = LatestSchemaVersion();
  MigrationReport report;
  {
    ZJ_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(conn));
    report.from_version = report.to_version = current;
    if (current > latest) return Fail(Newer(current, latest));
  }
  for (const auto& [version, file] : FilesFor(conn.backend())) {
    ZJ_ASSIGN_OR_RETURN(Transaction tx, Transaction::Start(conn));
    if (conn.backend() == Backend::kPostgres) ZJ_RETURN_IF_ERROR(conn.Query(kPgLock, {}));
    // Read again inside the transaction: another process may have migrated meanwhile.
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kMaxVersion, {}));
    const int current = static_cast<int>(rows.at(0).Int(0));
    if (current > latest) return Fail(Newer(current, latest));
    if (version <= current) continue;
    spdlog::info("applying migration {:04d}_{}", version, file->name);
    if (auto r = conn.ExecScript(file->sql); !r) {
      Error e = std::move(r).error();
      e.detail = "migration " + std::to_string(version) + "_" + std::string(file->name) +
                 " failed: " + e.detail;
      return Fail(std::move(e));
    }
    const std::vector<Value> params{std::int64_t{version}, std::string(file->name), NowMs()};
    ZJ_RETURN_IF_ERROR(conn.Execute(kRecord, params));
    ZJ_RETURN_IF_ERROR(tx.Commit());
    report.applied.push_back(version);
    report.to_version = version;
  }
  return report;
}

Result<int> CheckSchemaCurrent(Database& db) {
  ZJ_ASSIGN_OR_RETURN(Lease lease, db.Acquire());
  ZJ_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(*lease));
  const int latest = LatestSchemaVersion();
  if (current > latest) return Fail(Newer(current, latest));
  if (current < latest) {
    return Fail(Error{ErrorCode::kFailedPrecondition,
                      "error.db.outdated",
                      "the database has schema version " + std::to_string(current) +
                          ", older than this program's " + std::to_string(latest) +
                          "; run `zhijia migrate`",
                      {},
                      {{"found", std::to_string(current)}, {"latest", std::to_string(latest)}}});
  }
  return current;
}

}  // namespace zj::store
