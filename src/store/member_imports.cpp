#include "store/member_imports.h"

#include "store/multi_row_insert.h"

namespace zj::store {

namespace {

#define ZJ_IMPORT_COLUMNS                                                            \
  "i.id, i.federation_id, i.union_org_id, i.org_path, i.actor_id, i.file_name,"      \
  " i.file_sha256, i.mode, i.status, i.encoding, i.unknown_columns, i.rows_total,"   \
  " i.rows_committed_through, i.accepted, i.already_present, i.transfer_candidates," \
  " i.rejected, i.stored_file, i.started_at, i.updated_at, i.finished_at, u.name,"   \
  " i.header_row"
#define ZJ_IMPORT_FROM " FROM member_imports i JOIN orgs u ON u.id = i.union_org_id"

constexpr Sql kInsert{
    "member_imports.insert",
    "INSERT INTO member_imports (id, federation_id, union_org_id, org_path, actor_id,"
    " file_name, file_sha256, mode, status, encoding, unknown_columns, rows_total,"
    " rows_committed_through, accepted, already_present, transfer_candidates, rejected,"
    " stored_file, started_at, updated_at, finished_at, header_row)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
    " $19, $20, $21, $22)"};
constexpr Sql kUpdate{"member_imports.update",
                      "UPDATE member_imports SET status = $2, encoding = $3,"
                      " unknown_columns = $4, rows_total = $5, rows_committed_through = $6,"
                      " accepted = $7, already_present = $8, transfer_candidates = $9,"
                      " rejected = $10, stored_file = $11, updated_at = $12, finished_at = $13"
                      " WHERE id = $1"};
constexpr Sql kById{"member_imports.by_id",
                    "SELECT " ZJ_IMPORT_COLUMNS ZJ_IMPORT_FROM " WHERE i.id = $1"};
constexpr Sql kRunning{"member_imports.running",
                       "SELECT " ZJ_IMPORT_COLUMNS ZJ_IMPORT_FROM
                       " WHERE i.union_org_id = $1 AND i.file_sha256 = $2"
                       " AND i.status = 'running' ORDER BY i.id DESC LIMIT 1"};
constexpr Sql kList{"member_imports.list",
                    "SELECT " ZJ_IMPORT_COLUMNS ZJ_IMPORT_FROM
                    " WHERE i.org_path >= $1 AND i.org_path < $2"
                    " AND (CAST($3 AS BIGINT) = 0 OR i.union_org_id = CAST($3 AS BIGINT))"
                    " AND ($5 = '' OR i.status = $5) ORDER BY i.id DESC LIMIT $4"};
constexpr Sql kOutcomes{"member_import_rows.list",
                        "SELECT import_id, row_number, outcome, column_name, code, args,"
                        " member_id FROM member_import_rows WHERE import_id = $1"
                        " AND ($2 = '' OR outcome = $2) AND row_number > $3"
                        " ORDER BY row_number LIMIT $4"};

#undef ZJ_IMPORT_COLUMNS
#undef ZJ_IMPORT_FROM

//! How many blind indexes one lookup statement takes; shorter lists are padded with "".
constexpr std::size_t kLookupWidth = 256;

const Sql& ActiveLookup() {
  static const std::string text = [] {
    std::string s =
        "SELECT m.id, m.id_index, m.union_org_id, u.name, m.name, m.id_last4 FROM members m"
        " JOIN orgs u ON u.id = m.union_org_id WHERE m.status = 'active' AND m.id_index IN (";
    for (std::size_t i = 1; i <= kLookupWidth; ++i) {
      s += (i == 1 ? "$" : ", $") + std::to_string(i);
    }
    return s + ")";
  }();
  static const Sql sql{"member_imports.active_by_id_indexes", text};
  return sql;
}

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

MemberImportRow FromRow(const Row& r) {
  MemberImportRow m;
  m.id = r.Int(0);
  m.federation_id = r.Int(1);
  m.union_org_id = r.Int(2);
  m.org_path = r.Text(3);
  m.actor_id = r.OptInt(4);
  m.file_name = r.Text(5);
  m.file_sha256 = r.Text(6);
  m.mode = r.Text(7);
  m.status = r.Text(8);
  m.encoding = r.OptText(9);
  m.unknown_columns = r.OptText(10);
  m.rows_total = r.Int(11);
  m.rows_committed_through = r.Int(12);
  m.accepted = r.Int(13);
  m.already_present = r.Int(14);
  m.transfer_candidates = r.Int(15);
  m.rejected = r.Int(16);
  m.stored_file = r.OptText(17);
  m.started_at = r.Int(18);
  m.updated_at = r.Int(19);
  m.finished_at = r.OptInt(20);
  m.union_name = r.Text(21);
  m.header_row = r.Int(22);
  return m;
}

Result<std::optional<MemberImportRow>> One(Connection& conn, const Sql& sql,
                                           const std::vector<Value>& p) {
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, p));
  if (rows.empty()) return std::optional<MemberImportRow>();
  return std::optional(FromRow(rows.front()));
}

}  // namespace

Result<ImportPageCache> ImportPageCache::Begin(Connection& conn, int mib) {
  if (conn.backend() != Backend::kSqlite) return ImportPageCache(nullptr);
  ZJ_RETURN_IF_ERROR(
      conn.ExecScript("PRAGMA cache_size = " + std::to_string(-std::int64_t{mib} * 1024)));
  return ImportPageCache(&conn);
}

ImportPageCache::~ImportPageCache() {
  // SQLite's default (PRAGMA cache_size = -2000: about 2 MiB), as the pool handed it out.
  if (conn_ != nullptr) (void)conn_->ExecScript("PRAGMA cache_size = -2000");
}

Result<void> InsertMemberImport(Connection& conn, const MemberImportRow& m) {
  const std::vector<Value> p{m.id,
                             m.federation_id,
                             m.union_org_id,
                             m.org_path,
                             Opt(m.actor_id),
                             m.file_name,
                             m.file_sha256,
                             m.mode,
                             m.status,
                             Opt(m.encoding),
                             Opt(m.unknown_columns),
                             m.rows_total,
                             m.rows_committed_through,
                             m.accepted,
                             m.already_present,
                             m.transfer_candidates,
                             m.rejected,
                             Opt(m.stored_file),
                             m.started_at,
                             m.updated_at,
                             Opt(m.finished_at),
                             m.header_row};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<void> UpdateMemberImport(Connection& conn, const MemberImportRow& m) {
  const std::vector<Value> p{m.id,
                             m.status,
                             Opt(m.encoding),
                             Opt(m.unknown_columns),
                             m.rows_total,
                             m.rows_committed_through,
                             m.accepted,
                             m.already_present,
                             m.transfer_candidates,
                             m.rejected,
                             Opt(m.stored_file),
                             m.updated_at,
                             Opt(m.finished_at)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpdate, p));
  return {};
}

Result<std::optional<MemberImportRow>> FindMemberImport(Connection& conn, std::int64_t id) {
  return One(conn, kById, {id});
}

Result<std::optional<MemberImportRow>> FindRunningMemberImport(Connection& conn,
                                                               std::int64_t union_org_id,
                                                               const std::string& sha256) {
  return One(conn, kRunning, {union_org_id, sha256});
}

Result<std::vector<MemberImportRow>> ListMemberImports(Connection& conn, const std::string& low,
                                                       const std::string& high,
                                                       std::optional<std::int64_t> union_org_id,
                                                       std::int64_t limit,
                                                       const std::string& status) {
  const std::vector<Value> p{low, high, union_org_id.value_or(0), limit, status};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kList, p));
  std::vector<MemberImportRow> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<void> InsertMemberImportOutcomes(Connection& conn,
                                        const std::vector<MemberImportOutcome>& rows) {
  static constexpr std::string_view kHead =
      "INSERT INTO member_import_rows (import_id, row_number, outcome, column_name, code, args,"
      " member_id)";
  std::vector<Value> values;
  values.reserve(rows.size() * 7);
  for (const auto& o : rows) {
    for (Value v : {Value(o.import_id), Value(o.row_number), Value(o.outcome), Opt(o.column_name),
                    Opt(o.code), Opt(o.args), Opt(o.member_id)}) {
      values.push_back(std::move(v));
    }
  }
  return InsertRows(conn, "member_import_rows.insert_rows", kHead, 7, values);
}

Result<std::vector<MemberImportOutcome>> MemberImportOutcomes(Connection& conn,
                                                              std::int64_t import_id,
                                                              const std::string& outcome,
                                                              std::int64_t after_row,
                                                              std::int64_t limit) {
  const std::vector<Value> p{import_id, outcome, after_row, limit};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kOutcomes, p));
  std::vector<MemberImportOutcome> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(
        {r.Int(0), r.Int(1), r.Text(2), r.OptText(3), r.OptText(4), r.OptText(5), r.OptInt(6)});
  }
  return out;
}

Result<std::vector<ActiveMemberRef>> ActiveMembersByIdIndexes(
    Connection& conn, const std::vector<std::string>& indexes) {
  std::vector<ActiveMemberRef> out;
  std::vector<Value> p;
  p.reserve(kLookupWidth);
  for (std::size_t start = 0; start < indexes.size(); start += kLookupWidth) {
    p.clear();
    for (std::size_t i = start; i < indexes.size() && i < start + kLookupWidth; ++i) {
      p.emplace_back(indexes[i]);
    }
    while (p.size() < kLookupWidth) p.emplace_back(std::string());  // matches no blind index
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(ActiveLookup(), p));
    for (const Row& r : rows) {
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5)});
    }
  }
  return out;
}

}  // namespace zj::store
