// Roster imports, exports and the template: POST/GET /api/v1/members/imports,
// GET /api/v1/members/imports/:id, GET /api/v1/members/imports/:id/report,
// GET /api/v1/members/template, POST /api/v1/members/export. An upload is the raw file as the
// body (up to Limits::upload_bytes); it is kept on disk (member_imports.stored_file) so the
// report can be rebuilt from it. Who may do what is decided in app/members.
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/imports/table_writer.h"
#include "http/member_import_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

namespace fs = std::filesystem;

//! Where uploaded rosters are kept: $TMPDIR/zhijia-imports (created on first use, mode 0700).
Result<fs::path> UploadDir() {
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec) / "zhijia-imports";
  fs::create_directories(dir, ec);
  if (ec) return Fail(ErrorCode::kInternal, "error.internal", "upload dir: " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  return dir;
}

//! A new empty file in the upload folder with the given extension (mkstemps: unique name).
Result<std::string> TempFile(app::Application& /*app*/, const std::string& ext) {
  ZJ_ASSIGN_OR_RETURN(const fs::path dir, UploadDir());
  std::string path = (dir / ("roster-XXXXXX" + ext)).string();
  const int fd = ::mkstemps(path.data(), static_cast<int>(ext.size()));
  if (fd < 0) return Fail(ErrorCode::kInternal, "error.internal", "mkstemps failed");
  ::close(fd);
  return path;
}

Result<std::string> ReadAndRemove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  in.close();
  ::unlink(path.c_str());
  if (!in && bytes.str().empty()) return Fail(ErrorCode::kInternal, "error.internal", "read back");
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
bool XlsxFormat(const std::map<std::string, std::string>& query, Error& invalid) {
  const std::string format = QueryValue(query, "format");
  if (format.empty() || format == "xlsx") return true;
  if (format != "csv") invalid.fields.push_back({"format", "error.field.format", {}});
  return false;
}

Result<Reply> UploadImport(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const auto union_id = ParseId(QueryValue(query, "union_id"));
  if (!union_id) invalid.fields.push_back({"union_id", "error.field.invalid_id", {}});
  std::string mode = QueryValue(query, "mode");
  if (mode.empty()) mode = "valid-rows";
  std::string file_name = QueryValue(query, "file_name");
  if (file_name.empty()) file_name = "roster";
  if (call.request.body().empty()) invalid.fields.push_back({"file", "error.field.required", {}});
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const std::string& body = call.request.body();
  const bool zip = body.starts_with(std::string_view("PK\x03\x04", 4));
  ZJ_ASSIGN_OR_RETURN(const std::string path, TempFile(call.app, zip ? ".xlsx" : ".csv"));
  {
    std::ofstream out(path, std::ios::binary);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) return Fail(ErrorCode::kInternal, "error.internal", "cannot store the upload");
  }
  auto actor = *call.actor;
  actor.remote_addr = call.remote_addr;
  auto view = call.app.roster_imports().Run(
      actor, {*union_id, path, file_name, mode, QueryValue(query, "sheet"), path});
  if (!view) {
    ::unlink(path.c_str());
    return Fail(std::move(view).error());
  }
  return Reply{beast_http::status::accepted, MemberImportJson(*view, call.locale)};
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
  ZJ_ASSIGN_OR_RETURN(auto view, call.app.roster_imports().Get(*call.actor, id));
  return Reply{beast_http::status::ok, MemberImportJson(view, call.locale)};
}

Result<Reply> ImportReport(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  Error invalid = InvalidInput();
  const bool xlsx = XlsxFormat(QueryParams(call.request.target()), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto view, call.app.roster_imports().Get(*call.actor, id, 0));
  if (!view.run.stored_file) {
    return Fail(ErrorCode::kFailedPrecondition, "error.import.report_file", "no stored file");
  }
  ZJ_ASSIGN_OR_RETURN(const std::string out, TempFile(call.app, xlsx ? ".xlsx" : ".csv"));
  auto actor = *call.actor;
  actor.remote_addr = call.remote_addr;
  auto written =
      call.app.roster_imports().WriteReport(actor, id, *view.run.stored_file, "", out, call.locale);
  if (!written) {
    ::unlink(out.c_str());
    return Fail(std::move(written).error());
  }
  ZJ_ASSIGN_OR_RETURN(std::string bytes, ReadAndRemove(out));
  return FileReply(std::move(bytes), xlsx, "import-report");
}

Result<Reply> Template(Call& call) {
  Error invalid = InvalidInput();
  const bool xlsx = XlsxFormat(QueryParams(call.request.target()), invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(const std::string out, TempFile(call.app, xlsx ? ".xlsx" : ".csv"));
  ZJ_RETURN_IF_ERROR(app::RosterExportService::WriteTemplate(out));
  ZJ_ASSIGN_OR_RETURN(std::string bytes, ReadAndRemove(out));
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
  const bool subtree = flag("subtree");
  const bool full = flag("full");
  const std::string format = OptionalString(body, "format", invalid).value_or("xlsx");
  if (format != "xlsx" && format != "csv") {
    invalid.fields.push_back({"format", "error.field.format", {}});
  }
  const std::string reason = OptionalString(body, "reason", invalid).value_or("");
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const bool xlsx = format == "xlsx";
  ZJ_ASSIGN_OR_RETURN(const std::string out, TempFile(call.app, xlsx ? ".xlsx" : ".csv"));
  auto actor = *call.actor;
  actor.remote_addr = call.remote_addr;
  auto rows = call.app.roster_exports().Export(actor, {*org_id, subtree, full, reason, out});
  if (!rows) {
    ::unlink(out.c_str());
    return Fail(std::move(rows).error());
  }
  ZJ_ASSIGN_OR_RETURN(std::string bytes, ReadAndRemove(out));
  return FileReply(std::move(bytes), xlsx, "members");
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
  routes.push_back({V::get, "/api/v1/members/imports/:id/report", Access::kSession, ImportReport});
  routes.push_back(
      {V::post, "/api/v1/members/imports/:id/transfers", Access::kSession, CandidateTransfers});
  routes.push_back({V::get, "/api/v1/members/template", Access::kSession, Template});
  routes.push_back({V::post, "/api/v1/members/export", Access::kSession, Export});
}

}  // namespace zj::http
