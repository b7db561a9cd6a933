#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zj::store {

namespace {

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
struct DbDeleter {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;
using DbPtr = std::unique_ptr<sqlite3, DbDeleter>;

// SQLite's extended result codes → our codes, in one place.
Error Translate(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorCode::kAlreadyExists, "error.db.unique", detail, {}, {}};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return {ErrorCode::kConflict, "error.db.foreign_key", detail, {}, {}};
    default:
      break;
  }
  switch (primary) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return {ErrorCode::kInvalidArgument, "error.db.constraint", detail, {}, {}};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kUnavailable, "error.db.busy", detail, {}, {}};
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_NOTADB:
      return {ErrorCode::kUnavailable, "error.db.unreachable", detail, {}, {}};
    default:
      return {ErrorCode::kInternal, "error.internal", detail, {}, {}};
  }
}

// The statement's current row, read column by column with no Row in between.
class StatementRowView final : public RowView {
 public:
  explicit StatementRowView(sqlite3_stmt* stmt)
      : stmt_(stmt), columns_(static_cast<std::size_t>(sqlite3_column_count(stmt))) {}
  std::size_t size() const override { return columns_; }
  bool IsNull(std::size_t i) const override {
    return sqlite3_column_type(stmt_, Index(i)) == SQLITE_NULL;
  }
  std::int64_t Int(std::size_t i) const override { return sqlite3_column_int64(stmt_, Index(i)); }
  double Real(std::size_t i) const override { return sqlite3_column_double(stmt_, Index(i)); }
  std::string Text(std::size_t i) const override {
    const int c = Index(i);
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    if (p == nullptr) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))};
  }
  Blob Bytes(std::size_t i) const override {
    const int c = Index(i);
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, c));
    if (p == nullptr) return {};
    return Blob(p, p + sqlite3_column_bytes(stmt_, c));
  }

 private:
  // Out of range is a programming error, as Row::at makes it.
  int Index(std::size_t i) const {
    if (i >= columns_) throw std::out_of_range("column " + std::to_string(i));
    return static_cast<int>(i);
  }
  sqlite3_stmt* stmt_;
  std::size_t columns_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(DbPtr db, std::shared_ptr<std::timed_mutex> writer, int wait_ms)
      : db_(std::move(db)), writer_(std::move(writer)), wait_ms_(wait_ms) {}

  Result<Rows> Query(const Sql& sql, std::span<const Value> params) override {
    ZJ_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const int n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) values.push_back(Column(stmt, i));
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return Fail(Translate(db_.get(), rc, sql.name));
    return rows;
  }

  Result<void> QueryEach(const Sql& sql, std::span<const Value> params,
                         const RowCallback& each) override {
    ZJ_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    // Reset however the loop ends (a callback may throw), so the statement's read lock and
    // cursors are let go.
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_reset)> reset(stmt, &sqlite3_reset);
    const StatementRowView view(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) each(view);
    if (rc != SQLITE_DONE) return Fail(Translate(db_.get(), rc, sql.name));
    return {};
  }

  Result<std::int64_t> Execute(const Sql& sql, std::span<const Value> params) override {
    ZJ_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return Fail(Translate(db_.get(), rc, sql.name));
    return static_cast<std::int64_t>(sqlite3_changes64(db_.get()));
  }

  Result<void> ExecScript(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (message != nullptr) sqlite3_free(message);
    if (rc != SQLITE_OK)
      return Fail(Translate(db_.get(), sqlite3_extended_errcode(db_.get()), "script"));
    return {};
  }

  // Writers of this process queue on `writer_` (shared by the pool's connections) before
  // BEGIN IMMEDIATE: SQLite's own busy handler polls with sleeps of up to 100 ms, which under
  // 16 concurrent writers gave request creation a p99 of over a second; a mutex hands the
  // database to the next writer as soon as the last one commits. Past `wait_ms_` (the busy
  // timeout) the writer goes on to BEGIN IMMEDIATE anyway, so a transaction nested on a second
  // connection fails as before instead of waiting forever. Other processes (the CLI) are still
  // kept apart by SQLite's locks.
  Result<void> Begin() override {
    if (writer_) {
      write_lock_ = std::unique_lock(*writer_, std::chrono::milliseconds(wait_ms_));
    }
    auto r = ExecScript("BEGIN IMMEDIATE");
    if (!r) ReleaseWriter();
    return r;
  }
  Result<void> Commit() override {
    auto r = ExecScript("COMMIT");
    // A COMMIT that failed (e.g. SQLITE_BUSY) leaves the transaction open: end it.
    if (!r && !sqlite3_get_autocommit(db_.get())) (void)ExecScript("ROLLBACK");
    ReleaseWriter();
    return r;
  }
  Result<void> Rollback() override {
    Result<void> r;
    if (!sqlite3_get_autocommit(db_.get())) r = ExecScript("ROLLBACK");
    ReleaseWriter();
    return r;
  }
  Result<void> BeginRead() override {
    if (!sqlite3_get_autocommit(db_.get())) return {};  // inside a transaction already
    static constexpr Sql kBegin{"read_snapshot_begin", "BEGIN DEFERRED"};
    ZJ_RETURN_IF_ERROR(Execute(kBegin, {}));
    read_open_ = true;
    return {};
  }
  void EndRead() override {
    if (!read_open_) return;
    read_open_ = false;
    static constexpr Sql kCommit{"read_snapshot_commit", "COMMIT"};
    if (!Execute(kCommit, {}) && !sqlite3_get_autocommit(db_.get())) (void)ExecScript("ROLLBACK");
  }
  Backend backend() const override { return Backend::kSqlite; }
  Result<void> Ping() override { return ExecScript("SELECT 1"); }
  bool Broken() const override { return false; }

 private:
  struct Prepared {
    StmtPtr stmt;
    std::string text;
    std::vector<int> param_of_index;  // bind index (1-based) → $N (1-based)
  };

  Result<sqlite3_stmt*> Prepare(const Sql& sql, std::span<const Value> params) {
    auto it = statements_.find(sql.name);
    if (it == statements_.end()) {
      sqlite3_stmt* raw = nullptr;
      const int rc =
          sqlite3_prepare_v3(db_.get(), sql.text.data(), static_cast<int>(sql.text.size()),
                             SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
      if (rc != SQLITE_OK) return Fail(Translate(db_.get(), rc, sql.name));
      Prepared p{StmtPtr(raw), std::string(sql.text), {}};
      const int count = sqlite3_bind_parameter_count(raw);
      p.param_of_index.resize(static_cast<std::size_t>(count) + 1, 0);
      for (int i = 1; i <= count; ++i) {
        const char* name = sqlite3_bind_parameter_name(raw, i);
        int n = 0;
        if (name == nullptr || name[0] != '$' ||
            std::from_chars(name + 1, name + std::char_traits<char>::length(name), n).ec !=
                std::errc()) {
          return Fail(ErrorCode::kInternal, "error.internal",
                      std::string(sql.name) + ": parameters must be written $1..$n");
        }
        p.param_of_index[static_cast<std::size_t>(i)] = n;
      }
      it = statements_.emplace(std::string(sql.name), std::move(p)).first;
    } else if (it->second.text != sql.text) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  std::string(sql.name) + ": two different statements share this name");
    }
    sqlite3_stmt* stmt = it->second.stmt.get();
    sqlite3_clear_bindings(stmt);
    const auto& map = it->second.param_of_index;
    for (std::size_t i = 1; i < map.size(); ++i) {
      const auto n = static_cast<std::size_t>(map[i]);
      if (n == 0 || n > params.size()) {
        return Fail(ErrorCode::kInternal, "error.internal",
                    std::string(sql.name) + ": missing parameter $" + std::to_string(n));
      }
      const int rc = Bind(stmt, static_cast<int>(i), params[n - 1]);
      if (rc != SQLITE_OK) return Fail(Translate(db_.get(), rc, sql.name));
    }
    return stmt;
  }

  static int Bind(sqlite3_stmt* stmt, int i, const Value& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) return sqlite3_bind_int64(stmt, i, *n);
    if (const auto* d = std::get_if<double>(&v)) return sqlite3_bind_double(stmt, i, *d);
    if (const auto* s = std::get_if<std::string>(&v)) {
      return sqlite3_bind_text64(stmt, i, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    if (const auto* b = std::get_if<Blob>(&v)) {
      // An empty vector's data() may be null, which SQLite would bind as NULL, not as X''.
      if (b->empty()) return sqlite3_bind_zeroblob(stmt, i, 0);
      return sqlite3_bind_blob64(stmt, i, b->data(), b->size(), SQLITE_STATIC);
    }
    return sqlite3_bind_null(stmt, i);
  }

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_TEXT: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
      }
      case SQLITE_BLOB: {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, i));
        return Blob(p, p + sqlite3_column_bytes(stmt, i));
      }
      default:
        return std::monostate{};
    }
  }

  // Statements are declared after db_ so they are finalized before the handle closes.
  DbPtr db_;
  //! By name, looked up without making a std::string of it (once per statement run).
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  std::unordered_map<std::string, Prepared, NameHash, std::equal_to<>> statements_;
  bool read_open_ = false;  //!< a BeginRead transaction is open
  std::shared_ptr<std::timed_mutex> writer_;
  int wait_ms_ = 0;
  std::unique_lock<std::timed_mutex> write_lock_;

  void ReleaseWriter() {
    if (write_lock_.owns_lock()) write_lock_.unlock();
  }
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqliteConnection(const std::string& path,
                                                         const OpenOptions& options,
                                                         std::shared_ptr<std::timed_mutex> writer) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Fail(ErrorCode::kUnavailable, "error.db.unreachable",
                "cannot create folder " + parent.string() + ": " + ec.message());
  }
  // Debian's SQLite counts every allocation under one process-wide mutex (MEMSTATUS, on by
  // default); nothing here reads the counts. Off, a member's lookup runs 18 % fewer
  // instructions (callgrind: 41.9k → 34.5k) and the server threads stop meeting on that mutex
  // about 80 times per member GET. Only possible before SQLite initialises: at the first open.
  static std::once_flag no_memstatus;
  std::call_once(no_memstatus, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
      nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) return Fail(Translate(raw, rc, "open " + path));
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  auto conn =
      std::make_unique<SqliteConnection>(std::move(db), std::move(writer), options.busy_timeout_ms);
  // WAL lets readers run beside the one writer; synchronous=FULL makes every commit durable
  // before it returns (a request is "saved" only once it is on disk). NORMAL (OpenOptions::
  // durable_commits false) syncs at checkpoints only: consistent after a crash, not durable.
  ZJ_RETURN_IF_ERROR(conn->ExecScript(options.durable_commits
                                          ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                                            " PRAGMA foreign_keys=ON;"
                                          : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                            " PRAGMA foreign_keys=ON;"));
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace zj::store
