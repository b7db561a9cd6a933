#include "store/honours.h"

namespace zj::store {

namespace {

#define ZJ_ROUND_COLUMNS                                                                    \
  "r.id, r.federation_id, r.org_id, r.org_path, r.title, r.year, r.rules_text, r.opens_on," \
  " r.closes_on, r.status, r.created_by, r.created_at, o.name"
#define ZJ_NOMINATION_COLUMNS                                                                  \
  "n.id, n.round_id, n.org_id, n.org_path, n.federation_id, n.nominee_kind, n.nominee_key,"    \
  " n.member_id, n.entry_id, n.enterprise_id, n.categories_json, n.status, n.forwarded_to,"    \
  " n.forwarded_at, n.forward_reason, n.flagged, n.decided_by, n.decided_at, n.decision_note," \
  " n.created_by, n.created_at, COALESCE(m.name, ce.team_name, e.name, ''), o.name"
#define ZJ_NOMINATION_FROM                             \
  " FROM nominations n JOIN orgs o ON o.id = n.org_id" \
  " LEFT JOIN members m ON m.id = n.member_id"         \
  " LEFT JOIN comp_entries ce ON ce.id = n.entry_id"   \
  " LEFT JOIN enterprises e ON e.id = n.enterprise_id"

constexpr Sql kInsertRound{"honour_rounds.insert",
                           "INSERT INTO honour_rounds (id, federation_id, org_id, org_path, title,"
                           " year, rules_text, opens_on, closes_on, status, created_by,"
                           " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                           " $12)"};
constexpr Sql kFindRound{"honour_rounds.find",
                         "SELECT " ZJ_ROUND_COLUMNS
                         " FROM honour_rounds r JOIN orgs o ON o.id = r.org_id WHERE r.id = $1"};
constexpr Sql kListRounds{"honour_rounds.list",
                          "SELECT " ZJ_ROUND_COLUMNS
                          " FROM honour_rounds r JOIN orgs o ON o.id = r.org_id"
                          " WHERE ((r.org_path >= $1 AND r.org_path < $2)"
                          " OR substr(CAST($5 AS TEXT), 1, length(r.org_path)) = r.org_path)"
                          " AND (CAST($3 AS BIGINT) = 0 OR r.id < $3) ORDER BY r.id DESC LIMIT $4"};

constexpr Sql kInsertQuota{"honour_quotas.insert",
                           "INSERT INTO honour_quotas (round_id, org_id, category, max_count)"
                           " VALUES ($1, $2, $3, $4)"};
constexpr Sql kQuotas{"honour_quotas.of",
                      "SELECT q.round_id, q.org_id, q.category, q.max_count, o.name"
                      " FROM honour_quotas q JOIN orgs o ON o.id = q.org_id"
                      " WHERE q.round_id = $1 ORDER BY o.path, q.category"};

constexpr Sql kInsertNomination{
    "nominations.insert",
    "INSERT INTO nominations (id, round_id, org_id, org_path, federation_id, nominee_kind,"
    " nominee_key, member_id, entry_id, enterprise_id, categories_json, status, forwarded_to,"
    " forwarded_at, forward_reason, flagged, decided_by, decided_at, decision_note, created_by,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
    " $17, $18, $19, $20, $21)"};
constexpr Sql kFindNomination{
    "nominations.find", "SELECT " ZJ_NOMINATION_COLUMNS ZJ_NOMINATION_FROM " WHERE n.id = $1"};
constexpr Sql kTaken{"nominations.taken",
                     "SELECT id FROM nominations WHERE round_id = $1 AND nominee_key = $2"};
constexpr Sql kHeld{"nominations.held",
                    "SELECT " ZJ_NOMINATION_COLUMNS ZJ_NOMINATION_FROM
                    " WHERE n.round_id = $1 AND ((n.status = 'draft' AND n.org_id = $2)"
                    " OR (n.status <> 'draft' AND n.forwarded_to = $2)) ORDER BY n.id LIMIT 10000"};
constexpr Sql kForwardedIn{"nominations.forwarded_in",
                           "SELECT " ZJ_NOMINATION_COLUMNS ZJ_NOMINATION_FROM
                           " WHERE n.round_id = $1 AND n.org_path >= $2 AND n.org_path < $3"
                           " AND n.status IN ('forwarded', 'awarded') ORDER BY n.id LIMIT 100000"};
constexpr Sql kDeleteDraft{"nominations.delete_draft",
                           "DELETE FROM nominations WHERE id = $1 AND status = 'draft'"};
constexpr Sql kMove{"nominations.move",
                    "UPDATE nominations SET status = $2, forwarded_to = $3, forwarded_at = $4,"
                    " forward_reason = $5, flagged = $6, decided_by = $7, decided_at = $8,"
                    " decision_note = $9 WHERE id = $1 AND status = $10"};

#undef ZJ_ROUND_COLUMNS
#undef ZJ_NOMINATION_COLUMNS
#undef ZJ_NOMINATION_FROM

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

HonourRoundRow RoundFromRow(const RowView& r) {
  HonourRoundRow h;
  h.id = r.Int(0);
  h.federation_id = r.Int(1);
  h.org_id = r.Int(2);
  h.org_path = r.Text(3);
  h.title = r.Text(4);
  h.year = static_cast<int>(r.Int(5));
  h.rules_text = r.Text(6);
  h.opens_on = r.Text(7);
  h.closes_on = r.Text(8);
  h.status = r.Text(9);
  h.created_by = r.OptInt(10);
  h.created_at = r.Int(11);
  h.org_name = r.Text(12);
  return h;
}

NominationRow NominationFromRow(const RowView& r) {
  NominationRow n;
  n.id = r.Int(0);
  n.round_id = r.Int(1);
  n.org_id = r.Int(2);
  n.org_path = r.Text(3);
  n.federation_id = r.Int(4);
  n.nominee_kind = r.Text(5);
  n.nominee_key = r.Text(6);
  n.member_id = r.OptInt(7);
  n.entry_id = r.OptInt(8);
  n.enterprise_id = r.OptInt(9);
  n.categories_json = r.Text(10);
  n.status = r.Text(11);
  n.forwarded_to = r.OptInt(12);
  n.forwarded_at = r.OptInt(13);
  n.forward_reason = r.OptText(14);
  n.flagged = r.Int(15) != 0;
  n.decided_by = r.OptInt(16);
  n.decided_at = r.OptInt(17);
  n.decision_note = r.OptText(18);
  n.created_by = r.OptInt(19);
  n.created_at = r.Int(20);
  n.nominee_name = r.Text(21);
  n.org_name = r.Text(22);
  return n;
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

Result<void> InsertHonourRound(Connection& conn, const HonourRoundRow& h) {
  const std::vector<Value> p{h.id,         h.federation_id,   h.org_id,
                             h.org_path,   h.title,           static_cast<std::int64_t>(h.year),
                             h.rules_text, h.opens_on,        h.closes_on,
                             h.status,     Opt(h.created_by), h.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertRound, p));
  return {};
}

Result<std::optional<HonourRoundRow>> FindHonourRound(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<HonourRoundRow>(conn, kFindRound, p, RoundFromRow));
  return First(std::move(rows));
}

Result<std::vector<HonourRoundRow>> ListHonourRounds(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     const std::string& inside,
                                                     std::int64_t before_id, int limit) {
  const std::vector<Value> p{low, high, before_id, static_cast<std::int64_t>(limit), inside};
  return Collect<HonourRoundRow>(conn, kListRounds, p, RoundFromRow);
}

Result<void> InsertHonourQuota(Connection& conn, const HonourQuotaRow& q) {
  const std::vector<Value> p{q.round_id, q.org_id, q.category, static_cast<std::int64_t>(q.max)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertQuota, p));
  return {};
}

Result<std::vector<HonourQuotaRow>> QuotasOfRound(Connection& conn, std::int64_t round_id) {
  const std::vector<Value> p{round_id};
  return Collect<HonourQuotaRow>(conn, kQuotas, p, [](const RowView& r) {
    return HonourQuotaRow{r.Int(0), r.Int(1), r.Text(2), static_cast<int>(r.Int(3)), r.Text(4)};
  });
}

Result<void> InsertNomination(Connection& conn, const NominationRow& n) {
  const std::vector<Value> p{n.id,
                             n.round_id,
                             n.org_id,
                             n.org_path,
                             n.federation_id,
                             n.nominee_kind,
                             n.nominee_key,
                             Opt(n.member_id),
                             Opt(n.entry_id),
                             Opt(n.enterprise_id),
                             n.categories_json,
                             n.status,
                             Opt(n.forwarded_to),
                             Opt(n.forwarded_at),
                             Opt(n.forward_reason),
                             static_cast<std::int64_t>(n.flagged ? 1 : 0),
                             Opt(n.decided_by),
                             Opt(n.decided_at),
                             Opt(n.decision_note),
                             Opt(n.created_by),
                             n.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertNomination, p));
  return {};
}

Result<std::optional<NominationRow>> FindNomination(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      Collect<NominationRow>(conn, kFindNomination, p, NominationFromRow));
  return First(std::move(rows));
}

Result<bool> NomineeTaken(Connection& conn, std::int64_t round_id, const std::string& key) {
  const std::vector<Value> p{round_id, key};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kTaken, p));
  return !rows.empty();
}

Result<std::vector<NominationRow>> NominationsHeldBy(Connection& conn, std::int64_t round_id,
                                                     std::int64_t org_id) {
  const std::vector<Value> p{round_id, org_id};
  return Collect<NominationRow>(conn, kHeld, p, NominationFromRow);
}

Result<std::vector<NominationRow>> ForwardedInSubtree(Connection& conn, std::int64_t round_id,
                                                      const std::string& low,
                                                      const std::string& high) {
  const std::vector<Value> p{round_id, low, high};
  return Collect<NominationRow>(conn, kForwardedIn, p, NominationFromRow);
}

Result<bool> DeleteDraftNomination(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kDeleteDraft, p));
  return changed > 0;
}

Result<bool> MoveNomination(Connection& conn, const NominationRow& n, const std::string& from) {
  const std::vector<Value> p{n.id,
                             n.status,
                             Opt(n.forwarded_to),
                             Opt(n.forwarded_at),
                             Opt(n.forward_reason),
                             static_cast<std::int64_t>(n.flagged ? 1 : 0),
                             Opt(n.decided_by),
                             Opt(n.decided_at),
                             Opt(n.decision_note),
                             from};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kMove, p));
  return changed > 0;
}

}  // namespace zj::store
