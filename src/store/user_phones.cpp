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
                    "SELECT u.id, u.username, u.display_name, u.role, o.path, u.phone_cipher"
                    " FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = $1"};
constexpr Sql kByIndex{
    "users.by_phone_index",
    "SELECT u.id, u.username, u.display_name, u.role, o.path, u.phone_cipher FROM users u"
    " LEFT JOIN orgs o ON o.id = u.org_id WHERE u.phone_index = $1"
    " ORDER BY u.id"};

UserPhoneRow From(const Row& r) {
  UserPhoneRow row{r.Int(0),    r.Text(1), r.Text(2), r.Text(3), r.OptText(4).value_or(""),
                   std::nullopt};
  if (!r.IsNull(5)) row.phone_cipher = r.Bytes(5);
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

}  // namespace zj::store
