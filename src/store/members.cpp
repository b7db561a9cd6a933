#include "store/members.h"

#include <algorithm>
#include <iterator>

#include "store/multi_row_insert.h"

namespace zj::store {

namespace {

#define ZJ_MEMBER_COLUMNS                                                                      \
  "m.id, m.federation_id, m.union_org_id, m.org_path, m.name, m.name_pinyin, m.name_initials," \
  " m.id_cipher, m.id_index, m.id_last4, m.gender, m.birth_date, m.ethnicity, m.phone_cipher," \
  " m.phone_index, m.phone_last4, m.employer_id, m.employer_name, m.join_date, m.card_number," \
  " m.migrant_worker, m.model_worker, m.status, m.status_changed_on, m.key_version,"           \
  " m.import_id, m.created_at, m.updated_at, u.name, COALESCE(e.name, m.employer_name), e.uscc"
#define ZJ_MEMBER_FROM                                   \
  " FROM members m JOIN orgs u ON u.id = m.union_org_id" \
  " LEFT JOIN enterprises e ON e.id = m.employer_id"
// $1/$2 the subtree range, $3 the status ("" for any).
#define ZJ_MEMBER_SCOPE " m.org_path >= $1 AND m.org_path < $2 AND ($3 = '' OR m.status = $3)"
// The same scope for searches that another index must drive (name keys, last four, blind
// indexes, card): written as an expression, so SQLite's planner (no statistics) cannot take
// the org_path index instead and read every member of the district (at 1,000,000 members a
// pinyin search in a district took 17 ms that way, 0.3 ms through its own index, whose entries
// carry org_path so the scope is checked before the row is read).
#define ZJ_MEMBER_SCOPE_FILTER \
  " m.org_path || '' >= $1 AND m.org_path || '' < $2 AND ($3 = '' OR m.status = $3)"

constexpr Sql kInsert{
    "members.insert",
    "INSERT INTO members (id, federation_id, union_org_id, org_path, name, name_pinyin,"
    " name_initials, id_cipher, id_index, id_last4, gender, birth_date, ethnicity, phone_cipher,"
    " phone_index, phone_last4, employer_id, employer_name, join_date, card_number,"
    " migrant_worker, model_worker, status, status_changed_on, key_version, import_id,"
    " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
    " $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)"};
constexpr Sql kUpdate{
    "members.update",
    "UPDATE members SET federation_id = $2, union_org_id = $3, org_path = $4, name = $5,"
    " name_pinyin = $6, name_initials = $7, id_cipher = $8, id_index = $9, id_last4 = $10,"
    " gender = $11, birth_date = $12, ethnicity = $13, phone_cipher = $14, phone_index = $15,"
    " phone_last4 = $16, employer_id = $17, employer_name = $18, join_date = $19,"
    " card_number = $20, migrant_worker = $21, model_worker = $22, status = $23,"
    " status_changed_on = $24, key_version = $25, import_id = $26, updated_at = $27"
    " WHERE id = $1"};
// With whether any transfer names the member (one index probe), so a member's page reads the
// transfers only where there are some: the transfers' six-table statement cost a twentieth of
// a member's GET even when it found nothing.
constexpr Sql kById{"members.by_id",
                    "SELECT " ZJ_MEMBER_COLUMNS
                    ", CASE WHEN EXISTS (SELECT 1 FROM"
                    " member_transfers x WHERE x.member_id = m.id) THEN 1 ELSE 0 END" ZJ_MEMBER_FROM
                    " WHERE m.id = $1"};
constexpr Sql kByIdIndex{"members.by_id_index", "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM
                                                " WHERE m.id_index = $1 ORDER BY m.id"};
constexpr Sql kList{"members.list",
                    "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM " WHERE" ZJ_MEMBER_SCOPE
                    " AND m.id > $4 ORDER BY m.id LIMIT $5"};
constexpr Sql kByName{"members.by_name",
                      "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM " WHERE" ZJ_MEMBER_SCOPE
                      " AND m.name >= $4 AND m.name < $5 ORDER BY m.name, m.id LIMIT $6"};
constexpr Sql kByPinyin{
    "members.by_pinyin",
    "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM " WHERE" ZJ_MEMBER_SCOPE_FILTER
    " AND ((m.name_pinyin >= $4 AND m.name_pinyin < $5)"
    " OR (m.name_initials >= $4 AND m.name_initials < $5)) ORDER BY m.id LIMIT $6"};
constexpr Sql kByLast4{"members.by_last4",
                       "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM " WHERE" ZJ_MEMBER_SCOPE_FILTER
                       " AND (m.id_last4 = $4 OR m.phone_last4 = $4) ORDER BY m.id LIMIT $5"};
constexpr Sql kByIdIndexIn{"members.search_id_index",
                           "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM
                           " WHERE" ZJ_MEMBER_SCOPE_FILTER
                           " AND m.id_index = $4 ORDER BY m.id LIMIT $5"};
constexpr Sql kByPhoneIndexIn{"members.search_phone_index",
                              "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM
                              " WHERE" ZJ_MEMBER_SCOPE_FILTER
                              " AND m.phone_index = $4 ORDER BY m.id LIMIT $5"};
constexpr Sql kByCard{"members.by_card",
                      "SELECT " ZJ_MEMBER_COLUMNS ZJ_MEMBER_FROM " WHERE" ZJ_MEMBER_SCOPE_FILTER
                      " AND m.card_number = $4 ORDER BY m.id LIMIT $5"};
constexpr Sql kCountActiveOfUnion{
    "members.count_active_of_union",
    "SELECT COUNT(*) FROM members WHERE union_org_id = $1 AND status = 'active'"};
constexpr Sql kActivePerUnion{"members.active_per_union",
                              "SELECT union_org_id, COUNT(*) FROM members WHERE status = 'active'"
                              " GROUP BY union_org_id ORDER BY union_org_id"};
constexpr Sql kOffPath{"members.off_path",
                       "SELECT m.union_org_id, COUNT(*) FROM members m JOIN orgs o"
                       " ON o.id = m.union_org_id WHERE m.org_path <> o.path"
                       " GROUP BY m.union_org_id ORDER BY m.union_org_id"};
constexpr Sql kCount{"members.count", "SELECT COUNT(*) FROM members"};

constexpr Sql kInsertEvent{
    "member_events.insert",
    "INSERT INTO member_events (id, federation_id, member_id, at, actor_id, event, detail)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Sql kEvents{"member_events.of_member",
                      "SELECT v.id, v.federation_id, v.member_id, v.at, v.actor_id, v.event,"
                      " v.detail, a.display_name FROM member_events v"
                      " LEFT JOIN users a ON a.id = v.actor_id WHERE v.member_id = $1"
                      " ORDER BY v.id"};

#define ZJ_TRANSFER_COLUMNS                                                                     \
  "t.id, t.federation_id, t.member_id, t.from_union_id, t.to_union_id, t.from_path, t.to_path," \
  " t.requested_side, t.requested_by, t.reason, t.state, t.due_at, t.decided_by, t.decided_at," \
  " t.decision_note, t.import_id, t.created_at, m.name, m.id_last4, f.name, o.name,"            \
  " rb.display_name, db.display_name, t.requested_by_worker, t.new_employer"
#define ZJ_TRANSFER_FROM                                                       \
  " FROM member_transfers t JOIN members m ON m.id = t.member_id"              \
  " JOIN orgs f ON f.id = t.from_union_id JOIN orgs o ON o.id = t.to_union_id" \
  " LEFT JOIN users rb ON rb.id = t.requested_by LEFT JOIN users db ON db.id = t.decided_by"

constexpr Sql kInsertTransfer{
    "member_transfers.insert",
    "INSERT INTO member_transfers (id, federation_id, member_id, from_union_id, to_union_id,"
    " from_path, to_path, requested_side, requested_by, reason, state, due_at, decided_by,"
    " decided_at, decision_note, import_id, created_at, requested_by_worker, new_employer)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
    " $19)"};
constexpr Sql kDecideTransfer{
    "member_transfers.decide",
    "UPDATE member_transfers SET state = $2, decided_by = $3, decided_at = $4,"
    " decision_note = $5 WHERE id = $1 AND state = 'pending'"};
constexpr Sql kTransferById{"member_transfers.by_id",
                            "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM " WHERE t.id = $1"};
constexpr Sql kTransfersOfMember{"member_transfers.of_member",
                                 "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
                                 " WHERE t.member_id = $1 ORDER BY t.id DESC"};
// $4 is the cursor (0 for the first page): ids below it. The cursor is compared with the id
// before the literal 0: PostgreSQL types a parameter by its first use, and typed INTEGER a cursor
// beyond 32 bits fails. Pending boxes (the workbench's "transfers to decide") name the state as a
// literal so that the partial indexes of migration 0023 serve them: their cost follows the
// pending transfers, not the years of decided ones.
#define ZJ_TRANSFER_PAGE " AND (t.id < $4 OR $4 = 0) ORDER BY t.id DESC LIMIT $5"
#define ZJ_TRANSFER_PENDING_PAGE \
  " AND t.state = 'pending' AND (t.id < $3 OR $3 = 0) ORDER BY t.id DESC LIMIT $4"
constexpr Sql kTransfersIncoming{"member_transfers.incoming",
                                 "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
                                 " WHERE t.to_path >= $1 AND t.to_path < $2"
                                 " AND ($3 = '' OR t.state = $3)" ZJ_TRANSFER_PAGE};
constexpr Sql kTransfersOutgoing{"member_transfers.outgoing",
                                 "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
                                 " WHERE t.from_path >= $1 AND t.from_path < $2"
                                 " AND ($3 = '' OR t.state = $3)" ZJ_TRANSFER_PAGE};
constexpr Sql kTransfersEither{
    "member_transfers.either",
    "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
    " WHERE ((t.to_path >= $1 AND t.to_path < $2) OR (t.from_path >= $1 AND t.from_path < $2))"
    " AND ($3 = '' OR t.state = $3)" ZJ_TRANSFER_PAGE};
constexpr Sql kPendingIncoming{
    "member_transfers.pending_incoming",
    "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
    " WHERE t.to_path >= $1 AND t.to_path < $2" ZJ_TRANSFER_PENDING_PAGE};
constexpr Sql kPendingOutgoing{
    "member_transfers.pending_outgoing",
    "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
    " WHERE t.from_path >= $1 AND t.from_path < $2" ZJ_TRANSFER_PENDING_PAGE};
constexpr Sql kPendingEither{"member_transfers.pending_either",
                             "SELECT " ZJ_TRANSFER_COLUMNS ZJ_TRANSFER_FROM
                             " WHERE ((t.to_path >= $1 AND t.to_path < $2) OR (t.from_path >= $1 "
                             "AND t.from_path < $2))" ZJ_TRANSFER_PENDING_PAGE};

#undef ZJ_MEMBER_COLUMNS
#undef ZJ_MEMBER_FROM
#undef ZJ_MEMBER_SCOPE
#undef ZJ_MEMBER_SCOPE_FILTER
#undef ZJ_TRANSFER_COLUMNS
#undef ZJ_TRANSFER_FROM
#undef ZJ_TRANSFER_PAGE
#undef ZJ_TRANSFER_PENDING_PAGE

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<Blob>& v) { return v ? Value(*v) : Value(); }

MemberRow FromRow(const RowView& r) {
  MemberRow m;
  m.id = r.Int(0);
  m.federation_id = r.Int(1);
  m.union_org_id = r.Int(2);
  m.org_path = r.Text(3);
  m.name = r.Text(4);
  m.name_pinyin = r.Text(5);
  m.name_initials = r.Text(6);
  m.id_cipher = r.Bytes(7);
  m.id_index = r.Text(8);
  m.id_last4 = r.Text(9);
  m.gender = r.Text(10);
  m.birth_date = r.Text(11);
  m.ethnicity = r.OptText(12);
  if (!r.IsNull(13)) m.phone_cipher = r.Bytes(13);
  m.phone_index = r.OptText(14);
  m.phone_last4 = r.OptText(15);
  m.employer_id = r.OptInt(16);
  m.employer_name = r.OptText(17);
  m.join_date = r.OptText(18);
  m.card_number = r.Text(19);
  m.migrant_worker = r.Int(20) != 0;
  m.model_worker = r.Int(21) != 0;
  m.status = r.Text(22);
  m.status_changed_on = r.OptText(23);
  m.key_version = r.Int(24);
  m.import_id = r.OptInt(25);
  m.created_at = r.Int(26);
  m.updated_at = r.Int(27);
  m.union_name = r.Text(28);
  m.employer_display = r.OptText(29);
  m.employer_uscc = r.OptText(30);
  if (r.size() > 31) m.has_transfers = r.Int(31) != 0;
  return m;
}

std::vector<Value> Params(const MemberRow& m) {
  return {m.id,
          m.federation_id,
          m.union_org_id,
          m.org_path,
          m.name,
          m.name_pinyin,
          m.name_initials,
          m.id_cipher,
          m.id_index,
          m.id_last4,
          m.gender,
          m.birth_date,
          Opt(m.ethnicity),
          Opt(m.phone_cipher),
          Opt(m.phone_index),
          Opt(m.phone_last4),
          Opt(m.employer_id),
          Opt(m.employer_name),
          Opt(m.join_date),
          m.card_number,
          std::int64_t{m.migrant_worker ? 1 : 0},
          std::int64_t{m.model_worker ? 1 : 0},
          m.status,
          Opt(m.status_changed_on),
          m.key_version,
          Opt(m.import_id),
          m.created_at,
          m.updated_at};
}

// The smallest string above every string starting with `prefix`: U+10FFFF appended (the
// highest code point, valid UTF-8, so PostgreSQL accepts it; both stores compare code points
// in the C collation).
std::string PrefixHigh(const std::string& prefix) { return prefix + "\xF4\x8F\xBF\xBF"; }

std::vector<Value> ScopeParams(const MemberQuery& q) {
  return {q.subtree_low, q.subtree_high, q.status};
}

Result<std::vector<MemberRow>> Query(Connection& conn, const Sql& sql, std::vector<Value> p) {
  return Collect<MemberRow>(conn, sql, p, FromRow);
}

MemberTransferRow TransferFromRow(const RowView& r) {
  MemberTransferRow t;
  t.id = r.Int(0);
  t.federation_id = r.Int(1);
  t.member_id = r.Int(2);
  t.from_union_id = r.Int(3);
  t.to_union_id = r.Int(4);
  t.from_path = r.Text(5);
  t.to_path = r.Text(6);
  t.requested_side = r.Text(7);
  t.requested_by = r.Int(8);
  t.reason = r.Text(9);
  t.state = r.Text(10);
  t.due_at = r.Int(11);
  t.decided_by = r.OptInt(12);
  t.decided_at = r.OptInt(13);
  t.decision_note = r.OptText(14);
  t.import_id = r.OptInt(15);
  t.created_at = r.Int(16);
  t.member_name = r.Text(17);
  t.member_id_last4 = r.Text(18);
  t.from_union_name = r.Text(19);
  t.to_union_name = r.Text(20);
  t.requested_by_name = r.OptText(21);
  t.decided_by_name = r.OptText(22);
  t.requested_by_worker = r.OptInt(23);
  t.new_employer = r.OptText(24);
  return t;
}

Result<std::vector<MemberTransferRow>> Transfers(Connection& conn, const Sql& sql,
                                                 const std::vector<Value>& p) {
  return Collect<MemberTransferRow>(conn, sql, p, TransferFromRow);
}

}  // namespace

Result<void> InsertMember(Connection& conn, const MemberRow& m) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, Params(m)));
  return {};
}

Result<void> InsertMembers(Connection& conn, std::span<const MemberRow> rows) {
  static constexpr std::string_view kHead =
      "INSERT INTO members (id, federation_id, union_org_id, org_path, name, name_pinyin,"
      " name_initials, id_cipher, id_index, id_last4, gender, birth_date, ethnicity, phone_cipher,"
      " phone_index, phone_last4, employer_id, employer_name, join_date, card_number,"
      " migrant_worker, model_worker, status, status_changed_on, key_version, import_id,"
      " created_at, updated_at)";
  static constexpr std::size_t kWidth = 28;
  // One statement's values at a time: a 20,000-row batch never holds a copy of itself as values.
  std::vector<Value> values;
  values.reserve(kRowsPerStatement * kWidth);
  for (std::size_t first = 0; first < rows.size(); first += kRowsPerStatement) {
    values.clear();
    for (const MemberRow& m :
         rows.subspan(first, std::min(kRowsPerStatement, rows.size() - first))) {
      std::vector<Value> p = Params(m);
      std::move(p.begin(), p.end(), std::back_inserter(values));
    }
    ZJ_RETURN_IF_ERROR(InsertRows(conn, "members.insert_rows", kHead, kWidth, values));
  }
  return {};
}

Result<void> UpdateMember(Connection& conn, const MemberRow& m) {
  std::vector<Value> p = Params(m);
  p.erase(p.begin() + 26);  // created_at never changes
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, p));
  return {};
}

Result<std::optional<MemberRow>> FindMemberById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  std::optional<MemberRow> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kById, p, [&](const RowView& r) { out = FromRow(r); }));
  return out;
}

Result<std::vector<MemberRow>> FindMembersByIdIndexes(Connection& conn,
                                                      const std::vector<std::string>& indexes) {
  std::vector<MemberRow> out;
  for (const auto& index : indexes) {
    const std::vector<Value> p{index};
    ZJ_RETURN_IF_ERROR(
        conn.QueryEach(kByIdIndex, p, [&](const RowView& r) { out.push_back(FromRow(r)); }));
  }
  return out;
}

Result<std::vector<MemberRow>> ListMembers(Connection& conn, const MemberQuery& q) {
  auto p = ScopeParams(q);
  p.emplace_back(q.after_id);
  p.emplace_back(q.limit);
  return Query(conn, kList, std::move(p));
}

Result<std::vector<MemberRow>> SearchMembersByName(Connection& conn, const MemberQuery& q,
                                                   const std::string& prefix) {
  auto p = ScopeParams(q);
  p.emplace_back(prefix);
  p.emplace_back(PrefixHigh(prefix));
  p.emplace_back(q.limit);
  return Query(conn, kByName, std::move(p));
}

Result<std::vector<MemberRow>> SearchMembersByPinyin(Connection& conn, const MemberQuery& q,
                                                     const std::string& prefix) {
  auto p = ScopeParams(q);
  p.emplace_back(prefix);
  p.emplace_back(PrefixHigh(prefix));
  p.emplace_back(q.limit);
  return Query(conn, kByPinyin, std::move(p));
}

Result<std::vector<MemberRow>> SearchMembersByLast4(Connection& conn, const MemberQuery& q,
                                                    const std::string& last4) {
  auto p = ScopeParams(q);
  p.emplace_back(last4);
  p.emplace_back(q.limit);
  return Query(conn, kByLast4, std::move(p));
}

Result<std::vector<MemberRow>> SearchMembersByIndexes(Connection& conn, const MemberQuery& q,
                                                      const std::vector<std::string>& indexes,
                                                      bool phone) {
  std::vector<MemberRow> out;
  for (const auto& index : indexes) {
    auto p = ScopeParams(q);
    p.emplace_back(index);
    p.emplace_back(q.limit);
    ZJ_ASSIGN_OR_RETURN(auto some,
                        Query(conn, phone ? kByPhoneIndexIn : kByIdIndexIn, std::move(p)));
    for (auto& m : some) out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<MemberRow>> SearchMembersByCard(Connection& conn, const MemberQuery& q,
                                                   const std::string& card_number) {
  auto p = ScopeParams(q);
  p.emplace_back(card_number);
  p.emplace_back(q.limit);
  return Query(conn, kByCard, std::move(p));
}

Result<std::int64_t> CountActiveMembersOfUnion(Connection& conn, std::int64_t union_org_id) {
  const std::vector<Value> p{union_org_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountActiveOfUnion, p));
  return rows.at(0).Int(0);
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ActiveMembersPerUnion(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kActivePerUnion, {}));
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> MembersOffTheirUnionsPath(
    Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOffPath, {}));
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<std::int64_t> CountMembers(Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCount, {}));
  return rows.at(0).Int(0);
}

Result<void> InsertMemberEvent(Connection& conn, const MemberEventRow& e) {
  const std::vector<Value> p{e.id,    e.federation_id, e.member_id, e.at, Opt(e.actor_id),
                             e.event, e.detail};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertEvent, p));
  return {};
}

Result<std::vector<MemberEventRow>> MemberEvents(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<MemberEventRow>(conn, kEvents, p, [](const RowView& r) {
    return MemberEventRow{r.Int(0),    r.Int(1),  r.Int(2),  r.Int(3),
                          r.OptInt(4), r.Text(5), r.Text(6), r.OptText(7)};
  });
}

Result<void> InsertMemberTransfer(Connection& conn, const MemberTransferRow& t) {
  const std::vector<Value> p{t.id,
                             t.federation_id,
                             t.member_id,
                             t.from_union_id,
                             t.to_union_id,
                             t.from_path,
                             t.to_path,
                             t.requested_side,
                             t.requested_by,
                             t.reason,
                             t.state,
                             t.due_at,
                             Opt(t.decided_by),
                             Opt(t.decided_at),
                             Opt(t.decision_note),
                             Opt(t.import_id),
                             t.created_at,
                             Opt(t.requested_by_worker),
                             Opt(t.new_employer)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertTransfer, p));
  return {};
}

Result<bool> DecideMemberTransfer(Connection& conn, const MemberTransferRow& t) {
  const std::vector<Value> p{t.id, t.state, Opt(t.decided_by), Opt(t.decided_at),
                             Opt(t.decision_note)};
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, conn.Execute(kDecideTransfer, p));
  return n > 0;
}

Result<std::optional<MemberTransferRow>> FindMemberTransfer(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Transfers(conn, kTransferById, p));
  if (rows.empty()) return std::optional<MemberTransferRow>();
  return std::optional<MemberTransferRow>(std::move(rows.front()));
}

Result<std::vector<MemberTransferRow>> TransfersOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Transfers(conn, kTransfersOfMember, p);
}

Result<std::vector<MemberTransferRow>> ListMemberTransfers(Connection& conn,
                                                           const TransferQuery& q) {
  if (q.state == "pending") {
    const std::vector<Value> p{q.subtree_low, q.subtree_high, q.after_id, q.limit};
    return Transfers(conn, PendingTransfersStatement(q.box), p);
  }
  const std::vector<Value> p{q.subtree_low, q.subtree_high, q.state, q.after_id, q.limit};
  const Sql& sql = q.box == TransferBox::kIncoming   ? kTransfersIncoming
                   : q.box == TransferBox::kOutgoing ? kTransfersOutgoing
                                                     : kTransfersEither;
  return Transfers(conn, sql, p);
}

const Sql& PendingTransfersStatement(TransferBox box) {
  return box == TransferBox::kIncoming   ? kPendingIncoming
         : box == TransferBox::kOutgoing ? kPendingOutgoing
                                         : kPendingEither;
}

}  // namespace zj::store
