// Rows of attachments (migration 0041): evidence files of a hardship file or of a legal case's
// stage, their bytes and names sealed (app/attachments/attachments.h seals and opens them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct AttachmentRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::string org_path;
  std::string owner_kind;  //!< hardship_file, legal_stage
  std::int64_t owner_id = 0;
  std::string stage;  //!< a legal case's stage; "" for a hardship file
  Blob name_cipher;
  std::string media_type;
  std::int64_t bytes = 0;
  std::string sha256;
  Blob content_cipher;  //!< empty when read without the content
  int key_version = 0;
  std::optional<std::int64_t> uploaded_by;
  std::int64_t uploaded_at = 0;
  std::optional<std::int64_t> removed_at;
  std::optional<std::int64_t> removed_by;
  // Read only (joined): the uploader's username, when known.
  std::string uploaded_by_name;
};

//! The files an owner holds (not removed) and their bytes together.
struct AttachmentTotals {
  std::int64_t files = 0;
  std::int64_t bytes = 0;
};

Result<void> InsertAttachment(Connection& conn, const AttachmentRow& row);
//! The row with its sealed content.
Result<std::optional<AttachmentRow>> FindAttachment(Connection& conn, std::int64_t id);
//! The owner's files not removed, oldest first, without their content.
Result<std::vector<AttachmentRow>> AttachmentsOf(Connection& conn, const std::string& owner_kind,
                                                 std::int64_t owner_id, const std::string& stage);
Result<AttachmentTotals> AttachmentTotalsOf(Connection& conn, const std::string& owner_kind,
                                            std::int64_t owner_id, const std::string& stage);
//! How many files `user_id` uploaded at or after `since` (the upload throttle).
Result<std::int64_t> CountUploadsSince(Connection& conn, std::int64_t user_id, std::int64_t since);
//! Marks the row removed; false when it was removed already.
Result<bool> RemoveAttachment(Connection& conn, std::int64_t id, std::optional<std::int64_t> by,
                              std::int64_t at);
}  // namespace zj::store
