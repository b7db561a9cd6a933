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

//! RAII, outside any transaction: while it lives, a SQLite database is in rollback-journal mode
//! (journal_mode=DELETE) instead of WAL, for one very large transaction (a bulk load of
//! millions of rows). In WAL mode such a transaction appends every page it writes to the log,
//! and every later read of a page looks it up in the log's hash tables: at 10M members 38% of
//! the load went to sqlite3WalFindFrame. With a rollback journal pages go to the database file
//! and only their original content to the journal, and an interrupted load is rolled back from
//! the journal when the database is next opened. Switching needs the only connection to the
//! database; when it cannot switch, the load proceeds in WAL mode (slower, same result). WAL
//! mode is back on destruction. A no-op on PostgreSQL.
class BulkJournal {
 public:
  static Result<BulkJournal> Begin(Connection& conn);
  BulkJournal(BulkJournal&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  BulkJournal& operator=(BulkJournal&&) = delete;
  ~BulkJournal();

 private:
  explicit BulkJournal(Connection* conn) : conn_(conn) {}
  Connection* conn_;  //!< set when the mode was switched and must be restored
};

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
