#include "store/migrations.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>

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
constexpr Sql kForeignKeysOff{"migrations.foreign_keys_off", "PRAGMA foreign_keys = OFF"};
constexpr Sql kForeignKeysOn{"migrations.foreign_keys_on", "PRAGMA foreign_keys = ON"};
constexpr Sql kForeignKeyCheck{"migrations.foreign_key_check", "PRAGMA foreign_key_check"};
// A SQLite migration whose first line is this rebuilds tables that others reference: it runs
// with foreign keys off (the pragma takes effect only outside a transaction) and commits only
// when `PRAGMA foreign_key_check` finds no row pointing nowhere (SQLite's documented way to
// change a table's primary key: lang_altertable.html, "making other kinds of changes").
constexpr std::string_view kRebuildsTables = "-- zhijia: rebuilds tables";

//! Foreign keys off on a SQLite connection for the life of the object (declared before the
//! migration's transaction, so it is switched on again after the commit or the rollback).
class ForeignKeysOff {
 public:
  static Result<ForeignKeysOff> Start(Connection& conn) {
    ZJ_RETURN_IF_ERROR(conn.Execute(kForeignKeysOff, {}));
    return ForeignKeysOff(conn);
  }
  ForeignKeysOff(ForeignKeysOff&& other) noexcept : conn_(std::exchange(other.conn_, nullptr)) {}
  ForeignKeysOff& operator=(ForeignKeysOff&&) = delete;
  ~ForeignKeysOff() {
    if (conn_ != nullptr) (void)conn_->Execute(kForeignKeysOn, {});
  }

 private:
  explicit ForeignKeysOff(Connection& conn) : conn_(&conn) {}
  Connection* conn_;
};

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

// Migrations written before 0024's `blob` domain keep one text for both backends by naming the
// type of sealed bytes `{{bytes}}`: BLOB on SQLite, BYTEA on PostgreSQL (README.md there).
constexpr std::string_view kBytesType = "{{bytes}}";

std::string TextFor(const MigrationFile& file, Backend backend) {
  std::string sql(file.sql);
  const std::string_view type = backend == Backend::kSqlite ? "BLOB" : "BYTEA";
  for (auto at = sql.find(kBytesType); at != std::string::npos;
       at = sql.find(kBytesType, at + type.size())) {
    sql.replace(at, kBytesType.size(), type);
  }
  return sql;
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

Result<MigrationReport> Migrate(Database& db, std::optional<int> up_to) {
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
    if (up_to && version > *up_to) break;
    // Applied before we looked: nothing to open a transaction (or switch foreign keys) for.
    // Versions above are checked again inside the transaction, as another process may be
    // migrating too.
    if (version <= report.from_version) continue;
    const bool rebuild =
        conn.backend() == Backend::kSqlite && file->sql.starts_with(kRebuildsTables);
    std::optional<ForeignKeysOff> keys_off;
    if (rebuild) {
      ZJ_ASSIGN_OR_RETURN(ForeignKeysOff off, ForeignKeysOff::Start(conn));
      keys_off.emplace(std::move(off));
    }
    ZJ_ASSIGN_OR_RETURN(Transaction tx, Transaction::Start(conn));
    if (conn.backend() == Backend::kPostgres) ZJ_RETURN_IF_ERROR(conn.Query(kPgLock, {}));
    // Read again inside the transaction: another process may have migrated meanwhile.
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kMaxVersion, {}));
    const int current = static_cast<int>(rows.at(0).Int(0));
    if (current > latest) return Fail(Newer(current, latest));
    if (version <= current) continue;
    spdlog::info("applying migration {:04d}_{}", version, file->name);
    if (auto r = conn.ExecScript(TextFor(*file, conn.backend())); !r) {
      Error e = std::move(r).error();
      e.detail = "migration " + std::to_string(version) + "_" + std::string(file->name) +
                 " failed: " + e.detail;
      return Fail(std::move(e));
    }
    if (rebuild) {
      ZJ_ASSIGN_OR_RETURN(Rows dangling, conn.Query(kForeignKeyCheck, {}));
      if (!dangling.empty()) {
        return Fail(ErrorCode::kInternal, "error.internal",
                    "migration " + std::to_string(version) + "_" + std::string(file->name) +
                        " would leave " + std::to_string(dangling.size()) +
                        " rows pointing nowhere, first in " + dangling.front().Text(0) +
                        "; rolled back");
      }
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
