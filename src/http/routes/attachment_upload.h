// An evidence file's upload as the attachment routes take it (routes/attachments.cpp), shared
// with the other owners' routes (a mutual-aid claim's photos): the sealed upload read back, and
// an attachment's JSON.
#pragma once

#include <cstdint>
#include <string>

#include "app/attachments/attachments.h"
#include "http/route.h"

namespace zj::http {

//! Removes the upload's sealed file when the handler is done with it, whatever happened.
struct UploadFileGuard {
  Call& call;
  std::string name;
  UploadFileGuard(Call& c, std::string n) : call(c), name(std::move(n)) {}
  UploadFileGuard(const UploadFileGuard&) = delete;
  UploadFileGuard& operator=(const UploadFileGuard&) = delete;
  ~UploadFileGuard();
};

//! The uploaded file's plain bytes, read back from its sealed file in the files folder. A file
//! over the per-file limit is not decrypted: only its first bytes are returned, with its size.
struct Uploaded {
  std::string bytes;
  std::int64_t size = 0;
};

Result<Uploaded> ReadUpload(Call& call, app::Upload& upload);

nlohmann::json AttachmentJson(const app::AttachmentView& a);

}  // namespace zj::http
