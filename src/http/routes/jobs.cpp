// Background jobs: GET /api/v1/jobs (the caller's subtree; ?kind=&state=&mine=true&cursor=),
// GET /api/v1/jobs/:id, POST /api/v1/jobs/:id/cancel (or DELETE), GET /api/v1/jobs/:id/file
// (a finished export), and the table imports that run as jobs: POST /api/v1/orgs/imports and
// POST /api/v1/enterprises/imports (the raw file as the body, ?file_name=), answered 202 with
// the job. Who may see which job is decided in app/jobs.
#include <array>

#include "http/job_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

constexpr std::array<std::string_view, 6> kStates{"queued", "running",   "succeeded",
                                                  "failed", "cancelled", "interrupted"};
constexpr std::array<std::string_view, 4> kKinds{app::kMemberImportJob, app::kEnterpriseImportJob,
                                                 app::kOrgImportJob, app::kMemberExportJob};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

Reply JobReply(Call& call, beast_http::status status, const store::JobRow& job) {
  return Reply{status, JobJson(job, call.locale, call.app.clock().NowMs())};
}

Result<Reply> ListJobs(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::JobFilter filter;
  filter.kind = QueryValue(query, "kind");
  if (!filter.kind.empty() && !OneOf(kKinds, filter.kind)) {
    invalid.fields.push_back(
        {"kind",
         "error.field.one_of",
         {{"values", "members.import, enterprises.import, orgs.import, members.export"}}});
  }
  filter.state = QueryValue(query, "state");
  if (!filter.state.empty() && !OneOf(kStates, filter.state)) {
    invalid.fields.push_back(
        {"state",
         "error.field.one_of",
         {{"values", "queued, running, succeeded, failed, cancelled, interrupted"}}});
  }
  if (const std::string mine = QueryValue(query, "mine"); mine == "true") {
    filter.mine = true;
  } else if (!mine.empty() && mine != "false") {
    invalid.fields.push_back({"mine", "error.field.boolean", {}});
  }
  if (const std::string cursor = QueryValue(query, "cursor"); !cursor.empty()) {
    filter.before_id = ParseId(cursor);
    if (!filter.before_id) invalid.fields.push_back({"cursor", "error.field.cursor", {}});
  }
  filter.limit = QueryLimit(query, 20, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto jobs, call.app.jobs().List(*call.actor, filter));
  const std::int64_t now = call.app.clock().NowMs();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& job : jobs) items.push_back(JobJson(job, call.locale, now));
  nlohmann::json next(nullptr);
  if (jobs.size() == static_cast<std::size_t>(filter.limit)) {
    next = std::to_string(jobs.back().id);
  }
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)}, {"next_cursor", std::move(next)}}};
}

Result<Reply> GetJob(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto job, call.app.jobs().Get(*call.actor, id));
  return JobReply(call, beast_http::status::ok, job);
}

Result<Reply> CancelJob(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto job, call.app.jobs().Cancel(*call.actor, id));
  return JobReply(call, beast_http::status::ok, job);
}

Result<Reply> JobFile(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto download, call.app.jobs().Download(*call.actor, id));
  // Streamed from the unnamed plain file (opened again through /proc: a description of its own,
  // at the start); the file lives while the stream does.
  auto stream = std::make_shared<boost::beast::file>();
  boost::beast::error_code ec;
  stream->open(download.file.path().c_str(), boost::beast::file_mode::scan, ec);
  if (ec) return Fail(ErrorCode::kInternal, "error.internal", "open download: " + ec.message());
  Reply reply{beast_http::status::ok, std::nullopt};
  reply.file = Reply::File{
      {},
      download.xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "text/csv; charset=utf-8",
      "attachment; filename=\"" + download.file_name + (download.xlsx ? ".xlsx" : ".csv") + "\"",
      std::move(stream)};
  return reply;
}

Result<Reply> TableImport(Call& call, const char* kind) {
  const auto query = QueryParams(call.request.target());
  std::string file_name = QueryValue(query, "file_name");
  if (file_name.empty()) file_name = "table";
  if (file_name.size() > 255) {
    Error invalid = InvalidInput();
    invalid.fields.push_back({"file_name", "error.field.too_long", {{"max", "255"}}});
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(app::Upload upload, TakeUpload(call));
  ZJ_ASSIGN_OR_RETURN(
      auto job, call.app.jobs().SubmitTableImport(*call.actor, kind, file_name, std::move(upload)));
  return JobReply(call, beast_http::status::accepted, job);
}

}  // namespace

Result<app::Upload> TakeUpload(Call& call) {
  if (call.upload != nullptr) {
    app::Upload upload = std::exchange(*call.upload, app::Upload{});
    if (!upload.writer || upload.writer->bytes() == 0) {
      if (upload.writer) upload.writer->Abandon();
      ::unlink(call.app.jobs().FilePath(upload.name).c_str());
      Error invalid = InvalidInput();
      invalid.fields.push_back({"file", "error.field.required", {}});
      return Fail(std::move(invalid));
    }
    return upload;
  }
  // The body came in the request (the router called directly): sealed here the same way.
  const std::string& body = call.request.body();
  if (body.empty()) {
    Error invalid = InvalidInput();
    invalid.fields.push_back({"file", "error.field.required", {}});
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(app::Upload upload, call.app.jobs().NewUpload());
  ZJ_RETURN_IF_ERROR(upload.writer->Append(body));
  ZJ_RETURN_IF_ERROR(upload.writer->Finish());
  return upload;
}

void AddJobRoutes(std::vector<Route>& routes) {
  using V = beast_http::verb;
  routes.push_back({V::get, "/api/v1/jobs", Access::kSession, ListJobs});
  routes.push_back({V::get, "/api/v1/jobs/:id", Access::kSession, GetJob});
  routes.push_back({V::post, "/api/v1/jobs/:id/cancel", Access::kSession, CancelJob});
  routes.push_back({V::delete_, "/api/v1/jobs/:id", Access::kSession, CancelJob});
  routes.push_back({V::get, "/api/v1/jobs/:id/file", Access::kSession, JobFile});
  routes.push_back({V::post, "/api/v1/orgs/imports", Access::kSession,
                    [](Call& call) { return TableImport(call, app::kOrgImportJob); }});
  routes.push_back({V::post, "/api/v1/enterprises/imports", Access::kSession,
                    [](Call& call) { return TableImport(call, app::kEnterpriseImportJob); }});
}

}  // namespace zj::http
