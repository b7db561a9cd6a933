// My data's reveal: the worker's own phone and ID numbers in clear, after a fresh one-time code
// (the sign-in code's machinery, throttles and refusals, not a copy of them).
#include "app/members/member_service.h"
#include "app/worker_accounts/my_data.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

Result<store::WorkerAccountRow> AccountOf(store::Database& db, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
  return *account;
}

}  // namespace

Result<CodeSent> MyDataService::RequestRevealCode(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::WorkerAccountRow account, AccountOf(db_, worker));
  ZJ_ASSIGN_OR_RETURN(std::string phone, vault_.Open(kWorkerPhoneField, account.phone_cipher));
  return sign_in_.RequestCode(phone, worker.remote_addr);
}

Result<RevealedData> MyDataService::Reveal(const Actor& worker, const std::string& code) {
  ZJ_ASSIGN_OR_RETURN(store::WorkerAccountRow account, AccountOf(db_, worker));
  RevealedData out;
  ZJ_ASSIGN_OR_RETURN(out.phone, vault_.Open(kWorkerPhoneField, account.phone_cipher));
  ZJ_RETURN_IF_ERROR(sign_in_.UseCode(out.phone, code, worker.remote_addr));
  if (account.member_id) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account.member_id));
    if (member) {
      ZJ_ASSIGN_OR_RETURN(out.id_number, vault_.Open(kMemberIdField, member->id_cipher));
      if (member->phone_cipher) {
        ZJ_ASSIGN_OR_RETURN(out.member_phone,
                            vault_.Open(kMemberPhoneField, *member->phone_cipher));
      }
    }
  }
  ZJ_RETURN_IF_ERROR(audit_.Record(AuditActor::From(worker), AuditEvent{"worker.my_data",
                                                                        "worker_account",
                                                                        std::to_string(account.id),
                                                                        "ok",
                                                                        worker.remote_addr,
                                                                        {{"purpose", "reveal"}}}));
  return out;
}

}  // namespace zj::app
