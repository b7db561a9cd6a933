#include "app/attachments/attachments.h"

#include <sodium.h>

#include <array>

#include "app/hardship/hardship_rules.h"
#include "app/hardship/hardship_service.h"
#include "app/legal/legal_case_service.h"
#include "app/members/member_access.h"
#include "app/mutual_aid/claim_evidence.h"
#include "app/mutual_aid/mutual_aid_rules.h"
#include "app/orgs/org_scope.h"
#include "core/legal/legal_case.h"
#include "store/attachments.h"
#include "store/hardship.h"
#include "store/legal_cases.h"

namespace zj::app {

namespace {

//! Where an owner lies and what its audit entries name.
struct Place {
  std::int64_t federation_id = 0;
  std::string org_path;
  std::string target_type;  //!< hardship_file, legal_case
};

Error OwnerNotFound(const AttachmentOwner& owner) {
  if (owner.kind == kMaClaimOwner) return MaNotFound("claim " + std::to_string(owner.id));
  return owner.kind == kHardshipFileOwner ? HardshipFileNotFound(owner.id)
                                          : LegalCaseNotFound(owner.id);
}

//! The owner when the actor may work with it; with `writing`, also open (and a stage the case
//! has reached).
Result<Place> PlaceOf(store::Connection& c, const Actor& actor, const AttachmentOwner& owner,
                      bool writing) {
  if (owner.kind == kHardshipFileOwner) {
    ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
    ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(c, owner.id));
    if (!file || !PathInScope(actor, file->org_path)) return Fail(OwnerNotFound(owner));
    if (writing && file->status != "open") {
      return Fail(ErrorCode::kConflict, "error.hardship.closed",
                  "hardship file " + std::to_string(owner.id) + " is closed");
    }
    return Place{file->federation_id, file->org_path, "hardship_file"};
  }
  if (owner.kind == kMaClaimOwner) {
    ZJ_ASSIGN_OR_RETURN(auto claim, ClaimEvidenceOf(c, actor, owner.id, writing));
    return Place{claim.federation_id, claim.org_path, "ma_claim"};
  }
  if (owner.kind != kLegalStageOwner) return Fail(OwnerNotFound(owner));
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  // Documents belong to an open stage; "closed" or an unknown word names nothing.
  const auto stage = legal::ParseStage(owner.stage);
  if (!stage || *stage == legal::Stage::kClosed) return Fail(OwnerNotFound(owner));
  ZJ_ASSIGN_OR_RETURN(auto legal_case, store::FindLegalCase(c, owner.id));
  if (!legal_case || !PathInScope(actor, legal_case->org_path)) return Fail(OwnerNotFound(owner));
  if (writing) {
    if (legal_case->closed_at) {
      return Fail(ErrorCode::kConflict, "error.legal.closed",
                  "legal case " + std::to_string(owner.id) + " is closed");
    }
    ZJ_ASSIGN_OR_RETURN(auto stages, store::StagesOfCase(c, owner.id));
    bool reached = false;
    for (const auto& s : stages) reached = reached || s.stage == owner.stage;
    if (!reached) {
      return Fail(ErrorCode::kConflict, "error.attachment.stage",
                  "legal case " + std::to_string(owner.id) + " has not reached " + owner.stage);
    }
  }
  return Place{legal_case->federation_id, legal_case->org_path, "legal_case"};
}

//! The attachment `id` when the actor may work with its owner (kNotFound else, and for a
//! removed one).
Result<store::AttachmentRow> Reachable(store::Connection& c, const Actor& actor, std::int64_t id,
                                       bool with_content) {
  const Error not_found{
      ErrorCode::kNotFound, "error.not_found", "attachment " + std::to_string(id), {}, {}};
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindAttachment(c, id));
  if (!row || row->removed_at) return Fail(not_found);
  ZJ_RETURN_IF_ERROR(row->owner_kind == kHardshipFileOwner ? MustManageHardship(actor)
                     : row->owner_kind == kMaClaimOwner    ? MustRunMa(actor)
                                                           : MustWorkWithLegal(actor));
  if (!PathInScope(actor, row->org_path)) return Fail(not_found);
  if (!with_content) row->content_cipher.clear();
  return std::move(*row);
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (const unsigned char b : digest) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 0x0F]);
  }
  return hex;
}

std::string TargetType(const store::AttachmentRow& row) {
  if (row.owner_kind == kMaClaimOwner) return "ma_claim";
  return row.owner_kind == kHardshipFileOwner ? "hardship_file" : "legal_case";
}

}  // namespace

Result<AttachmentView> Attachments::Add(const Actor& actor, const AttachmentOwner& owner,
                                        const std::string& file_name, std::string_view bytes,
                                        std::int64_t size) {
  if (size < 0) size = static_cast<std::int64_t>(bytes.size());
  // The checks that need nothing stored come first, so a refused file costs no transaction.
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "attachment", {}, {}};
  auto name = attachments::CleanFileName(file_name);
  if (!name) invalid.fields = std::move(name.error().fields);
  auto type = attachments::CheckFile(bytes.substr(0, 16), size, limits_);
  if (!type) {
    for (auto& f : type.error().fields) invalid.fields.push_back(std::move(f));
  } else if (size != static_cast<std::int64_t>(bytes.size())) {
    return Fail(ErrorCode::kInternal, "error.internal", "an attachment's bytes cut short");
  }
  if (!invalid.fields.empty()) {
    // Who may not touch the owner learns nothing from the file's problems.
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_RETURN_IF_ERROR(PlaceOf(*lease, actor, owner, true));
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(store::Blob content, vault_.Seal(kAttachmentContentField, bytes));
  ZJ_ASSIGN_OR_RETURN(store::Blob sealed_name, vault_.Seal(kAttachmentNameField, *name));
  const std::string sha256 = Sha256Hex(bytes);
  SecureRandom random;
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AttachmentView> {
    ZJ_ASSIGN_OR_RETURN(Place place, PlaceOf(c, actor, owner, true));
    const std::int64_t now = clock_.NowMs();
    if (actor.user_id != 0) {
      ZJ_ASSIGN_OR_RETURN(const std::int64_t recent,
                          store::CountUploadsSince(c, actor.user_id, now - 3'600'000));
      if (recent >= kUploadsPerHour) {
        return Fail(ErrorCode::kResourceExhausted, "error.attachment.throttled",
                    "too many uploads by user " + std::to_string(actor.user_id));
      }
    }
    ZJ_ASSIGN_OR_RETURN(
        auto totals, store::AttachmentTotalsOf(c, std::string(owner.kind), owner.id, owner.stage));
    ZJ_RETURN_IF_ERROR(attachments::CheckRoom(totals.files, totals.bytes,
                                              static_cast<std::int64_t>(bytes.size()), limits_));
    store::AttachmentRow row;
    row.id = NewId(clock_, random);
    row.federation_id = place.federation_id;
    row.org_path = place.org_path;
    row.owner_kind = std::string(owner.kind);
    row.owner_id = owner.id;
    row.stage = owner.stage;
    row.name_cipher = sealed_name;
    row.media_type = *type;
    row.bytes = static_cast<std::int64_t>(bytes.size());
    row.sha256 = sha256;
    row.content_cipher = content;
    // The row's version is what its ciphertexts say (vault.h), never the ring's apart.
    row.key_version = Vault::OldestVersion({&row.content_cipher, &row.name_cipher});
    if (actor.user_id != 0) row.uploaded_by = actor.user_id;
    row.uploaded_at = now;
    // The entry names the file by id, type and size: its name may name the household.
    std::vector<std::pair<std::string, std::string>> detail{{"attachment", std::to_string(row.id)},
                                                            {"media_type", row.media_type},
                                                            {"bytes", std::to_string(row.bytes)}};
    if (!owner.stage.empty()) detail.emplace_back("stage", owner.stage);
    ZJ_RETURN_IF_ERROR(
        audit_.Record(c, AuditActor::From(actor),
                      AuditEvent{"attachment.add", place.target_type, std::to_string(owner.id),
                                 "ok", actor.remote_addr, std::move(detail)}));
    ZJ_RETURN_IF_ERROR(store::InsertAttachment(c, row));
    return AttachmentView{row.id,          row.owner_kind,     row.owner_id,   row.stage,
                          *name,           row.media_type,     row.bytes,      row.sha256,
                          row.uploaded_by, actor.display_name, row.uploaded_at};
  });
}

Result<std::vector<AttachmentView>> Attachments::List(const Actor& actor,
                                                      const AttachmentOwner& owner) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(PlaceOf(*lease, actor, owner, false));
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      store::AttachmentsOf(*lease, std::string(owner.kind), owner.id, owner.stage));
  std::vector<AttachmentView> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(std::string name, vault_.Open(kAttachmentNameField, r.name_cipher));
    out.push_back(AttachmentView{r.id, r.owner_kind, r.owner_id, r.stage, std::move(name),
                                 r.media_type, r.bytes, r.sha256, r.uploaded_by, r.uploaded_by_name,
                                 r.uploaded_at});
  }
  return out;
}

Result<AttachmentContent> Attachments::Open(const Actor& actor, std::int64_t id,
                                            const std::string& reason) {
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AttachmentContent> {
    ZJ_ASSIGN_OR_RETURN(store::AttachmentRow row, Reachable(c, actor, id, true));
    // The entry first, in the same transaction: no entry, no file.
    ZJ_RETURN_IF_ERROR(audit_.Record(
        c, AuditActor::From(actor),
        AuditEvent{
            "personal_data.reveal",
            TargetType(row),
            std::to_string(row.owner_id),
            "ok",
            actor.remote_addr,
            {{"field", "attachment"}, {"attachment", std::to_string(row.id)}, {"reason", why}}}));
    AttachmentContent out;
    ZJ_ASSIGN_OR_RETURN(out.file_name, vault_.Open(kAttachmentNameField, row.name_cipher));
    ZJ_ASSIGN_OR_RETURN(out.bytes, vault_.Open(kAttachmentContentField, row.content_cipher));
    out.media_type = row.media_type;
    return out;
  });
}

Result<void> Attachments::Remove(const Actor& actor, std::int64_t id) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(store::AttachmentRow row, Reachable(c, actor, id, false));
    const std::optional<std::int64_t> by =
        actor.user_id != 0 ? std::optional(actor.user_id) : std::nullopt;
    ZJ_ASSIGN_OR_RETURN(const bool removed, store::RemoveAttachment(c, id, by, clock_.NowMs()));
    if (!removed) {
      return Fail(ErrorCode::kNotFound, "error.not_found", "attachment " + std::to_string(id));
    }
    return audit_.Record(c, AuditActor::From(actor),
                         AuditEvent{"attachment.remove",
                                    TargetType(row),
                                    std::to_string(row.owner_id),
                                    "ok",
                                    actor.remote_addr,
                                    {{"attachment", std::to_string(row.id)}}});
  });
}

}  // namespace zj::app
