#include "app/personal_data/key_rotation.h"

#include "app/accounts/contact_service.h"
#include "app/members/member_service.h"
#include "store/members.h"
#include "store/user_phones.h"

namespace zj::app {

Result<RotationReport> KeyRotation::Run(const RotationOptions& options) {
  if (options.batch < 1) {
    return Fail(ErrorCode::kInvalidArgument, "error.keys.batch", "batch size must be at least 1");
  }
  ZJ_ASSIGN_OR_RETURN(KeyRing ring, keys_.Load());
  if (ring.empty()) return Fail(ErrorCode::kFailedPrecondition, "error.keys.missing", "no keys");
  RotationReport report;
  report.from_version = ring.keys().front().version;
  if (ring.keys().size() > 1) {
    report.resumed = true;  // an earlier run added the new version and stopped before the end
  } else {
    ZJ_ASSIGN_OR_RETURN(ring, ring.WithNewVersion());
    ZJ_RETURN_IF_ERROR(keys_.Save(ring));  // saved before any row uses the new key
  }
  report.to_version = ring.current_version();
  vault_.Replace(ring);

  std::int64_t total = 0;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(total, store::CountPhonesBelowVersion(*lease, report.to_version));
    ZJ_ASSIGN_OR_RETURN(std::int64_t members,
                        store::CountMembersBelowVersion(*lease, report.to_version));
    total += members;
  }
  if (options.progress) options.progress(0, total);
  for (int batches = 0;; ++batches) {
    if (options.max_batches && batches >= *options.max_batches) return report;
    ZJ_ASSIGN_OR_RETURN(
        std::int64_t done,
        store::InTransaction(db_, [&](store::Connection& conn) -> Result<std::int64_t> {
          ZJ_ASSIGN_OR_RETURN(auto rows,
                              store::PhonesBelowVersion(conn, report.to_version, options.batch));
          for (const auto& row : rows) {
            ZJ_ASSIGN_OR_RETURN(std::string plain, vault_.Open(kPhoneField, row.cipher));
            ZJ_ASSIGN_OR_RETURN(store::Blob sealed, vault_.Seal(kPhoneField, plain));
            ZJ_ASSIGN_OR_RETURN(std::string index, vault_.BlindIndex(kPhoneField, plain));
            ZJ_RETURN_IF_ERROR(
                store::SetUserPhone(conn, row.user_id, sealed, index, report.to_version));
          }
          if (!rows.empty()) return static_cast<std::int64_t>(rows.size());
          // Then the member registry: ID number and phone of each member, with their indexes
          // (the old key leaves the ring at the end, so no row may stay behind).
          ZJ_ASSIGN_OR_RETURN(auto members,
                              store::MembersBelowVersion(conn, report.to_version, options.batch));
          for (const auto& m : members) {
            ZJ_ASSIGN_OR_RETURN(std::string id, vault_.Open(kMemberIdField, m.id_cipher));
            ZJ_ASSIGN_OR_RETURN(store::Blob id_sealed, vault_.Seal(kMemberIdField, id));
            ZJ_ASSIGN_OR_RETURN(std::string id_index, vault_.BlindIndex(kMemberIdField, id));
            std::optional<store::Blob> phone_sealed;
            std::optional<std::string> phone_index;
            if (m.phone_cipher) {
              ZJ_ASSIGN_OR_RETURN(std::string phone,
                                  vault_.Open(kMemberPhoneField, *m.phone_cipher));
              ZJ_ASSIGN_OR_RETURN(phone_sealed, vault_.Seal(kMemberPhoneField, phone));
              ZJ_ASSIGN_OR_RETURN(phone_index, vault_.BlindIndex(kMemberPhoneField, phone));
            }
            ZJ_RETURN_IF_ERROR(store::ResealMember(conn, m.id, id_sealed, id_index, phone_sealed,
                                                   phone_index, report.to_version));
          }
          return static_cast<std::int64_t>(members.size());
        }));
    if (done == 0) break;
    report.rows += done;
    if (options.progress) options.progress(std::min(report.rows, total), total);
  }

  ZJ_RETURN_IF_ERROR(audit_.Record(
      AuditActor::System(), AuditEvent{"keys.rotate",
                                       "key_file",
                                       std::to_string(report.to_version),
                                       "ok",
                                       {},
                                       {{"from_version", std::to_string(report.from_version)},
                                        {"to_version", std::to_string(report.to_version)},
                                        {"rows", std::to_string(report.rows)},
                                        {"resumed", report.resumed ? "true" : "false"}}}));
  KeyRing current = ring.CurrentOnly();
  ZJ_RETURN_IF_ERROR(keys_.Save(current));
  vault_.Replace(std::move(current));
  report.complete = true;
  return report;
}

}  // namespace zj::app
