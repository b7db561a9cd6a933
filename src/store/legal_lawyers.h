// Rows of the lawyers' directory and of the federations' legal rules (migration 0030). A lawyer
// or legal-aid centre is kept by a union (org_path); the lists read one subtree range, plus the
// lawyers of the unions above a path (a district's aid centre serves the streets below it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct LawyerRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string kind;  //!< lawyer, aid_centre
  std::string name;
  std::string firm;
  std::optional<Blob> phone_cipher;
  std::optional<std::string> phone_last4;
  int key_version = 0;
  bool active = true;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::string org_name;  //!< read only (joined)
};

Result<void> InsertLawyer(Connection& conn, const LawyerRow& row);
//! Writes kind, name, firm, phone (and its key version), active and updated_at.
Result<void> UpdateLawyer(Connection& conn, const LawyerRow& row);
Result<std::optional<LawyerRow>> FindLawyer(Connection& conn, std::int64_t id);
//! Lawyers kept by an org in [low, high), or by an org above `path` in `federation_id` (whose
//! path is a prefix of it; "" for none), by id, after the cursor `after_id`.
Result<std::vector<LawyerRow>> ListLawyers(Connection& conn, const std::string& low,
                                           const std::string& high, std::int64_t federation_id,
                                           const std::string& path, std::int64_t after_id,
                                           int limit);

//! A federation's thresholds of a collective dispute, when it set its own.
struct LegalRulesRow {
  std::int64_t federation_id = 0;
  int collective_workers = 10;
  std::int64_t collective_amount_fen = 0;
  std::optional<std::int64_t> updated_by;
  std::int64_t updated_at = 0;
};
Result<std::optional<LegalRulesRow>> FindLegalRules(Connection& conn, std::int64_t federation_id);
Result<void> UpsertLegalRules(Connection& conn, const LegalRulesRow& row);

}  // namespace zj::store
