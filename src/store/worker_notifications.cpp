#include "store/worker_notifications.h"

namespace zj::store {

namespace {

constexpr Sql kInsert{"worker_notifications.insert",
                      "INSERT INTO worker_notifications (id, worker_id, kind, params, subject_id,"
                      " created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
// PostgreSQL types a parameter by its first use: the cursor meets the BIGINT id before the
// literal 0 (the other order makes $2 an integer, and a real cursor overflows it).
constexpr Sql kOf{"worker_notifications.of",
                  "SELECT id, worker_id, kind, params, subject_id, created_at, read_at"
                  " FROM worker_notifications WHERE worker_id = $1 AND (id < $2 OR $2 = 0)"
                  " ORDER BY id DESC LIMIT $3"};
// Counted on the partial index, up to the cap: a worker who never reads stays cheap.
constexpr Sql kCountUnread{"worker_notifications.count_unread",
                           "SELECT COUNT(*) FROM (SELECT 1 FROM worker_notifications"
                           " WHERE worker_id = $1 AND read_at IS NULL LIMIT $2) AS unread"};
constexpr Sql kMarkRead{"worker_notifications.mark_read",
                        "UPDATE worker_notifications SET read_at = COALESCE(read_at, $3)"
                        " WHERE worker_id = $1 AND id = $2"};
constexpr Sql kMarkAllRead{"worker_notifications.mark_all_read",
                           "UPDATE worker_notifications SET read_at = $2"
                           " WHERE worker_id = $1 AND read_at IS NULL"};

Value OptValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

WorkerNotificationRow FromRow(const RowView& r) {
  WorkerNotificationRow n;
  n.id = r.Int(0);
  n.worker_id = r.Int(1);
  n.kind = r.Text(2);
  n.params = r.Text(3);
  n.subject_id = r.OptInt(4);
  n.created_at = r.Int(5);
  n.read_at = r.OptInt(6);
  return n;
}

}  // namespace

Result<void> InsertWorkerNotification(Connection& conn, const WorkerNotificationRow& row) {
  const std::vector<Value> p{
      row.id,         row.worker_id,        row.kind, row.params, OptValue(row.subject_id),
      row.created_at, OptValue(row.read_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::vector<WorkerNotificationRow>> WorkerNotificationsOf(Connection& conn,
                                                                 std::int64_t worker_id,
                                                                 std::int64_t before_id,
                                                                 int limit) {
  const std::vector<Value> p{worker_id, before_id, limit};
  return Collect<WorkerNotificationRow>(conn, kOf, p, FromRow);
}

Result<std::int64_t> CountUnreadWorkerNotifications(Connection& conn, std::int64_t worker_id,
                                                    std::int64_t cap) {
  const std::vector<Value> p{worker_id, cap};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountUnread, p));
  return rows.at(0).Int(0);
}

Result<bool> MarkWorkerNotificationRead(Connection& conn, std::int64_t worker_id, std::int64_t id,
                                        std::int64_t at) {
  const std::vector<Value> p{worker_id, id, at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kMarkRead, p));
  return changed == 1;
}

Result<std::int64_t> MarkAllWorkerNotificationsRead(Connection& conn, std::int64_t worker_id,
                                                    std::int64_t at) {
  const std::vector<Value> p{worker_id, at};
  return conn.Execute(kMarkAllRead, p);
}

}  // namespace zj::store
