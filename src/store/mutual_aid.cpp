#include "store/mutual_aid.h"

namespace zj::store {

namespace {

#define ZJ_PLAN_COLUMNS                                                               \
  "id, federation_id, org_id, org_path, code, title, kind, period_month, period_day," \
  " per_head_fen, payers_json, eligibility, changes_days_before, status, created_by," \
  " created_at"
#define ZJ_PERIOD_COLUMNS "id, plan_id, starts_on, ends_on, headcount, status, opened_by, opened_at"
#define ZJ_ENROLMENT_COLUMNS                                                 \
  "period_id, member_id, org_path, federation_id, covered_from, removed_on," \
  " removed_reason, confirmed_by, confirmed_at"
#define ZJ_LIST_COLUMNS                                                             \
  "id, period_id, org_id, org_path, federation_id, from_on, to_on, additions_json," \
  " removals_json, status, made_by, made_at, sent_by, sent_at, applied_by, applied_at"
#define ZJ_CLAIM_COLUMNS                                                              \
  "id, plan_id, period_id, member_id, org_path, federation_id, benefit_code,"         \
  " incident_date, incident_key, facts_json, amount_fen, capped, status, request_id," \
  " filed_by, filed_by_user, refused_reason, decided_by, decided_at, paid_on,"        \
  " payment_ref, created_at"

constexpr Sql kInsertPlan{"ma_plans.insert",
                          "INSERT INTO ma_plans (" ZJ_PLAN_COLUMNS
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                          " $14, $15, $16)"};
constexpr Sql kFindPlan{"ma_plans.find", "SELECT " ZJ_PLAN_COLUMNS " FROM ma_plans WHERE id = $1"};
constexpr Sql kPlansUnder{"ma_plans.under", "SELECT " ZJ_PLAN_COLUMNS
                                            " FROM ma_plans WHERE org_path >= $1 AND org_path < $2"
                                            " ORDER BY id DESC LIMIT 500"};
constexpr Sql kPlansAt{"ma_plans.at", "SELECT " ZJ_PLAN_COLUMNS
                                      " FROM ma_plans WHERE org_path = $1 ORDER BY id DESC"
                                      " LIMIT 500"};
constexpr Sql kInsertBenefit{"ma_benefits.insert",
                             "INSERT INTO ma_benefits (plan_id, code, kind, share_bp, cap_fen,"
                             " items_json) VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Sql kBenefits{"ma_benefits.of",
                        "SELECT plan_id, code, kind, share_bp, cap_fen, items_json"
                        " FROM ma_benefits WHERE plan_id = $1 ORDER BY code"};

constexpr Sql kInsertPeriod{"ma_periods.insert", "INSERT INTO ma_periods (" ZJ_PERIOD_COLUMNS
                                                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Sql kFindPeriod{"ma_periods.find",
                          "SELECT " ZJ_PERIOD_COLUMNS " FROM ma_periods WHERE id = $1"};
constexpr Sql kPeriodStarting{"ma_periods.starting",
                              "SELECT " ZJ_PERIOD_COLUMNS
                              " FROM ma_periods WHERE plan_id = $1 AND starts_on = $2"};
constexpr Sql kPeriods{"ma_periods.of", "SELECT " ZJ_PERIOD_COLUMNS
                                        " FROM ma_periods WHERE plan_id = $1"
                                        " ORDER BY starts_on DESC LIMIT 200"};
constexpr Sql kRecount{"ma_periods.recount",
                       "UPDATE ma_periods SET headcount = (SELECT COUNT(*) FROM ma_enrolments e"
                       " WHERE e.period_id = $1 AND e.removed_on IS NULL) WHERE id = $1"};

constexpr Sql kEnrolActive{
    "ma_enrolments.enrol_active",
    "INSERT INTO ma_enrolments (" ZJ_ENROLMENT_COLUMNS
    ") SELECT CAST($1 AS BIGINT), m.id, m.org_path, m.federation_id, CAST($2 AS TEXT), NULL,"
    " NULL, CAST($3 AS BIGINT), CAST($4 AS BIGINT) FROM members m"
    " WHERE m.org_path >= $5 AND m.org_path < $6 AND m.status = 'active'"
    " AND (CAST($7 AS BIGINT) = 0 OR m.card_number <> '')"
    " AND NOT EXISTS (SELECT 1 FROM ma_enrolments e WHERE e.period_id = $1"
    " AND e.member_id = m.id)"};
constexpr Sql kInsertEnrolment{
    "ma_enrolments.insert",
    "INSERT INTO ma_enrolments (" ZJ_ENROLMENT_COLUMNS
    ") SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT), CAST($4 AS BIGINT),"
    " CAST($5 AS TEXT), NULL, NULL, CAST($6 AS BIGINT), CAST($7 AS BIGINT)"
    " WHERE NOT EXISTS (SELECT 1 FROM ma_enrolments e WHERE e.period_id = $1"
    " AND e.member_id = $2)"};
constexpr Sql kEnrolled{"ma_enrolments.enrolled",
                        "SELECT member_id FROM ma_enrolments WHERE period_id = $1"
                        " AND org_path >= $2 AND org_path < $3 AND removed_on IS NULL"
                        " ORDER BY member_id"};
constexpr Sql kCountEnrolled{"ma_enrolments.count",
                             "SELECT COUNT(*) FROM ma_enrolments WHERE period_id = $1"
                             " AND org_path >= $2 AND org_path < $3 AND removed_on IS NULL"};
constexpr Sql kRemove{"ma_enrolments.remove",
                      "UPDATE ma_enrolments SET removed_on = $3, removed_reason = $4"
                      " WHERE period_id = $1 AND member_id = $2 AND removed_on IS NULL"};
constexpr Sql kOfMember{"ma_enrolments.of_member",
                        "SELECT e.period_id, e.member_id, e.org_path, e.federation_id,"
                        " e.covered_from, e.removed_on, e.removed_reason, e.confirmed_by,"
                        " e.confirmed_at, p.id, p.plan_id, p.starts_on, p.ends_on, p.headcount,"
                        " p.status, p.opened_by, p.opened_at"
                        " FROM ma_enrolments e JOIN ma_periods p ON p.id = e.period_id"
                        " WHERE e.member_id = $1 AND (CAST($2 AS BIGINT) = 0 OR p.plan_id = $2)"
                        " ORDER BY p.starts_on DESC LIMIT 500"};

constexpr Sql kInsertList{"ma_lists.insert",
                          "INSERT INTO ma_lists (" ZJ_LIST_COLUMNS
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                          " $15, $16)"};
constexpr Sql kFindList{"ma_lists.find", "SELECT " ZJ_LIST_COLUMNS " FROM ma_lists WHERE id = $1"};
constexpr Sql kLists{"ma_lists.of_period",
                     "SELECT " ZJ_LIST_COLUMNS
                     " FROM ma_lists WHERE period_id = $1"
                     " AND (CAST($2 AS BIGINT) = 0 OR org_id = $2) ORDER BY id DESC LIMIT 500"};
constexpr Sql kMoveList{"ma_lists.move",
                        "UPDATE ma_lists SET status = $2, sent_by = $3, sent_at = $4,"
                        " applied_by = $5, applied_at = $6 WHERE id = $1 AND status = $7"};

constexpr Sql kInsertClaim{"ma_claims.insert",
                           "INSERT INTO ma_claims (" ZJ_CLAIM_COLUMNS
                           ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                           " $14, $15, $16, $17, $18, $19, $20, $21, $22)"};
constexpr Sql kFindClaim{"ma_claims.find",
                         "SELECT " ZJ_CLAIM_COLUMNS " FROM ma_claims WHERE id = $1"};
constexpr Sql kClaimByKey{"ma_claims.by_key",
                          "SELECT " ZJ_CLAIM_COLUMNS
                          " FROM ma_claims WHERE incident_key = $1 AND status <> 'refused'"};
constexpr Sql kClaims{"ma_claims.list",
                      "SELECT " ZJ_CLAIM_COLUMNS
                      " FROM ma_claims WHERE org_path >= $1 AND org_path < $2"
                      " AND ($3 = '' OR status = $3)"
                      " AND (CAST($4 AS BIGINT) = 0 OR id < $4) ORDER BY id DESC LIMIT $5"};
constexpr Sql kClaimsOfMember{"ma_claims.of_member",
                              "SELECT " ZJ_CLAIM_COLUMNS
                              " FROM ma_claims WHERE member_id = $1 ORDER BY id DESC LIMIT 200"};
// Claims waiting for the plan's level: the plans of a subtree (ma_plans_org_path), then per plan
// the filed claims on ma_claims_queue (status, plan_id) of migration 0046.
constexpr Sql kClaimsToDecide{"ma_claims.to_decide",
                              "SELECT " ZJ_CLAIM_COLUMNS
                              " FROM ma_claims WHERE status = 'filed' AND plan_id IN"
                              " (SELECT id FROM ma_plans WHERE org_path >= $1 AND org_path < $2)"
                              " AND (CAST($3 AS BIGINT) = 0 OR id < $3) ORDER BY id DESC LIMIT $4"};
constexpr Sql kCountToDecide{"ma_claims.count_to_decide",
                             "SELECT COUNT(*) FROM ma_claims WHERE status = 'filed' AND plan_id IN"
                             " (SELECT id FROM ma_plans WHERE org_path >= $1 AND org_path < $2)"};
constexpr Sql kPromptWords{"ma_prompt_words.all",
                           "SELECT word FROM ma_prompt_words ORDER BY word LIMIT 500"};
constexpr Sql kMoveClaim{"ma_claims.move",
                         "UPDATE ma_claims SET status = $2, refused_reason = $3, decided_by = $4,"
                         " decided_at = $5, paid_on = $6, payment_ref = $7"
                         " WHERE id = $1 AND status = $8"};

constexpr Sql kStatusChanges{"members.ma_status_changes",
                             "SELECT id, status, status_changed_on FROM members"
                             " WHERE org_path >= $1 AND org_path < $2 AND status <> 'active'"
                             " AND status_changed_on >= $3 AND status_changed_on <= $4"
                             " ORDER BY id LIMIT 1000000"};
constexpr Sql kNewMembers{"members.ma_new",
                          "SELECT id, join_date, created_at FROM members"
                          " WHERE org_path >= $1 AND org_path < $2 AND status = 'active'"
                          " AND ((join_date >= $3 AND join_date <= $4) OR (join_date IS NULL"
                          " AND created_at >= $5 AND created_at < $6))"
                          " ORDER BY id LIMIT 1000000"};
constexpr Sql kTransfers{"member_transfers.ma_across",
                         "SELECT member_id, from_path, to_path, decided_at FROM member_transfers"
                         " WHERE state = 'approved' AND decided_at >= $3 AND decided_at < $4"
                         " AND ((from_path >= $1 AND from_path < $2)"
                         " OR (to_path >= $1 AND to_path < $2))"
                         " ORDER BY decided_at, id LIMIT 1000000"};

#undef ZJ_PLAN_COLUMNS
#undef ZJ_PERIOD_COLUMNS
#undef ZJ_ENROLMENT_COLUMNS
#undef ZJ_LIST_COLUMNS
#undef ZJ_CLAIM_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

MaPlanRow PlanFromRow(const RowView& r) {
  MaPlanRow p;
  p.id = r.Int(0);
  p.federation_id = r.Int(1);
  p.org_id = r.Int(2);
  p.org_path = r.Text(3);
  p.code = r.Text(4);
  p.title = r.Text(5);
  p.kind = r.Text(6);
  p.period_month = static_cast<int>(r.Int(7));
  p.period_day = static_cast<int>(r.Int(8));
  p.per_head_fen = r.Int(9);
  p.payers_json = r.Text(10);
  p.eligibility = r.Text(11);
  p.changes_days_before = static_cast<int>(r.Int(12));
  p.status = r.Text(13);
  p.created_by = r.OptInt(14);
  p.created_at = r.Int(15);
  return p;
}

MaPeriodRow PeriodFrom(const RowView& r, int at) {
  return MaPeriodRow{r.Int(at),     r.Int(at + 1),  r.Text(at + 2),   r.Text(at + 3),
                     r.Int(at + 4), r.Text(at + 5), r.OptInt(at + 6), r.Int(at + 7)};
}

MaEnrolmentRow EnrolmentFrom(const RowView& r) {
  return MaEnrolmentRow{r.Int(0),     r.Int(1),     r.Text(2),   r.Int(3), r.Text(4),
                        r.OptText(5), r.OptText(6), r.OptInt(7), r.Int(8)};
}

MaListRow ListFromRow(const RowView& r) {
  return MaListRow{r.Int(0),     r.Int(1),     r.Int(2),     r.Text(3),   r.Int(4),     r.Text(5),
                   r.Text(6),    r.Text(7),    r.Text(8),    r.Text(9),   r.OptInt(10), r.Int(11),
                   r.OptInt(12), r.OptInt(13), r.OptInt(14), r.OptInt(15)};
}

MaClaimRow ClaimFromRow(const RowView& r) {
  MaClaimRow c;
  c.id = r.Int(0);
  c.plan_id = r.Int(1);
  c.period_id = r.Int(2);
  c.member_id = r.Int(3);
  c.org_path = r.Text(4);
  c.federation_id = r.Int(5);
  c.benefit_code = r.Text(6);
  c.incident_date = r.Text(7);
  c.incident_key = r.Text(8);
  c.facts_json = r.Text(9);
  c.amount_fen = r.Int(10);
  c.capped = r.Int(11) != 0;
  c.status = r.Text(12);
  c.request_id = r.OptInt(13);
  c.filed_by = r.Text(14);
  c.filed_by_user = r.OptInt(15);
  c.refused_reason = r.OptText(16);
  c.decided_by = r.OptInt(17);
  c.decided_at = r.OptInt(18);
  c.paid_on = r.OptText(19);
  c.payment_ref = r.OptText(20);
  c.created_at = r.Int(21);
  return c;
}

}  // namespace

Result<void> InsertMaPlan(Connection& conn, const MaPlanRow& p) {
  const std::vector<Value> v{p.id,
                             p.federation_id,
                             p.org_id,
                             p.org_path,
                             p.code,
                             p.title,
                             p.kind,
                             static_cast<std::int64_t>(p.period_month),
                             static_cast<std::int64_t>(p.period_day),
                             p.per_head_fen,
                             p.payers_json,
                             p.eligibility,
                             static_cast<std::int64_t>(p.changes_days_before),
                             p.status,
                             Opt(p.created_by),
                             p.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertPlan, v));
  return {};
}

Result<std::optional<MaPlanRow>> FindMaPlan(Connection& conn, std::int64_t id) {
  const std::vector<Value> v{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaPlanRow>(conn, kFindPlan, v, PlanFromRow));
  return First(std::move(rows));
}

Result<std::vector<MaPlanRow>> ListMaPlans(Connection& conn, const std::string& low,
                                           const std::string& high,
                                           const std::vector<std::string>& ancestors) {
  std::vector<MaPlanRow> out;
  for (const auto& path : ancestors) {
    const std::vector<Value> v{path};
    ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaPlanRow>(conn, kPlansAt, v, PlanFromRow));
    for (auto& r : rows) out.push_back(std::move(r));
  }
  if (!low.empty() || !high.empty()) {
    const std::vector<Value> v{low, high};
    ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaPlanRow>(conn, kPlansUnder, v, PlanFromRow));
    for (auto& r : rows) out.push_back(std::move(r));
  }
  return out;
}

Result<void> InsertMaBenefit(Connection& conn, const MaBenefitRow& b) {
  const std::vector<Value> v{b.plan_id,       b.code,         b.kind,
                             Opt(b.share_bp), Opt(b.cap_fen), b.items_json};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertBenefit, v));
  return {};
}

Result<std::vector<MaBenefitRow>> BenefitsOfPlan(Connection& conn, std::int64_t plan_id) {
  const std::vector<Value> v{plan_id};
  return Collect<MaBenefitRow>(conn, kBenefits, v, [](const RowView& r) {
    return MaBenefitRow{r.Int(0), r.Text(1), r.Text(2), r.OptInt(3), r.OptInt(4), r.Text(5)};
  });
}

Result<void> InsertMaPeriod(Connection& conn, const MaPeriodRow& p) {
  const std::vector<Value> v{p.id,        p.plan_id, p.starts_on,      p.ends_on,
                             p.headcount, p.status,  Opt(p.opened_by), p.opened_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertPeriod, v));
  return {};
}

Result<std::optional<MaPeriodRow>> FindMaPeriod(Connection& conn, std::int64_t id) {
  const std::vector<Value> v{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaPeriodRow>(conn, kFindPeriod, v, [](const RowView& r) {
                        return PeriodFrom(r, 0);
                      }));
  return First(std::move(rows));
}

Result<std::optional<MaPeriodRow>> FindMaPeriodStarting(Connection& conn, std::int64_t plan_id,
                                                        const std::string& starts_on) {
  const std::vector<Value> v{plan_id, starts_on};
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      Collect<MaPeriodRow>(conn, kPeriodStarting, v,
                                           [](const RowView& r) { return PeriodFrom(r, 0); }));
  return First(std::move(rows));
}

Result<std::vector<MaPeriodRow>> PeriodsOfPlan(Connection& conn, std::int64_t plan_id) {
  const std::vector<Value> v{plan_id};
  return Collect<MaPeriodRow>(conn, kPeriods, v, [](const RowView& r) { return PeriodFrom(r, 0); });
}

Result<void> RecountMaPeriod(Connection& conn, std::int64_t period_id) {
  const std::vector<Value> v{period_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kRecount, v));
  return {};
}

Result<std::int64_t> EnrolActiveMembers(Connection& conn, const MaEnrolmentRow& t,
                                        const std::string& low, const std::string& high,
                                        bool card_holders) {
  const std::vector<Value> v{t.period_id,
                             t.covered_from,
                             Opt(t.confirmed_by),
                             t.confirmed_at,
                             low,
                             high,
                             static_cast<std::int64_t>(card_holders ? 1 : 0)};
  return conn.Execute(kEnrolActive, v);
}

Result<bool> InsertMaEnrolment(Connection& conn, const MaEnrolmentRow& e) {
  const std::vector<Value> v{e.period_id,    e.member_id,         e.org_path,    e.federation_id,
                             e.covered_from, Opt(e.confirmed_by), e.confirmed_at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kInsertEnrolment, v));
  return n > 0;
}

Result<std::vector<std::int64_t>> EnrolledIn(Connection& conn, std::int64_t period_id,
                                             const std::string& low, const std::string& high) {
  const std::vector<Value> v{period_id, low, high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEnrolled, v));
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

Result<std::int64_t> CountEnrolledIn(Connection& conn, std::int64_t period_id,
                                     const std::string& low, const std::string& high) {
  const std::vector<Value> v{period_id, low, high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountEnrolled, v));
  return rows.empty() ? 0 : rows.front().Int(0);
}

Result<bool> RemoveMaEnrolment(Connection& conn, std::int64_t period_id, std::int64_t member_id,
                               const std::string& removed_on, const std::string& reason) {
  const std::vector<Value> v{period_id, member_id, removed_on, reason};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kRemove, v));
  return n > 0;
}

Result<std::vector<MaMemberEnrolment>> EnrolmentsOfMember(Connection& conn, std::int64_t member_id,
                                                          std::optional<std::int64_t> plan_id) {
  const std::vector<Value> v{member_id, plan_id.value_or(0)};
  return Collect<MaMemberEnrolment>(conn, kOfMember, v, [](const RowView& r) {
    return MaMemberEnrolment{EnrolmentFrom(r), PeriodFrom(r, 9)};
  });
}

Result<void> InsertMaList(Connection& conn, const MaListRow& l) {
  const std::vector<Value> v{l.id,
                             l.period_id,
                             l.org_id,
                             l.org_path,
                             l.federation_id,
                             l.from_on,
                             l.to_on,
                             l.additions_json,
                             l.removals_json,
                             l.status,
                             Opt(l.made_by),
                             l.made_at,
                             Opt(l.sent_by),
                             Opt(l.sent_at),
                             Opt(l.applied_by),
                             Opt(l.applied_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertList, v));
  return {};
}

Result<std::optional<MaListRow>> FindMaList(Connection& conn, std::int64_t id) {
  const std::vector<Value> v{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaListRow>(conn, kFindList, v, ListFromRow));
  return First(std::move(rows));
}

Result<std::vector<MaListRow>> ListsOfPeriod(Connection& conn, std::int64_t period_id,
                                             std::optional<std::int64_t> org_id) {
  const std::vector<Value> v{period_id, org_id.value_or(0)};
  return Collect<MaListRow>(conn, kLists, v, ListFromRow);
}

Result<bool> MoveMaList(Connection& conn, const MaListRow& l, const std::string& from) {
  const std::vector<Value> v{
      l.id, l.status, Opt(l.sent_by), Opt(l.sent_at), Opt(l.applied_by), Opt(l.applied_at), from};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kMoveList, v));
  return n > 0;
}

Result<void> InsertMaClaim(Connection& conn, const MaClaimRow& c) {
  const std::vector<Value> v{c.id,
                             c.plan_id,
                             c.period_id,
                             c.member_id,
                             c.org_path,
                             c.federation_id,
                             c.benefit_code,
                             c.incident_date,
                             c.incident_key,
                             c.facts_json,
                             c.amount_fen,
                             static_cast<std::int64_t>(c.capped ? 1 : 0),
                             c.status,
                             Opt(c.request_id),
                             c.filed_by,
                             Opt(c.filed_by_user),
                             Opt(c.refused_reason),
                             Opt(c.decided_by),
                             Opt(c.decided_at),
                             Opt(c.paid_on),
                             Opt(c.payment_ref),
                             c.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertClaim, v));
  return {};
}

Result<std::optional<MaClaimRow>> FindMaClaim(Connection& conn, std::int64_t id) {
  const std::vector<Value> v{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaClaimRow>(conn, kFindClaim, v, ClaimFromRow));
  return First(std::move(rows));
}

Result<std::optional<MaClaimRow>> FindMaClaimByKey(Connection& conn, const std::string& key) {
  const std::vector<Value> v{key};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<MaClaimRow>(conn, kClaimByKey, v, ClaimFromRow));
  return First(std::move(rows));
}

Result<std::vector<MaClaimRow>> ListMaClaims(Connection& conn, const std::string& low,
                                             const std::string& high, const std::string& status,
                                             std::int64_t before_id, int limit) {
  const std::vector<Value> v{low, high, status, before_id, static_cast<std::int64_t>(limit)};
  return Collect<MaClaimRow>(conn, kClaims, v, ClaimFromRow);
}

Result<std::vector<MaClaimRow>> ListMaClaimsToDecide(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     std::int64_t before_id, int limit) {
  const std::vector<Value> v{low, high, before_id, static_cast<std::int64_t>(limit)};
  return Collect<MaClaimRow>(conn, kClaimsToDecide, v, ClaimFromRow);
}

Result<std::int64_t> CountMaClaimsToDecide(Connection& conn, const std::string& low,
                                           const std::string& high) {
  const std::vector<Value> v{low, high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountToDecide, v));
  return rows.empty() ? 0 : rows.front().Int(0);
}

Result<std::vector<std::string>> MaPromptWords(Connection& conn) {
  return Collect<std::string>(conn, kPromptWords, {}, [](const RowView& r) { return r.Text(0); });
}

Result<std::vector<MaClaimRow>> ClaimsOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> v{member_id};
  return Collect<MaClaimRow>(conn, kClaimsOfMember, v, ClaimFromRow);
}

Result<bool> MoveMaClaim(Connection& conn, const MaClaimRow& c, const std::string& from) {
  const std::vector<Value> v{c.id,
                             c.status,
                             Opt(c.refused_reason),
                             Opt(c.decided_by),
                             Opt(c.decided_at),
                             Opt(c.paid_on),
                             Opt(c.payment_ref),
                             from};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kMoveClaim, v));
  return n > 0;
}

Result<std::vector<RegistryStatusChange>> StatusChangesUnder(Connection& conn,
                                                             const std::string& low,
                                                             const std::string& high,
                                                             const std::string& from_on,
                                                             const std::string& to_on) {
  const std::vector<Value> v{low, high, from_on, to_on};
  return Collect<RegistryStatusChange>(conn, kStatusChanges, v, [](const RowView& r) {
    return RegistryStatusChange{r.Int(0), r.Text(1), r.Text(2)};
  });
}

Result<std::vector<RegistryNewMember>> NewMembersUnder(Connection& conn, const std::string& low,
                                                       const std::string& high,
                                                       const std::string& from_on,
                                                       const std::string& to_on,
                                                       std::int64_t from_ms, std::int64_t to_ms) {
  const std::vector<Value> v{low, high, from_on, to_on, from_ms, to_ms};
  return Collect<RegistryNewMember>(conn, kNewMembers, v, [](const RowView& r) {
    return RegistryNewMember{r.Int(0), r.OptText(1), r.Int(2)};
  });
}

Result<std::vector<RegistryTransfer>> TransfersAcross(Connection& conn, const std::string& low,
                                                      const std::string& high, std::int64_t from_ms,
                                                      std::int64_t to_ms) {
  const std::vector<Value> v{low, high, from_ms, to_ms};
  return Collect<RegistryTransfer>(conn, kTransfers, v, [](const RowView& r) {
    return RegistryTransfer{r.Int(0), r.Text(1), r.Text(2), r.Int(3)};
  });
}

}  // namespace zj::store
