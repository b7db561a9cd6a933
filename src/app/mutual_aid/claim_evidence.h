// Who may attach photos and files to a mutual-aid claim (issue 22), for app/attachments: the
// worker whose claim it is (My account), and cadres, staff and administrators whose subtree
// holds the claim's member; anyone else finds no claim (kNotFound). Evidence is added while the
// claim waits for its decision (kConflict "error.mutual_aid.claim_state" after).
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts/actor.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct ClaimEvidencePlace {
  std::int64_t federation_id = 0;
  std::string org_path;  //!< the claim's: its member's union
};

Result<ClaimEvidencePlace> ClaimEvidenceOf(store::Connection& conn, const Actor& actor,
                                           std::int64_t claim_id, bool writing);

}  // namespace zj::app
