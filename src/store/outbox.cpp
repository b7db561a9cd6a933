#include "store/outbox.h"

namespace zj::store {

namespace {

#define ZJ_OUTBOX_COLUMNS                                                                  \
  "id, channel, recipient, subject, body, created_at, attempts, next_attempt_at, sent_at," \
  " last_error"

constexpr Sql kInsert{"outbox.insert", "INSERT INTO outbox (" ZJ_OUTBOX_COLUMNS
                                       ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kDue{"outbox.due", "SELECT " ZJ_OUTBOX_COLUMNS
                                 " FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1"
                                 " AND (($3 = 1 AND channel = $4) OR ($3 = 0 AND channel <> $4))"
                                 " ORDER BY next_attempt_at, id LIMIT $2"};
constexpr Sql kSent{"outbox.sent", "UPDATE outbox SET sent_at = $2 WHERE id = $1"};
constexpr Sql kFailed{"outbox.failed",
                      "UPDATE outbox SET attempts = $2, next_attempt_at = $3, last_error = $4"
                      " WHERE id = $1"};
// Never due again: the largest BIGINT (SQLite's and PostgreSQL's alike).
constexpr Sql kAbandon{"outbox.abandon",
                       "UPDATE outbox SET next_attempt_at = 9223372036854775807, last_error = $2"
                       " WHERE id = $1"};
constexpr Sql kById{"outbox.by_id", "SELECT " ZJ_OUTBOX_COLUMNS " FROM outbox WHERE id = $1"};
constexpr Sql kRecent{"outbox.recent",
                      "SELECT " ZJ_OUTBOX_COLUMNS " FROM outbox ORDER BY id DESC LIMIT $1"};

#undef ZJ_OUTBOX_COLUMNS

OutboxRow FromRow(const Row& r) {
  OutboxRow o;
  o.id = r.Int(0);
  o.channel = r.Text(1);
  o.recipient = r.Text(2);
  o.subject = r.Text(3);
  o.body = r.Text(4);
  o.created_at = r.Int(5);
  o.attempts = static_cast<int>(r.Int(6));
  o.next_attempt_at = r.Int(7);
  o.sent_at = r.OptInt(8);
  o.last_error = r.OptText(9);
  return o;
}

std::vector<OutboxRow> Many(const Rows& rows) {
  std::vector<OutboxRow> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

Result<void> InsertOutbox(Connection& conn, const OutboxRow& o) {
  const std::vector<Value> p{o.id,
                             o.channel,
                             o.recipient,
                             o.subject,
                             o.body,
                             o.created_at,
                             std::int64_t{o.attempts},
                             o.next_attempt_at,
                             o.sent_at ? Value(*o.sent_at) : Value(),
                             o.last_error ? Value(*o.last_error) : Value()};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::vector<OutboxRow>> DueOutbox(Connection& conn, std::int64_t now_ms, int limit,
                                         const ChannelFilter& filter) {
  const std::vector<Value> p{now_ms, std::int64_t{limit}, std::int64_t{filter.only ? 1 : 0},
                             filter.channel};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kDue, p));
  return Many(rows);
}

Result<void> MarkOutboxSent(Connection& conn, std::int64_t id, std::int64_t at) {
  const std::vector<Value> p{id, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSent, p));
  return {};
}

Result<void> MarkOutboxFailed(Connection& conn, std::int64_t id, int attempts,
                              std::int64_t next_attempt_at, const std::string& error) {
  const std::vector<Value> p{id, std::int64_t{attempts}, next_attempt_at, error};
  ZJ_RETURN_IF_ERROR(conn.Execute(kFailed, p));
  return {};
}

Result<void> AbandonOutbox(Connection& conn, std::int64_t id, const std::string& error) {
  const std::vector<Value> p{id, error};
  ZJ_RETURN_IF_ERROR(conn.Execute(kAbandon, p));
  return {};
}

Result<std::optional<OutboxRow>> FindOutbox(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kById, p));
  if (rows.empty()) return std::optional<OutboxRow>();
  return std::optional<OutboxRow>(FromRow(rows.front()));
}

Result<std::vector<OutboxRow>> RecentOutbox(Connection& conn, int limit) {
  const std::vector<Value> p{std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kRecent, p));
  return Many(rows);
}

}  // namespace zj::store
