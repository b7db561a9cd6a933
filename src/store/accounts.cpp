#include "store/accounts.h"

namespace zj::store {

namespace {

constexpr Sql kInsertUser{"users.insert",
                          "INSERT INTO users (id, username, display_name, password_hash, role,"
                          " org_id, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Sql kUpdatePassword{"users.update_password",
                              "UPDATE users SET password_hash = $2 WHERE id = $1"};
constexpr Sql kUserByName{"users.by_username",
                          "SELECT id, username, display_name, password_hash, role, org_id, status,"
                          " created_at FROM users WHERE username = $1"};
constexpr Sql kUserById{"users.by_id",
                        "SELECT id, username, display_name, password_hash, role, org_id, status,"
                        " created_at FROM users WHERE id = $1"};
constexpr Sql kInsertSession{"sessions.insert",
                             "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at,"
                             " last_seen_at, expires_at, remote_addr)"
                             " VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kFindSession{"sessions.find",
                           "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at,"
                           " expires_at, remote_addr FROM sessions WHERE token_hash = $1"};
constexpr Sql kTouchSession{"sessions.touch",
                            "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1"};
constexpr Sql kDeleteSession{"sessions.delete", "DELETE FROM sessions WHERE token_hash = $1"};

UserRow UserFrom(const Row& r) {
  return UserRow{r.Int(0),  r.Text(1),   r.Text(2), r.Text(3),
                 r.Text(4), r.OptInt(5), r.Text(6), r.Int(7)};
}

Result<std::optional<UserRow>> OneUser(Result<Rows> rows) {
  if (!rows) return Fail(std::move(rows).error());
  if (rows->empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(UserFrom(rows->front()));
}

}  // namespace

Result<void> InsertUser(Connection& conn, const UserRow& u) {
  const std::vector<Value> p{u.id,           u.username,
                             u.display_name, u.password_hash,
                             u.role,         u.org_id ? Value(*u.org_id) : Value(),
                             u.status,       u.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertUser, p));
  return {};
}

Result<void> UpdateUserPassword(Connection& conn, std::int64_t user_id, const std::string& hash) {
  const std::vector<Value> p{user_id, hash};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdatePassword, p));
  return {};
}

Result<std::optional<UserRow>> FindUserByUsername(Connection& conn, const std::string& username) {
  const std::vector<Value> p{username};
  return OneUser(conn.Query(kUserByName, p));
}

Result<std::optional<UserRow>> FindUserById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return OneUser(conn.Query(kUserById, p));
}

Result<void> InsertSession(Connection& conn, const SessionRow& s) {
  const std::vector<Value> p{s.token_hash,   s.user_id,    s.csrf_token, s.created_at,
                             s.last_seen_at, s.expires_at, s.remote_addr};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertSession, p));
  return {};
}

Result<std::optional<SessionRow>> FindSession(Connection& conn, const std::string& token_hash) {
  const std::vector<Value> p{token_hash};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFindSession, p));
  if (rows.empty()) return std::optional<SessionRow>();
  const Row& r = rows.front();
  return std::optional<SessionRow>(
      SessionRow{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6)});
}

Result<void> TouchSession(Connection& conn, const std::string& token_hash, std::int64_t now_ms) {
  const std::vector<Value> p{token_hash, now_ms};
  ZJ_RETURN_IF_ERROR(conn.Execute(kTouchSession, p));
  return {};
}

Result<void> DeleteSession(Connection& conn, const std::string& token_hash) {
  const std::vector<Value> p{token_hash};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDeleteSession, p));
  return {};
}

}  // namespace zj::store
