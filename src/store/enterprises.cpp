#include "store/enterprises.h"

namespace zj::store {

namespace {

#define ZJ_ENTERPRISE_COLUMNS                                                                  \
  "e.id, e.federation_id, e.uscc, e.name, e.region_code, e.industry, e.ownership,"             \
  " e.employees, e.employees_reported_on, e.union_org_id, e.org_id, e.org_path, e.created_at," \
  " e.updated_at, u.name"
#define ZJ_ENTERPRISE_FROM " FROM enterprises e LEFT JOIN orgs u ON u.id = e.union_org_id"

constexpr Sql kInsert{
    "enterprises.insert",
    "INSERT INTO enterprises (id, federation_id, uscc, name, region_code, industry, ownership,"
    " employees, employees_reported_on, union_org_id, org_id, org_path, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"};
constexpr Sql kUpdate{"enterprises.update",
                      "UPDATE enterprises SET federation_id = $2, uscc = $3, name = $4,"
                      " region_code = $5, industry = $6, ownership = $7, employees = $8,"
                      " employees_reported_on = $9, union_org_id = $10, org_id = $11,"
                      " org_path = $12, created_at = $13, updated_at = $14 WHERE id = $1"};
constexpr Sql kById{"enterprises.by_id",
                    "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM " WHERE e.id = $1"};
constexpr Sql kByUscc{"enterprises.by_uscc",
                      "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM " WHERE e.uscc = $1"};
// $4 is a LIKE pattern for the name, $5 one for a USCC prefix; $6 '' for any industry;
// $7 0 any, 1 unionised, 2 not unionised.
constexpr Sql kList{"enterprises.list",
                    "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM
                    " WHERE e.org_path >= $1 AND e.org_path < $2"
                    " AND ($3 = '' OR e.name LIKE $4 ESCAPE '\\' OR e.uscc LIKE $5 ESCAPE '\\')"
                    " AND ($6 = '' OR e.industry = $6)"
                    " AND ($7 = 0 OR ($7 = 1 AND e.union_org_id IS NOT NULL)"
                    "      OR ($7 = 2 AND e.union_org_id IS NULL))"
                    " AND e.id > $8 ORDER BY e.id LIMIT $9"};
constexpr Sql kFounding{"enterprises.founding",
                        "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM
                        " WHERE e.union_org_id IS NULL AND e.employees >= $5"
                        " AND e.org_path >= $1 AND e.org_path < $2"
                        " AND ($3 = '' OR e.region_code = $3) AND ($4 = '' OR e.industry = $4)"
                        " AND ($6 = 0 OR e.employees < $7 OR (e.employees = $7 AND e.id > $8))"
                        " ORDER BY e.employees DESC, e.id LIMIT $9"};
constexpr Sql kOfOrg{"enterprises.of_org", "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM
                                           " WHERE e.org_id = $1 ORDER BY e.id"};
constexpr Sql kInRegion{"enterprises.in_region", "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM
                                                 " WHERE e.region_code = $1 ORDER BY e.id"};
constexpr Sql kAll{"enterprises.all",
                   "SELECT " ZJ_ENTERPRISE_COLUMNS ZJ_ENTERPRISE_FROM " ORDER BY e.id"};
constexpr Sql kCount{"enterprises.count", "SELECT COUNT(*) FROM enterprises"};

#undef ZJ_ENTERPRISE_COLUMNS
#undef ZJ_ENTERPRISE_FROM

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

EnterpriseRow FromRow(const Row& r) {
  EnterpriseRow e;
  e.id = r.Int(0);
  e.federation_id = r.Int(1);
  e.uscc = r.Text(2);
  e.name = r.Text(3);
  e.region_code = r.Text(4);
  e.industry = r.Text(5);
  e.ownership = r.Text(6);
  e.employees = r.Int(7);
  e.employees_reported_on = r.OptText(8);
  e.union_org_id = r.OptInt(9);
  e.org_id = r.Int(10);
  e.org_path = r.Text(11);
  e.created_at = r.Int(12);
  e.updated_at = r.Int(13);
  e.union_name = r.OptText(14);
  return e;
}

std::vector<EnterpriseRow> Many(const Rows& rows) {
  std::vector<EnterpriseRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::optional<EnterpriseRow>> One(Result<Rows> rows) {
  if (!rows) return Fail(std::move(rows).error());
  if (rows->empty()) return std::optional<EnterpriseRow>();
  return std::optional<EnterpriseRow>(FromRow(rows->front()));
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::vector<Value> Params(const EnterpriseRow& e) {
  return {e.id,
          e.federation_id,
          e.uscc,
          e.name,
          e.region_code,
          e.industry,
          e.ownership,
          e.employees,
          Opt(e.employees_reported_on),
          Opt(e.union_org_id),
          e.org_id,
          e.org_path,
          e.created_at,
          e.updated_at};
}

}  // namespace

Result<void> InsertEnterprise(Connection& conn, const EnterpriseRow& e) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, Params(e)));
  return {};
}

Result<void> UpdateEnterprise(Connection& conn, const EnterpriseRow& e) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, Params(e)));
  return {};
}

Result<std::optional<EnterpriseRow>> FindEnterpriseById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return One(conn.Query(kById, p));
}

Result<std::optional<EnterpriseRow>> FindEnterpriseByUscc(Connection& conn,
                                                          const std::string& uscc) {
  const std::vector<Value> p{uscc};
  return One(conn.Query(kByUscc, p));
}

Result<std::vector<EnterpriseRow>> ListEnterprises(Connection& conn, const EnterpriseQuery& q) {
  const std::int64_t unionised = !q.unionised ? 0 : (*q.unionised ? 1 : 2);
  const std::string escaped = Escape(q.contains);
  const std::vector<Value> p{q.subtree_low,       q.subtree_high, q.contains,
                             "%" + escaped + "%", escaped + "%",  q.industry,
                             unionised,           q.after_id,     q.limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kList, p));
  return Many(rows);
}

Result<std::vector<EnterpriseRow>> FoundingList(Connection& conn, const FoundingQuery& q) {
  const std::vector<Value> p{q.subtree_low,
                             q.subtree_high,
                             q.street,
                             q.industry,
                             q.min_employees,
                             std::int64_t{q.after ? 1 : 0},
                             q.after ? q.after->first : std::int64_t{0},
                             q.after ? q.after->second : std::int64_t{0},
                             q.limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFounding, p));
  return Many(rows);
}

Result<std::vector<EnterpriseRow>> EnterprisesOfOrg(Connection& conn, std::int64_t org_id) {
  const std::vector<Value> p{org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOfOrg, p));
  return Many(rows);
}

Result<std::vector<EnterpriseRow>> EnterprisesInRegion(Connection& conn,
                                                       const std::string& region_code) {
  const std::vector<Value> p{region_code};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kInRegion, p));
  return Many(rows);
}

Result<std::vector<EnterpriseRow>> AllEnterprises(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAll, {}));
  return Many(rows);
}

Result<std::int64_t> CountEnterprises(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCount, {}));
  return rows.at(0).Int(0);
}

}  // namespace zj::store
