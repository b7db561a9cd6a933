// Rows of honour rounds and nominations (migration 0040, issue 21 slice 5): the round with its
// composition rules as text and its quotas, and the nominations of the orgs of its subtree. The
// use cases (app/competitions/honour_service) hold every rule; these are plain reads and writes
// in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct HonourRoundRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string title;
  int year = 0;
  std::string rules_text;  //!< core/competitions/honours.h ParseRules' CSV
  std::string opens_on;    //!< YYYY-MM-DD
  std::string closes_on;   //!< YYYY-MM-DD
  std::string status = "open";
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::string org_name;  //!< read only
};

struct HonourQuotaRow {
  std::int64_t round_id = 0;
  std::int64_t org_id = 0;
  std::string category;  //!< "" for the org's whole list
  int max = 0;
  std::string org_name;  //!< read only
};

struct NominationRow {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::int64_t org_id = 0;  //!< the nominating org
  std::string org_path;
  std::int64_t federation_id = 0;
  std::string nominee_kind;  //!< member, team, enterprise
  std::string nominee_key;   //!< member:<id>, entry:<id>, enterprise:<id>: unique per round
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> entry_id;
  std::optional<std::int64_t> enterprise_id;
  std::string categories_json = "[]";
  std::string status = "draft";  //!< draft, forwarded, awarded, refused
  std::optional<std::int64_t> forwarded_to;
  std::optional<std::int64_t> forwarded_at;
  std::optional<std::string> forward_reason;
  bool flagged = false;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> decision_note;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  // Read only:
  std::string nominee_name;  //!< the member's, the team's or the enterprise's name
  std::string org_name;      //!< the nominating org's name
};

Result<void> InsertHonourRound(Connection& conn, const HonourRoundRow& row);
Result<std::optional<HonourRoundRow>> FindHonourRound(Connection& conn, std::int64_t id);
//! Rounds whose org_path lies in [low, high) or is a prefix of `inside` (the rounds of the orgs
//! above it), newest first, after the cursor.
Result<std::vector<HonourRoundRow>> ListHonourRounds(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     const std::string& inside,
                                                     std::int64_t before_id, int limit);

Result<void> InsertHonourQuota(Connection& conn, const HonourQuotaRow& row);
Result<std::vector<HonourQuotaRow>> QuotasOfRound(Connection& conn, std::int64_t round_id);

//! kAlreadyExists from the unique key when the nominee is in the round already.
Result<void> InsertNomination(Connection& conn, const NominationRow& row);
Result<std::optional<NominationRow>> FindNomination(Connection& conn, std::int64_t id);
//! True when a nomination of the round has this nominee key.
Result<bool> NomineeTaken(Connection& conn, std::int64_t round_id, const std::string& key);
//! The list an org holds: its own drafts, and what was forwarded to it (any later status), by
//! id (at most 10,000).
Result<std::vector<NominationRow>> NominationsHeldBy(Connection& conn, std::int64_t round_id,
                                                     std::int64_t org_id);
//! Forwarded and awarded nominations whose nominating org lies in [low, high), by id.
Result<std::vector<NominationRow>> ForwardedInSubtree(Connection& conn, std::int64_t round_id,
                                                      const std::string& low,
                                                      const std::string& high);
//! Deletes a draft; false when it was not a draft any more.
Result<bool> DeleteDraftNomination(Connection& conn, std::int64_t id);
//! Writes the row's status, forwarding and decision columns when the stored status is `from`;
//! false when it was not (a concurrent move).
Result<bool> MoveNomination(Connection& conn, const NominationRow& row, const std::string& from);

}  // namespace zj::store
