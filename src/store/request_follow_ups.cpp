// The follow-up visits (回访) of resolved requests: one per request, opened by the sweep or when a
// case that came from the request closes, listed by the handling org's subtree (split from
// service_requests.cpp, which had grown past the size the style guide asks for).
#include "store/service_requests.h"

namespace zj::store {

namespace {

constexpr Sql kInsertFollowUp{
    "requests.follow_up_insert",
    "INSERT INTO request_follow_ups (id, federation_id, request_id, org_id,"
    " org_path, reason, created_at) SELECT $1, $2, $3, $4, $5, $6, $7"
    " WHERE NOT EXISTS (SELECT 1 FROM request_follow_ups"
    " WHERE request_id = $3)"};
constexpr Sql kFollowUpOf{"requests.follow_up_of",
                          "SELECT id, federation_id, request_id, org_id, org_path, reason,"
                          " created_at, done_at, done_by, note FROM request_follow_ups"
                          " WHERE request_id = $1"};
constexpr Sql kFinishFollowUp{"requests.follow_up_finish",
                              "UPDATE request_follow_ups SET done_at = $2, done_by = $3, note = $4"
                              " WHERE id = $1 AND done_at IS NULL"};
// Open and done follow-ups are two statements so the open list's literal "done_at IS NULL"
// matches the partial index request_follow_ups_open (a parameter would not).
#define ZJ_FOLLOW_UP_SELECT                                                                   \
  "SELECT f.id, f.federation_id, f.request_id, f.org_id, f.org_path, f.reason,"               \
  " f.created_at, f.done_at, f.done_by, f.note, r.tracking_number, r.title, r.category_code," \
  " r.rating, r.rating_comment, o.name, u.display_name FROM request_follow_ups f"             \
  " JOIN service_requests r ON r.id = f.request_id JOIN orgs o ON o.id = f.org_id"            \
  " LEFT JOIN users u ON u.id = f.done_by"
#define ZJ_FOLLOW_UP_RANGE " WHERE f.org_path >= $1 AND f.org_path < $2 AND (f.id < $3 OR $3 = 0)"
constexpr Sql kOpenFollowUps{"requests.follow_ups_open", ZJ_FOLLOW_UP_SELECT ZJ_FOLLOW_UP_RANGE
                             " AND f.done_at IS NULL ORDER BY f.id DESC LIMIT $4"};
constexpr Sql kDoneFollowUps{"requests.follow_ups_done", ZJ_FOLLOW_UP_SELECT ZJ_FOLLOW_UP_RANGE
                             " AND f.done_at IS NOT NULL ORDER BY f.id DESC LIMIT $4"};
constexpr Sql kFollowUpItemOf{"requests.follow_up_item_of",
                              ZJ_FOLLOW_UP_SELECT " WHERE f.request_id = $1"};
#undef ZJ_FOLLOW_UP_SELECT
#undef ZJ_FOLLOW_UP_RANGE

FollowUpRow FollowUpFromRow(const Row& row) {
  return FollowUpRow{.id = row.Int(0),
                     .federation_id = row.Int(1),
                     .request_id = row.Int(2),
                     .org_id = row.Int(3),
                     .org_path = row.Text(4),
                     .reason = row.Text(5),
                     .created_at = row.Int(6),
                     .done_at = row.OptInt(7),
                     .done_by = row.OptInt(8),
                     .note = row.OptText(9)};
}

FollowUpItem FollowUpItemFromRow(const Row& row) {
  FollowUpItem item;
  item.follow_up = FollowUpFromRow(row);
  item.tracking_number = row.Text(10);
  item.title = row.Text(11);
  item.category_code = row.Text(12);
  if (auto v = row.OptInt(13)) item.rating = static_cast<int>(*v);
  item.rating_comment = row.OptText(14);
  item.org_name = row.Text(15);
  item.done_by_name = row.OptText(16).value_or("");
  return item;
}

}  // namespace

Result<bool> InsertFollowUp(Connection& conn, const FollowUpRow& f) {
  const std::vector<Value> p{f.id,       f.federation_id, f.request_id, f.org_id,
                             f.org_path, f.reason,        f.created_at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kInsertFollowUp, p));
  return n > 0;
}

Result<std::optional<FollowUpRow>> FollowUpOf(Connection& conn, std::int64_t request_id) {
  const std::vector<Value> p{request_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFollowUpOf, p));
  if (rows.empty()) return std::optional<FollowUpRow>();
  return std::optional<FollowUpRow>(FollowUpFromRow(rows.front()));
}

Result<std::vector<FollowUpItem>> ListFollowUps(Connection& conn, const FollowUpQuery& q) {
  const std::vector<Value> p{q.path_low, q.path_high, q.before_id, q.limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(q.done ? kDoneFollowUps : kOpenFollowUps, p));
  std::vector<FollowUpItem> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(FollowUpItemFromRow(row));
  return out;
}

Result<std::optional<FollowUpItem>> FollowUpItemOf(Connection& conn, std::int64_t request_id) {
  const std::vector<Value> p{request_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kFollowUpItemOf, p));
  if (rows.empty()) return std::optional<FollowUpItem>();
  return std::optional<FollowUpItem>(FollowUpItemFromRow(rows.front()));
}

Result<bool> FinishFollowUp(Connection& conn, std::int64_t id, std::int64_t at, std::int64_t by,
                            const std::string& note) {
  const std::vector<Value> p{id, at, by, note};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kFinishFollowUp, p));
  return n > 0;
}

}  // namespace zj::store
