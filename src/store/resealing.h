// The rows key rotation re-encrypts (app/personal_data/key_rotation.h): every table that holds
// sealed personal data, listed once here (kSealedTables). A row is read in batches below a key
// version and replaced only while it is still as it was read: the same key_version and the same
// ciphertexts (each seal has a fresh nonce, so a rewrite of the same value differs too). A write
// that raced the rotation (a new phone, an import) is never undone; the rotation finds the row
// again in a later batch if it is still old.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! A table holding sealed values: one (like users' phones) or two (members' ID and phone).
struct SealedTable {
  std::string_view name;           //!< the table
  std::string_view first_column;   //!< its first sealed column (NOT NULL where the row counts)
  std::string_view second_column;  //!< "" when the table has one
  bool indexed = true;             //!< false: no blind index columns (nothing looks values up)
};

//! Every table with sealed columns; a test checks that no *_cipher column of the schema is
//! missing from it.
inline constexpr std::array<SealedTable, 11> kSealedTables{{
    {"users", "phone_cipher", ""},
    {"members", "id_cipher", "phone_cipher"},
    {"service_requests", "contact_phone_cipher", ""},
    {"worker_accounts", "phone_cipher", ""},
    // A worker's proposed value and the value it replaces; only ever read in full.
    {"member_corrections", "new_cipher", "old_cipher", false},
    // A hardship file's household (issue 20): the ID number indexed, the name not.
    {"household_members", "id_cipher", "name_cipher"},
    // A hardship file's bank card: only ever read in full (the payment list, a reveal).
    {"hardship_bank_cards", "card_cipher", "", false},
    // The workers of a legal case (issue 20): the ID number indexed, the name not.
    {"legal_case_workers", "id_cipher", "name_cipher"},
    // A lawyer's phone, when the directory has one; nothing looks it up.
    {"legal_lawyers", "phone_cipher", "", false},
    // Evidence files (issue 20): the bytes and the name, only ever read in full.
    {"attachments", "content_cipher", "name_cipher", false},
    // The free text of a hardship file's trail (0047), on the steps that have any.
    {"hardship_steps", "text_cipher", "", false},
}};

//! A row's sealed values as rotation read them.
struct SealedRow {
  std::int64_t id = 0;
  int key_version = 0;
  Blob first;
  std::optional<Blob> second;
};

//! The same values sealed again, with their blind indexes and the row's new key version.
struct ResealedRow {
  Blob first;
  std::string first_index;
  std::optional<Blob> second;
  std::optional<std::string> second_index;
  int key_version = 0;
};

//! How many rows of `table` are sealed under a key version below `version`.
Result<std::int64_t> CountSealedBelow(Connection& conn, const SealedTable& table, int version);
//! Up to `limit` of them, by id.
Result<std::vector<SealedRow>> SealedBelow(Connection& conn, const SealedTable& table, int version,
                                           int limit);
//! Replaces the row's sealed values when it is still as `read`; false (nothing written) when a
//! write changed it since.
Result<bool> Reseal(Connection& conn, const SealedTable& table, const SealedRow& read,
                    const ResealedRow& resealed);

}  // namespace zj::store
