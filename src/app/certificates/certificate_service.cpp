#include "app/certificates/certificate_service.h"

#include "app/beijing_day.h"
#include "app/certificates/certificate_pdf.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/calendar/work_calendar.h"
#include "core/certificates/code.h"
#include "core/members/calendar_date.h"
#include "core/personal_data/masking.h"
#include "store/competitions.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxCodeTries = 8;

Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found", "certificate", {}, {}}; }

//! The worker's bound member, from the stored binding (not the session's cached one).
Result<std::int64_t> BoundMember(store::Connection& conn, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  return *account->member_id;
}

}  // namespace

Result<store::CertificateRow> IssueCertificate(store::Connection& conn, const Clock& clock,
                                               Random& random, const NewCertificate& in) {
  store::CertificateRow row;
  row.id = NewId(clock, random);
  row.federation_id = in.federation_id;
  row.org_id = in.org_id;
  row.org_path = in.org_path;
  row.kind = in.kind;
  row.source_id = in.source_id;
  row.member_id = in.member_id;
  row.holder_kind = in.holder_kind;
  if (in.holder_kind == "member") {
    row.holder_masked = personal_data::MaskPersonName(in.holder_name);
  } else {
    row.holder_name = in.holder_name;
    row.holder_masked = in.holder_name;
  }
  row.title = in.title;
  row.award = in.award;
  row.place = in.place;
  row.issued_at = clock.NowMs();
  // 59 bits: a collision is all but impossible, and looked for rather than left to the unique
  // key (a failed INSERT would end a PostgreSQL transaction).
  for (int i = 0; i < kMaxCodeTries && row.code.empty(); ++i) {
    std::string code = certificates::NewCode([&] { return random.Next32(); });
    ZJ_ASSIGN_OR_RETURN(auto taken, store::FindCertificateByCode(conn, code));
    if (!taken) row.code = std::move(code);
  }
  if (row.code.empty()) return Fail(ErrorCode::kInternal, "error.internal", "no free code");
  ZJ_RETURN_IF_ERROR(store::InsertCertificate(conn, row));
  return row;
}

Result<CertificateView> CertificateService::View(store::Connection& conn,
                                                 store::CertificateRow row) {
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  CertificateView v;
  v.issuer = org ? org->name : std::string();
  v.issued_on = BeijingDay(row.issued_at);
  v.display_code = certificates::DisplayCode(row.code);
  v.row = std::move(row);
  return v;
}

Result<VerifiedCertificate> CertificateService::Verify(const std::string& code,
                                                       const std::string& remote_addr) {
  const std::int64_t now = clock_.NowMs();
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    wait_ms = throttle_.RetryAfterMs("verify", remote_addr, now);
  }
  if (wait_ms > 0) {
    const std::string seconds = std::to_string((wait_ms + 999) / 1000);
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "error.too_many_requests",
                      "certificate verification throttled",
                      {},
                      {{"seconds", seconds}, {"retry_after", seconds}}});
  }
  // A code that cannot be one is looked up all the same (as an impossible value), so a probe
  // learns nothing from the time either.
  const auto normal = certificates::NormaliseCode(code);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindCertificateByCode(*lease, normal.value_or("-")));
  if (!row) {
    std::lock_guard lock(throttle_mutex_);
    throttle_.RecordFailure("verify", remote_addr, now);
    return Fail(NotFound());
  }
  ZJ_ASSIGN_OR_RETURN(CertificateView view, View(*lease, std::move(*row)));
  VerifiedCertificate out;
  out.kind = view.row.kind;
  out.title = view.row.title;
  out.award = view.row.award;
  out.place = view.row.place;
  out.holder_kind = view.row.holder_kind;
  out.holder = view.row.holder_masked;
  out.issuer = view.issuer;
  out.issued_on = view.issued_on;
  out.revoked = view.row.revoked_at.has_value();
  if (view.row.revoked_at) out.revoked_on = BeijingDay(*view.row.revoked_at);
  return out;
}

Result<std::vector<CertificateView>> CertificateService::Mine(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(const std::int64_t member_id, BoundMember(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CertificatesOfMember(*lease, member_id));
  std::vector<CertificateView> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(r)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::string> CertificateService::Pdf(const Actor& worker, std::int64_t id,
                                            const std::string& verify_base) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(const std::int64_t member_id, BoundMember(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CertificatesOfMember(*lease, member_id));
  std::optional<store::CertificateRow> mine;
  for (auto& r : rows) {
    if (r.id == id) mine = std::move(r);
  }
  if (!mine) return Fail(NotFound());
  std::string holder = mine->holder_name.value_or(mine->holder_masked);
  if (mine->holder_kind == "member" && mine->member_id) {
    ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(*lease, *mine->member_id));
    if (m) holder = m->name;
  }
  ZJ_ASSIGN_OR_RETURN(CertificateView v, View(*lease, std::move(*mine)));
  CertificatePdfText text;
  text.title = v.row.title;
  text.award = v.row.award;
  text.place = v.row.place;
  text.holder = holder;
  text.issuer = v.issuer;
  text.issued_on = v.issued_on;
  text.code = v.display_code;
  text.verify_url = verify_base + "?code=" + v.row.code;
  text.revoked = v.row.revoked_at.has_value();
  return RenderCertificatePdf(text);
}

Result<std::vector<CertificateView>> CertificateService::OfCompetition(
    const Actor& actor, std::int64_t competition_id) {
  if (actor.role != "admin" && actor.role != "staff" && actor.role != "cadre") {
    return Fail(ErrorCode::kPermissionDenied, "error.competition.forbidden", "organisers only");
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(*lease, competition_id));
  if (!comp || !PathInScope(actor, comp->org_path)) return Fail(NotFound());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CertificatesOfCompetition(*lease, competition_id));
  std::vector<CertificateView> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(r)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<CertificateView> CertificateService::Revoke(const Actor& actor, std::int64_t id,
                                                   const std::string& reason) {
  if (actor.role != "admin" && actor.role != "staff" && actor.role != "cadre") {
    return Fail(ErrorCode::kPermissionDenied, "error.competition.forbidden", "organisers only");
  }
  ZJ_ASSIGN_OR_RETURN(const std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<CertificateView> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindCertificate(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(NotFound());
    const std::int64_t now = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(const bool revoked, store::RevokeCertificate(c, id, now, why));
    if (!revoked) {
      return Fail(ErrorCode::kConflict, "error.certificate.revoked", "revoked already");
    }
    row->revoked_at = now;
    row->revoked_reason = why;
    const AuditEvent event{"certificate.revoke", "certificate",        std::to_string(id), "ok",
                           actor.remote_addr,    {{"kind", row->kind}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return View(c, std::move(*row));
  });
}

}  // namespace zj::app
