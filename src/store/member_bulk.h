// Loading many members into an empty registry at once (the demo generator's benchmark data):
// what the store can do to make a large insert fast, kept behind the store so no SQL leaves it.
// On SQLite the secondary indexes of `members` are dropped for the load and recreated from their
// stored definitions afterwards, and the loading connection gets a large page cache; all of it
// happens inside the caller's transaction, so a load that fails rolls back to the indexes as
// they were. On PostgreSQL rows go in multi-row INSERTs and the indexes stay.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/members.h"

namespace zj::store {

//! One index of a table as the database stores it (SQLite: sqlite_master's name and sql;
//! PostgreSQL: pg_indexes' name and definition).
struct IndexDefinition {
  std::string name;
  std::string sql;
};

//! The indexes of `members` by name (SQLite: the explicit ones; PostgreSQL: all).
Result<std::vector<IndexDefinition>> MemberIndexDefinitions(Connection& conn);

//! A bulk load of members on one connection inside the caller's open transaction. Begin drops
//! the indexes (SQLite, only while `members` is empty) and enlarges the page cache; Insert
//! writes rows; Finish recreates the indexes and restores the cache size. If the transaction is
//! rolled back instead, the indexes come back with it; the cache size is restored on
//! destruction in every case.
class MemberBulkLoad {
 public:
  //! kFailedPrecondition "error.demo.members_present" when `members` has rows already.
  static Result<MemberBulkLoad> Begin(Connection& conn, int cache_mib);
  MemberBulkLoad(MemberBulkLoad&& other) noexcept;
  MemberBulkLoad& operator=(MemberBulkLoad&&) = delete;
  ~MemberBulkLoad();

  //! Inserts `rows` (each row as store::InsertMember would).
  Result<void> Insert(std::span<const MemberRow> rows);
  //! Recreates the dropped indexes (checking the unique ones over every loaded row).
  Result<void> Finish();

 private:
  MemberBulkLoad(Connection& conn, std::vector<IndexDefinition> dropped)
      : conn_(&conn), dropped_(std::move(dropped)) {}

  Connection* conn_;
  std::vector<IndexDefinition> dropped_;
};

}  // namespace zj::store
