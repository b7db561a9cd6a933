// Evidence attached to cases (issue 20; docs/design/cases.md): a hardship file's 证明材料 and the
// documents of a legal case's stages. Whoever may work with the owner (cadres, staff and
// administrators of its org's subtree; 404 outside, as if it did not exist) uploads, lists,
// downloads and removes them. A file is checked by its own first bytes and sizes
// (core/attachments), its bytes and its name are sealed by the vault at once (re-sealed by key
// rotation), and it is never shown in the list: a download needs a reason and is audited as a
// reveal of personal data, before the bytes leave. Uploads are audited without the file's name
// (it may name the household), and throttled per user (kUploadsPerHour). Removal is soft and
// audited; erasing a hardship file deletes its files.
//
// Made per call (it keeps no state beyond the database: the throttle counts the user's recent
// uploads in the table itself).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/attachments/attachment_check.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! The vault fields of an attachment's bytes and of its name.
inline constexpr std::string_view kAttachmentContentField = "attachments.content";
inline constexpr std::string_view kAttachmentNameField = "attachments.name";

inline constexpr std::string_view kHardshipFileOwner = "hardship_file";
inline constexpr std::string_view kLegalStageOwner = "legal_stage";
//! A mutual-aid claim's photos and files (issue 22; app/mutual_aid/claim_evidence.h).
inline constexpr std::string_view kMaClaimOwner = "ma_claim";

//! Uploads one user may make in an hour (kResourceExhausted "error.attachment.throttled" beyond).
inline constexpr std::int64_t kUploadsPerHour = 60;

//! What holds the files: a hardship file or a mutual-aid claim (stage "") or a legal case's stage.
struct AttachmentOwner {
  std::string_view kind;  //!< kHardshipFileOwner, kLegalStageOwner or kMaClaimOwner
  std::int64_t id = 0;    //!< the file's or the case's id
  std::string stage;      //!< "consultation", …, "enforcement" for a legal case
};

struct AttachmentView {
  std::int64_t id = 0;
  std::string owner_kind;
  std::int64_t owner_id = 0;
  std::string stage;
  std::string file_name;
  std::string media_type;
  std::int64_t bytes = 0;
  std::string sha256;
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_by_name;
  std::int64_t uploaded_at = 0;
};

struct AttachmentContent {
  std::string file_name;
  std::string media_type;
  std::string bytes;
};

class Attachments {
 public:
  Attachments(store::Database& db, const Clock& clock, AuditService& audit, const Vault& vault,
              attachments::AttachmentLimits limits = {})
      : db_(db), clock_(clock), audit_(audit), vault_(vault), limits_(limits) {}

  //! Attaches `bytes` named `file_name` to the owner: field errors on "file" (empty, too large,
  //! type not allowed, no room left) and "file_name"; kNotFound outside the subtree (or for a
  //! stage that is no stage); kConflict "error.hardship.closed" / "error.legal.closed" for a
  //! closed owner, "error.attachment.stage" for a stage the case has not reached. `size` is the
  //! whole file's when `bytes` holds only its start (an upload too large to read; refused).
  Result<AttachmentView> Add(const Actor& actor, const AttachmentOwner& owner,
                             const std::string& file_name, std::string_view bytes,
                             std::int64_t size = -1);
  //! The owner's files (not removed), oldest first, without their content.
  Result<std::vector<AttachmentView>> List(const Actor& actor, const AttachmentOwner& owner);
  //! The file's bytes, with a reason (audited first: personal_data.reveal, field attachment).
  Result<AttachmentContent> Open(const Actor& actor, std::int64_t id, const std::string& reason);
  //! Removes the file from its owner's list (audited: attachment.remove).
  Result<void> Remove(const Actor& actor, std::int64_t id);

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
  const Vault& vault_;
  attachments::AttachmentLimits limits_;
};

}  // namespace zj::app
