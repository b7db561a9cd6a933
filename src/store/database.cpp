#include "store/database.h"

#include <condition_variable>
#include <mutex>

#include "store/postgres/postgres_connection.h"
#include "store/sqlite/sqlite_connection.h"

namespace zj::store {

std::int64_t Row::Int(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

double Row::Real(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0;
}

std::string Row::Text(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* b = std::get_if<Blob>(&v)) return std::string(b->begin(), b->end());
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

const Blob& Row::Bytes(std::size_t i) const {
  static const Blob kEmpty;
  const Value& v = values_.at(i);
  if (const auto* b = std::get_if<Blob>(&v)) return *b;
  return kEmpty;
}

namespace {

// A built Row seen through RowView (the default QueryEach).
class BuiltRowView final : public RowView {
 public:
  explicit BuiltRowView(const Row& row) : row_(row) {}
  std::size_t size() const override { return row_.size(); }
  bool IsNull(std::size_t i) const override { return row_.IsNull(i); }
  std::int64_t Int(std::size_t i) const override { return row_.Int(i); }
  double Real(std::size_t i) const override { return row_.Real(i); }
  std::string Text(std::size_t i) const override { return row_.Text(i); }
  Blob Bytes(std::size_t i) const override { return row_.Bytes(i); }

 private:
  const Row& row_;
};

}  // namespace

Result<void> Connection::QueryEach(const Sql& sql, std::span<const Value> params,
                                   const RowCallback& each) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  for (const Row& row : rows) each(BuiltRowView(row));
  return {};
}

Result<Transaction> Transaction::Start(Connection& conn) {
  ZJ_RETURN_IF_ERROR(conn.Begin());
  return Transaction(conn);
}

Transaction::~Transaction() {
  if (conn_ != nullptr) (void)conn_->Rollback();
}

Result<void> Transaction::Commit() {
  Connection* conn = conn_;
  conn_ = nullptr;  // a failed COMMIT leaves nothing to roll back on either backend
  if (conn == nullptr)
    return Fail(ErrorCode::kInternal, "error.internal", "transaction already ended");
  return conn->Commit();
}

Lease::~Lease() {
  if (db_ != nullptr && conn_ != nullptr) db_->Release(std::move(conn_));
}

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::vector<std::unique_ptr<Connection>> idle;
  int open = 0;  // connections created and not closed (idle + leased)
  int max = 1;
};

Database::Database(Backend backend, Factory factory, int max_connections)
    : backend_(backend), factory_(std::move(factory)), pool_(std::make_unique<Pool>()) {
  pool_->max = max_connections < 1 ? 1 : max_connections;
}

Database::~Database() = default;

Result<Lease> Database::Acquire() {
  std::unique_lock lock(pool_->mutex);
  pool_->available.wait(lock, [&] { return !pool_->idle.empty() || pool_->open < pool_->max; });
  if (!pool_->idle.empty()) {
    auto conn = std::move(pool_->idle.back());
    pool_->idle.pop_back();
    return Lease(this, std::move(conn));
  }
  ++pool_->open;
  lock.unlock();
  auto conn = factory_();
  if (!conn) {
    lock.lock();
    --pool_->open;
    pool_->available.notify_one();
    return Fail(std::move(conn).error());
  }
  return Lease(this, std::move(*conn));
}

void Database::Release(std::unique_ptr<Connection> conn) {
  const bool broken = conn->Broken();
  if (broken) conn.reset();  // a connection whose server went away is closed, not reused
  std::lock_guard lock(pool_->mutex);
  if (broken) {
    --pool_->open;
  } else {
    pool_->idle.push_back(std::move(conn));
  }
  pool_->available.notify_one();
}

Result<void> Database::Ping() {
  ZJ_ASSIGN_OR_RETURN(Lease lease, Acquire());
  return lease->Ping();
}

Result<std::unique_ptr<Database>> Database::Open(const DbSpec& spec, const OpenOptions& options) {
  Factory factory;
  if (spec.backend == Backend::kSqlite) {
    factory = [path = spec.target, options, writer = std::make_shared<std::timed_mutex>()] {
      return OpenSqliteConnection(path, options, writer);
    };
  } else {
    factory = [uri = spec.target, options] { return OpenPostgresConnection(uri, options); };
  }
  auto db = std::make_unique<Database>(spec.backend, std::move(factory), options.max_connections);
  ZJ_RETURN_IF_ERROR(db->Ping());
  return db;
}

}  // namespace zj::store
