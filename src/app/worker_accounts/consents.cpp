#include "app/worker_accounts/consents.h"

#include <algorithm>

#include "store/worker_accounts.h"

namespace zj::app {

namespace {

Error UnknownUse() {
  std::string values;
  for (auto u : kOptionalUses) values += (values.empty() ? "" : ", ") + std::string(u);
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  invalid.fields.push_back({"use", "error.field.one_of", {{"values", values}}});
  return invalid;
}

Result<Consents> Read(store::Connection& conn, std::int64_t worker_id) {
  Consents out;
  ZJ_ASSIGN_OR_RETURN(out.history, store::WorkerConsentsOf(conn, worker_id));
  for (auto use : kOptionalUses) {
    ConsentState s{std::string(use), false, std::nullopt};
    // History is newest first: the first row of the use is its state.
    auto it = std::find_if(out.history.begin(), out.history.end(),
                           [&](const store::WorkerConsentRow& r) { return r.purpose == use; });
    if (it != out.history.end()) {
      s.granted = it->granted;
      s.changed_at = it->created_at;
    }
    out.uses.push_back(std::move(s));
  }
  ZJ_ASSIGN_OR_RETURN(out.notice, store::WorkerNoticeOf(conn, worker_id));
  return out;
}

}  // namespace

bool IsOptionalUse(std::string_view use) {
  return std::find(kOptionalUses.begin(), kOptionalUses.end(), use) != kOptionalUses.end();
}

Result<bool> ConsentGiven(store::Connection& conn, const ConsentHolder& holder,
                          std::string_view use) {
  if (!IsOptionalUse(use)) return Fail(UnknownUse());
  std::optional<std::int64_t> worker_id = holder.worker_id;
  if (!worker_id && holder.member_id) {
    ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccountByMember(conn, *holder.member_id));
    if (account) worker_id = account->id;
  }
  if (!worker_id) return false;
  ZJ_ASSIGN_OR_RETURN(auto latest, store::LatestWorkerConsent(conn, *worker_id, std::string(use)));
  return latest && latest->granted;
}

Result<bool> ConsentService::Given(const ConsentHolder& holder, std::string_view use) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return ConsentGiven(*lease, holder, use);
}

Result<Consents> ConsentService::Of(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return Read(*lease, *worker.worker_id);
}

Result<Consents> ConsentService::Set(const Actor& worker, const std::string& use, bool granted) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  if (!IsOptionalUse(use)) return Fail(UnknownUse());
  const std::int64_t id = *worker.worker_id;
  return store::InTransaction(db_, [&](store::Connection& conn) -> Result<Consents> {
    ZJ_ASSIGN_OR_RETURN(auto latest, store::LatestWorkerConsent(conn, id, use));
    const bool holds = latest ? latest->granted == granted : !granted;
    if (!holds) {
      ZJ_RETURN_IF_ERROR(store::InsertWorkerConsent(
          conn, store::WorkerConsentRow{NewId(clock_, random_), id, use, granted, clock_.NowMs()}));
      ZJ_RETURN_IF_ERROR(
          audit_.Record(conn, AuditActor::From(worker),
                        AuditEvent{"worker.consent",
                                   "worker_account",
                                   std::to_string(id),
                                   "ok",
                                   worker.remote_addr,
                                   {{"use", use}, {"granted", granted ? "true" : "false"}}}));
    }
    return Read(conn, id);
  });
}

Result<store::NoticeAcceptance> ConsentService::AcceptNotice(const Actor& worker,
                                                             std::int64_t version) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::int64_t id = *worker.worker_id;
  return store::InTransaction(db_, [&](store::Connection& conn) -> Result<store::NoticeAcceptance> {
    ZJ_ASSIGN_OR_RETURN(auto current, store::WorkerNoticeOf(conn, id));
    const std::int64_t min = current.version.value_or(1);
    if (version < min || version > kMaxNoticeVersion) {
      Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
      invalid.fields.push_back(
          {"version",
           "error.field.out_of_range",
           {{"min", std::to_string(min)}, {"max", std::to_string(kMaxNoticeVersion)}}});
      return Fail(std::move(invalid));
    }
    const std::int64_t now = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::SetWorkerNotice(conn, id, static_cast<int>(version), now));
    ZJ_RETURN_IF_ERROR(audit_.Record(conn, AuditActor::From(worker),
                                     AuditEvent{"worker.notice",
                                                "worker_account",
                                                std::to_string(id),
                                                "ok",
                                                worker.remote_addr,
                                                {{"version", std::to_string(version)}}}));
    return store::NoticeAcceptance{static_cast<int>(version), now};
  });
}

}  // namespace zj::app
