#include "app/cards/card_service.h"

#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/orgs/org_scope.h"
#include "core/personal_data/masking.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace zj::app {

Result<MemberCard> CardService::MyCard(const Actor& worker) {
  if (!IsWorker(worker)) {
    return Fail(ErrorCode::kPermissionDenied, "error.auth.forbidden", "workers only");
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // The account as stored now, not as the session remembers it.
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  std::optional<store::MemberRow> member;
  if (account && account->member_id) {
    ZJ_ASSIGN_OR_RETURN(member, store::FindMemberById(*lease, *account->member_id));
  }
  if (!member) {
    return Fail(ErrorCode::kFailedPrecondition, "error.card.not_bound", "no member bound");
  }
  MemberCard card;
  card.member = BoundMemberOf(*member);
  // Whole seconds, as the token carries them.
  card.token_expires_at = (clock_.NowMs() + token_ms_) / 1000 * 1000;
  ZJ_ASSIGN_OR_RETURN(card.token, IssueCardToken(vault_, member->id, card.token_expires_at));
  return card;
}

Result<VerifiedCard> CardService::Verify(const Actor& actor, const std::string& token) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  const CardTokenCheck check = CheckCardToken(vault_, token, clock_.NowMs());
  if (!check.claims) {
    const bool expired = check.problem == CardTokenProblem::kExpired;
    return Fail(
        FieldProblem("token", expired ? "error.card.token_expired" : "error.card.token_invalid"));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, check.claims->member_id));
  if (!member || !PathInScope(actor, member->org_path)) {
    return Fail(MemberNotFound(check.claims->member_id));
  }
  VerifiedCard out;
  out.member_id = member->id;
  out.name = member->name;
  auto id = vault_.Open(kMemberIdField, member->id_cipher);
  out.id_masked = id ? personal_data::MaskNationalId(*id) : std::string(14, '*') + member->id_last4;
  out.card_number = member->card_number;
  out.union_id = member->union_org_id;
  out.union_name = member->union_name;
  out.status = member->status;
  out.token_expires_at = check.claims->expires_at_ms;
  return out;
}

}  // namespace zj::app
