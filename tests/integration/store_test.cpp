// The storage contract, run on SQLite and on PostgreSQL from this one source: every value type
// round-trips, parameters are never interpolated, constraint violations carry specific codes,
// transactions and the pool behave, data survives reopening, and migrations apply once and
// refuse a newer schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"
#include "store/multi_row_insert.h"
#include "store/postgres/postgres_connection.h"
#include "test_databases.h"
#include "test_expectations.h"

namespace zj::store {

// Lets GoogleTest print a backend by name in failure messages (found by argument lookup).
void PrintTo(Backend backend, std::ostream* out) { *out << test::BackendName(backend); }

namespace {

using test::Describe;
using test::ExpectError;
using test::Params;
using test::TestDatabase;

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto created = TestDatabase::Create(GetParam());
    ASSERT_TRUE(created.has_value()) << Describe(created.error());
    database_.emplace(std::move(*created));
    OpenDb();
  }

  void OpenDb(OpenOptions options = {}) {
    db_.reset();
    auto opened = database_->Open(options);
    ASSERT_TRUE(opened.has_value()) << Describe(opened.error());
    db_ = std::move(*opened);
  }

  void Script(const std::string& sql) {
    auto lease = db_->Acquire();
    ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
    ASSERT_OK((*lease)->ExecScript(sql));
  }

  // Rows in `table`, read on a fresh lease; -1 when the query fails.
  std::int64_t Count(const std::string& table) {
    auto lease = db_->Acquire();
    if (!lease) return -1;
    const std::string name = "test.count." + table;
    const std::string text = "SELECT COUNT(*) FROM " + table;
    auto rows = (*lease)->Query(Sql{name, text}, {});
    if (!rows) return -1;
    return rows->at(0).Int(0);
  }

  // The SQL type for bytes: the one column type the two dialects spell differently.
  std::string BlobType() const { return GetParam() == Backend::kPostgres ? "BYTEA" : "BLOB"; }

  // The user tables of the database, sorted, as the backend's catalogue lists them.
  std::vector<std::string> Tables() {
    const Sql sql = GetParam() == Backend::kPostgres
                        ? Sql{"test.tables",
                              "SELECT table_name FROM information_schema.tables "
                              "WHERE table_schema = 'public' ORDER BY 1"}
                        : Sql{"test.tables",
                              "SELECT name FROM sqlite_master "
                              "WHERE type = 'table' ORDER BY 1"};
    std::vector<std::string> names;
    auto lease = db_->Acquire();
    if (!lease) return {"<acquire failed: " + Describe(lease.error()) + ">"};
    auto rows = (*lease)->Query(sql, {});
    if (!rows) return {"<query failed: " + Describe(rows.error()) + ">"};
    for (const Row& row : *rows) names.push_back(row.Text(0));
    return names;
  }

  // Declared before db_, so every pool is closed before its database is removed.
  std::optional<TestDatabase> database_;
  std::unique_ptr<Database> db_;
};

constexpr Sql kInsertNote{"notes.insert", "INSERT INTO notes (id, body) VALUES ($1, $2)"};
constexpr Sql kSelectNote{"notes.select", "SELECT body FROM notes WHERE id = $1"};
constexpr const char* kNotesTable =
    "CREATE TABLE notes (id BIGINT NOT NULL PRIMARY KEY, body TEXT)";

TEST_P(StoreTest, RoundTripsEveryValueType) {
  Script(
      "CREATE TABLE vals (id BIGINT NOT NULL PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, "
      "t TEXT, b " +
      BlobType() + ")");
  constexpr Sql kInsert{"vals.insert",
                        "INSERT INTO vals (id, n, r, t, b) VALUES ($1, $2, $3, $4, $5)"};
  constexpr Sql kSelect{"vals.select", "SELECT n, r, t, b FROM vals WHERE id = $1"};
  const std::vector<std::vector<Value>> cases = {
      {std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}},
      {std::int64_t{1} << 62, 0.1, std::string("职工之家：会员实名制，12351 热线"),
       Blob{0x00, 0x01, 0x00, 0xff, 0x00, '\\', '\'', 0x00}},
      {std::numeric_limits<std::int64_t>::min(), -1.5e-300, std::string("'\"\\ $1 %s"), Blob{0x00}},
      {std::numeric_limits<std::int64_t>::max(), 3.141592653589793, std::string("\t\n"),
       Blob{0xe8, 0x81, 0x8c, 0xfe}},
  };
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::vector<Value> params{static_cast<std::int64_t>(i)};
    params.insert(params.end(), cases[i].begin(), cases[i].end());
    auto inserted = (*lease)->Execute(kInsert, params);
    ASSERT_TRUE(inserted.has_value()) << Describe(inserted.error());
    EXPECT_EQ(*inserted, 1);
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto rows = (*lease)->Query(kSelect, Params(static_cast<std::int64_t>(i)));
    ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
    ASSERT_EQ(rows->size(), 1u);
    const Row& row = rows->front();
    ASSERT_EQ(row.size(), 4u);
    for (std::size_t c = 0; c < 4; ++c) {
      EXPECT_EQ(row.at(c), cases[i][c]) << "case " << i << ", column " << c;
    }
  }
}

// A portable migration names the type of sealed bytes BLOB: SQLite's own type, and on
// PostgreSQL the domain over BYTEA that migration 0024 creates. The store must bind and read a
// domain column exactly as BYTEA (PostgreSQL reports it under BYTEA's oid); a NUL, a backslash
// and a quote come back as they went in, and equality on the column works.
TEST_P(StoreTest, PortableBlobColumnsRoundTripBytesOnBothStoresAfterMigration) {
  auto migrated = Migrate(*db_);
  ASSERT_TRUE(migrated.has_value()) << Describe(migrated.error());
  Script("CREATE TABLE sealed_probe (id BIGINT NOT NULL PRIMARY KEY, b BLOB NOT NULL)");
  constexpr Sql kInsert{"probe.insert", "INSERT INTO sealed_probe (id, b) VALUES ($1, $2)"};
  constexpr Sql kFind{"probe.find", "SELECT id, b FROM sealed_probe WHERE b = $1"};
  const Blob bytes{0x00, 0x01, 0x00, 0xff, '\\', '\'', 0x00, 0xe8};
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute(kInsert, Params(std::int64_t{1}, bytes)));
  ASSERT_OK((*lease)->Execute(kInsert, Params(std::int64_t{2}, Blob{0x00})));
  auto rows = (*lease)->Query(kFind, Params(bytes));
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().Int(0), 1);
  EXPECT_EQ(rows->front().at(1), Value{bytes});
}

// QueryEach reads the columns straight from the backend (SQLite) or through built rows
// (PostgreSQL); either way a row must read as Query's Row reads it, NULL and empty apart.
TEST_P(StoreTest, QueryEachReadsEveryRowAsQueryDoes) {
  Script(
      "CREATE TABLE vals (id BIGINT NOT NULL PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, "
      "t TEXT, b " +
      BlobType() + ")");
  constexpr Sql kInsert{"vals.insert",
                        "INSERT INTO vals (id, n, r, t, b) VALUES ($1, $2, $3, $4, $5)"};
  const std::vector<std::vector<Value>> cases = {
      {std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}},
      {std::int64_t{1} << 62, 0.1, std::string("职工之家：会员实名制，12351 热线"),
       Blob{0x00, 0x01, 0x00, 0xff}},
      {std::numeric_limits<std::int64_t>::min(), -1.5e-300, std::string(), Blob{}},
      {std::int64_t{-7}, 2.5, std::string(40, 'x'), Blob(300, 0xab)},
  };
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::vector<Value> params{static_cast<std::int64_t>(i)};
    params.insert(params.end(), cases[i].begin(), cases[i].end());
    ASSERT_OK((*lease)->Execute(kInsert, params));
  }
  constexpr Sql kAll{"vals.all", "SELECT n, r, t, b FROM vals WHERE id >= $1 ORDER BY id"};
  std::size_t seen = 0;
  ASSERT_OK((*lease)->QueryEach(kAll, Params(std::int64_t{0}), [&](const RowView& row) {
    ASSERT_LT(seen, cases.size());
    const auto& want = cases[seen];
    ASSERT_EQ(row.size(), 4u);
    for (std::size_t c = 0; c < 4; ++c) {
      EXPECT_EQ(row.IsNull(c), std::holds_alternative<std::monostate>(want[c]))
          << "row " << seen << ", column " << c;
    }
    if (const auto* n = std::get_if<std::int64_t>(&want[0])) {
      EXPECT_EQ(row.Int(0), *n);
    }
    if (const auto* r = std::get_if<double>(&want[1])) {
      EXPECT_EQ(row.Real(1), *r);
    }
    if (const auto* t = std::get_if<std::string>(&want[2])) {
      EXPECT_EQ(row.Text(2), *t);
    }
    if (const auto* b = std::get_if<Blob>(&want[3])) {
      EXPECT_EQ(row.Bytes(3), *b);
    }
    EXPECT_EQ(row.OptInt(0).has_value(), !row.IsNull(0));
    EXPECT_EQ(row.OptText(2).has_value(), !row.IsNull(2));
    ++seen;
  }));
  EXPECT_EQ(seen, cases.size());
  // Collect makes one value of each row, in order.
  auto ids =
      Collect<std::int64_t>(**lease,
                            Sql{"vals.ids",
                                "SELECT id FROM vals WHERE id > $1"
                                " ORDER BY id DESC"},
                            Params(std::int64_t{0}), [](const RowView& row) { return row.Int(0); });
  ASSERT_TRUE(ids.has_value()) << Describe(ids.error());
  EXPECT_EQ(*ids, (std::vector<std::int64_t>{3, 2, 1}));
}

// A callback that throws mid-result must not leave the statement running: the same statement
// runs again at once on the same connection (SQLite refuses to bind a statement not reset).
TEST_P(StoreTest, ARowCallbackThatThrowsLeavesTheConnectionUsable) {
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  for (std::int64_t id = 1; id <= 3; ++id) {
    ASSERT_OK((*lease)->Execute(kInsertNote, Params(id, std::string("note"))));
  }
  constexpr Sql kFrom{"notes.from", "SELECT id FROM notes WHERE id >= $1 ORDER BY id"};
  EXPECT_THROW((void)(*lease)->QueryEach(kFrom, Params(std::int64_t{1}),
                                         [](const RowView&) { throw std::runtime_error("x"); }),
               std::runtime_error);
  std::vector<std::int64_t> ids;
  ASSERT_OK((*lease)->QueryEach(kFrom, Params(std::int64_t{2}),
                                [&](const RowView& row) { ids.push_back(row.Int(0)); }));
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 3}));
  ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{4}, std::string("after"))));
  EXPECT_EQ(Count("notes"), 4);
}

TEST_P(StoreTest, RoundTripsEmptyTextAndEmptyBytesAsValuesNotNull) {
  Script("CREATE TABLE vals (id BIGINT NOT NULL PRIMARY KEY, t TEXT, b " + BlobType() + ")");
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute({"vals.insert", "INSERT INTO vals (id, t, b) VALUES ($1, $2, $3)"},
                              Params(std::int64_t{1}, std::string(), Blob{})));
  auto rows = (*lease)->Query({"vals.select", "SELECT t, b FROM vals"}, {});
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().at(0), Value(std::string()));
  EXPECT_EQ(rows->front().at(1), Value(Blob{}));
}

TEST_P(StoreTest, StoresParametersVerbatimWithoutInterpolatingThem) {
  Script(kNotesTable);
  const std::vector<std::string> hostile = {"'); DROP TABLE notes; --", "$1",
                                            "Robert'); DELETE FROM notes WHERE ('1'='1",
                                            "\\x00'||'", "?; --"};
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    ASSERT_OK((*lease)->Execute(kInsertNote, Params(static_cast<std::int64_t>(i), hostile[i])));
  }
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    auto rows = (*lease)->Query(kSelectNote, Params(static_cast<std::int64_t>(i)));
    ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().Text(0), hostile[i]);
  }
  EXPECT_EQ(Count("notes"), static_cast<std::int64_t>(hostile.size()));
}

TEST_P(StoreTest, ExecuteReturnsTheNumberOfChangedRows) {
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  for (std::int64_t id = 1; id <= 3; ++id) {
    ASSERT_OK((*lease)->Execute(kInsertNote, Params(id, std::string("x"))));
  }
  auto changed = (*lease)->Execute({"notes.touch", "UPDATE notes SET body = $1 WHERE id >= $2"},
                                   Params(std::string("y"), std::int64_t{2}));
  ASSERT_TRUE(changed.has_value()) << Describe(changed.error());
  EXPECT_EQ(*changed, 2);
}

TEST_P(StoreTest, InsertRowsWritesEveryRowInOrderAcrossStatementBoundaries) {
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  std::int64_t next = 1;
  // 0 rows, a partial statement, exactly one full statement, one more than that, and several.
  for (std::size_t rows : {std::size_t{0}, std::size_t{1}, kRowsPerStatement, kRowsPerStatement + 1,
                           2 * kRowsPerStatement + 7}) {
    std::vector<Value> values;
    for (std::size_t i = 0; i < rows; ++i) {
      values.emplace_back(next);
      values.emplace_back(next % 3 == 0 ? Value(std::monostate{})
                                        : Value("n" + std::to_string(next)));
      ++next;
    }
    ASSERT_OK(InsertRows(**lease, "notes.insert_rows", "INSERT INTO notes (id, body)", 2, values));
  }
  EXPECT_EQ(Count("notes"), next - 1);
  auto rows = (*lease)->Query({"notes.all", "SELECT id, body FROM notes ORDER BY id"}, {});
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  ASSERT_EQ(rows->size(), static_cast<std::size_t>(next - 1));
  for (std::int64_t id = 1; id < next; ++id) {
    const Row& row = rows->at(static_cast<std::size_t>(id - 1));
    EXPECT_EQ(row.Int(0), id);
    if (id % 3 == 0) {
      EXPECT_TRUE(row.IsNull(1)) << id;
    } else {
      EXPECT_EQ(row.Text(1), "n" + std::to_string(id));
    }
  }

  // Values that are not whole rows are refused before anything is sent.
  ExpectError(
      InsertRows(**lease, "notes.insert_rows", "INSERT INTO notes (id, body)", 2, {Value(next)}),
      ErrorCode::kInternal, "error.internal");
  EXPECT_EQ(Count("notes"), next - 1);
}

TEST_P(StoreTest, AFailingInsertRowsStatementInATransactionLeavesNothing) {
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{70}, std::string("taken"))));
  std::vector<Value> values;
  for (std::int64_t id = 1; id <= 80; ++id) {
    values.emplace_back(id);
    values.emplace_back(std::string("x"));
  }
  {
    auto tx = Transaction::Start(**lease);
    ASSERT_TRUE(tx.has_value()) << Describe(tx.error());
    // Row 70 collides in the second statement, after the first one (rows 1..50) went through.
    ExpectError(InsertRows(**lease, "notes.insert_rows", "INSERT INTO notes (id, body)", 2, values),
                ErrorCode::kAlreadyExists, "error.db.unique");
  }
  EXPECT_EQ(Count("notes"), 1);
}

TEST_P(StoreTest, AReadSnapshotSeesOneStateAndEndsBeforeWrites) {
  Script(kNotesTable);
  auto reader = db_->Acquire();
  ASSERT_TRUE(reader.has_value()) << Describe(reader.error());
  ASSERT_OK((*reader)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("before"))));
  {
    ReadSnapshot snapshot(**reader);
    auto first = (*reader)->Query(kSelectNote, Params(std::int64_t{1}));
    ASSERT_TRUE(first.has_value()) << Describe(first.error());
    EXPECT_EQ(first->at(0).Text(0), "before");
    snapshot.End();
    // Once ended, the connection writes as usual (no read transaction left open).
    ASSERT_OK((*reader)->Execute({"notes.set", "UPDATE notes SET body = $1 WHERE id = $2"},
                                 Params(std::string("after"), std::int64_t{1})));
  }
  auto writer = db_->Acquire();
  ASSERT_TRUE(writer.has_value()) << Describe(writer.error());
  auto seen = (*writer)->Query(kSelectNote, Params(std::int64_t{1}));
  ASSERT_TRUE(seen.has_value()) << Describe(seen.error());
  EXPECT_EQ(seen->at(0).Text(0), "after");
  // A snapshot inside a transaction leaves the transaction to its owner.
  {
    auto tx = Transaction::Start(**writer);
    ASSERT_TRUE(tx.has_value()) << Describe(tx.error());
    { ReadSnapshot inner(**writer); }
    ASSERT_OK((*writer)->Execute(kInsertNote, Params(std::int64_t{2}, std::string("in tx"))));
    ASSERT_OK(tx->Commit());
  }
  EXPECT_EQ(Count("notes"), 2);
}

// SQLite's allocation counts (MEMSTATUS) take one process-wide mutex per malloc and free; the
// store turns them off before SQLite initialises, so the counts stay at zero whatever runs.
TEST_P(StoreTest, SqliteKeepsNoAllocationCounts) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "a setting of the SQLite library";
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("counted?"))));
  auto rows = (*lease)->Query(kSelectNote, Params(std::int64_t{1}));
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  EXPECT_EQ(rows->at(0).Text(0), "counted?");
  EXPECT_EQ(sqlite3_memory_used(), 0);
  EXPECT_EQ(sqlite3_memory_highwater(0), 0);
}

TEST_P(StoreTest, DuplicateUniqueKeyIsAlreadyExists) {
  Script(
      "CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, username TEXT NOT NULL);"
      "CREATE UNIQUE INDEX users_username ON users (username);");
  constexpr Sql kInsert{"users.insert", "INSERT INTO users (id, username) VALUES ($1, $2)"};
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute(kInsert, Params(std::int64_t{1}, std::string("zhang"))));

  ExpectError((*lease)->Execute(kInsert, Params(std::int64_t{2}, std::string("zhang"))),
              ErrorCode::kAlreadyExists, "error.db.unique");
  ExpectError((*lease)->Execute(kInsert, Params(std::int64_t{1}, std::string("li"))),
              ErrorCode::kAlreadyExists, "error.db.unique");
  EXPECT_EQ(Count("users"), 1);
}

TEST_P(StoreTest, ForeignKeyViolationIsConflict) {
  Script(
      "CREATE TABLE orgs (id BIGINT NOT NULL PRIMARY KEY);"
      "CREATE TABLE members (id BIGINT NOT NULL PRIMARY KEY,"
      " org_id BIGINT NOT NULL REFERENCES orgs (id));");
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ASSERT_OK((*lease)->Execute({"orgs.insert", "INSERT INTO orgs (id) VALUES ($1)"},
                              Params(std::int64_t{1})));
  constexpr Sql kInsertMember{"members.insert", "INSERT INTO members (id, org_id) VALUES ($1, $2)"};
  ASSERT_OK((*lease)->Execute(kInsertMember, Params(std::int64_t{10}, std::int64_t{1})));

  ExpectError((*lease)->Execute(kInsertMember, Params(std::int64_t{11}, std::int64_t{99})),
              ErrorCode::kConflict, "error.db.foreign_key");
  ExpectError(
      (*lease)->Execute({"orgs.delete", "DELETE FROM orgs WHERE id = $1"}, Params(std::int64_t{1})),
      ErrorCode::kConflict, "error.db.foreign_key");
}

TEST_P(StoreTest, NotNullAndCheckViolationsAreInvalidArgument) {
  Script(
      "CREATE TABLE quotas (id BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL,"
      " seats BIGINT NOT NULL CHECK (seats >= 0))");
  constexpr Sql kInsert{"quotas.insert",
                        "INSERT INTO quotas (id, name, seats) VALUES ($1, $2, $3)"};
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  ExpectError(
      (*lease)->Execute(kInsert, Params(std::int64_t{1}, std::monostate{}, std::int64_t{1})),
      ErrorCode::kInvalidArgument, "error.db.constraint");
  ExpectError(
      (*lease)->Execute(kInsert, Params(std::int64_t{1}, std::string("a"), std::int64_t{-1})),
      ErrorCode::kInvalidArgument, "error.db.constraint");
}

TEST_P(StoreTest, TransactionRollsBackWhenDestroyedWithoutCommit) {
  Script(kNotesTable);
  {
    auto lease = db_->Acquire();
    ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
    auto tx = Transaction::Start(**lease);
    ASSERT_TRUE(tx.has_value()) << Describe(tx.error());
    ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("draft"))));
  }
  EXPECT_EQ(Count("notes"), 0);
}

TEST_P(StoreTest, CommittedTransactionIsVisibleToOtherConnections) {
  Script(kNotesTable);
  auto writer = db_->Acquire();
  ASSERT_TRUE(writer.has_value()) << Describe(writer.error());
  {
    auto tx = Transaction::Start(**writer);
    ASSERT_TRUE(tx.has_value()) << Describe(tx.error());
    ASSERT_OK((*writer)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("saved"))));
    ASSERT_OK(tx->Commit());
  }
  // The writer is still leased, so Count reads on a second connection.
  EXPECT_EQ(Count("notes"), 1);
}

// After a statement fails inside a transaction, SQLite keeps the transaction's other writes
// while PostgreSQL aborts it; either way Commit must never report success for discarded work.
TEST_P(StoreTest, CommitNeverReportsSuccessForWritesItDiscarded) {
  Script(kNotesTable);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  auto tx = Transaction::Start(**lease);
  ASSERT_TRUE(tx.has_value()) << Describe(tx.error());
  ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("first"))));
  ExpectError((*lease)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("again"))),
              ErrorCode::kAlreadyExists, "error.db.unique");
  auto committed = tx->Commit();
  if (GetParam() == Backend::kPostgres) {
    ExpectError(committed, ErrorCode::kInternal, "error.internal");
  }
  EXPECT_EQ(Count("notes"), committed.has_value() ? 1 : 0)
      << (committed ? "commit succeeded" : Describe(committed.error()));
  // The connection is usable again afterwards.
  ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{2}, std::string("later"))));
}

TEST_P(StoreTest, InTransactionRollsBackWhenTheFunctionReturnsAnError) {
  Script(kNotesTable);
  auto failed = InTransaction(*db_, [](Connection& conn) -> Result<int> {
    ZJ_RETURN_IF_ERROR(conn.Execute(kInsertNote, Params(std::int64_t{1}, std::string("lost"))));
    return Fail(ErrorCode::kConflict, "error.test.abort", "the use case changed its mind");
  });
  ExpectError(failed, ErrorCode::kConflict, "error.test.abort");
  EXPECT_EQ(Count("notes"), 0);

  auto committed = InTransaction(*db_, [](Connection& conn) -> Result<int> {
    ZJ_RETURN_IF_ERROR(conn.Execute(kInsertNote, Params(std::int64_t{2}, std::string("kept"))));
    return 7;
  });
  ASSERT_TRUE(committed.has_value()) << Describe(committed.error());
  EXPECT_EQ(*committed, 7);
  EXPECT_EQ(Count("notes"), 1);
}

TEST_P(StoreTest, ReopenedDatabaseReadsWhatWasWritten) {
  Script(kNotesTable);
  {
    auto lease = db_->Acquire();
    ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
    ASSERT_OK((*lease)->Execute(kInsertNote, Params(std::int64_t{1}, std::string("会员卡 0001"))));
  }
  db_.reset();
  OpenDb();
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  auto rows = (*lease)->Query(kSelectNote, Params(std::int64_t{1}));
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().Text(0), "会员卡 0001");
}

TEST_P(StoreTest, MigrateAppliesEveryEmbeddedMigrationOnceAndRecordsIt) {
  std::set<int> versions;
  for (const MigrationFile& f : EmbeddedMigrations()) versions.insert(f.version);
  const std::vector<int> expected(versions.begin(), versions.end());
  ASSERT_FALSE(expected.empty());

  auto first = Migrate(*db_);
  ASSERT_TRUE(first.has_value()) << Describe(first.error());
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, LatestSchemaVersion());
  EXPECT_EQ(first->applied, expected);

  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  auto rows =
      (*lease)->Query({"test.versions", "SELECT version FROM schema_migrations ORDER BY 1"}, {});
  ASSERT_TRUE(rows.has_value()) << Describe(rows.error());
  std::vector<int> recorded;
  for (const Row& row : *rows) recorded.push_back(static_cast<int>(row.Int(0)));
  EXPECT_EQ(recorded, expected);
  auto current = CurrentSchemaVersion(**lease);
  ASSERT_TRUE(current.has_value()) << Describe(current.error());
  EXPECT_EQ(*current, LatestSchemaVersion());

  const std::vector<std::string> tables = Tables();
  auto second = Migrate(*db_);
  ASSERT_TRUE(second.has_value()) << Describe(second.error());
  EXPECT_THAT(second->applied, ::testing::IsEmpty());
  EXPECT_EQ(second->from_version, LatestSchemaVersion());
  EXPECT_EQ(second->to_version, LatestSchemaVersion());
  EXPECT_EQ(Tables(), tables);
  auto checked = CheckSchemaCurrent(*db_);
  ASSERT_TRUE(checked.has_value()) << Describe(checked.error());
  EXPECT_EQ(*checked, LatestSchemaVersion());
}

// Migration 0009 rebuilds the five tables read by id as SQLite rowid tables. An upgraded
// database keeps every row, every reference between them and every index, and the foreign
// keys are enforced again afterwards.
TEST_P(StoreTest, TheRowidMigrationKeepsRowsReferencesAndIndexes) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "PostgreSQL's 0009 changes nothing";
  ASSERT_OK(Migrate(*db_, 8));
  const std::string kTables = "('orgs', 'enterprises', 'users', 'members', 'service_requests')";
  const auto indexes = [&] {
    std::vector<std::string> names;
    auto lease = db_->Acquire();
    auto rows = (*lease)->Query(
        {"test.indexes", "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN " +
                             kTables + " AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name"},
        {});
    if (rows) {
      for (const Row& r : *rows) names.push_back(r.Text(0));
    }
    return names;
  };
  const std::vector<std::string> before = indexes();
  ASSERT_GT(before.size(), 10U);
  Script(
      "INSERT INTO orgs (id, federation_id, parent_id, path, code, name, kind, created_at)"
      " VALUES (910000000000000001, 1, NULL, '/1/', 'C1', '市总工会', 'municipal', 0),"
      " (910000000000000002, 1, 910000000000000001, '/1/2/', 'C2', '东城区总工会', 'district', 0);"
      "INSERT INTO enterprises (id, federation_id, uscc, name, region_code, industry, ownership,"
      " employees, union_org_id, org_id, org_path, created_at, updated_at) VALUES"
      " (920000000000000001, 1, '91110101MA00000000', '示例企业', '110101001', 'C', 'private',"
      " 50, 910000000000000002, 910000000000000002, '/1/2/', 0, 0);"
      "INSERT INTO users (id, username, display_name, password_hash, role, org_id, created_at)"
      " VALUES (930000000000000001, 'cadre', '王干部', 'x', 'cadre', 910000000000000002, 0);"
      "INSERT INTO members (id, federation_id, union_org_id, org_path, name, name_pinyin,"
      " name_initials, id_cipher, id_index, id_last4, gender, birth_date, phone_cipher,"
      " employer_id, card_number, key_version, created_at, updated_at) VALUES"
      " (940000000000000001, 1, 910000000000000002, '/1/2/', '张晓林', 'zhangxiaolin', 'zxl',"
      " x'01', 'idx', '1234', 'male', '1990-01-01', x'02', 920000000000000001,"
      " '1234567812345670', 1, 0, 0);"
      "INSERT INTO member_events (id, federation_id, member_id, at, actor_id, event, detail)"
      " VALUES (950000000000000001, 1, 940000000000000001, 0, 930000000000000001, 'created',"
      " '{}');"
      "INSERT INTO service_requests (id, federation_id, tracking_number, channel,"
      " category_code, priority, status, title, description, member_id, contact_name,"
      " contact_phone_cipher, contact_phone_index, contact_phone_last4, key_version,"
      " routed_org_id, org_id, home_path, assigned_at, accept_by, contact_by, resolve_by,"
      " created_at, updated_at) VALUES (960000000000000001, 1, 'T1', 'hotline',"
      " 'consultation', 'normal', 'submitted', '工资', '拖欠', 940000000000000001, '张晓林',"
      " x'03', 'pidx', '5678', 1, 910000000000000002, 910000000000000002, '/1/2/', 0, 1, 2,"
      " 3, 0, 0);"
      "INSERT INTO request_events (id, federation_id, request_id, at, kind) VALUES"
      " (970000000000000001, 1, 960000000000000001, 0, 'submitted');");

  auto upgraded = Migrate(*db_, 9);  // 0009 alone: later migrations are not what is tested
  ASSERT_TRUE(upgraded.has_value()) << Describe(upgraded.error());
  EXPECT_EQ(upgraded->applied, std::vector<int>{9});

  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  auto joined = (*lease)->Query(
      {"test.joined",
       "SELECT m.name, u.name, e.name, r.title, a.display_name, p.name FROM members m"
       " JOIN orgs u ON u.id = m.union_org_id JOIN enterprises e ON e.id = m.employer_id"
       " JOIN service_requests r ON r.member_id = m.id JOIN member_events v"
       " ON v.member_id = m.id JOIN users a ON a.id = v.actor_id JOIN orgs p ON p.id ="
       " u.parent_id JOIN request_events q ON q.request_id = r.id"},
      {});
  ASSERT_TRUE(joined.has_value()) << Describe(joined.error());
  ASSERT_EQ(joined->size(), 1U);
  EXPECT_EQ(joined->at(0).Text(0), "张晓林");
  EXPECT_EQ(joined->at(0).Text(1), "东城区总工会");
  EXPECT_EQ(joined->at(0).Text(2), "示例企业");
  EXPECT_EQ(joined->at(0).Text(3), "工资");
  EXPECT_EQ(joined->at(0).Text(4), "王干部");
  EXPECT_EQ(joined->at(0).Text(5), "市总工会");
  // The id is the row's key itself now (it was a separate column beside rowid 1, 2, ...).
  for (const char* table : {"orgs", "enterprises", "users", "members", "service_requests"}) {
    auto keyed = (*lease)->Query({std::string("test.rowid_") + table,
                                  std::string("SELECT COUNT(*), SUM(rowid = id) FROM ") + table},
                                 {});
    ASSERT_TRUE(keyed.has_value()) << Describe(keyed.error());
    EXPECT_GT(keyed->at(0).Int(0), 0) << table;
    EXPECT_EQ(keyed->at(0).Int(1), keyed->at(0).Int(0)) << table;
  }
  EXPECT_EQ(indexes(), before);
  // Foreign keys are on again: a member event for nobody is refused.
  ExpectError((*lease)->Execute({"test.orphan",
                                 "INSERT INTO member_events (id, federation_id, member_id, at,"
                                 " event, detail) VALUES (1, 1, 42, 0, 'x', '{}')"},
                                {}),
              ErrorCode::kConflict, "error.db.foreign_key");
}

TEST_P(StoreTest, MigrateRefusesADatabaseNewerThanThisProgramAndChangesNothing) {
  const int newer = LatestSchemaVersion() + 1;
  {
    // An otherwise empty database that a later program version has migrated.
    auto lease = db_->Acquire();
    ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
    ASSERT_OK(CurrentSchemaVersion(**lease));  // creates schema_migrations
    ASSERT_OK((*lease)->Execute(
        {"test.future",
         "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"},
        Params(std::int64_t{newer}, std::string("from_the_future"), std::int64_t{0})));
  }
  const std::vector<std::string> tables = Tables();

  ExpectError(Migrate(*db_), ErrorCode::kFailedPrecondition, "error.db.newer");
  ExpectError(CheckSchemaCurrent(*db_), ErrorCode::kFailedPrecondition, "error.db.newer");

  EXPECT_EQ(Tables(), tables);
  EXPECT_EQ(Count("schema_migrations"), 1);
  auto lease = db_->Acquire();
  ASSERT_TRUE(lease.has_value()) << Describe(lease.error());
  auto current = CurrentSchemaVersion(**lease);
  ASSERT_TRUE(current.has_value()) << Describe(current.error());
  EXPECT_EQ(*current, newer);
}

TEST_P(StoreTest, ConcurrentWritersSharingAPoolOfTwoAllComplete) {
  Script(kNotesTable);
  OpenDb({.max_connections = 2});
  constexpr int kThreads = 8;
  constexpr int kInsertsPerThread = 25;
  std::atomic<int> failures{0};
  std::mutex mutex;
  std::string first_failure;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kInsertsPerThread; ++i) {
        const std::int64_t id = t * 1000 + i;
        auto done = InTransaction(*db_, [&](Connection& conn) -> Result<std::int64_t> {
          return conn.Execute(kInsertNote, Params(id, "thread " + std::to_string(t)));
        });
        if (!done) {
          std::lock_guard lock(mutex);
          if (failures++ == 0) first_failure = Describe(done.error());
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0) << "first failure: " << first_failure;
  EXPECT_EQ(Count("notes"), kThreads * kInsertsPerThread);
}

std::string BackendTestName(const ::testing::TestParamInfo<Backend>& info) {
  return test::BackendName(info.param);
}

INSTANTIATE_TEST_SUITE_P(StoreSuite, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendTestName);

// ---- PostgreSQL only ----

TEST(PostgresStore, ConnectingWhereNothingListensIsUnavailableQuicklyWithoutThePassword) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  const DbSpec spec{Backend::kPostgres, "postgresql://zhijia:s3cret-pw@127.0.0.1:1/zhijia"};
  const auto start = std::chrono::steady_clock::now();
  auto db = Database::Open(spec, {.connect_timeout_s = 2});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ExpectError(db, ErrorCode::kUnavailable, "error.db.unreachable");
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  if (!db) {
    EXPECT_THAT(db.error().detail, ::testing::Not(::testing::HasSubstr("s3cret-pw")));
  }
}

TEST(PostgresStore, ConnectionEndedByTheServerIsUnavailableAndLeavesThePool) {
  auto database = TestDatabase::Create(Backend::kPostgres);
  ASSERT_TRUE(database.has_value()) << Describe(database.error());
  auto db = database->Open({.max_connections = 2});
  ASSERT_TRUE(db.has_value()) << Describe(db.error());
  {
    auto victim = (*db)->Acquire();
    ASSERT_TRUE(victim.has_value()) << Describe(victim.error());
    auto pid = (*victim)->Query({"test.pid", "SELECT pg_backend_pid()"}, {});
    ASSERT_TRUE(pid.has_value()) << Describe(pid.error());
    {
      auto admin = (*db)->Acquire();
      ASSERT_TRUE(admin.has_value()) << Describe(admin.error());
      // The timeout makes the call wait until the backend has really exited (PostgreSQL 14+).
      ASSERT_OK((*admin)->Query(
          {"test.terminate", "SELECT pg_terminate_backend(CAST($1 AS INTEGER), 5000)"},
          Params(pid->at(0).Int(0))));
    }
    ExpectError((*victim)->Query({"test.one", "SELECT 1"}, {}), ErrorCode::kUnavailable,
                "error.db.unreachable");
    EXPECT_TRUE((*victim)->Broken());
  }
  // The broken connection was dropped on release; the pool opens a working one in its place.
  ASSERT_OK((*db)->Ping());
  auto a = (*db)->Acquire();
  auto b = (*db)->Acquire();
  ASSERT_TRUE(a.has_value() && b.has_value());
  ASSERT_OK((*a)->Ping());
  ASSERT_OK((*b)->Ping());
}

}  // namespace
}  // namespace zj::store
