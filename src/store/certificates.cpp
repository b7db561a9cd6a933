#include "store/certificates.h"

namespace zj::store {

namespace {

#define ZJ_CERT_COLUMNS                                                            \
  "id, federation_id, org_id, org_path, kind, source_id, member_id, holder_kind,"  \
  " holder_name, holder_masked, title, award, place, code, issued_at, revoked_at," \
  " revoked_reason"

constexpr Sql kInsert{"certificates.insert",
                      "INSERT INTO certificates (" ZJ_CERT_COLUMNS
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                      " $15, $16, $17)"};
constexpr Sql kFind{"certificates.find",
                    "SELECT " ZJ_CERT_COLUMNS " FROM certificates WHERE id = $1"};
constexpr Sql kFindByCode{"certificates.find_by_code",
                          "SELECT " ZJ_CERT_COLUMNS " FROM certificates WHERE code = $1"};
constexpr Sql kOfMember{"certificates.of_member",
                        "SELECT " ZJ_CERT_COLUMNS
                        " FROM certificates WHERE member_id = $1"
                        " OR (kind = 'competition' AND source_id IN"
                        " (SELECT entry_id FROM comp_team_members WHERE member_id = $1))"
                        " ORDER BY issued_at DESC, id DESC LIMIT 200"};
constexpr Sql kOfCompetition{"certificates.of_competition",
                             "SELECT " ZJ_CERT_COLUMNS
                             " FROM certificates WHERE kind = 'competition' AND source_id IN"
                             " (SELECT id FROM comp_entries WHERE competition_id = $1)"
                             " ORDER BY source_id, id LIMIT 100000"};
constexpr Sql kRevoke{"certificates.revoke",
                      "UPDATE certificates SET revoked_at = $2, revoked_reason = $3"
                      " WHERE id = $1 AND revoked_at IS NULL"};

#undef ZJ_CERT_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

CertificateRow FromRow(const RowView& r) {
  CertificateRow c;
  c.id = r.Int(0);
  c.federation_id = r.Int(1);
  c.org_id = r.Int(2);
  c.org_path = r.Text(3);
  c.kind = r.Text(4);
  c.source_id = r.Int(5);
  c.member_id = r.OptInt(6);
  c.holder_kind = r.Text(7);
  c.holder_name = r.OptText(8);
  c.holder_masked = r.Text(9);
  c.title = r.Text(10);
  c.award = r.Text(11);
  if (const auto place = r.OptInt(12)) c.place = static_cast<int>(*place);
  c.code = r.Text(13);
  c.issued_at = r.Int(14);
  c.revoked_at = r.OptInt(15);
  c.revoked_reason = r.OptText(16);
  return c;
}

Result<std::optional<CertificateRow>> One(Connection& conn, const Sql& sql, const Value& key) {
  const std::vector<Value> p{key};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<CertificateRow>(conn, sql, p, FromRow));
  if (rows.empty()) return std::optional<CertificateRow>{};
  return std::optional<CertificateRow>{std::move(rows.front())};
}

}  // namespace

Result<void> InsertCertificate(Connection& conn, const CertificateRow& c) {
  const std::vector<Value> p{c.id,
                             c.federation_id,
                             c.org_id,
                             c.org_path,
                             c.kind,
                             c.source_id,
                             Opt(c.member_id),
                             c.holder_kind,
                             Opt(c.holder_name),
                             c.holder_masked,
                             c.title,
                             c.award,
                             c.place ? Value(static_cast<std::int64_t>(*c.place)) : Value(),
                             c.code,
                             c.issued_at,
                             Opt(c.revoked_at),
                             Opt(c.revoked_reason)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<CertificateRow>> FindCertificate(Connection& conn, std::int64_t id) {
  return One(conn, kFind, Value(id));
}

Result<std::optional<CertificateRow>> FindCertificateByCode(Connection& conn,
                                                            const std::string& code) {
  return One(conn, kFindByCode, Value(code));
}

Result<std::vector<CertificateRow>> CertificatesOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<CertificateRow>(conn, kOfMember, p, FromRow);
}

Result<std::vector<CertificateRow>> CertificatesOfCompetition(Connection& conn,
                                                              std::int64_t competition_id) {
  const std::vector<Value> p{competition_id};
  return Collect<CertificateRow>(conn, kOfCompetition, p, FromRow);
}

Result<bool> RevokeCertificate(Connection& conn, std::int64_t id, std::int64_t at,
                               const std::string& reason) {
  const std::vector<Value> p{id, at, reason};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kRevoke, p));
  return changed > 0;
}

}  // namespace zj::store
