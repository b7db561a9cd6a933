#include "store/case_links.h"

namespace zj::store {

namespace {

#define ZJ_LINK_COLUMNS "id, request_id, target_kind, target_id, org_path, created_by, created_at"

constexpr Sql kInsert{"case_links.insert", "INSERT INTO case_links (" ZJ_LINK_COLUMNS
                                           ") VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kOfRequest{"case_links.of_request", "SELECT " ZJ_LINK_COLUMNS
                                                  " FROM case_links WHERE request_id = $1"
                                                  " ORDER BY id LIMIT 100"};
constexpr Sql kOfTarget{"case_links.of_target",
                        "SELECT " ZJ_LINK_COLUMNS
                        " FROM case_links WHERE target_kind = $1 AND target_id = $2"
                        " ORDER BY id LIMIT 1"};

#undef ZJ_LINK_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

CaseLinkRow LinkFromRow(const RowView& r) {
  return CaseLinkRow{r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Text(4), r.OptInt(5), r.Int(6)};
}

}  // namespace

Result<void> InsertCaseLink(Connection& conn, const CaseLinkRow& row) {
  const std::vector<Value> p{row.id,       row.request_id,      row.target_kind, row.target_id,
                             row.org_path, Opt(row.created_by), row.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::vector<CaseLinkRow>> CaseLinksOfRequest(Connection& conn, std::int64_t request_id) {
  const std::vector<Value> p{request_id};
  return Collect<CaseLinkRow>(conn, kOfRequest, p, LinkFromRow);
}

Result<std::optional<CaseLinkRow>> CaseLinkOfTarget(Connection& conn, std::string_view kind,
                                                    std::int64_t target_id) {
  const std::vector<Value> p{std::string(kind), target_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CaseLinkRow>(conn, kOfTarget, p, LinkFromRow));
  if (rows.empty()) return std::optional<CaseLinkRow>{};
  return std::optional<CaseLinkRow>{std::move(rows.front())};
}

}  // namespace zj::store
