#include "store/worker_accounts.h"

namespace zj::store {

namespace {

#define ZJ_WORKER_COLUMNS                                                                        \
  "id, phone_cipher, phone_index, phone_last4, key_version, member_id, federation_id, bound_at," \
  " status, created_at, last_sign_in_at"

constexpr Sql kInsert{"worker_accounts.insert",
                      "INSERT INTO worker_accounts (" ZJ_WORKER_COLUMNS
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
constexpr Sql kById{"worker_accounts.by_id",
                    "SELECT " ZJ_WORKER_COLUMNS " FROM worker_accounts WHERE id = $1"};
constexpr Sql kByPhone{"worker_accounts.by_phone",
                       "SELECT " ZJ_WORKER_COLUMNS " FROM worker_accounts WHERE phone_index = $1"};
constexpr Sql kByMember{"worker_accounts.by_member",
                        "SELECT " ZJ_WORKER_COLUMNS " FROM worker_accounts WHERE member_id = $1"};
constexpr Sql kSignedIn{"worker_accounts.signed_in",
                        "UPDATE worker_accounts SET last_sign_in_at = $2 WHERE id = $1"};
constexpr Sql kBind{"worker_accounts.bind",
                    "UPDATE worker_accounts SET member_id = $2, federation_id = $3, bound_at = $4"
                    " WHERE id = $1"};
constexpr Sql kUnbindMember{"worker_accounts.unbind_member",
                            "UPDATE worker_accounts SET member_id = NULL, federation_id = NULL,"
                            " bound_at = NULL WHERE member_id = $1"};
// Members reached online: active members whose record an account is bound to. The members'
// path index gives the subtree, the accounts' member index the join.
constexpr Sql kCountReached{"worker_accounts.count_reached",
                            "SELECT COUNT(*) FROM members m JOIN worker_accounts w"
                            " ON w.member_id = m.id WHERE m.org_path >= $1 AND m.org_path < $2"
                            " AND m.status = 'active'"};
constexpr Sql kReachedPerPath{"worker_accounts.reached_per_path",
                              "SELECT m.org_path, COUNT(*) FROM members m JOIN worker_accounts w"
                              " ON w.member_id = m.id WHERE m.status = 'active'"
                              " GROUP BY m.org_path ORDER BY m.org_path"};
constexpr Sql kSessionsOf{"worker_sessions.of_worker",
                          "SELECT created_at, last_seen_at, expires_at, remote_addr"
                          " FROM worker_sessions WHERE worker_id = $1 ORDER BY created_at DESC"};

#undef ZJ_WORKER_COLUMNS

constexpr Sql kInsertSession{"worker_sessions.insert",
                             "INSERT INTO worker_sessions (token_hash, worker_id, csrf_token,"
                             " created_at, last_seen_at, expires_at, remote_addr)"
                             " VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kFindSession{
    "worker_sessions.find",
    "SELECT s.token_hash, s.worker_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,"
    " s.remote_addr, a.status, a.member_id"
    " FROM worker_sessions s JOIN worker_accounts a ON a.id = s.worker_id"
    " WHERE s.token_hash = $1"};
constexpr Sql kTouchSession{"worker_sessions.touch",
                            "UPDATE worker_sessions SET last_seen_at = $2 WHERE token_hash = $1"};
constexpr Sql kDeleteSession{"worker_sessions.delete",
                             "DELETE FROM worker_sessions WHERE token_hash = $1"};
constexpr Sql kDeleteSessionsOf{"worker_sessions.delete_of",
                                "DELETE FROM worker_sessions WHERE worker_id = $1"};

constexpr Sql kInsertCode{"sign_in_codes.insert",
                          "INSERT INTO sign_in_codes (id, phone_index, code_hash, created_at,"
                          " expires_at, tries, used_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kCodesSince{
    "sign_in_codes.since",
    "SELECT id, phone_index, code_hash, created_at, expires_at, tries, used_at"
    " FROM sign_in_codes WHERE phone_index = $1 AND created_at >= $2"
    " ORDER BY created_at DESC, id DESC"};
constexpr Sql kCodeTry{"sign_in_codes.try",
                       "UPDATE sign_in_codes SET tries = tries + 1 WHERE id = $1"};
constexpr Sql kUseCode{"sign_in_codes.use",
                       "UPDATE sign_in_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL"};
constexpr Sql kDeleteCodes{"sign_in_codes.delete_before",
                           "DELETE FROM sign_in_codes WHERE created_at < $1"};

Value OptValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

WorkerAccountRow AccountFrom(const Row& r) {
  WorkerAccountRow a;
  a.id = r.Int(0);
  a.phone_cipher = r.Bytes(1);
  a.phone_index = r.Text(2);
  a.phone_last4 = r.Text(3);
  a.key_version = r.Int(4);
  a.member_id = r.OptInt(5);
  a.federation_id = r.OptInt(6);
  a.bound_at = r.OptInt(7);
  a.status = r.Text(8);
  a.created_at = r.Int(9);
  a.last_sign_in_at = r.OptInt(10);
  return a;
}

Result<std::optional<WorkerAccountRow>> OneAccount(Connection& conn, const Sql& sql,
                                                   const Value& key) {
  const std::vector<Value> p{key};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, p));
  if (rows.empty()) return std::optional<WorkerAccountRow>();
  return std::optional<WorkerAccountRow>(AccountFrom(rows.front()));
}

}  // namespace

Result<void> InsertWorkerAccount(Connection& conn, const WorkerAccountRow& a) {
  const std::vector<Value> p{a.id,
                             a.phone_cipher,
                             a.phone_index,
                             a.phone_last4,
                             a.key_version,
                             OptValue(a.member_id),
                             OptValue(a.federation_id),
                             OptValue(a.bound_at),
                             a.status,
                             a.created_at,
                             OptValue(a.last_sign_in_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<WorkerAccountRow>> FindWorkerAccount(Connection& conn, std::int64_t id) {
  return OneAccount(conn, kById, id);
}

Result<std::optional<WorkerAccountRow>> FindWorkerAccountByPhoneIndex(Connection& conn,
                                                                      const std::string& index) {
  return OneAccount(conn, kByPhone, index);
}

Result<std::optional<WorkerAccountRow>> FindWorkerAccountByMember(Connection& conn,
                                                                  std::int64_t member_id) {
  return OneAccount(conn, kByMember, member_id);
}

Result<void> SetWorkerSignedIn(Connection& conn, std::int64_t id, std::int64_t at) {
  const std::vector<Value> p{id, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSignedIn, p));
  return {};
}

Result<void> BindWorkerAccount(Connection& conn, std::int64_t id, std::int64_t member_id,
                               std::int64_t federation_id, std::int64_t at) {
  const std::vector<Value> p{id, member_id, federation_id, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kBind, p));
  return {};
}

Result<void> UnbindMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUnbindMember, p));
  return {};
}

Result<std::int64_t> CountMembersReachedOnline(Connection& conn, const std::string& subtree_low,
                                               const std::string& subtree_high) {
  const std::vector<Value> p{subtree_low, subtree_high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountReached, p));
  return rows.at(0).Int(0);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> MembersReachedOnlinePerPath(
    Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kReachedPerPath, {}));
  std::vector<std::pair<std::string, std::int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

Result<std::vector<WorkerSessionRow>> WorkerSessionsOf(Connection& conn, std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  return Collect<WorkerSessionRow>(conn, kSessionsOf, p, [&](const RowView& r) {
    WorkerSessionRow s;
    s.worker_id = worker_id;
    s.created_at = r.Int(0);
    s.last_seen_at = r.Int(1);
    s.expires_at = r.Int(2);
    s.remote_addr = r.OptText(3).value_or("");
    return s;
  });
}

Result<void> InsertWorkerSession(Connection& conn, const WorkerSessionRow& s) {
  const std::vector<Value> p{s.token_hash,   s.worker_id,  s.csrf_token, s.created_at,
                             s.last_seen_at, s.expires_at, s.remote_addr};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertSession, p));
  return {};
}

Result<std::optional<WorkerSessionWithAccount>> FindWorkerSession(Connection& conn,
                                                                  const std::string& token_hash) {
  const std::vector<Value> p{token_hash};
  std::optional<WorkerSessionWithAccount> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kFindSession, p, [&](const RowView& r) {
    out = WorkerSessionWithAccount{
        WorkerSessionRow{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6)},
        r.Text(7), r.OptInt(8)};
  }));
  return out;
}

Result<void> TouchWorkerSession(Connection& conn, const std::string& token_hash, std::int64_t at) {
  const std::vector<Value> p{token_hash, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kTouchSession, p));
  return {};
}

Result<void> DeleteWorkerSession(Connection& conn, const std::string& token_hash) {
  const std::vector<Value> p{token_hash};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDeleteSession, p));
  return {};
}

Result<std::int64_t> DeleteWorkerSessionsOf(Connection& conn, std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  return conn.Execute(kDeleteSessionsOf, p);
}

Result<void> InsertSignInCode(Connection& conn, const SignInCodeRow& c) {
  const std::vector<Value> p{c.id,         c.phone_index,         c.code_hash,        c.created_at,
                             c.expires_at, std::int64_t{c.tries}, OptValue(c.used_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertCode, p));
  return {};
}

Result<std::vector<SignInCodeRow>> SignInCodesSince(Connection& conn,
                                                    const std::string& phone_index,
                                                    std::int64_t since) {
  const std::vector<Value> p{phone_index, since};
  return Collect<SignInCodeRow>(conn, kCodesSince, p, [](const RowView& r) {
    return SignInCodeRow{r.Int(0),   r.Text(1), r.Text(2),
                         r.Int(3),   r.Int(4),  static_cast<int>(r.Int(5)),
                         r.OptInt(6)};
  });
}

Result<void> AddSignInCodeTry(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCodeTry, p));
  return {};
}

Result<bool> UseSignInCode(Connection& conn, std::int64_t id, std::int64_t at) {
  const std::vector<Value> p{id, at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kUseCode, p));
  return changed == 1;
}

Result<std::int64_t> DeleteSignInCodesBefore(Connection& conn, std::int64_t before) {
  const std::vector<Value> p{before};
  return conn.Execute(kDeleteCodes, p);
}

}  // namespace zj::store
