#include "store/attachments.h"

namespace zj::store {

namespace {

constexpr Sql kInsert{"attachments.insert",
                      "INSERT INTO attachments (id, federation_id, org_path, owner_kind, owner_id,"
                      " stage, name_cipher, media_type, bytes, sha256, content_cipher,"
                      " key_version, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6,"
                      " $7, $8, $9, $10, $11, $12, $13, $14)"};
constexpr Sql kFind{"attachments.find",
                    "SELECT a.id, a.federation_id, a.org_path, a.owner_kind, a.owner_id, a.stage,"
                    " a.name_cipher, a.media_type, a.bytes, a.sha256, a.key_version,"
                    " a.uploaded_by, a.uploaded_at, a.removed_at, a.removed_by, u.display_name,"
                    " a.content_cipher FROM attachments a LEFT JOIN users u"
                    " ON u.id = a.uploaded_by WHERE a.id = $1"};
constexpr Sql kOf{"attachments.of",
                  "SELECT a.id, a.federation_id, a.org_path, a.owner_kind, a.owner_id, a.stage,"
                  " a.name_cipher, a.media_type, a.bytes, a.sha256, a.key_version,"
                  " a.uploaded_by, a.uploaded_at, a.removed_at, a.removed_by, u.display_name"
                  " FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by"
                  " WHERE a.owner_kind = $1 AND a.owner_id = $2 AND a.stage = $3"
                  " AND a.removed_at IS NULL ORDER BY a.id LIMIT 500"};
constexpr Sql kTotals{"attachments.totals",
                      "SELECT COUNT(*), CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM attachments"
                      " WHERE owner_kind = $1 AND owner_id = $2 AND stage = $3"
                      " AND removed_at IS NULL"};
constexpr Sql kUploads{"attachments.uploads_since",
                       "SELECT COUNT(*) FROM attachments WHERE uploaded_by = $1"
                       " AND uploaded_at >= $2"};
constexpr Sql kRemove{"attachments.remove",
                      "UPDATE attachments SET removed_at = $3, removed_by = $2"
                      " WHERE id = $1 AND removed_at IS NULL"};

AttachmentRow FromRow(const RowView& r) {
  AttachmentRow a;
  a.id = r.Int(0);
  a.federation_id = r.Int(1);
  a.org_path = r.Text(2);
  a.owner_kind = r.Text(3);
  a.owner_id = r.Int(4);
  a.stage = r.Text(5);
  a.name_cipher = r.Bytes(6);
  a.media_type = r.Text(7);
  a.bytes = r.Int(8);
  a.sha256 = r.Text(9);
  a.key_version = static_cast<int>(r.Int(10));
  a.uploaded_by = r.OptInt(11);
  a.uploaded_at = r.Int(12);
  a.removed_at = r.OptInt(13);
  a.removed_by = r.OptInt(14);
  a.uploaded_by_name = r.OptText(15).value_or("");
  if (r.size() > 16) a.content_cipher = r.Bytes(16);
  return a;
}

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

}  // namespace

Result<void> InsertAttachment(Connection& conn, const AttachmentRow& r) {
  const std::vector<Value> p{r.id,
                             r.federation_id,
                             r.org_path,
                             r.owner_kind,
                             r.owner_id,
                             r.stage,
                             r.name_cipher,
                             r.media_type,
                             r.bytes,
                             r.sha256,
                             r.content_cipher,
                             static_cast<std::int64_t>(r.key_version),
                             Opt(r.uploaded_by),
                             r.uploaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<AttachmentRow>> FindAttachment(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<AttachmentRow>(conn, kFind, p, FromRow));
  if (rows.empty()) return std::optional<AttachmentRow>{};
  return std::optional<AttachmentRow>{std::move(rows.front())};
}

Result<std::vector<AttachmentRow>> AttachmentsOf(Connection& conn, const std::string& owner_kind,
                                                 std::int64_t owner_id, const std::string& stage) {
  const std::vector<Value> p{owner_kind, owner_id, stage};
  return Collect<AttachmentRow>(conn, kOf, p, FromRow);
}

Result<AttachmentTotals> AttachmentTotalsOf(Connection& conn, const std::string& owner_kind,
                                            std::int64_t owner_id, const std::string& stage) {
  const std::vector<Value> p{owner_kind, owner_id, stage};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kTotals, p));
  return AttachmentTotals{rows.at(0).Int(0), rows.at(0).Int(1)};
}

Result<std::int64_t> CountUploadsSince(Connection& conn, std::int64_t user_id, std::int64_t since) {
  const std::vector<Value> p{user_id, since};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kUploads, p));
  return rows.at(0).Int(0);
}

Result<bool> RemoveAttachment(Connection& conn, std::int64_t id, std::optional<std::int64_t> by,
                              std::int64_t at) {
  const std::vector<Value> p{id, Opt(by), at};
  ZJ_ASSIGN_OR_RETURN(const std::int64_t changed, conn.Execute(kRemove, p));
  return changed > 0;
}

}  // namespace zj::store
