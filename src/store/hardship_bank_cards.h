// Rows of hardship_bank_cards (migration 0034): a hardship file's bank card, sealed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace zj::store {

struct BankCardRow {
  std::int64_t file_id = 0;
  std::string bank_name;
  Blob card_cipher;
  std::string card_last4;
  int key_version = 0;
  std::optional<std::int64_t> updated_by;
  std::int64_t updated_at = 0;
};

//! Inserts the file's card or replaces it.
Result<void> UpsertBankCard(Connection& conn, const BankCardRow& row);
Result<std::optional<BankCardRow>> FindBankCard(Connection& conn, std::int64_t file_id);
Result<void> DeleteBankCard(Connection& conn, std::int64_t file_id);

}  // namespace zj::store
