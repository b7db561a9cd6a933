#include "store/hardship_bank_cards.h"

#include <vector>

namespace zj::store {

namespace {

constexpr Sql kUpsert{"hardship_bank_cards.upsert",
                      "INSERT INTO hardship_bank_cards (id, bank_name, card_cipher, card_last4,"
                      " key_version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                      " ON CONFLICT (id) DO UPDATE SET bank_name = excluded.bank_name,"
                      " card_cipher = excluded.card_cipher, card_last4 = excluded.card_last4,"
                      " key_version = excluded.key_version, updated_by = excluded.updated_by,"
                      " updated_at = excluded.updated_at"};
constexpr Sql kFind{"hardship_bank_cards.find",
                    "SELECT id, bank_name, card_cipher, card_last4, key_version, updated_by,"
                    " updated_at FROM hardship_bank_cards WHERE id = $1"};
constexpr Sql kDelete{"hardship_bank_cards.delete",
                      "DELETE FROM hardship_bank_cards WHERE id = $1"};

}  // namespace

Result<void> UpsertBankCard(Connection& conn, const BankCardRow& r) {
  const std::vector<Value> p{r.file_id,
                             r.bank_name,
                             r.card_cipher,
                             r.card_last4,
                             static_cast<std::int64_t>(r.key_version),
                             r.updated_by ? Value(*r.updated_by) : Value(),
                             r.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsert, p));
  return {};
}

Result<std::optional<BankCardRow>> FindBankCard(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  ZJ_ASSIGN_OR_RETURN(
      auto rows, Collect<BankCardRow>(conn, kFind, p, [](const RowView& r) {
        return BankCardRow{
            r.Int(0),    r.Text(1), r.Bytes(2), r.Text(3), static_cast<int>(r.Int(4)),
            r.OptInt(5), r.Int(6)};
      }));
  if (rows.empty()) return std::optional<BankCardRow>{};
  return std::optional<BankCardRow>{std::move(rows.front())};
}

Result<void> DeleteBankCard(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDelete, p));
  return {};
}

}  // namespace zj::store
