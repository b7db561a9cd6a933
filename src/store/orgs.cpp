#include "store/orgs.h"

#include "store/org_paths.h"

namespace zj::store {

namespace {

#define ZJ_ORG_COLUMNS                                                                     \
  "id, federation_id, parent_id, path, code, name, kind, region_code, status, created_at," \
  " founded_on, chair, contact"

constexpr Sql kInsert{"orgs.insert",
                      "INSERT INTO orgs (id, federation_id, parent_id, path, code, name, kind,"
                      " region_code, status, created_at, founded_on, chair, contact, updated_at)"
                      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $10)"};
constexpr Sql kInsertRollup{"orgs.insert_rollup",
                            "INSERT INTO coverage_rollups (org_id, federation_id) VALUES ($1, $2)"};
constexpr Sql kUpdate{"orgs.update",
                      "UPDATE orgs SET name = $2, region_code = $3, founded_on = $4, chair = $5,"
                      " contact = $6, status = $7, updated_at = $8 WHERE id = $1"};
constexpr Sql kByCode{"orgs.by_code", "SELECT " ZJ_ORG_COLUMNS " FROM orgs WHERE code = $1"};
constexpr Sql kById{"orgs.by_id", "SELECT " ZJ_ORG_COLUMNS " FROM orgs WHERE id = $1"};
// $5 is a LIKE pattern built by SearchOrgs with '\' escaping % and _ in the user's text, $7 the
// same text as a prefix. Higher orgs first (fewer '/' in the path: 北京市朝阳区 before 朝阳门街道),
// then the exact name or code, then names that start with the text.
constexpr Sql kSearch{"orgs.search",
                      "SELECT " ZJ_ORG_COLUMNS
                      " FROM orgs"
                      " WHERE ($1 = 1 OR (path >= $2 AND path < $3))"
                      " AND ($4 = '' OR name LIKE $5 ESCAPE '\\' OR code LIKE $5 ESCAPE '\\')"
                      " ORDER BY LENGTH(path) - LENGTH(REPLACE(path, '/', '')),"
                      " CASE WHEN name = $4 OR code = $4 THEN 0"
                      " WHEN name LIKE $7 ESCAPE '\\' THEN 1 ELSE 2 END, path LIMIT $6"};
// $1 as kSearch's $5. A scan of the orgs (about one per 100 members) bounded by the LIMIT.
constexpr Sql kActiveUnions{"orgs.active_unions",
                            "SELECT " ZJ_ORG_COLUMNS
                            " FROM orgs WHERE kind = 'grassroots' AND status = 'active'"
                            " AND name LIKE $1 ESCAPE '\\' ORDER BY name, id LIMIT $2"};
constexpr Sql kCount{"orgs.count", "SELECT COUNT(*) FROM orgs"};
constexpr Sql kChildren{"orgs.children",
                        "SELECT " ZJ_ORG_COLUMNS
                        ", (SELECT COUNT(*) FROM orgs c WHERE c.parent_id = orgs.id)"
                        " FROM orgs WHERE parent_id = $1 ORDER BY code"};
constexpr Sql kRoots{"orgs.roots", "SELECT " ZJ_ORG_COLUMNS
                                   ", (SELECT COUNT(*) FROM orgs c WHERE c.parent_id = orgs.id)"
                                   " FROM orgs WHERE parent_id IS NULL ORDER BY code"};
constexpr Sql kCountChildren{"orgs.count_children",
                             "SELECT COUNT(*) FROM orgs WHERE parent_id = $1"
                             " AND ($2 = 0 OR status = 'active')"};
constexpr Sql kAll{"orgs.all", "SELECT " ZJ_ORG_COLUMNS " FROM orgs ORDER BY path"};
constexpr Sql kForRegion{"orgs.for_region",
                         "SELECT " ZJ_ORG_COLUMNS
                         " FROM orgs WHERE region_code = $1 AND kind = $2 AND status = 'active'"
                         " ORDER BY code, id LIMIT 1"};
constexpr Sql kSetParent{"orgs.set_parent", "UPDATE orgs SET parent_id = $2 WHERE id = $1"};
constexpr Sql kInsertEvent{"org_events.insert",
                           "INSERT INTO org_events (id, federation_id, org_id, at, event, detail)"
                           " VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Sql kEvents{"org_events.of_org",
                      "SELECT id, federation_id, org_id, at, event, detail FROM org_events"
                      " WHERE org_id = $1 ORDER BY id"};

#undef ZJ_ORG_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

OrgRow FromRow(const Row& r) {
  OrgRow o;
  o.id = r.Int(0);
  o.federation_id = r.Int(1);
  o.parent_id = r.OptInt(2);
  o.path = r.Text(3);
  o.code = r.Text(4);
  o.name = r.Text(5);
  o.kind = r.Text(6);
  o.region_code = r.OptText(7);
  o.status = r.Text(8);
  o.created_at = r.Int(9);
  o.founded_on = r.OptText(10);
  o.chair = r.OptText(11);
  o.contact = r.OptText(12);
  return o;
}

Result<std::optional<OrgRow>> One(Result<Rows> rows) {
  if (!rows) return Fail(std::move(rows).error());
  if (rows->empty()) return std::optional<OrgRow>();
  return std::optional<OrgRow>(FromRow(rows->front()));
}

std::vector<OrgRow> Many(const Rows& rows) {
  std::vector<OrgRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

Result<void> InsertOrg(Connection& conn, const OrgRow& o) {
  const std::vector<Value> p{o.id,
                             o.federation_id,
                             Opt(o.parent_id),
                             o.path,
                             o.code,
                             o.name,
                             o.kind,
                             Opt(o.region_code),
                             o.status,
                             o.created_at,
                             Opt(o.founded_on),
                             Opt(o.chair),
                             Opt(o.contact)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  const std::vector<Value> r{o.id, o.federation_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertRollup, r));
  return {};
}

Result<void> UpdateOrg(Connection& conn, const OrgRow& o, std::int64_t now_ms) {
  const std::vector<Value> p{o.id,         o.name,         Opt(o.region_code), Opt(o.founded_on),
                             Opt(o.chair), Opt(o.contact), o.status,           now_ms};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, p));
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
  std::string escaped;
  for (char c : q.contains) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  const std::vector<Value> p{std::int64_t{q.everywhere ? 1 : 0},
                             q.subtree_low,
                             q.subtree_high,
                             q.contains,
                             "%" + escaped + "%",
                             q.limit,
                             escaped + "%"};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kSearch, p));
  return Many(rows);
}

Result<std::vector<OrgRow>> SearchActiveUnions(Connection& conn, const std::string& contains,
                                               std::int64_t limit) {
  std::string escaped;
  for (char c : contains) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  const std::vector<Value> p{"%" + escaped + "%", limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kActiveUnions, p));
  return Many(rows);
}

Result<std::vector<OrgChild>> ChildOrgs(Connection& conn, std::int64_t parent_id) {
  const std::vector<Value> p{parent_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kChildren, p));
  std::vector<OrgChild> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back({FromRow(r), r.Int(13) > 0});
  return out;
}

Result<std::vector<OrgChild>> RootOrgs(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kRoots, {}));
  std::vector<OrgChild> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back({FromRow(r), r.Int(13) > 0});
  return out;
}

Result<std::int64_t> CountChildOrgs(Connection& conn, std::int64_t parent_id, bool active_only) {
  const std::vector<Value> p{parent_id, std::int64_t{active_only ? 1 : 0}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountChildren, p));
  return rows.at(0).Int(0);
}

Result<std::vector<OrgRow>> AllOrgs(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAll, {}));
  return Many(rows);
}

Result<std::optional<OrgRow>> FindActiveOrgForRegion(Connection& conn,
                                                     const std::string& region_code,
                                                     const std::string& kind) {
  const std::vector<Value> p{region_code, kind};
  return One(conn.Query(kForRegion, p));
}

Result<void> MoveOrgSubtree(Connection& conn, std::int64_t root_id, std::int64_t new_parent_id,
                            const std::string& old_path, const std::string& new_path,
                            std::int64_t old_federation_id, std::int64_t federation_id) {
  const std::vector<Value> parent{root_id, new_parent_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSetParent, parent));
  return RewriteOrgPaths(conn, old_path, new_path, old_federation_id, federation_id);
}

Result<void> InsertOrgEvent(Connection& conn, const OrgEventRow& e) {
  const std::vector<Value> p{e.id, e.federation_id, e.org_id, e.at, e.event, e.detail};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertEvent, p));
  return {};
}

Result<std::vector<OrgEventRow>> OrgEvents(Connection& conn, std::int64_t org_id) {
  const std::vector<Value> p{org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEvents, p));
  std::vector<OrgEventRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Text(4), r.Text(5)});
  }
  return out;
}

}  // namespace zj::store
