#include "store/resealing.h"

#include <stdexcept>

namespace zj::store {

namespace {

//! The statements of one sealed table, in the order of kSealedTables.
struct Statements {
  Sql count;
  Sql below;
  Sql reseal;
};

constexpr std::array<Statements, kSealedTables.size()> kStatements{{
    {{"users.sealed_below.count", "SELECT COUNT(*) FROM users WHERE key_version < $1"},
     {"users.sealed_below",
      "SELECT id, key_version, phone_cipher FROM users WHERE key_version < $1"
      " ORDER BY id LIMIT $2"},
     {"users.reseal",
      "UPDATE users SET phone_cipher = $2, phone_index = $3, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND phone_cipher = $6"}},
    {{"members.sealed_below.count", "SELECT COUNT(*) FROM members WHERE key_version < $1"},
     {"members.sealed_below",
      "SELECT id, key_version, id_cipher, phone_cipher FROM members WHERE key_version < $1"
      " ORDER BY id LIMIT $2"},
     // The phone may be absent: NULL matches NULL here (written out, as IS NOT DISTINCT FROM is
     // PostgreSQL's and IS is SQLite's).
     {"members.reseal",
      "UPDATE members SET id_cipher = $2, id_index = $3, phone_cipher = $4, phone_index = $5,"
      " key_version = $6 WHERE id = $1 AND key_version = $7 AND id_cipher = $8"
      " AND (phone_cipher = $9 OR (phone_cipher IS NULL AND $9 IS NULL))"}},
    {{"service_requests.sealed_below.count",
      "SELECT COUNT(*) FROM service_requests WHERE key_version < $1"},
     {"service_requests.sealed_below",
      "SELECT id, key_version, contact_phone_cipher FROM service_requests"
      " WHERE key_version < $1 ORDER BY id LIMIT $2"},
     {"service_requests.reseal",
      "UPDATE service_requests SET contact_phone_cipher = $2, contact_phone_index = $3,"
      " key_version = $4 WHERE id = $1 AND key_version = $5 AND contact_phone_cipher = $6"}},
    {{"worker_accounts.sealed_below.count",
      "SELECT COUNT(*) FROM worker_accounts WHERE key_version < $1"},
     {"worker_accounts.sealed_below",
      "SELECT id, key_version, phone_cipher FROM worker_accounts WHERE key_version < $1"
      " ORDER BY id LIMIT $2"},
     {"worker_accounts.reseal",
      "UPDATE worker_accounts SET phone_cipher = $2, phone_index = $3, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND phone_cipher = $6"}},
    {{"member_corrections.sealed_below.count",
      "SELECT COUNT(*) FROM member_corrections WHERE key_version < $1"},
     {"member_corrections.sealed_below",
      "SELECT id, key_version, new_cipher, old_cipher FROM member_corrections"
      " WHERE key_version < $1 ORDER BY id LIMIT $2"},
     // No blind indexes: the statement takes the values and versions only.
     {"member_corrections.reseal",
      "UPDATE member_corrections SET new_cipher = $2, old_cipher = $3, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND new_cipher = $6"
      " AND (old_cipher = $7 OR (old_cipher IS NULL AND $7 IS NULL))"}},
    {{"household_members.sealed_below.count",
      "SELECT COUNT(*) FROM household_members WHERE key_version < $1"},
     {"household_members.sealed_below",
      "SELECT id, key_version, id_cipher, name_cipher FROM household_members"
      " WHERE key_version < $1 ORDER BY id LIMIT $2"},
     // The name has no blind index: $5, the second value's index in the two-column shape, is
     // bound but not stored (cast, so PostgreSQL knows its type; the test is always true).
     {"household_members.reseal",
      "UPDATE household_members SET id_cipher = $2, id_blind = $3, name_cipher = $4,"
      " key_version = $6 WHERE id = $1 AND key_version = $7 AND id_cipher = $8"
      " AND name_cipher = $9 AND (CAST($5 AS TEXT) IS NULL OR CAST($5 AS TEXT) IS NOT NULL)"}},
    {{"hardship_bank_cards.sealed_below.count",
      "SELECT COUNT(*) FROM hardship_bank_cards WHERE key_version < $1"},
     {"hardship_bank_cards.sealed_below",
      "SELECT id, key_version, card_cipher FROM hardship_bank_cards WHERE key_version < $1"
      " ORDER BY id LIMIT $2"},
     // One value, no blind index: the unindexed shape's second value ($3, $7) is always NULL,
     // bound but not stored (cast, so PostgreSQL knows its type; the tests are always true).
     {"hardship_bank_cards.reseal",
      "UPDATE hardship_bank_cards SET card_cipher = $2, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND card_cipher = $6"
      " AND (CAST($3 AS BLOB) IS NULL OR CAST($3 AS BLOB) IS NOT NULL)"
      " AND (CAST($7 AS BLOB) IS NULL OR CAST($7 AS BLOB) IS NOT NULL)"}},
    {{"legal_case_workers.sealed_below.count",
      "SELECT COUNT(*) FROM legal_case_workers WHERE key_version < $1"},
     {"legal_case_workers.sealed_below",
      "SELECT id, key_version, id_cipher, name_cipher FROM legal_case_workers"
      " WHERE key_version < $1 ORDER BY id LIMIT $2"},
     // As household_members: the name's index ($5) is bound but not stored.
     {"legal_case_workers.reseal",
      "UPDATE legal_case_workers SET id_cipher = $2, id_blind = $3, name_cipher = $4,"
      " key_version = $6 WHERE id = $1 AND key_version = $7 AND id_cipher = $8"
      " AND name_cipher = $9 AND (CAST($5 AS TEXT) IS NULL OR CAST($5 AS TEXT) IS NOT NULL)"}},
    // Only lawyers with a phone hold a sealed value. The unindexed shape binds a second value
    // ($3) and its old one ($7) that this table does not have: always NULL, tested but unused.
    {{"legal_lawyers.sealed_below.count",
      "SELECT COUNT(*) FROM legal_lawyers WHERE key_version < $1 AND phone_cipher IS NOT NULL"},
     {"legal_lawyers.sealed_below",
      "SELECT id, key_version, phone_cipher FROM legal_lawyers"
      " WHERE key_version < $1 AND phone_cipher IS NOT NULL ORDER BY id LIMIT $2"},
     {"legal_lawyers.reseal",
      "UPDATE legal_lawyers SET phone_cipher = $2, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND phone_cipher = $6"
      " AND CAST($3 AS BYTEA) IS NULL AND CAST($7 AS BYTEA) IS NULL"}},
    // Evidence files are up to 10 MiB each: a batch reads at most 8 of them, whatever the
    // rotation's batch size, so a transaction holds no more than ~80 MiB of them.
    {{"attachments.sealed_below.count", "SELECT COUNT(*) FROM attachments WHERE key_version < $1"},
     {"attachments.sealed_below",
      "SELECT id, key_version, content_cipher, name_cipher FROM attachments"
      " WHERE key_version < $1 ORDER BY id LIMIT CASE WHEN $2 < 8 THEN $2 ELSE 8 END"},
     // No blind indexes: the values and versions only, as member_corrections.
     {"attachments.reseal",
      "UPDATE attachments SET content_cipher = $2, name_cipher = $3, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND content_cipher = $6 AND name_cipher = $7"}},
    // As legal_lawyers: only the steps with free text hold a sealed value.
    {{"hardship_steps.sealed_below.count",
      "SELECT COUNT(*) FROM hardship_steps WHERE key_version < $1 AND text_cipher IS NOT NULL"},
     {"hardship_steps.sealed_below",
      "SELECT id, key_version, text_cipher FROM hardship_steps"
      " WHERE key_version < $1 AND text_cipher IS NOT NULL ORDER BY id LIMIT $2"},
     {"hardship_steps.reseal",
      "UPDATE hardship_steps SET text_cipher = $2, key_version = $4"
      " WHERE id = $1 AND key_version = $5 AND text_cipher = $6"
      " AND CAST($3 AS BYTEA) IS NULL AND CAST($7 AS BYTEA) IS NULL"}},
}};

const Statements& Of(const SealedTable& table) {
  for (std::size_t i = 0; i < kSealedTables.size(); ++i) {
    if (kSealedTables[i].name == table.name) return kStatements[i];
  }
  throw std::logic_error("no statements for sealed table " + std::string(table.name));
}

Value Opt(const std::optional<Blob>& b) { return b ? Value(*b) : Value(); }
Value Opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }

}  // namespace

Result<std::int64_t> CountSealedBelow(Connection& conn, const SealedTable& table, int version) {
  const std::vector<Value> p{std::int64_t{version}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(Of(table).count, p));
  return rows.at(0).Int(0);
}

Result<std::vector<SealedRow>> SealedBelow(Connection& conn, const SealedTable& table, int version,
                                           int limit) {
  const std::vector<Value> p{std::int64_t{version}, std::int64_t{limit}};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(Of(table).below, p));
  std::vector<SealedRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    SealedRow row{r.Int(0), static_cast<int>(r.Int(1)), r.Bytes(2), std::nullopt};
    if (r.size() > 3 && !r.IsNull(3)) row.second = r.Bytes(3);
    out.push_back(std::move(row));
  }
  return out;
}

Result<bool> Reseal(Connection& conn, const SealedTable& table, const SealedRow& read,
                    const ResealedRow& resealed) {
  const Statements& sql = Of(table);
  const std::int64_t version{resealed.key_version};
  const std::int64_t read_version{read.key_version};
  std::int64_t changed = 0;
  if (!table.indexed) {
    const std::vector<Value> p{read.id,      resealed.first, Opt(resealed.second), version,
                               read_version, read.first,     Opt(read.second)};
    ZJ_ASSIGN_OR_RETURN(changed, conn.Execute(sql.reseal, p));
  } else if (table.second_column.empty()) {
    const std::vector<Value> p{read.id, resealed.first, resealed.first_index,
                               version, read_version,   read.first};
    ZJ_ASSIGN_OR_RETURN(changed, conn.Execute(sql.reseal, p));
  } else {
    const std::vector<Value> p{read.id,
                               resealed.first,
                               resealed.first_index,
                               Opt(resealed.second),
                               Opt(resealed.second_index),
                               version,
                               read_version,
                               read.first,
                               Opt(read.second)};
    ZJ_ASSIGN_OR_RETURN(changed, conn.Execute(sql.reseal, p));
  }
  return changed > 0;
}

}  // namespace zj::store
