#include "store/audit.h"

#include <map>
#include <mutex>

namespace zj::store {

namespace {

constexpr Sql kInsert{"audit.insert",
                      "INSERT INTO audit_log (id, federation_id, at, actor_user_id, actor_username,"
                      " actor_org_path, remote_addr, action, target_type, target_id, outcome,"
                      " detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"};

constexpr std::string_view kColumns =
    "SELECT id, federation_id, at, actor_user_id, actor_username, actor_org_path, remote_addr,"
    " action, target_type, target_id, outcome, detail FROM audit_log";

// One named statement per combination of filters, so each is a plain conjunction the planner
// can serve from an index (no "$n IS NULL OR ..."), still with $n parameters only.
struct Variant {
  std::string name;
  std::string text;
};

const Variant& SearchVariant(unsigned mask) {
  static std::mutex mutex;
  static std::map<unsigned, Variant> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(mask);
  if (it != cache.end()) return it->second;
  std::string sql(kColumns);
  int n = 0;
  auto param = [&] { return "$" + std::to_string(++n); };
  const std::string low = param(), high = param();
  if (mask & 1u) {
    sql += " WHERE ((actor_org_path >= " + low + " AND actor_org_path < " + high +
           ") OR actor_org_path = '')";
  } else {
    sql += " WHERE actor_org_path >= " + low + " AND actor_org_path < " + high;
  }
  if (mask & 2u) sql += " AND actor_username = " + param();
  if (mask & 4u) sql += " AND action = " + param();
  if (mask & 8u) sql += " AND target_type = " + param();
  if (mask & 16u) sql += " AND target_id = " + param();
  if (mask & 32u) sql += " AND at >= " + param();
  if (mask & 64u) sql += " AND at < " + param();
  if (mask & 128u) sql += " AND id < " + param();
  sql += " ORDER BY id DESC LIMIT " + param();
  return cache.emplace(mask, Variant{"audit.search." + std::to_string(mask), std::move(sql)})
      .first->second;
}

}  // namespace

Result<void> InsertAudit(Connection& conn, const AuditRow& r) {
  const std::vector<Value> p{r.id,
                             r.federation_id,
                             r.at,
                             r.actor_user_id ? Value(*r.actor_user_id) : Value(),
                             r.actor_username,
                             r.actor_org_path,
                             r.remote_addr,
                             r.action,
                             r.target_type,
                             r.target_id,
                             r.outcome,
                             r.detail};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::vector<AuditRow>> SearchAudit(Connection& conn, const AuditQuery& q) {
  unsigned mask = 0;
  std::vector<Value> p{q.path_low, q.path_high};
  if (q.include_system) mask |= 1u;
  if (q.username) mask |= 2u, p.emplace_back(*q.username);
  if (q.action) mask |= 4u, p.emplace_back(*q.action);
  if (q.target_type) mask |= 8u, p.emplace_back(*q.target_type);
  if (q.target_id) mask |= 16u, p.emplace_back(*q.target_id);
  if (q.from_ms) mask |= 32u, p.emplace_back(*q.from_ms);
  if (q.to_ms) mask |= 64u, p.emplace_back(*q.to_ms);
  if (q.before_id) mask |= 128u, p.emplace_back(*q.before_id);
  p.emplace_back(std::int64_t{q.limit});
  const Variant& v = SearchVariant(mask);
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(Sql{v.name, v.text}, p));
  std::vector<AuditRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(AuditRow{r.Int(0), r.Int(1), r.Int(2), r.OptInt(3), r.Text(4), r.Text(5),
                           r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.Text(10), r.Text(11)});
  }
  return out;
}

}  // namespace zj::store
