// What may be attached to a case as evidence (issue 20; docs/design/cases.md): PDF, JPEG, PNG,
// WebP and HEIC/HEIF (what a phone's camera and a scanner make), told by the file's own first
// bytes — never by the type or the extension the client sent, so an .exe renamed .pdf is
// refused — and within size limits per file and per owner, which are data (AttachmentLimits).
// The file's name is kept for the download only: its path dropped, control characters refused,
// at most 255 characters. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::attachments {

struct AttachmentLimits {
  std::int64_t file_bytes = std::int64_t{10} * 1024 * 1024;   //!< one file
  std::int64_t owner_files = 20;                              //!< files one owner holds
  std::int64_t owner_bytes = std::int64_t{50} * 1024 * 1024;  //!< their bytes together
};

//! The media type the first bytes of a file prove ("application/pdf", "image/jpeg",
//! "image/png", "image/webp", "image/heic", "image/heif"), or nullopt for anything else.
std::optional<std::string> MediaTypeOf(std::string_view head);

//! The file's media type when it may be attached; else kInvalidArgument with a field error on
//! "file": error.attachment.empty, error.attachment.too_large {max_mb}, error.attachment.type.
//! `size` is the whole file's (the upload may have been cut to `head` already).
Result<std::string> CheckFile(std::string_view head, std::int64_t size,
                              const AttachmentLimits& limits);

//! kInvalidArgument on "file" error.attachment.owner_full {max_files} {max_mb} when an owner that
//! holds `files` files of `bytes` together has no room for one more of `size`.
Result<void> CheckRoom(std::int64_t files, std::int64_t bytes, std::int64_t size,
                       const AttachmentLimits& limits);

//! The name to keep: the last part of a path ("C:\scans\诊断书.pdf" → "诊断书.pdf"), spaces
//! trimmed; kInvalidArgument on "file_name" for an empty one (error.field.required), one with
//! control characters or invalid UTF-8 (error.attachment.name), or one over 255 characters
//! (error.field.too_long).
Result<std::string> CleanFileName(std::string_view name);

//! A Content-Disposition for downloading `name`: `attachment; filename="<ASCII fallback>";
//! filename*=UTF-8''<percent-encoded>` (RFC 6266 / 8187), quotes and backslashes never
//! reaching the quoted form.
std::string ContentDisposition(std::string_view name);

}  // namespace zj::attachments
