#include "store/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace zj::store {

namespace {

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
struct MemDeleter {
  void operator()(unsigned char* p) const { PQfreemem(p); }
};
struct ConninfoDeleter {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Type OIDs from PostgreSQL's catalog/pg_type.dat; they are fixed for built-in types, and the
// server header that names them (catalog/pg_type_d.h) is not part of libpq-dev.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// A non-null pointer for empty parameters: libpq reads a null paramValues entry as SQL NULL.
constexpr char kEmpty[] = "";

// The password from `uri`, so it can be cut out of libpq's messages (which may echo parts of
// the connection string); empty when there is none or the URI does not parse.
std::string PasswordOf(const std::string& uri) {
  char* err = nullptr;
  std::unique_ptr<PQconninfoOption, ConninfoDeleter> opts(PQconninfoParse(uri.c_str(), &err));
  if (err != nullptr) PQfreemem(err);
  if (!opts) return {};
  for (const PQconninfoOption* o = opts.get(); o->keyword != nullptr; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr) return o->val;
  }
  return {};
}

std::string Redact(std::string text, const std::string& password) {
  if (password.empty()) return text;
  for (auto pos = text.find(password); pos != std::string::npos; pos = text.find(password, pos)) {
    text.replace(pos, password.size(), "***");
    pos += 3;
  }
  return text;
}

std::string Trimmed(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// SQLSTATE → our codes, in one place (PostgreSQL 15 manual, appendix A).
Error Translate(std::string_view sqlstate, std::string_view what, std::string message) {
  std::string detail = std::string(what) + ": " + std::move(message);
  if (!sqlstate.empty()) detail += " (SQLSTATE " + std::string(sqlstate) + ")";
  auto error = [&](ErrorCode code, const char* key) {
    return Error{code, key, std::move(detail), {}, {}};
  };
  if (sqlstate == "23505") return error(ErrorCode::kAlreadyExists, "error.db.unique");
  if (sqlstate == "23503") return error(ErrorCode::kConflict, "error.db.foreign_key");
  if (sqlstate == "23502" || sqlstate == "23514" || sqlstate.starts_with("22")) {
    return error(ErrorCode::kInvalidArgument, "error.db.constraint");
  }
  // Serialization failures and deadlocks: the transaction can simply be run again.
  if (sqlstate == "40001" || sqlstate == "40P01")
    return error(ErrorCode::kConflict, "error.db.retry");
  // Connection exceptions and the server shutting down (admin, crash, cannot connect now).
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return error(ErrorCode::kUnavailable, "error.db.unreachable");
  }
  return error(ErrorCode::kInternal, "error.internal");
}

Value ConvertField(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate{};
  const char* text = PQgetvalue(res, row, col);
  const auto length = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t n = 0;
      std::from_chars(text, text + length, n);
      return n;
    }
    case kBoolOid:
      return std::int64_t{text[0] == 't' ? 1 : 0};
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // from_chars is locale-independent (strtod would follow LC_NUMERIC) and reads the
      // server's "NaN", "Infinity" and "-Infinity".
      double d = 0;
      std::from_chars(text, text + length, d);
      return d;
    }
    case kByteaOid: {
      std::size_t size = 0;
      std::unique_ptr<unsigned char, MemDeleter> raw(
          PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size));
      if (!raw) return Blob{};
      return Blob(raw.get(), raw.get() + size);
    }
    default:
      return std::string(text, length);
  }
}

// Parameters as libpq wants them: parallel arrays of pointers, lengths and formats, with the
// text of numbers kept alive alongside.
class Params {
 public:
  explicit Params(std::span<const Value> params) {
    const std::size_t n = params.size();
    text_.resize(n);
    values_.resize(n, nullptr);
    lengths_.resize(n, 0);
    formats_.resize(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Value& v = params[i];
      if (const auto* x = std::get_if<std::int64_t>(&v)) {
        text_[i] = std::to_string(*x);
        values_[i] = text_[i].c_str();
      } else if (const auto* d = std::get_if<double>(&v)) {
        // Shortest text that reads back as the same double (full precision, no locale).
        std::array<char, 32> buf{};
        auto r = std::to_chars(buf.data(), buf.data() + buf.size(), *d);
        text_[i].assign(buf.data(), r.ptr);
        values_[i] = text_[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        // Text parameters are NUL-terminated C strings for libpq; s->c_str() is.
        values_[i] = s->c_str();
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        // Binary format: bytes travel as they are, zero bytes included, without escaping.
        values_[i] = b->empty() ? kEmpty : reinterpret_cast<const char*>(b->data());
        lengths_[i] = static_cast<int>(b->size());
        formats_[i] = 1;
      }
    }
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  std::vector<std::string> text_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(ConnPtr conn) : conn_(std::move(conn)) {}

  Result<Rows> Query(const Sql& sql, std::span<const Value> params) override {
    ZJ_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    Rows rows;
    const int nrows = PQntuples(res.get());
    const int ncols = PQnfields(res.get());
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(ncols));
      for (int c = 0; c < ncols; ++c) values.push_back(ConvertField(res.get(), r, c));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Result<std::int64_t> Execute(const Sql& sql, std::span<const Value> params) override {
    ZJ_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    const char* count = PQcmdTuples(res.get());  // "" for commands that report no count
    std::int64_t n = 0;
    std::from_chars(count, count + std::strlen(count), n);
    return n;
  }

  Result<void> ExecScript(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr res(PQexec(conn_.get(), text.c_str()));
    ZJ_RETURN_IF_ERROR(Check(res, "script"));
    return {};
  }

  Result<void> Begin() override { return Simple("BEGIN"); }
  Result<void> Commit() override {
    ResultPtr res(PQexec(conn_.get(), "COMMIT"));
    ZJ_ASSIGN_OR_RETURN(ResultPtr done, Check(res, "COMMIT"));
    // PostgreSQL answers the COMMIT of a transaction that an error aborted with the tag
    // ROLLBACK and no error; the caller must not believe its writes were saved.
    if (std::string_view(PQcmdStatus(done.get())) == "ROLLBACK") {
      return Fail(ErrorCode::kInternal, "error.internal",
                  "COMMIT rolled back: a statement in the transaction had failed");
    }
    return {};
  }
  Result<void> Rollback() override { return Simple("ROLLBACK"); }
  Backend backend() const override { return Backend::kPostgres; }
  Result<void> Ping() override { return Simple("SELECT 1"); }
  bool Broken() const override { return PQstatus(conn_.get()) != CONNECTION_OK; }

 private:
  Result<void> Simple(const char* command) {
    ResultPtr res(PQexec(conn_.get(), command));
    ZJ_RETURN_IF_ERROR(Check(res, command));
    return {};
  }

  // Prepares `sql` on first use on this connection, then executes it with `params`.
  Result<ResultPtr> Run(const Sql& sql, std::span<const Value> params) {
    const Params p(params);
    if (sql.name.empty()) {
      // An unnamed statement is planned for this one execution only.
      const std::string text(sql.text);
      ResultPtr res(PQexecParams(conn_.get(), text.c_str(), p.count(), nullptr, p.values(),
                                 p.lengths(), p.formats(), 0));
      return Check(res, "unnamed statement");
    }
    const std::string name(sql.name);
    auto it = prepared_.find(name);
    if (it == prepared_.end()) {
      const std::string text(sql.text);
      // Parameter types are left to the server, which infers them from where they are used.
      ResultPtr res(PQprepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr));
      ZJ_RETURN_IF_ERROR(Check(res, name));
      it = prepared_.emplace(name, text).first;
    } else if (it->second != sql.text) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  name + ": two different statements share this name");
    }
    ResultPtr res(PQexecPrepared(conn_.get(), name.c_str(), p.count(), p.values(), p.lengths(),
                                 p.formats(), 0));
    return Check(res, name);
  }

  Result<ResultPtr> Check(ResultPtr& res, std::string_view what) {
    if (res) {
      const ExecStatusType status = PQresultStatus(res.get());
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        return std::move(res);
      }
      const char* sqlstate = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
      if (sqlstate != nullptr) {
        return Fail(Translate(sqlstate, what, Trimmed(PQresultErrorMessage(res.get()))));
      }
    }
    // No result or no SQLSTATE: libpq itself failed, usually because the connection broke.
    std::string message = Trimmed(PQerrorMessage(conn_.get()));
    if (Broken()) return Fail(Translate("08006", what, std::move(message)));
    return Fail(Translate("", what, std::move(message)));
  }

  ConnPtr conn_;
  std::unordered_map<std::string, std::string> prepared_;  // name → text, per connection
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& uri,
                                                           const OpenOptions& options) {
  const std::string timeout = std::to_string(options.connect_timeout_s);
  // With expand_dbname the URI is expanded in place of "dbname"; the keywords after it
  // override what the URI says, so our timeout and encoding always apply.
  const std::array<const char*, 4> keys{"dbname", "connect_timeout", "client_encoding", nullptr};
  const std::array<const char*, 4> values{uri.c_str(), timeout.c_str(), "UTF8", nullptr};
  ConnPtr conn(PQconnectdbParams(keys.data(), values.data(), 1));
  if (!conn) return Fail(ErrorCode::kUnavailable, "error.db.unreachable", "libpq: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Fail(ErrorCode::kUnavailable, "error.db.unreachable",
                Redact(Trimmed(PQerrorMessage(conn.get())), PasswordOf(uri)));
  }
  // Server notices (e.g. "relation already exists, skipping") would otherwise go to stderr.
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  auto connection = std::make_unique<PostgresConnection>(std::move(conn));
  // Times are stored as UTC milliseconds; a UTC session keeps any server-side time function
  // (now(), to_timestamp) from depending on the server's configuration.
  ZJ_RETURN_IF_ERROR(connection->ExecScript("SET TIME ZONE 'UTC'"));
  if (!options.durable_commits) {
    ZJ_RETURN_IF_ERROR(connection->ExecScript("SET synchronous_commit TO off"));
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace zj::store
