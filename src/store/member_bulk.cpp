#include "store/member_bulk.h"

#include <algorithm>

namespace zj::store {

namespace {

constexpr Sql kPostgresIndexes{"pg_indexes.member_indexes",
                               "SELECT indexname, indexdef FROM pg_indexes"
                               " WHERE schemaname = current_schema() AND tablename = 'members'"
                               " ORDER BY indexname"};
constexpr Sql kAnyMember{"members.any", "SELECT id FROM members LIMIT 1"};
// Explicit indexes only: sql is NULL for the automatic ones (the primary key), which cannot be
// dropped and are not recreated.
constexpr Sql kSqliteIndexes{"sqlite_master.member_indexes",
                             "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                             " AND tbl_name = 'members' AND sql IS NOT NULL ORDER BY name"};

//! SQLite's default page cache (PRAGMA cache_size = -2000: about 2 MiB), restored after a load
//! so the connection goes back to the pool as it came.
constexpr std::int64_t kDefaultCacheSize = -2000;

std::string Quoted(const std::string& identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::vector<IndexDefinition>> MemberIndexDefinitions(Connection& conn) {
  std::vector<IndexDefinition> out;
  ZJ_ASSIGN_OR_RETURN(
      Rows rows,
      conn.Query(conn.backend() == Backend::kSqlite ? kSqliteIndexes : kPostgresIndexes, {}));
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<MemberBulkLoad> MemberBulkLoad::Begin(Connection& conn, int cache_mib) {
  ZJ_ASSIGN_OR_RETURN(Rows any, conn.Query(kAnyMember, {}));
  if (!any.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.members_present",
                "the member registry has members already");
  }
  if (conn.backend() != Backend::kSqlite) return MemberBulkLoad(conn, {});  // indexes stay
  // Inserting into an index with random keys (the blind index, names) row by row costs several
  // times the table itself once the index outgrows the cache; building it afterwards is one
  // sort (measured at 1M members: 66 s with the indexes kept, 31 s dropped and rebuilt; even
  // keeping the four whose keys arrive in ascending order cost more during the load than their
  // rebuild). The definitions come from the database itself, so whatever the migrations made
  // comes back exactly. A spare core helps sort once an index's keys outgrow the cache. (A
  // memory map for the rebuilds' scans gained little and would count the whole file in RSS.)
  ZJ_ASSIGN_OR_RETURN(auto indexes, MemberIndexDefinitions(conn));
  MemberBulkLoad load(conn, std::move(indexes));
  ZJ_RETURN_IF_ERROR(
      conn.ExecScript("PRAGMA cache_size = " + std::to_string(-std::int64_t{cache_mib} * 1024) +
                      "; PRAGMA threads = 1"));
  for (const auto& index : load.dropped_) {
    ZJ_RETURN_IF_ERROR(conn.ExecScript("DROP INDEX " + Quoted(index.name)));
  }
  return load;
}

Result<BulkJournal> BulkJournal::Begin(Connection& conn) {
  if (conn.backend() != Backend::kSqlite) return BulkJournal(nullptr);
  static constexpr Sql kToDelete{"pragma.journal_mode_delete", "PRAGMA journal_mode = DELETE"};
  ZJ_ASSIGN_OR_RETURN(Rows mode, conn.Query(kToDelete, {}));
  const bool switched = !mode.empty() && mode.front().Text(0) == "delete";
  return BulkJournal(switched ? &conn : nullptr);
}

BulkJournal::~BulkJournal() {
  if (conn_ == nullptr) return;
  static constexpr Sql kToWal{"pragma.journal_mode_wal", "PRAGMA journal_mode = WAL"};
  (void)conn_->Query(kToWal, {});
}

MemberBulkLoad::MemberBulkLoad(MemberBulkLoad&& other) noexcept
    : conn_(other.conn_), dropped_(std::move(other.dropped_)) {
  other.conn_ = nullptr;
}

MemberBulkLoad::~MemberBulkLoad() {
  if (conn_ != nullptr && conn_->backend() == Backend::kSqlite) {
    (void)conn_->ExecScript("PRAGMA cache_size = " + std::to_string(kDefaultCacheSize) +
                            "; PRAGMA threads = 0");
  }
}

Result<void> MemberBulkLoad::Insert(std::span<const MemberRow> rows) {
  return InsertMembers(*conn_, rows);
}

Result<void> MemberBulkLoad::Finish() {
  for (const auto& index : dropped_) ZJ_RETURN_IF_ERROR(conn_->ExecScript(index.sql));
  dropped_.clear();
  return {};
}

}  // namespace zj::store
