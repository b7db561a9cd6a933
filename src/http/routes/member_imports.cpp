// Roster imports, exports and the template: POST/GET /api/v1/members/imports,
// GET /api/v1/members/imports/:id, POST .../:id/cancel (or DELETE .../:id),
// GET /api/v1/members/imports/:id/report (masked) and POST .../:id/report (full values, with a
// reason: audited), GET /api/v1/members/template, POST /api/v1/members/export. An upload is
// the raw file as the body (up to Limits::upload_bytes), sealed as it arrives and imported by a
// background job (202 with the run at once; its id is the job's); a large export is a job too.
// Who may do what is decided in app/members and app/jobs.
#include <unistd.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "app/imports/table_writer.h"
#include "app/jobs/import_job.h"
#include "http/job_json.h"
#include "http/member_import_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

//! What `write(path)` writes to a scratch file named `name` in the files folder, read back
//! (and the file removed).
Result<std::string> WrittenBytes(Call& call, const std::string& name,
                                 const std::function<Result<void>(const std::string&)>& write) {
  ZJ_ASSIGN_OR_RETURN(const std::string dir, call.app.jobs().FilesDir());
  ZJ_ASSIGN_OR_RETURN(app::ScratchFile scratch, app::ScratchFile::Create(dir, name));
  ZJ_RETURN_IF_ERROR(write(scratch.path()));
  std::ifstream in(scratch.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Fail(ErrorCode::kInternal, "error.internal", "read back " + name);
  return bytes.str();
}

Reply FileReply(std::string bytes, bool xlsx, const std::string& ascii_name) {
  Reply reply{beast_http::status::ok, std::nullopt};
  reply.file =
      Reply::File{std::move(bytes),
                  xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                       : "text/csv; charset=utf-8",
                  "attachment; filename=\"" + ascii_name + (xlsx ? ".xlsx" : ".csv") + "\""};
  return reply;
}

//! format=xlsx|csv (default xlsx); a field error otherwise.
bool XlsxFormat(const std::string& format, Error& invalid) {
  if (format.empty() || format == "xlsx") return true;
  if (format != "csv") invalid.fields.push_back({"format", "error.field.format", {}});
  return false;
}

//! The run's status as the page follows it: the run's own once it has ended, else where its
//! job stands (queued, running, interrupted: it resumes) or how the job ended before the run.
std::string StatusOf(const std::optional<store::JobRow>& job,
                     const std::optional<app::RosterImportView>& view) {
  if (view && view->run.status != "running") return view->run.status;
  if (!job) return view ? view->run.status : "running";
  if (job->state == "succeeded") return view ? view->run.status : "done";
  return job->state == "queued" || job->state == "interrupted" ? job->state
         : job->state == "running"                             ? "running"
                                                               : job->state;
}

//! The Import object: the run (or, before the run exists, what the job knows of it) and the
//! job with its progress.
nlohmann::json ImportJson(Call& call, const std::optional<store::JobRow>& job,
                          const std::optional<app::RosterImportView>& view) {
  nlohmann::json j;
  if (view) {
    j = MemberImportJson(*view, call.locale);
  } else {
    const auto params = nlohmann::json::parse(job->params, nullptr, false);
    j = {{"id", std::to_string(job->id)},
         {"union", {{"id", std::to_string(job->org_id.value_or(0))}, {"name", job->org_name}}},
         {"file_name", params.is_object() ? params.value("file_name", "") : ""},
         {"mode", params.is_object() ? params.value("mode", "valid-rows") : "valid-rows"},
         {"encoding", nullptr},
         {"unknown_columns", nlohmann::json::array()},
         {"rows_total", 0},
         {"rows_committed_through", 0},
         {"accepted", 0},
         {"already_present", 0},
         {"transfer_candidates", 0},
         {"rejected", 0},
         {"started_at", job->created_at},
         {"finished_at", job->finished_at ? nlohmann::json(*job->finished_at) : nullptr},
         {"rejections", nlohmann::json::array()},
         {"candidates", nlohmann::json::array()}};
  }
  j["status"] = StatusOf(job, view);
  j["job"] = job ? JobJson(*job, call.locale, call.app.clock().NowMs()) : nlohmann::json(nullptr);
  return j;
}

//! The run `id` as the Import object; kNotFound outside the caller's scope.
Result<nlohmann::json> ImportOf(Call& call, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto job, app::ImportJobFor(call.app.jobs(), *call.actor, id));
  std::optional<app::RosterImportView> view;
  if (auto found = call.app.roster_imports().Get(*call.actor, id)) {
    view = std::move(*found);
  } else if (!job || found.error().code != ErrorCode::kNotFound) {
    return Fail(std::move(found).error());
  }
  return ImportJson(call, job, view);
}

Result<Reply> UploadImport(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  app::MemberImportJobRequest req;
  const auto union_id = ParseId(QueryValue(query, "union_id"));
  if (!union_id) invalid.fields.push_back({"union_id", "error.field.invalid_id", {}});
  req.union_id = union_id.value_or(0);
  req.mode = QueryValue(query, "mode");
  if (req.mode.empty()) req.mode = "valid-rows";
  req.file_name = QueryValue(query, "file_name");
  if (req.file_name.empty()) req.file_name = "roster";
  req.sheet = QueryValue(query, "sheet");
  for (const auto& [field, value, max] :
       {std::tuple{"file_name", &req.file_name, 255}, std::tuple{"sheet", &req.sheet, 100}}) {
    if (value->size() > static_cast<std::size_t>(max)) {
      invalid.fields.push_back({field, "error.field.too_long", {{"max", std::to_string(max)}}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(app::Upload upload, TakeUpload(call));
  ZJ_ASSIGN_OR_RETURN(auto job,
                      call.app.jobs().SubmitMemberImport(*call.actor, req, std::move(upload)));
  return Reply{beast_http::status::accepted, ImportJson(call, job, std::nullopt)};
}

Result<Reply> ListImports(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  std::optional<std::int64_t> union_id;
  if (const std::string u = QueryValue(query, "union_id"); !u.empty()) {
    union_id = ParseId(u);
    if (!union_id) invalid.fields.push_back({"union_id", "error.field.invalid_id", {}});
  }
  const int limit = QueryLimit(query, 50, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const std::string status = QueryValue(query, "status");
  ZJ_ASSIGN_OR_RETURN(auto runs,
                      call.app.roster_imports().List(*call.actor, union_id, limit, status));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : runs) items.push_back(MemberImportSummaryJson(r));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"items", std::move(items)}, {"next_cursor", nullptr}}};
}

Result<Reply> GetImport(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, ImportOf(call, id));
  return Reply{beast_http::status::ok, std::move(body)};
}

Result<Reply> CancelImport(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  // A role that imports nothing is refused as when it reads a run (403), before any look-up.
  ZJ_ASSIGN_OR_RETURN(auto job, app::ImportJobFor(call.app.jobs(), *call.actor, id));
  if (!job) {
    // A run of the command line has no job to stop: it is not the caller's to cancel here.
    ZJ_RETURN_IF_ERROR(call.app.roster_imports().Get(*call.actor, id, 0));
    return Fail(ErrorCode::kConflict, "error.jobs.finished", "import " + std::to_string(id));
  }
  ZJ_RETURN_IF_ERROR(call.app.jobs().Cancel(*call.actor, id));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, ImportOf(call, id));
  return Reply{beast_http::status::ok, std::move(body)};
}

//! The report of run `id`, rebuilt from its sealed upload: masked, or full when `reason`.
Result<Reply> Report(Call& call, std::int64_t id, bool xlsx,
                     const std::optional<std::string>& reason) {
  ZJ_ASSIGN_OR_RETURN(auto view, call.app.roster_imports().Get(*call.actor, id, 0));
  ZJ_ASSIGN_OR_RETURN(auto job, call.app.jobs().JobOfImport(id));
  if (!job) {
    return Fail(ErrorCode::kFailedPrecondition, "error.jobs.no_file",
                "import " + std::to_string(id) + " keeps no upload");
  }
  ZJ_ASSIGN_OR_RETURN(app::PlainFile input, call.app.jobs().OpenInput(*job));
  const auto params = nlohmann::json::parse(job->params, nullptr, false);
  const std::string sheet = params.is_object() ? params.value("sheet", "") : "";
  ZJ_ASSIGN_OR_RETURN(
      std::string bytes,
      WrittenBytes(call, xlsx ? "report.xlsx" : "report.csv", [&](const std::string& out) {
        return call.app.roster_imports().WriteReport(*call.actor, id, input.path(), sheet, out,
                                                     call.locale, reason);
      }));
  return FileReply(std::move(bytes), xlsx, "import-report");
}

Result<Reply> ImportReport(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  Error invalid = InvalidInput();
  const bool xlsx = XlsxFormat(QueryValue(QueryParams(call.request.target()), "format"), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return Report(call, id, xlsx, std::nullopt);
}

Result<Reply> RevealedImportReport(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const bool xlsx = XlsxFormat(OptionalString(body, "format", invalid).value_or(""), invalid);
  const std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return Report(call, id, xlsx, reason);
}

Result<Reply> Template(Call& call) {
  Error invalid = InvalidInput();
  const bool xlsx = XlsxFormat(QueryValue(QueryParams(call.request.target()), "format"), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string bytes, WrittenBytes(call, xlsx ? "template.xlsx" : "template.csv",
                                                      app::RosterExportService::WriteTemplate));
  return FileReply(std::move(bytes), xlsx, "member-template");
}

Result<Reply> Export(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto org_id = OptionalId(body, "org_id", invalid);
  if (!org_id && invalid.fields.empty()) {
    invalid.fields.push_back({"org_id", "error.field.required", {}});
  }
  auto flag = [&](const char* name) {
    if (!body.contains(name) || body[name].is_null()) return false;
    if (!body[name].is_boolean()) {
      invalid.fields.push_back({name, "error.field.boolean", {}});
      return false;
    }
    return body[name].get<bool>();
  };
  app::MemberExportJobRequest req;
  req.subtree = flag("subtree");
  req.full = flag("full");
  req.xlsx = XlsxFormat(OptionalString(body, "format", invalid).value_or("xlsx"), invalid);
  req.reason = OptionalString(body, "reason", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  req.org_id = *org_id;
  // A large roster (a whole district's) is written by a job and downloaded when ready.
  ZJ_ASSIGN_OR_RETURN(auto job, call.app.jobs().SubmitMemberExport(*call.actor, req));
  if (job)
    return Reply{beast_http::status::accepted,
                 JobJson(*job, call.locale, call.app.clock().NowMs())};
  ZJ_ASSIGN_OR_RETURN(
      std::string bytes,
      WrittenBytes(call, req.xlsx ? "members.xlsx" : "members.csv",
                   [&](const std::string& out) -> Result<void> {
                     app::RosterExportRequest request;
                     request.org_id = req.org_id;
                     request.subtree = req.subtree;
                     request.full = req.full;
                     request.reason = req.reason;
                     request.out = out;
                     ZJ_RETURN_IF_ERROR(call.app.roster_exports().Export(*call.actor, request));
                     return {};
                   }));
  return FileReply(std::move(bytes), req.xlsx, "members");
}

Result<Reply> CandidateTransfers(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const std::string reason = RequireString(body, "reason", invalid);
  std::optional<std::vector<std::int64_t>> rows;
  if (body.contains("rows") && !body["rows"].is_null()) {
    if (!body["rows"].is_array()) {
      invalid.fields.push_back({"rows", "error.field.not_integer", {}});
    } else {
      rows.emplace();
      for (const auto& r : body["rows"]) {
        if (!r.is_number_integer()) {
          invalid.fields.push_back({"rows", "error.field.not_integer", {}});
          break;
        }
        rows->push_back(r.get<std::int64_t>());
      }
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  auto actor = *call.actor;
  actor.remote_addr = call.remote_addr;
  ZJ_ASSIGN_OR_RETURN(auto done, call.app.roster_imports().RequestTransfers(
                                     actor, call.app.transfers(), id, reason, rows));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"created", done.created}, {"skipped", done.skipped}}};
}

}  // namespace

void AddMemberImportRoutes(std::vector<Route>& routes) {
  using V = beast_http::verb;
  routes.push_back({V::post, "/api/v1/members/imports", Access::kSession, UploadImport});
  routes.push_back({V::get, "/api/v1/members/imports", Access::kSession, ListImports});
  routes.push_back({V::get, "/api/v1/members/imports/:id", Access::kSession, GetImport});
  routes.push_back({V::delete_, "/api/v1/members/imports/:id", Access::kSession, CancelImport});
  routes.push_back({V::post, "/api/v1/members/imports/:id/cancel", Access::kSession, CancelImport});
  routes.push_back({V::get, "/api/v1/members/imports/:id/report", Access::kSession, ImportReport});
  routes.push_back(
      {V::post, "/api/v1/members/imports/:id/report", Access::kSession, RevealedImportReport});
  routes.push_back(
      {V::post, "/api/v1/members/imports/:id/transfers", Access::kSession, CandidateTransfers});
  routes.push_back({V::get, "/api/v1/members/template", Access::kSession, Template});
  routes.push_back({V::post, "/api/v1/members/export", Access::kSession, Export});
}

}  // namespace zj::http
