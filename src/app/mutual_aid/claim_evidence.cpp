#include "app/mutual_aid/claim_evidence.h"

#include "app/mutual_aid/mutual_aid_rules.h"
#include "app/orgs/org_scope.h"
#include "store/mutual_aid.h"
#include "store/worker_accounts.h"

namespace zj::app {

Result<ClaimEvidencePlace> ClaimEvidenceOf(store::Connection& conn, const Actor& actor,
                                           std::int64_t claim_id, bool writing) {
  const Error not_found = MaNotFound("claim " + std::to_string(claim_id));
  ZJ_ASSIGN_OR_RETURN(auto claim, store::FindMaClaim(conn, claim_id));
  if (IsWorker(actor)) {
    // The worker's own claim only: the member their account is bound to.
    ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *actor.worker_id));
    if (!claim || !account || !account->member_id || *account->member_id != claim->member_id) {
      return Fail(not_found);
    }
  } else {
    ZJ_RETURN_IF_ERROR(MustRunMa(actor));
    if (!claim || !PathInScope(actor, claim->org_path)) return Fail(not_found);
  }
  if (writing && claim->status != "filed") {
    return Fail(ErrorCode::kConflict, "error.mutual_aid.claim_state",
                "claim " + claim->status + ", not filed");
  }
  return ClaimEvidencePlace{claim->federation_id, claim->org_path};
}

}  // namespace zj::app
