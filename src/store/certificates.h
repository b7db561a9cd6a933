// Rows of certificates (migration 0036): issued with a verification code to a member, a team or
// an enterprise — for a competition's entry now, a training class later (issue 22: same table,
// kind "training"). No personal data in clear: a member holder is member_id plus a masked copy
// of the name. Plain reads and writes in the caller's transaction; rules in app/certificates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct CertificateRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;  //!< the issuing org
  std::string org_path;
  std::string kind = "competition";
  std::int64_t source_id = 0;  //!< competition: the entry
  std::optional<std::int64_t> member_id;
  std::string holder_kind;                 //!< member, team, enterprise
  std::optional<std::string> holder_name;  //!< a team's or an enterprise's; never a member's
  std::string holder_masked;
  std::string title;
  std::string award;
  std::optional<int> place;
  std::string code;
  std::int64_t issued_at = 0;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::string> revoked_reason;
};

Result<void> InsertCertificate(Connection& conn, const CertificateRow& row);
Result<std::optional<CertificateRow>> FindCertificate(Connection& conn, std::int64_t id);
Result<std::optional<CertificateRow>> FindCertificateByCode(Connection& conn,
                                                            const std::string& code);
//! A member's certificates: their own, and those of the competition teams they are in; newest
//! first, at most 200.
Result<std::vector<CertificateRow>> CertificatesOfMember(Connection& conn, std::int64_t member_id);
//! The certificates of a competition's entries, by entry.
Result<std::vector<CertificateRow>> CertificatesOfCompetition(Connection& conn,
                                                              std::int64_t competition_id);
//! Sets revoked_at and the reason; false when it was revoked already.
Result<bool> RevokeCertificate(Connection& conn, std::int64_t id, std::int64_t at,
                               const std::string& reason);

}  // namespace zj::store
