#include "store/legal_cases.h"

namespace zj::store {

namespace {

#define ZJ_CASE_COLUMNS                                                                       \
  "c.id, c.federation_id, c.org_id, c.org_path, c.type, c.title, c.employer_uscc,"            \
  " c.employer_name, c.enterprise_id, c.stage, c.claimed_fen, c.recovered_fen, c.outcome,"    \
  " c.lawyer_id, c.worker_count, c.collective, c.alerted_at, c.alert_ack_at, c.alert_ack_by," \
  " c.opened_by, c.opened_at, c.closed_at, c.updated_at, o.name, l.name, l.firm"
#define ZJ_CASE_FROM                                   \
  " FROM legal_cases c JOIN orgs o ON o.id = c.org_id" \
  " LEFT JOIN legal_lawyers l ON l.id = c.lawyer_id"

constexpr Sql kInsert{
    "legal_cases.insert",
    "INSERT INTO legal_cases (id, federation_id, org_id, org_path, type, title, employer_uscc,"
    " employer_name, enterprise_id, stage, claimed_fen, recovered_fen, outcome, lawyer_id,"
    " worker_count, collective, alerted_at, alert_ack_at, alert_ack_by, opened_by, opened_at,"
    " closed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
    " $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)"};
constexpr Sql kFind{"legal_cases.find", "SELECT " ZJ_CASE_COLUMNS ZJ_CASE_FROM " WHERE c.id = $1"};
constexpr Sql kList{"legal_cases.list",
                    "SELECT " ZJ_CASE_COLUMNS ZJ_CASE_FROM
                    " WHERE c.org_path >= $1 AND c.org_path < $2 AND ($3 = '' OR c.type = $3)"
                    " AND ($4 = '' OR c.stage = $4)"
                    " AND (CAST($5 AS BIGINT) < 0 OR c.collective = $5)"
                    " AND (CAST($6 AS BIGINT) = 0 OR c.id < $6)"
                    " AND (CAST($8 AS BIGINT) = 0 OR (c.collective = 1 AND c.alerted_at IS NOT NULL"
                    " AND c.alert_ack_at IS NULL)) ORDER BY c.id DESC LIMIT $7"};
constexpr Sql kUpdate{
    "legal_cases.update",
    "UPDATE legal_cases SET type = $2, title = $3, stage = $4, claimed_fen = $5,"
    " recovered_fen = $6, outcome = $7, lawyer_id = $8, collective = $9, alerted_at = $10,"
    " alert_ack_at = $11, alert_ack_by = $12, closed_at = $13, updated_at = $14 WHERE id = $1"};
constexpr Sql kAddCount{"legal_cases.add_count",
                        "UPDATE legal_cases SET worker_count = worker_count + $2 WHERE id = $1"};
constexpr Sql kCountAlerts{"legal_cases.count_alerts",
                           "SELECT COUNT(*) FROM legal_cases WHERE collective = 1"
                           " AND alert_ack_at IS NULL AND alerted_at IS NOT NULL"
                           " AND org_path >= $1 AND org_path < $2"};

#undef ZJ_CASE_COLUMNS
#undef ZJ_CASE_FROM

constexpr Sql kInsertWorker{
    "legal_case_workers.insert",
    "INSERT INTO legal_case_workers (id, case_id, member_id, name_cipher, id_cipher, id_blind,"
    " id_last4, key_version, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
    " $10)"};
constexpr Sql kWorkers{"legal_case_workers.of_case",
                       "SELECT id, case_id, member_id, name_cipher, id_cipher, id_blind, id_last4,"
                       " key_version, added_by, added_at FROM legal_case_workers"
                       " WHERE case_id = $1 ORDER BY id LIMIT 5000"};
constexpr Sql kWorkerIn{"legal_case_workers.in_case",
                        "SELECT id FROM legal_case_workers WHERE case_id = $1 AND id_blind = $2"};
constexpr Sql kDeleteWorker{"legal_case_workers.delete",
                            "DELETE FROM legal_case_workers WHERE case_id = $1 AND id = $2"};

constexpr Sql kInsertStage{
    "legal_case_stages.insert",
    "INSERT INTO legal_case_stages (id, case_id, stage, started_on,"
    " ended_on, note, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Sql kStages{"legal_case_stages.of_case",
                      "SELECT id, case_id, stage, started_on, ended_on, note, actor_id, at"
                      " FROM legal_case_stages WHERE case_id = $1 ORDER BY id"};
constexpr Sql kEndStage{"legal_case_stages.end",
                        "UPDATE legal_case_stages SET ended_on = $2"
                        " WHERE case_id = $1 AND ended_on IS NULL"};

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

LegalCaseRow CaseFromRow(const RowView& r) {
  LegalCaseRow c;
  c.id = r.Int(0);
  c.federation_id = r.Int(1);
  c.org_id = r.Int(2);
  c.org_path = r.Text(3);
  c.type = r.Text(4);
  c.title = r.Text(5);
  c.employer_uscc = r.Text(6);
  c.employer_name = r.Text(7);
  c.enterprise_id = r.OptInt(8);
  c.stage = r.Text(9);
  c.claimed_fen = r.Int(10);
  c.recovered_fen = r.Int(11);
  c.outcome = r.OptText(12);
  c.lawyer_id = r.OptInt(13);
  c.worker_count = static_cast<int>(r.Int(14));
  c.collective = r.Int(15) != 0;
  c.alerted_at = r.OptInt(16);
  c.alert_ack_at = r.OptInt(17);
  c.alert_ack_by = r.OptInt(18);
  c.opened_by = r.OptInt(19);
  c.opened_at = r.Int(20);
  c.closed_at = r.OptInt(21);
  c.updated_at = r.Int(22);
  c.org_name = r.Text(23);
  c.lawyer_name = r.OptText(24);
  c.lawyer_firm = r.OptText(25);
  return c;
}

}  // namespace

Result<void> InsertLegalCase(Connection& conn, const LegalCaseRow& c) {
  const std::vector<Value> p{c.id,
                             c.federation_id,
                             c.org_id,
                             c.org_path,
                             c.type,
                             c.title,
                             c.employer_uscc,
                             c.employer_name,
                             Opt(c.enterprise_id),
                             c.stage,
                             c.claimed_fen,
                             c.recovered_fen,
                             Opt(c.outcome),
                             Opt(c.lawyer_id),
                             static_cast<std::int64_t>(c.worker_count),
                             static_cast<std::int64_t>(c.collective ? 1 : 0),
                             Opt(c.alerted_at),
                             Opt(c.alert_ack_at),
                             Opt(c.alert_ack_by),
                             Opt(c.opened_by),
                             c.opened_at,
                             Opt(c.closed_at),
                             c.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<LegalCaseRow>> FindLegalCase(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<LegalCaseRow>(conn, kFind, p, CaseFromRow));
  if (rows.empty()) return std::optional<LegalCaseRow>{};
  return std::optional<LegalCaseRow>{std::move(rows.front())};
}

Result<std::vector<LegalCaseRow>> ListLegalCases(Connection& conn, const LegalCaseQuery& q) {
  const std::vector<Value> p{q.low,
                             q.high,
                             q.type,
                             q.stage,
                             static_cast<std::int64_t>(q.collective),
                             q.before_id,
                             static_cast<std::int64_t>(q.limit),
                             static_cast<std::int64_t>(q.unacknowledged ? 1 : 0)};
  return Collect<LegalCaseRow>(conn, kList, p, CaseFromRow);
}

Result<void> UpdateLegalCase(Connection& conn, const LegalCaseRow& c) {
  const std::vector<Value> p{c.id,
                             c.type,
                             c.title,
                             c.stage,
                             c.claimed_fen,
                             c.recovered_fen,
                             Opt(c.outcome),
                             Opt(c.lawyer_id),
                             static_cast<std::int64_t>(c.collective ? 1 : 0),
                             Opt(c.alerted_at),
                             Opt(c.alert_ack_at),
                             Opt(c.alert_ack_by),
                             Opt(c.closed_at),
                             c.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, p));
  return {};
}

Result<void> AddWorkerCount(Connection& conn, std::int64_t case_id, int delta) {
  const std::vector<Value> p{case_id, static_cast<std::int64_t>(delta)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kAddCount, p));
  return {};
}

Result<std::int64_t> CountUnacknowledgedAlerts(Connection& conn, const std::string& low,
                                               const std::string& high) {
  const std::vector<Value> p{low, high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountAlerts, p));
  return rows.at(0).Int(0);
}

Result<void> InsertLegalCaseWorker(Connection& conn, const LegalCaseWorkerRow& w) {
  const std::vector<Value> p{w.id,
                             w.case_id,
                             Opt(w.member_id),
                             w.name_cipher,
                             w.id_cipher,
                             w.id_blind,
                             w.id_last4,
                             static_cast<std::int64_t>(w.key_version),
                             Opt(w.added_by),
                             w.added_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertWorker, p));
  return {};
}

Result<std::vector<LegalCaseWorkerRow>> WorkersOfCase(Connection& conn, std::int64_t case_id) {
  const std::vector<Value> p{case_id};
  return Collect<LegalCaseWorkerRow>(conn, kWorkers, p, [](const RowView& r) {
    LegalCaseWorkerRow w;
    w.id = r.Int(0);
    w.case_id = r.Int(1);
    w.member_id = r.OptInt(2);
    w.name_cipher = r.Bytes(3);
    w.id_cipher = r.Bytes(4);
    w.id_blind = r.Text(5);
    w.id_last4 = r.Text(6);
    w.key_version = static_cast<int>(r.Int(7));
    w.added_by = r.OptInt(8);
    w.added_at = r.Int(9);
    return w;
  });
}

Result<bool> WorkerInCase(Connection& conn, std::int64_t case_id,
                          const std::vector<std::string>& id_blinds) {
  for (const auto& blind : id_blinds) {
    const std::vector<Value> p{case_id, blind};
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kWorkerIn, p));
    if (!rows.empty()) return true;
  }
  return false;
}

Result<bool> DeleteLegalCaseWorker(Connection& conn, std::int64_t case_id, std::int64_t worker_id) {
  const std::vector<Value> p{case_id, worker_id};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kDeleteWorker, p));
  return changed > 0;
}

Result<void> InsertLegalCaseStage(Connection& conn, const LegalCaseStageRow& s) {
  const std::vector<Value> p{s.id,   s.case_id,       s.stage, s.started_on, Opt(s.ended_on),
                             s.note, Opt(s.actor_id), s.at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertStage, p));
  return {};
}

Result<std::vector<LegalCaseStageRow>> StagesOfCase(Connection& conn, std::int64_t case_id) {
  const std::vector<Value> p{case_id};
  return Collect<LegalCaseStageRow>(conn, kStages, p, [](const RowView& r) {
    return LegalCaseStageRow{r.Int(0),     r.Int(1),  r.Text(2),   r.Text(3),
                             r.OptText(4), r.Text(5), r.OptInt(6), r.Int(7)};
  });
}

Result<void> EndOpenStage(Connection& conn, std::int64_t case_id, const std::string& ended_on) {
  const std::vector<Value> p{case_id, ended_on};
  ZJ_RETURN_IF_ERROR(conn.Execute(kEndStage, p));
  return {};
}

}  // namespace zj::store
