#include "store/worker_bindings.h"

namespace zj::store {

namespace {

#define ZJ_BINDING_SELECT                                                                    \
  "SELECT b.id, b.federation_id, b.worker_id, b.member_id, b.reason, b.state, b.created_at," \
  " b.decided_by, b.decided_at, b.decision_note, m.name, m.card_number, m.id_cipher,"        \
  " m.phone_cipher, m.org_path, u.name, w.phone_cipher, d.display_name"                      \
  " FROM worker_bindings b JOIN members m ON m.id = b.member_id"                             \
  " JOIN orgs u ON u.id = m.union_org_id JOIN worker_accounts w ON w.id = b.worker_id"       \
  " LEFT JOIN users d ON d.id = b.decided_by"

constexpr Sql kInsert{
    "worker_bindings.insert",
    "INSERT INTO worker_bindings (id, federation_id, worker_id, member_id, reason,"
    " state, created_at, decided_by, decided_at, decision_note)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kById{"worker_bindings.by_id", ZJ_BINDING_SELECT " WHERE b.id = $1"};
constexpr Sql kPendingOf{"worker_bindings.pending_of",
                         ZJ_BINDING_SELECT " WHERE b.worker_id = $1 AND b.state = 'pending'"};
constexpr Sql kOfWorker{"worker_bindings.of_worker",
                        ZJ_BINDING_SELECT " WHERE b.worker_id = $1 ORDER BY b.id DESC"};
constexpr Sql kList{"worker_bindings.list", ZJ_BINDING_SELECT
                    " WHERE m.org_path >= $1 AND m.org_path < $2 AND ($3 = '' OR b.state = $3)"
                    " AND (b.id < $4 OR $4 = 0) ORDER BY b.id DESC LIMIT $5"};
// Pending bindings are few at any time: the state index finds them, the join their members.
constexpr Sql kCountPending{"worker_bindings.count_pending",
                            "SELECT COUNT(*) FROM worker_bindings b JOIN members m"
                            " ON m.id = b.member_id WHERE b.state = 'pending'"
                            " AND m.org_path >= $1 AND m.org_path < $2"};
constexpr Sql kDecide{"worker_bindings.decide",
                      "UPDATE worker_bindings SET state = $2, decided_by = $3, decided_at = $4,"
                      " decision_note = $5 WHERE id = $1 AND state = 'pending'"};
constexpr Sql kCancel{"worker_bindings.cancel_pending",
                      "UPDATE worker_bindings SET state = 'cancelled', decided_at = $2"
                      " WHERE worker_id = $1 AND state = 'pending'"};

#undef ZJ_BINDING_SELECT

WorkerBindingRow FromRow(const RowView& r) {
  WorkerBindingRow b;
  b.id = r.Int(0);
  b.federation_id = r.Int(1);
  b.worker_id = r.Int(2);
  b.member_id = r.Int(3);
  b.reason = r.Text(4);
  b.state = r.Text(5);
  b.created_at = r.Int(6);
  b.decided_by = r.OptInt(7);
  b.decided_at = r.OptInt(8);
  b.decision_note = r.OptText(9);
  b.member_name = r.Text(10);
  b.card_number = r.Text(11);
  b.member_id_cipher = r.Bytes(12);
  if (!r.IsNull(13)) b.member_phone_cipher = r.Bytes(13);
  b.org_path = r.Text(14);
  b.union_name = r.Text(15);
  b.worker_phone_cipher = r.Bytes(16);
  b.decided_by_name = r.OptText(17);
  return b;
}

Result<std::optional<WorkerBindingRow>> One(Connection& conn, const Sql& sql, std::int64_t key) {
  const std::vector<Value> p{key};
  std::optional<WorkerBindingRow> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(sql, p, [&](const RowView& r) { out = FromRow(r); }));
  return out;
}

Value OptValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

}  // namespace

Result<void> InsertWorkerBinding(Connection& conn, const WorkerBindingRow& b) {
  const std::vector<Value> p{b.id,
                             b.federation_id,
                             b.worker_id,
                             b.member_id,
                             b.reason,
                             b.state,
                             b.created_at,
                             OptValue(b.decided_by),
                             OptValue(b.decided_at),
                             b.decision_note ? Value(*b.decision_note) : Value()};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<WorkerBindingRow>> FindWorkerBinding(Connection& conn, std::int64_t id) {
  return One(conn, kById, id);
}

Result<std::optional<WorkerBindingRow>> PendingBindingOfWorker(Connection& conn,
                                                               std::int64_t worker_id) {
  return One(conn, kPendingOf, worker_id);
}

Result<std::vector<WorkerBindingRow>> ListWorkerBindings(Connection& conn,
                                                         const WorkerBindingQuery& q) {
  const std::vector<Value> p{q.subtree_low, q.subtree_high, q.state, q.before_id, q.limit};
  return Collect<WorkerBindingRow>(conn, kList, p, FromRow);
}

Result<std::vector<WorkerBindingRow>> WorkerBindingsOfWorker(Connection& conn,
                                                             std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  return Collect<WorkerBindingRow>(conn, kOfWorker, p, FromRow);
}

Result<std::int64_t> CountPendingBindings(Connection& conn, const std::string& subtree_low,
                                          const std::string& subtree_high) {
  const std::vector<Value> p{subtree_low, subtree_high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountPending, p));
  return rows.at(0).Int(0);
}

Result<bool> DecideWorkerBinding(Connection& conn, const WorkerBindingRow& b) {
  const std::vector<Value> p{b.id, b.state, OptValue(b.decided_by), OptValue(b.decided_at),
                             b.decision_note ? Value(*b.decision_note) : Value()};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kDecide, p));
  return changed == 1;
}

Result<void> CancelPendingBinding(Connection& conn, std::int64_t worker_id, std::int64_t at) {
  const std::vector<Value> p{worker_id, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCancel, p));
  return {};
}

}  // namespace zj::store
