// Certificates with a verification code (issue 21 slice 4; training certificates of issue 22
// are the same piece with another kind). Issued inside the caller's transaction
// (IssueCertificate: a competition's publication issues one per entry ranked ≤ N in its group),
// verified by anyone through the code (public, throttled per address: unknown codes count as
// failures, like the portal's tracking look-ups), listed and downloaded as a PDF by the holder
// from My account, revoked by an organiser who sees the issuing org (audited, with a reason).
// A member holder's name is never stored in clear with the certificate: the verify page shows
// the masked copy; the holder's own PDF reads the name from the registry.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"
#include "store/certificates.h"
#include "store/database.h"

namespace zj::app {

struct NewCertificate {
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;  //!< the issuing org
  std::string org_path;
  std::string kind = "competition";
  std::int64_t source_id = 0;
  std::optional<std::int64_t> member_id;  //!< a member holder
  std::string holder_kind;                //!< member, team, enterprise
  std::string holder_name;                //!< the member's name is masked, never stored
  std::string title;
  std::string award;
  std::optional<int> place;
};

//! Writes the certificate with a new unique code (core/certificates/code.h) in the caller's
//! transaction; no audit (the caller audits what issued it).
Result<store::CertificateRow> IssueCertificate(store::Connection& conn, const Clock& clock,
                                               Random& random, const NewCertificate& in);

//! What the public verify page shows.
struct VerifiedCertificate {
  std::string kind;
  std::string title;
  std::string award;
  std::optional<int> place;
  std::string holder_kind;
  std::string holder;  //!< masked for a member; a team's or enterprise's name
  std::string issuer;  //!< the issuing org's name
  std::string issued_on;
  bool revoked = false;
  std::optional<std::string> revoked_on;
};

//! A certificate as its holder (or an organiser) sees it.
struct CertificateView {
  store::CertificateRow row;
  std::string issuer;
  std::string issued_on;  //!< YYYY-MM-DD, Beijing
  std::string display_code;
};

inline accounts::ThrottlePolicy VerifyThrottlePolicy() {
  return accounts::ThrottlePolicy{.per_username = 1000000, .per_address = 20};
}

class CertificateService {
 public:
  CertificateService(store::Database& db, const Clock& clock, AuditService& audit,
                     accounts::ThrottlePolicy throttle = VerifyThrottlePolicy())
      : db_(db), clock_(clock), audit_(audit), throttle_(throttle) {}

  //! Public: kNotFound for a code that is not one or not issued (counted against the address);
  //! kResourceExhausted "error.too_many_requests" {seconds} past the limit.
  Result<VerifiedCertificate> Verify(const std::string& code, const std::string& remote_addr);
  //! The worker's certificates (their own and their teams'); kFailedPrecondition unbound.
  Result<std::vector<CertificateView>> Mine(const Actor& worker);
  //! The worker's certificate as a PDF; kNotFound when it is not theirs. `verify_base` is the
  //! address of the verify page the PDF prints with the code.
  Result<std::string> Pdf(const Actor& worker, std::int64_t id, const std::string& verify_base);
  //! An organiser's list of a competition's certificates (kNotFound outside the subtree).
  Result<std::vector<CertificateView>> OfCompetition(const Actor& actor,
                                                     std::int64_t competition_id);
  //! kConflict "error.certificate.revoked" when it was revoked already; audited.
  Result<CertificateView> Revoke(const Actor& actor, std::int64_t id, const std::string& reason);

 private:
  Result<CertificateView> View(store::Connection& conn, store::CertificateRow row);

  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
  std::mutex throttle_mutex_;
  accounts::LoginThrottle throttle_;  // keyed by remote address: unknown codes
};

}  // namespace zj::app
