#include "store/legal_lawyers.h"

namespace zj::store {

namespace {

#define ZJ_LAWYER_COLUMNS                                                                \
  "l.id, l.federation_id, l.org_id, l.org_path, l.kind, l.name, l.firm, l.phone_cipher," \
  " l.phone_last4, l.key_version, l.active, l.created_at, l.updated_at, o.name"

constexpr Sql kInsert{"legal_lawyers.insert",
                      "INSERT INTO legal_lawyers (id, federation_id, org_id, org_path, kind, name,"
                      " firm, phone_cipher, phone_last4, key_version, active, created_at,"
                      " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                      " $13)"};
constexpr Sql kUpdate{"legal_lawyers.update",
                      "UPDATE legal_lawyers SET kind = $2, name = $3, firm = $4, phone_cipher = $5,"
                      " phone_last4 = $6, key_version = $7, active = $8, updated_at = $9"
                      " WHERE id = $1"};
constexpr Sql kFind{"legal_lawyers.find",
                    "SELECT " ZJ_LAWYER_COLUMNS
                    " FROM legal_lawyers l JOIN orgs o ON o.id = l.org_id WHERE l.id = $1"};
// Above the path: the lawyer's org path is a prefix of it (substr/length exist in both stores).
constexpr Sql kList{"legal_lawyers.list",
                    "SELECT " ZJ_LAWYER_COLUMNS
                    " FROM legal_lawyers l JOIN orgs o ON o.id = l.org_id"
                    " WHERE ((l.org_path >= $1 AND l.org_path < $2) OR (l.federation_id = $3"
                    " AND $4 <> '' AND substr($4, 1, length(l.org_path)) = l.org_path))"
                    " AND l.id > $5 ORDER BY l.id LIMIT $6"};

#undef ZJ_LAWYER_COLUMNS

constexpr Sql kFindRules{"legal_rules.find",
                         "SELECT federation_id, collective_workers, collective_amount_fen,"
                         " updated_by, updated_at FROM legal_rules WHERE federation_id = $1"};
constexpr Sql kUpsertRules{
    "legal_rules.upsert",
    "INSERT INTO legal_rules (federation_id, collective_workers, collective_amount_fen,"
    " updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (federation_id) DO UPDATE"
    " SET collective_workers = excluded.collective_workers,"
    " collective_amount_fen = excluded.collective_amount_fen,"
    " updated_by = excluded.updated_by, updated_at = excluded.updated_at"};

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<Blob>& v) { return v ? Value(*v) : Value(); }

LawyerRow LawyerFromRow(const RowView& r) {
  LawyerRow l;
  l.id = r.Int(0);
  l.federation_id = r.Int(1);
  l.org_id = r.Int(2);
  l.org_path = r.Text(3);
  l.kind = r.Text(4);
  l.name = r.Text(5);
  l.firm = r.Text(6);
  if (!r.IsNull(7)) l.phone_cipher = r.Bytes(7);
  l.phone_last4 = r.OptText(8);
  l.key_version = static_cast<int>(r.Int(9));
  l.active = r.Int(10) != 0;
  l.created_at = r.Int(11);
  l.updated_at = r.Int(12);
  l.org_name = r.Text(13);
  return l;
}

}  // namespace

Result<void> InsertLawyer(Connection& conn, const LawyerRow& l) {
  const std::vector<Value> p{l.id,
                             l.federation_id,
                             l.org_id,
                             l.org_path,
                             l.kind,
                             l.name,
                             l.firm,
                             Opt(l.phone_cipher),
                             Opt(l.phone_last4),
                             static_cast<std::int64_t>(l.key_version),
                             static_cast<std::int64_t>(l.active ? 1 : 0),
                             l.created_at,
                             l.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<void> UpdateLawyer(Connection& conn, const LawyerRow& l) {
  const std::vector<Value> p{l.id,
                             l.kind,
                             l.name,
                             l.firm,
                             Opt(l.phone_cipher),
                             Opt(l.phone_last4),
                             static_cast<std::int64_t>(l.key_version),
                             static_cast<std::int64_t>(l.active ? 1 : 0),
                             l.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, p));
  return {};
}

Result<std::optional<LawyerRow>> FindLawyer(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<LawyerRow>(conn, kFind, p, LawyerFromRow));
  if (rows.empty()) return std::optional<LawyerRow>{};
  return std::optional<LawyerRow>{std::move(rows.front())};
}

Result<std::vector<LawyerRow>> ListLawyers(Connection& conn, const std::string& low,
                                           const std::string& high, std::int64_t federation_id,
                                           const std::string& path, std::int64_t after_id,
                                           int limit) {
  const std::vector<Value> p{low,  high,     federation_id,
                             path, after_id, static_cast<std::int64_t>(limit)};
  return Collect<LawyerRow>(conn, kList, p, LawyerFromRow);
}

Result<std::optional<LegalRulesRow>> FindLegalRules(Connection& conn, std::int64_t federation_id) {
  const std::vector<Value> p{federation_id};
  ZJ_ASSIGN_OR_RETURN(
      auto rows, Collect<LegalRulesRow>(conn, kFindRules, p, [](const RowView& r) {
        return LegalRulesRow{r.Int(0), static_cast<int>(r.Int(1)), r.Int(2), r.OptInt(3), r.Int(4)};
      }));
  if (rows.empty()) return std::optional<LegalRulesRow>{};
  return std::optional<LegalRulesRow>{rows.front()};
}

Result<void> UpsertLegalRules(Connection& conn, const LegalRulesRow& r) {
  const std::vector<Value> p{r.federation_id, static_cast<std::int64_t>(r.collective_workers),
                             r.collective_amount_fen, Opt(r.updated_by), r.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsertRules, p));
  return {};
}

}  // namespace zj::store
