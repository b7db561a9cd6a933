#include "store/user_phones.h"

namespace zj::store {

namespace {

constexpr Sql kSet{"users.set_phone",
                   "UPDATE users SET phone_cipher = $2, phone_index = $3, key_version = $4"
                   " WHERE id = $1"};
constexpr Sql kClear{"users.clear_phone",
                     "UPDATE users SET phone_cipher = NULL, phone_index = NULL, key_version = NULL"
                     " WHERE id = $1"};
constexpr Sql kById{"users.phone_by_id",
                    "SELECT u.id, u.username, u.display_name, o.path, u.phone_cipher, u.role"
                    " FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = $1"};
constexpr Sql kByIndex{
    "users.by_phone_index",
    "SELECT u.id, u.username, u.display_name, o.path, u.phone_cipher, u.role FROM users u"
    " LEFT JOIN orgs o ON o.id = u.org_id WHERE u.phone_index = $1"
    " ORDER BY u.id"};
constexpr Sql kCountBelow{"users.phones_below_version.count",
                          "SELECT COUNT(*) FROM users WHERE key_version < $1"};
constexpr Sql kBelow{"users.phones_below_version",
                     "SELECT id, phone_cipher FROM users WHERE key_version < $1"
                     " ORDER BY id LIMIT $2"};

UserPhoneRow From(const Row& r) {
  UserPhoneRow row{r.Int(0),     r.Text(1), r.Text(2), r.OptText(3).value_or(""),
                   std::nullopt, r.Text(5)};
  if (!r.IsNull(4)) row.phone_cipher = r.Bytes(4);
  return row;
}

}  // namespace

Result<bool> SetUserPhone(Connection& conn, std::int64_t user_id, const Blob& cipher,
                          const std::string& index, int key_version) {
  if (cipher.empty()) {
    const std::vector<Value> p{user_id};
    ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kClear, p));
    return n > 0;
  }
  const std::vector<Value> p{user_id, cipher, index, std::int64_t{key_version}};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kSet, p));
  return n > 0;
}

Result<std::optional<UserPhoneRow>> FindUserPhone(Connection& conn, std::int64_t user_id) {
  const std::vector<Value> p{user_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kById, p));
  if (rows.empty()) return std::optional<UserPhoneRow>();
  return std::optional<UserPhoneRow>(From(rows.front()));
}

Result<std::vector<UserPhoneRow>> FindUsersByPhoneIndex(Connection& conn,
                                                        const std::vector<std::string>& indexes) {
  std::vector<UserPhoneRow> out;
  for (const auto& index : indexes) {
    const std::vector<Value> p{index};
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kByIndex, p));
    for (const Row& r : rows) out.push_back(From(r));
  }
  return out;
}

Result<std::int64_t> CountPhonesBelowVersion(Connection& conn, int version) {
  const std::vector<Value> p{std::int64_t{version}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountBelow, p));
  return rows.at(0).Int(0);
}

Result<std::vector<SealedPhone>> PhonesBelowVersion(Connection& conn, int version, int limit) {
  const std::vector<Value> p{std::int64_t{version}, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kBelow, p));
  std::vector<SealedPhone> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(SealedPhone{r.Int(0), r.Bytes(1)});
  return out;
}

}  // namespace zj::store
