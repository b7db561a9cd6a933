#include "store/aid_grants.h"

#include "store/workbench_counts.h"

namespace zj::store {

namespace {

#define ZJ_GRANT_COLUMNS                                                                     \
  "g.id, g.federation_id, g.file_id, g.org_id, g.org_path, g.kind, g.period, g.amount_fen,"  \
  " g.rule_text, g.rule_params, g.status, g.approver_level, g.budget_org_id, g.proposed_by," \
  " g.proposed_at, g.decided_by, g.decided_at, g.refuse_reason, g.updated_at, o.name"

constexpr Sql kInsert{
    "aid_grants.insert",
    "INSERT INTO aid_grants (id, federation_id, file_id, org_id, org_path, kind, period,"
    " amount_fen, rule_text, rule_params, status, approver_level, budget_org_id, proposed_by,"
    " proposed_at, decided_by, decided_at, refuse_reason, updated_at) VALUES ($1, $2, $3, $4,"
    " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"};
constexpr Sql kFind{"aid_grants.find",
                    "SELECT " ZJ_GRANT_COLUMNS
                    " FROM aid_grants g JOIN orgs o ON o.id = g.org_id WHERE g.id = $1"};
constexpr Sql kList{"aid_grants.list",
                    "SELECT " ZJ_GRANT_COLUMNS
                    " FROM aid_grants g JOIN orgs o ON o.id = g.org_id"
                    " WHERE g.org_path >= $1 AND g.org_path < $2 AND ($3 = '' OR g.status = $3)"
                    " AND ($4 = '' OR g.kind = $4) AND ($5 = '' OR g.approver_level = $5)"
                    " AND (CAST($6 AS BIGINT) = 0 OR g.file_id = $6)"
                    " AND (CAST($7 AS BIGINT) = 0 OR g.id < $7) ORDER BY g.id DESC LIMIT $8"};
constexpr Sql kOfFile{"aid_grants.of_file", "SELECT " ZJ_GRANT_COLUMNS
                                            " FROM aid_grants g JOIN orgs o ON o.id = g.org_id"
                                            " WHERE g.file_id = $1 ORDER BY g.id DESC LIMIT $2"};
constexpr Sql kDecide{"aid_grants.decide",
                      "UPDATE aid_grants SET status = $3, decided_by = $4, decided_at = $5,"
                      " refuse_reason = $6, updated_at = $5 WHERE id = $1 AND status = $2"};
constexpr Sql kPaid{"aid_grants.paid",
                    "UPDATE aid_grants SET status = 'paid', updated_at = $2 WHERE id = $1"
                    " AND status = 'approved'"};
constexpr Sql kCountLevel{"aid_grants.count_to_decide",
                          "SELECT COUNT(*) FROM aid_grants WHERE status = 'proposed'"
                          " AND approver_level = $3 AND org_path >= $1 AND org_path < $2"};
constexpr Sql kCountAny{"aid_grants.count_proposed",
                        "SELECT COUNT(*) FROM aid_grants WHERE status = 'proposed'"
                        " AND org_path >= $1 AND org_path < $2"};
constexpr Sql kInsertOnce{"aid_once.insert",
                          "INSERT INTO aid_once (id_blind, kind, period, grant_id)"
                          " VALUES ($1, $2, $3, $4)"};
constexpr Sql kFindOnce{"aid_once.find",
                        "SELECT g.id, g.org_path FROM aid_once a"
                        " JOIN aid_grants g ON g.id = a.grant_id"
                        " WHERE a.id_blind = $1 AND a.kind = $2 AND a.period = $3"};
constexpr Sql kDeleteOnce{"aid_once.delete_of_grant", "DELETE FROM aid_once WHERE grant_id = $1"};
constexpr Sql kInsertPayment{
    "aid_payments.insert",
    "INSERT INTO aid_payments (id, grant_id, paid_on, amount_fen, method, batch_id, paid_by,"
    " paid_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Sql kPayments{"aid_payments.of_grant",
                        "SELECT id, grant_id, paid_on, amount_fen, method, batch_id, paid_by,"
                        " paid_at FROM aid_payments WHERE grant_id = $1 ORDER BY id"};

#undef ZJ_GRANT_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

AidGrantRow GrantFromRow(const RowView& r) {
  AidGrantRow g;
  g.id = r.Int(0);
  g.federation_id = r.Int(1);
  g.file_id = r.Int(2);
  g.org_id = r.Int(3);
  g.org_path = r.Text(4);
  g.kind = r.Text(5);
  g.period = r.Text(6);
  g.amount_fen = r.Int(7);
  g.rule_text = r.Text(8);
  g.rule_params = r.Text(9);
  g.status = r.Text(10);
  g.approver_level = r.Text(11);
  g.budget_org_id = r.Int(12);
  g.proposed_by = r.OptInt(13);
  g.proposed_at = r.Int(14);
  g.decided_by = r.OptInt(15);
  g.decided_at = r.OptInt(16);
  g.refuse_reason = r.OptText(17);
  g.updated_at = r.Int(18);
  g.org_name = r.Text(19);
  return g;
}

}  // namespace

Result<void> InsertAidGrant(Connection& conn, const AidGrantRow& g) {
  const std::vector<Value> p{g.id,
                             g.federation_id,
                             g.file_id,
                             g.org_id,
                             g.org_path,
                             g.kind,
                             g.period,
                             g.amount_fen,
                             g.rule_text,
                             g.rule_params,
                             g.status,
                             g.approver_level,
                             g.budget_org_id,
                             Opt(g.proposed_by),
                             g.proposed_at,
                             Opt(g.decided_by),
                             Opt(g.decided_at),
                             Opt(g.refuse_reason),
                             g.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<AidGrantRow>> FindAidGrant(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<AidGrantRow>(conn, kFind, p, GrantFromRow));
  if (rows.empty()) return std::optional<AidGrantRow>{};
  return std::optional<AidGrantRow>{std::move(rows.front())};
}

Result<std::vector<AidGrantRow>> ListAidGrants(Connection& conn, const AidGrantQuery& q) {
  const std::vector<Value> p{q.low,
                             q.high,
                             q.status,
                             q.kind,
                             q.approver_level,
                             q.file_id,
                             q.before_id,
                             static_cast<std::int64_t>(q.limit)};
  return Collect<AidGrantRow>(conn, kList, p, GrantFromRow);
}

Result<std::vector<AidGrantRow>> AidGrantsOfFile(Connection& conn, std::int64_t file_id,
                                                 int limit) {
  const std::vector<Value> p{file_id, static_cast<std::int64_t>(limit)};
  return Collect<AidGrantRow>(conn, kOfFile, p, GrantFromRow);
}

Result<bool> DecideAidGrant(Connection& conn, std::int64_t id, const std::string& from,
                            const std::string& to, std::optional<std::int64_t> by, std::int64_t at,
                            const std::optional<std::string>& reason) {
  const std::vector<Value> p{id, from, to, Opt(by), at, Opt(reason)};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kDecide, p));
  return changed == 1;
}

Result<bool> MarkAidGrantPaid(Connection& conn, std::int64_t id, std::int64_t at) {
  const std::vector<Value> p{id, at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kPaid, p));
  return changed == 1;
}

Result<void> InsertAidOnce(Connection& conn, const std::string& id_blind, const std::string& kind,
                           const std::string& period, std::int64_t grant_id) {
  const std::vector<Value> p{id_blind, kind, period, grant_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertOnce, p));
  return {};
}

Result<std::optional<AidOnceHolder>> FindAidOnce(Connection& conn,
                                                 const std::vector<std::string>& id_blinds,
                                                 const std::string& kind,
                                                 const std::string& period) {
  for (const auto& blind : id_blinds) {
    const std::vector<Value> p{blind, kind, period};
    ZJ_ASSIGN_OR_RETURN(auto rows, Collect<AidOnceHolder>(conn, kFindOnce, p, [](const RowView& r) {
                          return AidOnceHolder{r.Int(0), r.Text(1)};
                        }));
    if (!rows.empty()) return std::optional<AidOnceHolder>{rows.front()};
  }
  return std::optional<AidOnceHolder>{};
}

Result<void> DeleteAidOnceOf(Connection& conn, std::int64_t grant_id) {
  const std::vector<Value> p{grant_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDeleteOnce, p));
  return {};
}

Result<std::int64_t> CountAidToDecide(Connection& conn, const std::string& low,
                                      const std::string& high, const std::string& approver_level) {
  std::vector<Value> p{low, high};
  if (!approver_level.empty()) p.emplace_back(approver_level);
  ZJ_ASSIGN_OR_RETURN(store::Rows rows,
                      conn.Query(approver_level.empty() ? kCountAny : kCountLevel, p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

const Sql& AidToDecideStatement() { return kCountLevel; }

Result<void> InsertAidPayment(Connection& conn, const AidPaymentRow& row) {
  const std::vector<Value> p{row.id,     row.grant_id,      row.paid_on,      row.amount_fen,
                             row.method, Opt(row.batch_id), Opt(row.paid_by), row.paid_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertPayment, p));
  return {};
}

Result<std::vector<AidPaymentRow>> PaymentsOf(Connection& conn, std::int64_t grant_id) {
  const std::vector<Value> p{grant_id};
  return Collect<AidPaymentRow>(conn, kPayments, p, [](const RowView& r) {
    return AidPaymentRow{r.Int(0),  r.Int(1),     r.Text(2),   r.Int(3),
                         r.Text(4), r.OptText(5), r.OptInt(6), r.Int(7)};
  });
}

}  // namespace zj::store
