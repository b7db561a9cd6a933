// The storage interface every backend implements: a pool of connections that run named,
// prepared SQL with `$1..$n` parameters (the same text on SQLite and PostgreSQL), plus
// transactions. Backend error codes (SQLite result codes, SQLSTATEs) are translated into
// zj::Error here, inside store/, and never leave it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "store/db_spec.h"

namespace zj::store {

using Blob = std::vector<std::uint8_t>;

//! A parameter or column value: NULL, integer (also booleans), real, text or bytes.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

//! A named SQL statement. `sql` uses $1..$n placeholders and the portable subset of SQL that
//! SQLite 3.40 and PostgreSQL 15 share; the name identifies the prepared statement.
struct Sql {
  std::string_view name;
  std::string_view text;
};

//! One result row; columns by position, in SELECT order.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  //! Integer column (PostgreSQL text results are converted by the backend).
  std::int64_t Int(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  double Real(std::size_t i) const;
  std::string Text(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  const Blob& Bytes(std::size_t i) const;
  const Value& at(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

//! The row a QueryEach callback is reading: columns by position, in SELECT order, read
//! straight from the backend's result (no Row is built). Valid only inside the callback.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual std::size_t size() const = 0;
  virtual bool IsNull(std::size_t i) const = 0;
  //! Integer column (text converted to a number by the backend).
  virtual std::int64_t Int(std::size_t i) const = 0;
  virtual double Real(std::size_t i) const = 0;
  virtual std::string Text(std::size_t i) const = 0;
  //! Bytes column; empty for NULL.
  virtual Blob Bytes(std::size_t i) const = 0;
  std::optional<std::int64_t> OptInt(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
  }
  std::optional<std::string> OptText(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Text(i);
  }

 protected:
  RowView() = default;
  RowView(const RowView&) = default;
  RowView& operator=(const RowView&) = default;
};

using RowCallback = std::function<void(const RowView&)>;

//! One database connection. Not thread-safe: a connection is used by one thread at a time
//! (the pool hands it out exclusively).
class Connection {
 public:
  virtual ~Connection() = default;
  //! Runs a statement returning rows.
  virtual Result<Rows> Query(const Sql& sql, std::span<const Value> params) = 0;
  //! Runs a statement returning rows and hands each to `each` as it is read. The default
  //! builds the Rows first (Query); SQLite reads the columns straight from the statement,
  //! which saves building every value twice on the hot read paths.
  virtual Result<void> QueryEach(const Sql& sql, std::span<const Value> params,
                                 const RowCallback& each);
  //! Runs a statement and returns the number of rows it changed.
  virtual Result<std::int64_t> Execute(const Sql& sql, std::span<const Value> params) = 0;
  //! Runs several trusted statements without parameters (migrations only, never user data).
  virtual Result<void> ExecScript(std::string_view sql) = 0;
  //! Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing).
  virtual Result<void> Begin() = 0;
  virtual Result<void> Commit() = 0;
  virtual Result<void> Rollback() = 0;
  //! Starts a read-only snapshot for the statements that follow (see ReadSnapshot); a no-op
  //! where the backend gains nothing from it.
  virtual Result<void> BeginRead() { return {}; }
  //! Ends what BeginRead started (never fails: a read has nothing to lose).
  virtual void EndRead() {}
  virtual Backend backend() const = 0;
  //! Cheap round trip proving the connection works.
  virtual Result<void> Ping() = 0;
  //! True when the connection can no longer be used (server gone); the pool then drops it.
  virtual bool Broken() const = 0;
};

//! Runs `sql` and makes a T of each row with `from_row` (a function of `const RowView&`).
template <class T, class FromRow>
Result<std::vector<T>> Collect(Connection& conn, const Sql& sql, std::span<const Value> params,
                               FromRow from_row) {
  std::vector<T> out;
  ZJ_RETURN_IF_ERROR(
      conn.QueryEach(sql, params, [&](const RowView& row) { out.push_back(from_row(row)); }));
  return out;
}

//! RAII transaction: rolls back unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Start(Connection& conn);
  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Connection& conn) : conn_(&conn) {}
  Connection* conn_;
};

//! RAII: the reads issued on `conn` while it lives see one snapshot. On SQLite that is one
//! deferred read transaction instead of one per statement, which saves a WAL read-lock
//! acquisition (file locks and a process-wide mutex) per statement on the hot read paths
//! (session check, a record's detail); on PostgreSQL nothing is done, since each extra
//! round trip would cost more than it saves. No writes inside: end the snapshot first.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& conn) : conn_(conn), open_(conn.BeginRead().has_value()) {}
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() { End(); }
  void End() {
    if (open_) conn_.EndRead();
    open_ = false;
  }

 private:
  Connection& conn_;
  bool open_;
};

class Database;

//! A connection borrowed from the pool; returned when the lease is destroyed.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() const { return *conn_; }
  Connection* operator->() const { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

struct OpenOptions {
  int max_connections = 8;     //!< pool size.
  int busy_timeout_ms = 5000;  //!< SQLite: wait this long for a lock before failing.
  int connect_timeout_s = 5;   //!< PostgreSQL: give up connecting after this long.
  //! When false, a commit returns before it is flushed to disk (SQLite: synchronous=NORMAL,
  //! still consistent after a crash in WAL mode; PostgreSQL: synchronous_commit=off): a power
  //! cut may lose the last commits, never corrupt the database. Only for generated data that
  //! can be generated again (the demo's year of history: thousands of small transactions,
  //! each waiting for its own fsync otherwise).
  bool durable_commits = true;
};

//! A thread-safe pool of connections to one database.
class Database {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;

  //! Opens (and for SQLite creates) the database named by `spec`; connects once to prove it.
  static Result<std::unique_ptr<Database>> Open(const DbSpec& spec,
                                                const OpenOptions& options = {});

  Database(Backend backend, Factory factory, int max_connections);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  //! Borrows a connection, waiting while all are in use.
  Result<Lease> Acquire();
  Backend backend() const { return backend_; }
  //! Proves the database answers (for /readyz).
  Result<void> Ping();

 private:
  friend class Lease;
  void Release(std::unique_ptr<Connection> conn);

  struct Pool;
  Backend backend_;
  Factory factory_;
  std::unique_ptr<Pool> pool_;
};

//! Work a caller adds to a use case's own transaction, done last before it commits (a
//! background job's checkpoint: the row and the record that it is done commit together or not
//! at all). An error rolls the whole transaction back.
using InCommit = std::function<Result<void>(Connection&)>;

//! Runs `fn(conn)` in a transaction on a borrowed connection; commits if it returns a value.
template <typename Fn>
auto InTransaction(Database& db, Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  ZJ_ASSIGN_OR_RETURN(Lease lease, db.Acquire());
  ZJ_ASSIGN_OR_RETURN(Transaction tx, Transaction::Start(*lease));
  auto result = fn(*lease);
  if (!result) return result;
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return result;
}

}  // namespace zj::store
