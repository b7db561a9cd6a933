#include "store/worker_consents.h"

namespace zj::store {

namespace {

constexpr Sql kNoticeOf{"worker_accounts.notice_of",
                        "SELECT notice_version, notice_accepted_at FROM worker_accounts"
                        " WHERE id = $1"};
constexpr Sql kSetNotice{"worker_accounts.set_notice",
                         "UPDATE worker_accounts SET notice_version = $2, notice_accepted_at = $3"
                         " WHERE id = $1"};
constexpr Sql kInsert{"worker_consents.insert",
                      "INSERT INTO worker_consents (id, worker_id, purpose, granted, created_at)"
                      " VALUES ($1, $2, $3, $4, $5)"};
constexpr Sql kOf{"worker_consents.of",
                  "SELECT id, worker_id, purpose, granted, created_at FROM worker_consents"
                  " WHERE worker_id = $1 ORDER BY id DESC"};
constexpr Sql kLatest{"worker_consents.latest",
                      "SELECT id, worker_id, purpose, granted, created_at FROM worker_consents"
                      " WHERE worker_id = $1 AND purpose = $2 ORDER BY id DESC LIMIT 1"};

WorkerConsentRow FromRow(const RowView& r) {
  WorkerConsentRow c;
  c.id = r.Int(0);
  c.worker_id = r.Int(1);
  c.purpose = r.Text(2);
  c.granted = r.Int(3) != 0;
  c.created_at = r.Int(4);
  return c;
}

}  // namespace

Result<NoticeAcceptance> WorkerNoticeOf(Connection& conn, std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kNoticeOf, p));
  NoticeAcceptance out;
  if (rows.empty()) return out;
  if (auto v = rows.at(0).OptInt(0)) out.version = static_cast<int>(*v);
  out.accepted_at = rows.at(0).OptInt(1);
  return out;
}

Result<void> SetWorkerNotice(Connection& conn, std::int64_t worker_id, int version,
                             std::int64_t at) {
  const std::vector<Value> p{worker_id, static_cast<std::int64_t>(version), at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSetNotice, p));
  return {};
}

Result<void> InsertWorkerConsent(Connection& conn, const WorkerConsentRow& row) {
  const std::vector<Value> p{row.id, row.worker_id, row.purpose,
                             static_cast<std::int64_t>(row.granted ? 1 : 0), row.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::vector<WorkerConsentRow>> WorkerConsentsOf(Connection& conn, std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  return Collect<WorkerConsentRow>(conn, kOf, p, FromRow);
}

Result<std::optional<WorkerConsentRow>> LatestWorkerConsent(Connection& conn,
                                                            std::int64_t worker_id,
                                                            const std::string& purpose) {
  const std::vector<Value> p{worker_id, purpose};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<WorkerConsentRow>(conn, kLatest, p, FromRow));
  if (rows.empty()) return std::optional<WorkerConsentRow>{};
  return std::optional<WorkerConsentRow>{rows.front()};
}

}  // namespace zj::store
