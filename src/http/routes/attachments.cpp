// Evidence files (issue 20): POST/GET /api/v1/hardship/files/:id/attachments and
// POST/GET /api/v1/legal/cases/:id/stages/:stage/documents (upload: the raw file as the body,
// its name in ?file_name=, sealed to disk as it arrives like a roster — router.h
// IsUploadRoute; list: names, types, sizes, who and when, no content),
// GET /api/v1/attachments/:id/content?reason= (the file itself, as a download; audited as a
// reveal) and DELETE /api/v1/attachments/:id (removed from the list, audited). Rules in
// app/attachments/attachments.h.
#include "app/attachments/attachments.h"

#include <unistd.h>

#include "app/jobs/sealed_file.h"
#include "http/routes/attachment_upload.h"

namespace zj::http {

UploadFileGuard::~UploadFileGuard() {
  if (!name.empty()) ::unlink(call.app.jobs().FilePath(name).c_str());
}

Result<Uploaded> ReadUpload(Call& call, app::Upload& upload) {
  Uploaded out;
  out.size = upload.writer ? upload.writer->bytes() : 0;
  if (out.size > attachments::AttachmentLimits{}.file_bytes) {
    out.bytes = upload.writer->head();
    return out;
  }
  ZJ_ASSIGN_OR_RETURN(app::FileKey key, app::FileKey::Open(call.app.vault(), upload.sealed_key));
  ZJ_ASSIGN_OR_RETURN(const std::string dir, call.app.jobs().FilesDir());
  ZJ_ASSIGN_OR_RETURN(app::PlainFile plain,
                      app::OpenSealedFile(call.app.jobs().FilePath(upload.name), key, dir));
  out.bytes.reserve(static_cast<std::size_t>(out.size));
  char buffer[65536];
  ::lseek(plain.fd(), 0, SEEK_SET);
  for (;;) {
    const ssize_t n = ::read(plain.fd(), buffer, sizeof buffer);
    if (n < 0) return Fail(ErrorCode::kInternal, "error.internal", "read back an upload");
    if (n == 0) break;
    out.bytes.append(buffer, static_cast<std::size_t>(n));
  }
  out.size = static_cast<std::int64_t>(out.bytes.size());
  return out;
}

namespace {

app::Attachments AttachmentsOf(Call& call) {
  return app::Attachments(call.app.db(), call.app.clock(), call.app.audit(), call.app.vault());
}

}  // namespace

nlohmann::json AttachmentJson(const app::AttachmentView& a) {
  return nlohmann::json{
      {"id", std::to_string(a.id)},
      {"owner_kind", a.owner_kind},
      {"owner_id", std::to_string(a.owner_id)},
      {"stage", a.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.stage)},
      {"file_name", a.file_name},
      {"media_type", a.media_type},
      {"bytes", a.bytes},
      {"sha256", a.sha256},
      {"uploaded_by", a.uploaded_by ? nlohmann::json{{"id", std::to_string(*a.uploaded_by)},
                                                     {"name", a.uploaded_by_name}}
                                    : nlohmann::json(nullptr)},
      {"uploaded_at", a.uploaded_at}};
}

namespace {

Result<app::AttachmentOwner> OwnerOf(const Call& call, std::string_view kind) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  app::AttachmentOwner owner{kind, id, ""};
  if (kind == app::kLegalStageOwner) {
    const auto stage = call.params.find("stage");
    owner.stage = stage == call.params.end() ? "" : stage->second.substr(0, 32);
  }
  return owner;
}

Result<Reply> AddFile(Call& call, std::string_view kind) {
  ZJ_ASSIGN_OR_RETURN(app::AttachmentOwner owner, OwnerOf(call, kind));
  const auto query = QueryParams(call.request.target());
  // Bounded before anything uses it; the use case checks it in full.
  const std::string file_name = QueryValue(query, "file_name").substr(0, 2048);
  ZJ_ASSIGN_OR_RETURN(app::Upload upload, TakeUpload(call));
  UploadFileGuard guard{call, upload.name};
  ZJ_ASSIGN_OR_RETURN(Uploaded file, ReadUpload(call, upload));
  ZJ_ASSIGN_OR_RETURN(
      app::AttachmentView added,
      AttachmentsOf(call).Add(*call.actor, owner, file_name, file.bytes, file.size));
  return Reply{beast_http::status::created, AttachmentJson(added)};
}

Result<Reply> List(Call& call, std::string_view kind) {
  ZJ_ASSIGN_OR_RETURN(app::AttachmentOwner owner, OwnerOf(call, kind));
  ZJ_ASSIGN_OR_RETURN(auto list, AttachmentsOf(call).List(*call.actor, owner));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list) items.push_back(AttachmentJson(a));
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> Content(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto query = QueryParams(call.request.target());
  const std::string reason = QueryValue(query, "reason").substr(0, 4096);
  ZJ_ASSIGN_OR_RETURN(app::AttachmentContent file,
                      AttachmentsOf(call).Open(*call.actor, id, reason));
  Reply reply{beast_http::status::ok, std::nullopt};
  reply.file = Reply::File{std::move(file.bytes), file.media_type,
                           attachments::ContentDisposition(file.file_name)};
  return reply;
}

Result<Reply> Remove(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_RETURN_IF_ERROR(AttachmentsOf(call).Remove(*call.actor, id));
  return Reply{beast_http::status::no_content, std::nullopt};
}

}  // namespace

void AddAttachmentRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  const auto hardship = [](Call& call) { return AddFile(call, app::kHardshipFileOwner); };
  const auto legal = [](Call& call) { return AddFile(call, app::kLegalStageOwner); };
  routes.push_back(
      {verb::post, "/api/v1/hardship/files/:id/attachments", Access::kSession, hardship});
  routes.push_back({verb::get, "/api/v1/hardship/files/:id/attachments", Access::kSession,
                    [](Call& call) { return List(call, app::kHardshipFileOwner); }});
  routes.push_back(
      {verb::post, "/api/v1/legal/cases/:id/stages/:stage/documents", Access::kSession, legal});
  routes.push_back({verb::get, "/api/v1/legal/cases/:id/stages/:stage/documents", Access::kSession,
                    [](Call& call) { return List(call, app::kLegalStageOwner); }});
  routes.push_back({verb::get, "/api/v1/attachments/:id/content", Access::kSession, Content});
  routes.push_back({verb::delete_, "/api/v1/attachments/:id", Access::kSession, Remove});
}

}  // namespace zj::http
