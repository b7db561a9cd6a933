#include "store/member_corrections.h"

namespace zj::store {

namespace {

#define ZJ_CORRECTION_SELECT                                                       \
  "SELECT c.id, c.federation_id, c.worker_id, c.member_id, c.org_path, c.field,"   \
  " c.new_cipher, c.old_cipher, c.key_version, c.note, c.state, c.created_at,"     \
  " c.decided_by, c.decided_at, c.decision_reason, m.name, m.card_number, u.name," \
  " d.display_name FROM member_corrections c JOIN members m ON m.id = c.member_id" \
  " JOIN orgs u ON u.id = m.union_org_id LEFT JOIN users d ON d.id = c.decided_by"

constexpr Sql kInsert{
    "member_corrections.insert",
    "INSERT INTO member_corrections (id, federation_id, worker_id, member_id, org_path, field,"
    " new_cipher, old_cipher, key_version, note, state, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"};
constexpr Sql kById{"member_corrections.by_id", ZJ_CORRECTION_SELECT " WHERE c.id = $1"};
constexpr Sql kOfWorker{"member_corrections.of_worker",
                        ZJ_CORRECTION_SELECT " WHERE c.worker_id = $1 ORDER BY c.id DESC"};
constexpr Sql kPendingOfMember{"member_corrections.pending_of_member", ZJ_CORRECTION_SELECT
                               " WHERE c.member_id = $1 AND c.state = 'pending' ORDER BY c.id"};
constexpr Sql kList{"member_corrections.list", ZJ_CORRECTION_SELECT
                    " WHERE c.org_path >= $1 AND c.org_path < $2 AND ($3 = '' OR c.state = $3)"
                    " AND (c.id < $4 OR $4 = 0) ORDER BY c.id DESC LIMIT $5"};
// The literal state lets both planners use the partial index of pending rows.
constexpr Sql kListPending{"member_corrections.list_pending", ZJ_CORRECTION_SELECT
                           " WHERE c.state = 'pending' AND c.org_path >= $1 AND c.org_path < $2"
                           " AND (c.id < $3 OR $3 = 0) ORDER BY c.id DESC LIMIT $4"};
constexpr Sql kCountPending{"member_corrections.count_pending",
                            "SELECT COUNT(*) FROM member_corrections WHERE state = 'pending'"
                            " AND org_path >= $1 AND org_path < $2"};
constexpr Sql kDecide{"member_corrections.decide",
                      "UPDATE member_corrections SET state = $2, decided_by = $3, decided_at = $4,"
                      " decision_reason = $5 WHERE id = $1 AND state = 'pending'"};
constexpr Sql kMove{"member_corrections.move",
                    "UPDATE member_corrections SET org_path = $2, federation_id = $3"
                    " WHERE member_id = $1 AND state = 'pending'"};

#undef ZJ_CORRECTION_SELECT

MemberCorrectionRow FromRow(const RowView& r) {
  MemberCorrectionRow c;
  c.id = r.Int(0);
  c.federation_id = r.Int(1);
  c.worker_id = r.Int(2);
  c.member_id = r.Int(3);
  c.org_path = r.Text(4);
  c.field = r.Text(5);
  c.new_cipher = r.Bytes(6);
  if (!r.IsNull(7)) c.old_cipher = r.Bytes(7);
  c.key_version = r.Int(8);
  c.note = r.Text(9);
  c.state = r.Text(10);
  c.created_at = r.Int(11);
  c.decided_by = r.OptInt(12);
  c.decided_at = r.OptInt(13);
  c.decision_reason = r.OptText(14);
  c.member_name = r.Text(15);
  c.card_number = r.Text(16);
  c.union_name = r.Text(17);
  c.decided_by_name = r.OptText(18);
  return c;
}

Value OptValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

}  // namespace

Result<void> InsertMemberCorrection(Connection& conn, const MemberCorrectionRow& c) {
  const std::vector<Value> p{
      c.id,          c.federation_id, c.worker_id,  c.member_id,
      c.org_path,    c.field,         c.new_cipher, c.old_cipher ? Value(*c.old_cipher) : Value(),
      c.key_version, c.note,          c.state,      c.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<MemberCorrectionRow>> FindMemberCorrection(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  std::optional<MemberCorrectionRow> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kById, p, [&](const RowView& r) { out = FromRow(r); }));
  return out;
}

Result<std::vector<MemberCorrectionRow>> ListMemberCorrections(Connection& conn,
                                                               const MemberCorrectionQuery& q) {
  if (q.state == "pending") {
    const std::vector<Value> p{q.subtree_low, q.subtree_high, q.before_id, q.limit};
    return Collect<MemberCorrectionRow>(conn, kListPending, p, FromRow);
  }
  const std::vector<Value> p{q.subtree_low, q.subtree_high, q.state, q.before_id, q.limit};
  return Collect<MemberCorrectionRow>(conn, kList, p, FromRow);
}

Result<std::vector<MemberCorrectionRow>> PendingCorrectionsOfMember(Connection& conn,
                                                                    std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<MemberCorrectionRow>(conn, kPendingOfMember, p, FromRow);
}

Result<std::vector<MemberCorrectionRow>> CorrectionsOfWorker(Connection& conn,
                                                             std::int64_t worker_id) {
  const std::vector<Value> p{worker_id};
  return Collect<MemberCorrectionRow>(conn, kOfWorker, p, FromRow);
}

Result<std::int64_t> CountPendingCorrections(Connection& conn, const std::string& subtree_low,
                                             const std::string& subtree_high) {
  const std::vector<Value> p{subtree_low, subtree_high};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountPending, p));
  return rows.at(0).Int(0);
}

Result<bool> DecideMemberCorrection(Connection& conn, const MemberCorrectionRow& c) {
  const std::vector<Value> p{c.id, c.state, OptValue(c.decided_by), OptValue(c.decided_at),
                             c.decision_reason ? Value(*c.decision_reason) : Value()};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kDecide, p));
  return changed == 1;
}

Result<void> MoveMemberCorrections(Connection& conn, std::int64_t member_id,
                                   const std::string& org_path, std::int64_t federation_id) {
  const std::vector<Value> p{member_id, org_path, federation_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kMove, p));
  return {};
}

}  // namespace zj::store
