#include "app/worker_accounts/my_data.h"

#include "app/members/member_service.h"
#include "app/worker_accounts/sign_in_service.h"
#include "core/personal_data/masking.h"
#include "store/member_corrections.h"
#include "store/members.h"
#include "store/worker_accounts.h"
#include "store/worker_bindings.h"

namespace zj::app {

namespace {

std::string Masked(const Vault& vault, std::string_view field, const store::Blob& sealed,
                   bool id_number) {
  auto plain = vault.Open(field, sealed);
  if (!plain) return std::string(id_number ? 18 : 11, '*');
  return id_number ? personal_data::MaskNationalId(*plain) : personal_data::MaskPhone(*plain);
}

MyDataMember MemberOf(const Vault& vault, const store::MemberRow& m) {
  MyDataMember out;
  out.id = m.id;
  out.name = m.name;
  out.card_number = m.card_number;
  out.id_number_masked = Masked(vault, kMemberIdField, m.id_cipher, true);
  if (m.phone_cipher) out.phone_masked = Masked(vault, kMemberPhoneField, *m.phone_cipher, false);
  out.gender = m.gender;
  out.birth_date = m.birth_date;
  out.ethnicity = m.ethnicity;
  out.employer = m.employer_display ? m.employer_display : m.employer_name;
  out.join_date = m.join_date;
  out.union_name = m.union_name;
  out.migrant_worker = m.migrant_worker;
  out.model_worker = m.model_worker;
  out.status = m.status;
  out.status_changed_on = m.status_changed_on;
  out.recorded_at = m.created_at;
  return out;
}

}  // namespace

Result<MyData> MyDataService::Of(const Actor& worker, const std::string& purpose) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  MyData out;
  out.generated_at = clock_.NowMs();
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
    if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
    out.worker_id = account->id;
    out.phone_masked = Masked(vault_, kWorkerPhoneField, account->phone_cipher, false);
    out.status = account->status;
    out.created_at = account->created_at;
    out.last_sign_in_at = account->last_sign_in_at;
    out.bound_at = account->bound_at;
    ZJ_ASSIGN_OR_RETURN(auto sessions, store::WorkerSessionsOf(*lease, account->id));
    for (const auto& s : sessions) {
      out.sessions.push_back({s.created_at, s.last_seen_at, s.expires_at, s.remote_addr});
    }
    // The stored binding, not the session's cached one.
    if (account->member_id) {
      ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account->member_id));
      if (member) out.member = MemberOf(vault_, *member);
    }
    ZJ_ASSIGN_OR_RETURN(auto corrections, store::CorrectionsOfWorker(*lease, account->id));
    for (auto& c : corrections) {
      CorrectionView view{std::move(c), std::nullopt, ""};
      view.new_shown = ShownSealedValue(vault_, view.row.field, view.row.new_cipher);
      if (view.row.old_cipher) {
        view.old_shown = ShownSealedValue(vault_, view.row.field, *view.row.old_cipher);
      }
      out.corrections.push_back(std::move(view));
    }
    ZJ_ASSIGN_OR_RETURN(auto bindings, store::WorkerBindingsOfWorker(*lease, account->id));
    for (const auto& b : bindings) {
      out.bindings.push_back(
          {b.state, b.reason, b.member_name, b.union_name, b.created_at, b.decided_at});
    }
  }
  ZJ_ASSIGN_OR_RETURN(out.requests, requests_.MyRequestRecords(worker, kMaxRequests));
  ZJ_ASSIGN_OR_RETURN(out.consents, consents_.Of(worker));
  ZJ_RETURN_IF_ERROR(
      audit_.Record(AuditActor::From(worker), AuditEvent{"worker.my_data",
                                                         "worker_account",
                                                         std::to_string(out.worker_id),
                                                         "ok",
                                                         worker.remote_addr,
                                                         {{"purpose", purpose}}}));
  return out;
}

}  // namespace zj::app
