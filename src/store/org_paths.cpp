#include "store/org_paths.h"

#include <vector>

#include "core/orgs/org_path.h"

namespace zj::store {

namespace {

// The statements are made from the list above rather than written out once per table, so a
// table added to the list needs nothing else; their text never holds user input (table and
// column names are the constants above). substr is 1-based on both backends: $2 is the first
// character after the old prefix.
std::string RewriteSql(const OrgPathColumn& c) {
  std::string sql = "UPDATE ";
  sql.append(c.table)
      .append(" SET ")
      .append(c.path_column)
      .append(" = CAST($1 AS TEXT) || substr(");
  sql.append(c.path_column).append(", $2)");
  if (!c.federation_column.empty()) sql.append(", ").append(c.federation_column).append(" = $5");
  sql.append(" WHERE ").append(c.path_column).append(" >= $3 AND ").append(c.path_column);
  sql.append(" < $4");
  return sql;
}

std::string FollowSql(const FollowedFederation& f) {
  std::string sql = "UPDATE ";
  sql.append(f.table).append(" SET ").append(f.federation_column).append(" = $1 WHERE ");
  sql.append(f.owner_column).append(" IN (SELECT id FROM ").append(f.owner_table);
  sql.append(" WHERE ").append(f.owner_path_column).append(" >= $2 AND ");
  sql.append(f.owner_path_column).append(" < $3)");
  return sql;
}

}  // namespace

Result<void> RewriteOrgPaths(Connection& conn, const std::string& old_path,
                             const std::string& new_path, std::int64_t old_federation_id,
                             std::int64_t federation_id) {
  const OrgPath from = OrgPath::FromStored(old_path);
  const std::vector<Value> p{new_path, static_cast<std::int64_t>(old_path.size() + 1),
                             from.SubtreeLow(), from.SubtreeHigh(), federation_id};
  for (const OrgPathColumn& c : kOrgPathColumns) {
    const std::string name =
        "org_paths.rewrite." + std::string(c.table) + "." + std::string(c.path_column);
    const std::string text = RewriteSql(c);
    const std::span<const Value> params(p.data(), c.federation_column.empty() ? 4 : 5);
    ZJ_RETURN_IF_ERROR(conn.Execute(Sql{name, text}, params));
  }
  if (old_federation_id == federation_id) return {};
  const OrgPath to = OrgPath::FromStored(new_path);
  const std::vector<Value> q{federation_id, to.SubtreeLow(), to.SubtreeHigh()};
  for (const FollowedFederation& f : kFollowedFederations) {
    const std::string name = "org_paths.follow." + std::string(f.table);
    const std::string text = FollowSql(f);
    ZJ_RETURN_IF_ERROR(conn.Execute(Sql{name, text}, q));
  }
  return {};
}

}  // namespace zj::store
