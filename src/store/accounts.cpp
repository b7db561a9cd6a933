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
constexpr Sql kUpdateUser{"users.update",
                          "UPDATE users SET display_name = $2, role = $3, org_id = $4, status = $5"
                          " WHERE id = $1"};
constexpr Sql kUserWithOrg{
    "users.with_org_by_id",
    "SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.org_id, u.status,"
    " u.created_at, o.code, o.name, o.path, u.phone_cipher"
    " FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = $1"};
// $6 is a LIKE pattern built by the caller with '\' escaping % and _ in the user's text.
constexpr Sql kListUsers{
    "users.list",
    "SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.org_id, u.status,"
    " u.created_at, o.code, o.name, o.path, u.phone_cipher"
    " FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE ($1 = 1 OR (o.path >= $2 AND o.path < "
    "$3)) AND u.id > $4"
    " AND ($5 = '' OR u.username LIKE $6 ESCAPE '\\' OR u.display_name LIKE $6 ESCAPE '\\')"
    " AND ($7 = '' OR u.role = $7) AND ($8 = '' OR u.status = $8)"
    " ORDER BY u.id LIMIT $9"};
constexpr Sql kDeleteUserSessions{"sessions.delete_of_user",
                                  "DELETE FROM sessions WHERE user_id = $1"};
constexpr Sql kDeleteOtherSessions{"sessions.delete_others_of_user",
                                   "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2"};
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

UserWithOrg UserWithOrgFrom(const Row& r) {
  std::optional<Blob> phone;
  if (!r.IsNull(11)) phone = r.Bytes(11);
  return UserWithOrg{UserFrom(r), r.OptText(8), r.OptText(9), r.OptText(10), std::move(phone)};
}

// The user's text made literal inside a LIKE pattern (ESCAPE '\').
std::string LikeEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
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

Result<void> UpdateUser(Connection& conn, const UserRow& u) {
  const std::vector<Value> p{u.id, u.display_name, u.role, u.org_id ? Value(*u.org_id) : Value(),
                             u.status};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdateUser, p));
  return {};
}

Result<std::optional<UserWithOrg>> FindUserWithOrg(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kUserWithOrg, p));
  if (rows.empty()) return std::optional<UserWithOrg>();
  return std::optional<UserWithOrg>(UserWithOrgFrom(rows.front()));
}

Result<std::vector<UserWithOrg>> ListUsers(Connection& conn, const UserQuery& q) {
  const std::vector<Value> p{
      std::int64_t{q.everywhere ? 1 : 0}, q.subtree_low, q.subtree_high, q.after_id, q.prefix,
      LikeEscaped(q.prefix) + "%",        q.role,        q.status,       q.limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kListUsers, p));
  std::vector<UserWithOrg> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(UserWithOrgFrom(r));
  return out;
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

Result<std::int64_t> DeleteSessionsOfUser(Connection& conn, std::int64_t user_id) {
  const std::vector<Value> p{user_id};
  return conn.Execute(kDeleteUserSessions, p);
}

Result<std::int64_t> DeleteOtherSessionsOfUser(Connection& conn, std::int64_t user_id,
                                               const std::string& keep_token_hash) {
  const std::vector<Value> p{user_id, keep_token_hash};
  return conn.Execute(kDeleteOtherSessions, p);
}

}  // namespace zj::store
