#include "store/orgs.h"

namespace zj::store {

namespace {

constexpr Sql kInsert{"orgs.insert",
                      "INSERT INTO orgs (id, federation_id, parent_id, path, code, name, kind,"
                      " region_code, status, created_at)"
                      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kByCode{"orgs.by_code",
                      "SELECT id, federation_id, parent_id, path, code, name, kind, region_code,"
                      " status, created_at FROM orgs WHERE code = $1"};
constexpr Sql kById{"orgs.by_id",
                    "SELECT id, federation_id, parent_id, path, code, name, kind, region_code,"
                    " status, created_at FROM orgs WHERE id = $1"};
// $5 is a LIKE pattern built by SearchOrgs with '\' escaping % and _ in the user's text.
constexpr Sql kSearch{"orgs.search",
                      "SELECT id, federation_id, parent_id, path, code, name, kind, region_code,"
                      " status, created_at FROM orgs"
                      " WHERE ($1 = 1 OR (path >= $2 AND path < $3))"
                      " AND ($4 = '' OR name LIKE $5 ESCAPE '\\' OR code LIKE $5 ESCAPE '\\')"
                      " ORDER BY path LIMIT $6"};
constexpr Sql kCount{"orgs.count", "SELECT COUNT(*) FROM orgs"};

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

OrgRow FromRow(const Row& r) {
  return OrgRow{r.Int(0),  r.Int(1),  r.OptInt(2),  r.Text(3), r.Text(4),
                r.Text(5), r.Text(6), r.OptText(7), r.Text(8), r.Int(9)};
}

Result<std::optional<OrgRow>> One(Result<Rows> rows) {
  if (!rows) return Fail(std::move(rows).error());
  if (rows->empty()) return std::optional<OrgRow>();
  return std::optional<OrgRow>(FromRow(rows->front()));
}

}  // namespace

Result<void> InsertOrg(Connection& conn, const OrgRow& o) {
  const std::vector<Value> p{o.id,   o.federation_id, Opt(o.parent_id),   o.path,   o.code,
                             o.name, o.kind,          Opt(o.region_code), o.status, o.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<OrgRow>> FindOrgByCode(Connection& conn, const std::string& code) {
  const std::vector<Value> p{code};
  return One(conn.Query(kByCode, p));
}

Result<std::optional<OrgRow>> FindOrgById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return One(conn.Query(kById, p));
}

Result<std::int64_t> CountOrgs(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCount, {}));
  return rows.at(0).Int(0);
}

Result<std::vector<OrgRow>> SearchOrgs(Connection& conn, const OrgQuery& q) {
  std::string pattern = "%";
  for (char c : q.contains) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  const std::vector<Value> p{std::int64_t{q.everywhere ? 1 : 0},
                             q.subtree_low,
                             q.subtree_high,
                             q.contains,
                             pattern,
                             q.limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kSearch, p));
  std::vector<OrgRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace zj::store
