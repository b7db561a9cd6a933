#include "store/service_requests.h"

#include "store/request_rows.h"

namespace zj::store {

namespace {

constexpr Sql kInsert{
    "requests.insert",
    "INSERT INTO service_requests (id, federation_id, tracking_number, channel, "
    "category_code, priority, status, title, description, member_id, requester_user_id, "
    "contact_name, contact_phone_cipher, contact_phone_index, contact_phone_last4, "
    "key_version, employer_id, employer_name, region_code, routed_org_id, org_id, home_path, "
    "assigned_at, accept_by, contact_by, resolve_by, next_due, accepted_at, contacted_at, "
    "resolved_at, closed_at, escalations, handler_user_id, resolution, rating, "
    "rating_comment, rated_at, created_at, updated_at, accept_met, contact_met, resolve_met, "
    "requester_worker_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
    "$15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, "
    "$33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43)"};
constexpr Sql kUpdate{
    "requests.update",
    "UPDATE service_requests SET federation_id = $2, tracking_number = $3, channel = $4, "
    "category_code = $5, priority = $6, status = $7, title = $8, description = $9, member_id "
    "= $10, requester_user_id = $11, contact_name = $12, contact_phone_cipher = $13, "
    "contact_phone_index = $14, contact_phone_last4 = $15, key_version = $16, employer_id = "
    "$17, employer_name = $18, region_code = $19, routed_org_id = $20, org_id = $21, "
    "home_path = $22, assigned_at = $23, accept_by = $24, contact_by = $25, resolve_by = $26, "
    "next_due = $27, accepted_at = $28, contacted_at = $29, resolved_at = $30, closed_at = "
    "$31, escalations = $32, handler_user_id = $33, resolution = $34, rating = $35, "
    "rating_comment = $36, rated_at = $37, created_at = $38, updated_at = $39, accept_met = $40, "
    "contact_met = $41, resolve_met = $42 WHERE id = $1"};
// With whether a follow-up visit exists and whether the request became a case (one index probe
// each), so a request's page looks for the visit and the cases only where there are some: most
// requests have neither, and the follow-up's own statement (four tables) was a twentieth of a
// request's GET.
constexpr Sql kById{"requests.by_id",
                    "SELECT " ZJ_REQUEST_COLUMNS
                    ", o.name, CASE WHEN EXISTS (SELECT 1 FROM"
                    " request_follow_ups f WHERE f.request_id = r.id) THEN 1 ELSE 0 END,"
                    " CASE WHEN EXISTS (SELECT 1 FROM case_links l WHERE l.request_id = r.id)"
                    " THEN 1 ELSE 0 END" ZJ_REQUEST_FROM " WHERE r.id = $1"};
constexpr Sql kByTracking{"requests.by_tracking",
                          "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                          " WHERE r.tracking_number = $1"};
// $3 0: any handler; $5 '' any status, else ',a,b,' matched with LIKE. PostgreSQL types a
// parameter by its first use, so the cursor meets the BIGINT id before the literal 0.
constexpr Sql kList{"requests.list",
                    "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                    " WHERE r.home_path >= $1 AND r.home_path < $2"
                    " AND ($3 = 0 OR r.org_id = $4)"
                    " AND ($5 = '' OR $5 LIKE '%,' || r.status || ',%')"
                    " AND ($6 = '' OR r.category_code = $6 OR r.category_code LIKE $7)"
                    " AND ($8 = '' OR r.priority = $8)"
                    " AND ($9 = 0 OR r.next_due < $10)"
                    " AND ($11 = 0 OR r.escalations > 0)"
                    " AND (r.id < $12 OR $12 = 0)"
                    " ORDER BY r.id DESC LIMIT $13"};
constexpr Sql kDue{"requests.due", "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                                   " WHERE r.next_due IS NOT NULL AND r.next_due < $1"
                                   " ORDER BY r.next_due LIMIT $2"};
constexpr Sql kUnrated{
    "requests.unrated",
    "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
    " WHERE r.rating IS NULL AND r.resolved_at < $1 AND r.status = 'resolved'"
    " AND NOT EXISTS (SELECT 1 FROM request_follow_ups f WHERE f.request_id = r.id)"
    " ORDER BY r.resolved_at LIMIT $2"};
// Requests homed in the subtree [$1, $2) that an org outside it handles (an ancestor, after an
// escalation), for the hand-over when the subtree moves.
constexpr Sql kHandledOutside{"requests.handled_outside",
                              "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                              " WHERE r.home_path >= $1 AND r.home_path < $2"
                              " AND NOT (o.path >= $1 AND o.path < $2) ORDER BY r.id"};
constexpr Sql kByPhone{"requests.by_phone",
                       "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                       " WHERE r.contact_phone_index = $1 OR r.contact_phone_index = $2"
                       " ORDER BY r.id DESC LIMIT $3"};

// A worker's own requests: each OR branch has its index (requester_worker, member, phone), so
// both stores read only the requester's rows and sort those.
#define ZJ_REQUESTER_MATCH                                                         \
  " (r.requester_worker_id = $1 OR r.member_id = $2 OR r.contact_phone_index = $3" \
  " OR r.contact_phone_index = $4)"
constexpr Sql kOfRequester{"requests.of_requester",
                           "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                           " WHERE" ZJ_REQUESTER_MATCH
                           " AND (r.id < $5 OR $5 = 0)"
                           " ORDER BY r.id DESC LIMIT $6"};
constexpr Sql kOneOfRequester{"requests.one_of_requester",
                              "SELECT " ZJ_REQUEST_COLUMNS ", o.name" ZJ_REQUEST_FROM
                              " WHERE" ZJ_REQUESTER_MATCH " AND r.id = $5"};
#undef ZJ_REQUESTER_MATCH

// Driven by the deadline index (only the lapsed rows are read, however many requests the
// subtree holds): the subtree test is written as an expression (home_path || '') so that
// SQLite's planner, which has no statistics, cannot pick the home_path index instead and scan
// every request of a city (measured: 89 ms for a city with 50,000 requests, none overdue).
constexpr Sql kOverdue{"requests.overdue_by_org",
                       "SELECT r.org_id, o.name, COUNT(*) FROM service_requests r"
                       " JOIN orgs o ON o.id = r.org_id"
                       " WHERE r.next_due IS NOT NULL AND r.next_due < $3"
                       " AND r.home_path || '' >= $1 AND r.home_path || '' < $2"
                       " GROUP BY r.org_id, o.name ORDER BY COUNT(*) DESC, r.org_id LIMIT $4"};

constexpr Sql kCategories{"requests.categories",
                          "SELECT code, parent_code, name_zh, name_en, lowest_level, accept_days,"
                          " contact_days, resolve_days, active, sort_order FROM request_categories"
                          " ORDER BY sort_order, code"};
constexpr Sql kCategory{"requests.category",
                        "SELECT code, parent_code, name_zh, name_en, lowest_level, accept_days,"
                        " contact_days, resolve_days, active, sort_order FROM request_categories"
                        " WHERE code = $1"};
constexpr Sql kUpdateCategory{"requests.category_update",
                              "UPDATE request_categories SET name_zh = $2, name_en = $3,"
                              " lowest_level = $4, accept_days = $5, contact_days = $6,"
                              " resolve_days = $7, active = $8, sort_order = $9 WHERE code = $1"};

constexpr Sql kInsertEvent{
    "requests.event_insert",
    "INSERT INTO request_events (id, federation_id, request_id, at, actor_id,"
    " kind, from_status, to_status, org_id, internal, body)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
constexpr Sql kEvents{"requests.events",
                      "SELECT e.id, e.federation_id, e.request_id, e.at, e.actor_id, e.kind,"
                      " e.from_status, e.to_status, e.org_id, e.internal, e.body, u.display_name,"
                      " o.name FROM request_events e LEFT JOIN users u ON u.id = e.actor_id"
                      " LEFT JOIN orgs o ON o.id = e.org_id"
                      " WHERE e.request_id = $1 AND ($2 = 1 OR e.internal = 0) ORDER BY e.id"};

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<bool>& v) { return v ? Value(std::int64_t{*v ? 1 : 0}) : Value(); }

Result<std::vector<RequestRow>> Many(Connection& conn, const Sql& sql,
                                     std::span<const Value> params) {
  return Collect<RequestRow>(conn, sql, params, RequestFromRow);
}

Result<std::optional<RequestRow>> One(Connection& conn, const Sql& sql,
                                      std::span<const Value> params) {
  std::optional<RequestRow> out;
  ZJ_RETURN_IF_ERROR(
      conn.QueryEach(sql, params, [&](const RowView& r) { out = RequestFromRow(r); }));
  return out;
}

std::vector<Value> Params(const RequestRow& r) {
  return {r.id,
          r.federation_id,
          r.tracking_number,
          r.channel,
          r.category_code,
          r.priority,
          r.status,
          r.title,
          r.description,
          Opt(r.member_id),
          Opt(r.requester_user_id),
          r.contact_name,
          r.contact_phone_cipher,
          r.contact_phone_index,
          r.contact_phone_last4,
          std::int64_t{r.key_version},
          Opt(r.employer_id),
          Opt(r.employer_name),
          Opt(r.region_code),
          r.routed_org_id,
          r.org_id,
          r.home_path,
          r.assigned_at,
          r.accept_by,
          r.contact_by,
          r.resolve_by,
          Opt(r.next_due),
          Opt(r.accepted_at),
          Opt(r.contacted_at),
          Opt(r.resolved_at),
          Opt(r.closed_at),
          std::int64_t{r.escalations},
          Opt(r.handler_user_id),
          Opt(r.resolution),
          r.rating ? Value(std::int64_t{*r.rating}) : Value(),
          Opt(r.rating_comment),
          Opt(r.rated_at),
          r.created_at,
          r.updated_at,
          Opt(r.accept_met),
          Opt(r.contact_met),
          Opt(r.resolve_met)};
}

CategoryRow CategoryFromRow(const Row& row) {
  return CategoryRow{.code = row.Text(0),
                     .parent_code = row.OptText(1),
                     .name_zh = row.Text(2),
                     .name_en = row.Text(3),
                     .lowest_level = row.Text(4),
                     .accept_days = static_cast<int>(row.Int(5)),
                     .contact_days = static_cast<int>(row.Int(6)),
                     .resolve_days = static_cast<int>(row.Int(7)),
                     .active = row.Int(8) != 0,
                     .sort_order = static_cast<int>(row.Int(9))};
}

}  // namespace

Result<std::vector<CategoryRow>> ListCategories(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCategories, {}));
  std::vector<CategoryRow> out;
  for (const Row& row : rows) out.push_back(CategoryFromRow(row));
  return out;
}

Result<std::optional<CategoryRow>> FindCategory(Connection& conn, const std::string& code) {
  const std::vector<Value> p{code};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCategory, p));
  if (rows.empty()) return std::optional<CategoryRow>();
  return std::optional<CategoryRow>(CategoryFromRow(rows.front()));
}

Result<void> UpdateCategory(Connection& conn, const CategoryRow& c) {
  const std::vector<Value> p{c.code,
                             c.name_zh,
                             c.name_en,
                             c.lowest_level,
                             std::int64_t{c.accept_days},
                             std::int64_t{c.contact_days},
                             std::int64_t{c.resolve_days},
                             std::int64_t{c.active ? 1 : 0},
                             std::int64_t{c.sort_order}};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdateCategory, p));
  return {};
}

Result<void> InsertRequest(Connection& conn, const RequestRow& r) {
  std::vector<Value> p = Params(r);
  p.push_back(Opt(r.requester_worker_id));  // written once: no other statement changes it
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<void> UpdateRequest(Connection& conn, const RequestRow& r) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, Params(r)));
  return {};
}

Result<std::optional<RequestRow>> FindRequestById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return One(conn, kById, p);
}

Result<std::optional<RequestRow>> FindRequestByTracking(Connection& conn,
                                                        const std::string& tracking_number) {
  const std::vector<Value> p{tracking_number};
  return One(conn, kByTracking, p);
}

Result<std::vector<RequestRow>> ListRequests(Connection& conn, const RequestQuery& q) {
  std::string statuses;
  if (!q.statuses.empty()) {
    statuses = ",";
    for (const std::string& s : q.statuses) statuses += s + ",";
  }
  const std::vector<Value> p{q.home_low,
                             q.home_high,
                             std::int64_t{q.handled_by ? 1 : 0},
                             q.handled_by.value_or(0),
                             statuses,
                             q.category,
                             q.category + ".%",
                             q.priority,
                             std::int64_t{q.overdue_at ? 1 : 0},
                             q.overdue_at.value_or(0),
                             std::int64_t{q.escalated_only ? 1 : 0},
                             q.before_id,
                             q.limit};
  return Many(conn, kList, p);
}

Result<std::vector<RequestRow>> DueRequests(Connection& conn, std::int64_t now_ms, int limit) {
  const std::vector<Value> p{now_ms, std::int64_t{limit}};
  return Many(conn, kDue, p);
}

Result<std::vector<RequestRow>> RequestsHandledOutside(Connection& conn, const std::string& low,
                                                       const std::string& high) {
  const std::vector<Value> p{low, high};
  return Many(conn, kHandledOutside, p);
}

Result<std::vector<RequestRow>> UnratedResolvedBefore(Connection& conn, std::int64_t before_ms,
                                                      int limit) {
  const std::vector<Value> p{before_ms, std::int64_t{limit}};
  return Many(conn, kUnrated, p);
}

Result<std::vector<RequestRow>> RequestsByPhoneIndex(Connection& conn,
                                                     const std::vector<std::string>& indexes,
                                                     int limit) {
  // The vault yields one index per key version: the current and, during a rotation, one older.
  std::vector<RequestRow> out;
  for (std::size_t i = 0; i < indexes.size(); i += 2) {
    const std::string second = i + 1 < indexes.size() ? indexes[i + 1] : indexes[i];
    const std::vector<Value> p{indexes[i], second, std::int64_t{limit}};
    ZJ_ASSIGN_OR_RETURN(std::vector<RequestRow> rows, Many(conn, kByPhone, p));
    for (auto& r : rows) out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<OverdueCount>> OverdueByOrg(Connection& conn, const std::string& home_low,
                                               const std::string& home_high, std::int64_t now_ms,
                                               int limit) {
  const std::vector<Value> p{home_low, home_high, now_ms, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOverdue, p));
  std::vector<OverdueCount> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  return out;
}

Result<void> InsertRequestEvent(Connection& conn, const RequestEventRow& e) {
  const std::vector<Value> p{e.id,
                             e.federation_id,
                             e.request_id,
                             e.at,
                             Opt(e.actor_id),
                             e.kind,
                             Opt(e.from_status),
                             Opt(e.to_status),
                             Opt(e.org_id),
                             std::int64_t{e.internal ? 1 : 0},
                             Opt(e.body)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertEvent, p));
  return {};
}

Result<std::vector<RequestEventRow>> RequestEvents(Connection& conn, std::int64_t request_id,
                                                   bool include_internal) {
  const std::vector<Value> p{request_id, std::int64_t{include_internal ? 1 : 0}};
  return Collect<RequestEventRow>(conn, kEvents, p, [](const RowView& row) {
    return RequestEventRow{.id = row.Int(0),
                           .federation_id = row.Int(1),
                           .request_id = row.Int(2),
                           .at = row.Int(3),
                           .actor_id = row.OptInt(4),
                           .kind = row.Text(5),
                           .from_status = row.OptText(6),
                           .to_status = row.OptText(7),
                           .org_id = row.OptInt(8),
                           .internal = row.Int(9) != 0,
                           .body = row.OptText(10),
                           .actor_name = row.OptText(11).value_or(""),
                           .org_name = row.OptText(12).value_or("")};
  });
}

}  // namespace zj::store

namespace zj::store {

namespace {

std::vector<Value> RequesterParams(const RequesterFilter& f, std::int64_t last) {
  const std::string none;  // matches no row: blind indexes are 64 hex digits
  const std::string& first = f.phone_indexes.empty() ? none : f.phone_indexes[0];
  const std::string& second = f.phone_indexes.size() > 1 ? f.phone_indexes[1] : first;
  return {f.worker_id, f.member_id ? Value(*f.member_id) : Value(), first, second, last};
}

}  // namespace

Result<std::vector<RequestRow>> RequestsOfRequester(Connection& conn, const RequesterFilter& f,
                                                    std::int64_t before_id, std::int64_t limit) {
  std::vector<Value> p = RequesterParams(f, before_id);
  p.emplace_back(limit);
  return Many(conn, kOfRequester, p);
}

Result<std::optional<RequestRow>> RequestOfRequester(Connection& conn, const RequesterFilter& f,
                                                     std::int64_t id) {
  const std::vector<Value> p = RequesterParams(f, id);
  return One(conn, kOneOfRequester, p);
}

}  // namespace zj::store
