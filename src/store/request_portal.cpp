#include "store/request_portal.h"

namespace zj::store {

namespace {

// Street federations carry their region code as org code (app/demo, app/orgs).
constexpr Sql kEmployers{"portal.employers",
                         "SELECT e.id, e.name, e.region_code FROM enterprises e"
                         " WHERE e.name LIKE $1 ESCAPE '\\' ORDER BY e.name, e.id LIMIT $2"};
constexpr Sql kStreets{"portal.streets",
                       "SELECT s.code, s.name, COALESCE(d.name, '') FROM orgs s"
                       " LEFT JOIN orgs d ON d.id = s.parent_id"
                       " WHERE s.kind = 'street' AND s.status = 'active'"
                       " AND s.name LIKE $1 ESCAPE '\\' ORDER BY s.code LIMIT $2"};

// The user's text made literal inside a LIKE pattern (ESCAPE '\').
std::string LikeLiteral(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Result<std::vector<EmployerHit>> EmployersByNamePrefix(Connection& conn, const std::string& prefix,
                                                       int limit) {
  const std::vector<Value> p{LikeLiteral(prefix) + "%", std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEmployers, p));
  std::vector<EmployerHit> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

Result<std::vector<StreetHit>> StreetsByName(Connection& conn, const std::string& text, int limit) {
  const std::vector<Value> p{"%" + LikeLiteral(text) + "%", std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kStreets, p));
  std::vector<StreetHit> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace zj::store
