#include "app/jobs/job_service.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/accounts/roles.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/member_imports.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

namespace fs = std::filesystem;

Error JobNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "job " + std::to_string(id), {}, {}};
}

Error FieldError1(const std::string& field, const std::string& key) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", field + ": " + key, {}, {}};
  e.fields.push_back({field, key, {}});
  return e;
}

accounts::Role RoleOf(const Actor& actor) {
  return accounts::ParseRole(actor.role).value_or(accounts::Role::kWorker);
}

//! The files folder, created (mode 0700) on first use.
Result<std::string> EnsureDir(const std::string& configured) {
  std::error_code ec;
  const fs::path dir =
      configured.empty() ? fs::temp_directory_path(ec) / "zhijia-files" : fs::path(configured);
  fs::create_directories(dir, ec);
  if (ec) {
    return Fail(ErrorCode::kInternal, "error.internal",
                "files folder " + dir.string() + ": " + ec.message());
  }
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  return dir.string();
}

}  // namespace

JobService::JobService(store::Database& db, const Clock& clock, Random& random, Vault& vault,
                       AuditService& audit, JobsConfig config)
    : db_(db),
      clock_(clock),
      random_(random),
      vault_(vault),
      audit_(audit),
      config_(std::move(config)) {}

std::vector<std::string> JobService::KindsFor(const Actor& actor) {
  std::vector<std::string> kinds;
  const accounts::Role role = RoleOf(actor);
  if (ManagesMembers(actor)) {
    kinds.emplace_back(kMemberImportJob);
    kinds.emplace_back(kMemberExportJob);
  }
  if (accounts::ManagesEnterprises(role)) kinds.emplace_back(kEnterpriseImportJob);
  if (accounts::ManagesOrgs(role)) kinds.emplace_back(kOrgImportJob);
  return kinds;
}

Result<std::string> JobService::FilesDir() const { return EnsureDir(config_.files_dir); }

std::string JobService::FilePath(const std::string& name) const {
  auto dir = EnsureDir(config_.files_dir);
  return (fs::path(dir ? *dir : config_.files_dir) / name).string();
}

std::string JobService::NewFileName(const std::string& prefix) {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return prefix + "-" + hex + ".zjs";
}

Result<Upload> JobService::NewUpload() {
  ZJ_RETURN_IF_ERROR(EnsureDir(config_.files_dir));
  const FileKey key = FileKey::Random();
  Upload upload;
  ZJ_ASSIGN_OR_RETURN(upload.sealed_key, key.Seal(vault_));
  upload.key_version = upload.sealed_key.empty() ? 0 : upload.sealed_key.front();
  upload.name = NewFileName("upload");
  ZJ_ASSIGN_OR_RETURN(upload.writer, SealedFileWriter::Create(FilePath(upload.name), key));
  return upload;
}

Result<store::JobRow> JobService::Queue(const Actor& actor, store::JobRow job, Upload* upload) {
  job.id = NewId(clock_, random_);
  job.state = "queued";
  job.created_at = clock_.NowMs();
  if (actor.user_id != 0) job.owner_id = actor.user_id;
  if (upload != nullptr) {
    if (upload->writer && !upload->writer->finished()) ZJ_RETURN_IF_ERROR(upload->writer->Finish());
    job.input_file = upload->name;
    job.input_bytes = upload->writer ? upload->writer->bytes() : 0;
    job.file_key = upload->sealed_key;
    job.key_version = upload->key_version;
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::InsertJob(*lease, job));
  ZJ_ASSIGN_OR_RETURN(auto stored, store::FindJob(*lease, job.id));
  if (!stored) return Fail(JobNotFound(job.id));
  if (upload != nullptr) upload->writer.reset();  // the file is the job's now
  Notify(job.id);
  return *stored;
}

Result<store::JobRow> JobService::SubmitMemberImport(const Actor& actor,
                                                     const MemberImportJobRequest& req,
                                                     Upload upload) {
  // On any failure below the upload is removed with its writer (never finished → abandoned,
  // finished → removed here).
  auto remove = [&] {
    if (upload.writer) upload.writer->Abandon();
    ::unlink(FilePath(upload.name).c_str());
  };
  auto checked = [&]() -> Result<store::OrgRow> {
    ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
    if (req.mode != "valid-rows" && req.mode != "all-or-nothing") {
      return Fail(FieldError1("mode", "error.import.mode"));
    }
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, req.union_id, "union_id"));
    if (org.kind != "grassroots" || org.status != "active") {
      return Fail(FieldError1("union_id", "error.members.not_grassroots"));
    }
    return org;
  }();
  if (!checked) {
    remove();
    return Fail(std::move(checked).error());
  }
  store::JobRow job;
  job.federation_id = checked->federation_id;
  job.kind = kMemberImportJob;
  job.org_id = checked->id;
  job.org_path = checked->path;
  job.params = nlohmann::json{{"union_id", std::to_string(req.union_id)},
                              {"mode", req.mode},
                              {"sheet", req.sheet},
                              {"file_name", req.file_name},
                              {"remote_addr", actor.remote_addr}}
                   .dump();
  auto queued = Queue(actor, std::move(job), &upload);
  if (!queued) remove();
  return queued;
}

Result<store::JobRow> JobService::SubmitTableImport(const Actor& actor, const std::string& kind,
                                                    const std::string& file_name, Upload upload) {
  auto remove = [&] {
    if (upload.writer) upload.writer->Abandon();
    ::unlink(FilePath(upload.name).c_str());
  };
  Result<void> allowed = kind == kOrgImportJob ? MustManageOrgs(actor)
                         : kind == kEnterpriseImportJob
                             ? MustManageEnterprises(actor)
                             : Fail(ErrorCode::kInternal, "error.internal", "kind " + kind);
  if (!allowed) {
    remove();
    return Fail(std::move(allowed).error());
  }
  store::JobRow job;
  job.kind = kind;
  job.org_id = actor.org_id;
  job.org_path = actor.org_path.empty() ? "/" : actor.org_path;
  if (actor.org_id) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, *actor.org_id));
    if (org) job.federation_id = org->federation_id;
  }
  job.params = nlohmann::json{{"file_name", file_name}, {"remote_addr", actor.remote_addr}}.dump();
  auto queued = Queue(actor, std::move(job), &upload);
  if (!queued) remove();
  return queued;
}

Result<std::optional<store::JobRow>> JobService::SubmitMemberExport(
    const Actor& actor, const MemberExportJobRequest& req) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  if (req.full) ZJ_RETURN_IF_ERROR(CheckReason("reason", req.reason));
  store::OrgRow org;
  std::int64_t members = 0;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(org, LoadOrgInScope(*lease, actor, req.org_id, "org_id"));
    if (req.subtree) {
      ZJ_ASSIGN_OR_RETURN(store::RollupRow rollup, store::RollupOf(*lease, org.id));
      members = rollup.figures.members;
    } else {
      ZJ_ASSIGN_OR_RETURN(members, store::CountActiveMembersOfUnion(*lease, org.id));
    }
  }
  if (members <= config_.export_job_rows) return std::optional<store::JobRow>();
  store::JobRow job;
  job.federation_id = org.federation_id;
  job.kind = kMemberExportJob;
  job.org_id = org.id;
  job.org_path = org.path;
  job.rows_expected = members;
  job.params = nlohmann::json{{"org_id", std::to_string(org.id)},
                              {"subtree", req.subtree},
                              {"full", req.full},
                              {"reason", req.reason},
                              {"format", req.xlsx ? "xlsx" : "csv"},
                              {"remote_addr", actor.remote_addr}}
                   .dump();
  // The key its result will be sealed with.
  const FileKey key = FileKey::Random();
  ZJ_ASSIGN_OR_RETURN(store::Blob sealed, key.Seal(vault_));
  job.key_version = sealed.empty() ? 0 : sealed.front();
  job.file_key = std::move(sealed);
  ZJ_ASSIGN_OR_RETURN(store::JobRow queued, Queue(actor, std::move(job), nullptr));
  return std::optional(std::move(queued));
}

Result<store::JobRow> JobService::Get(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto job, store::FindJob(*lease, id));
  const auto kinds = KindsFor(actor);
  if (!job || !PathInScope(actor, job->org_path) ||
      std::find(kinds.begin(), kinds.end(), job->kind) == kinds.end()) {
    return Fail(JobNotFound(id));
  }
  return *job;
}

Result<std::vector<store::JobRow>> JobService::List(const Actor& actor, const JobFilter& filter) {
  const auto range = ScopeRange(actor);
  if (!range) return std::vector<store::JobRow>{};
  store::JobQuery q;
  q.low = range->first;
  q.high = range->second;
  q.kinds = KindsFor(actor);
  if (!filter.kind.empty()) {
    const bool allowed = std::find(q.kinds.begin(), q.kinds.end(), filter.kind) != q.kinds.end();
    q.kinds = allowed ? std::vector<std::string>{filter.kind} : std::vector<std::string>{};
  }
  q.state = filter.state;
  if (filter.mine) q.owner_id = actor.user_id;
  q.before_id = filter.before_id;
  q.limit = std::clamp(filter.limit, 1, 200);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ListJobs(*lease, q);
}

Result<store::JobRow> JobService::Cancel(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::JobRow job, Get(actor, id));
  const std::int64_t now = clock_.NowMs();
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
    ZJ_ASSIGN_OR_RETURN(auto at_once, store::CancelJob(*lease, id, now, now));
    if (!at_once) {
      return Fail(ErrorCode::kConflict, "error.jobs.finished", "job " + std::to_string(id));
    }
    if (*at_once && job.kind == kMemberImportJob) {
      // An interrupted roster import keeps the batches it committed; its run ends here.
      ZJ_ASSIGN_OR_RETURN(auto run, store::FindMemberImport(*lease, job.id));
      if (run && run->status == "running") {
        run->status = "cancelled";
        run->updated_at = now;
        run->finished_at = now;
        ZJ_RETURN_IF_ERROR(store::UpdateMemberImport(*lease, *run));
      }
    }
    ZJ_RETURN_IF_ERROR(audit_.Record(
        *lease, AuditActor::From(actor),
        AuditEvent{"jobs.cancel", "job", std::to_string(id), "ok", {}, {{"kind", job.kind}}}));
    ZJ_RETURN_IF_ERROR(tx.Commit());
  }
  Notify(id);
  return Get(actor, id);
}

Result<JobDownload> JobService::Download(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::JobRow job, Get(actor, id));
  if (job.state != "succeeded" || !job.result_file || !job.file_key) {
    return Fail(ErrorCode::kFailedPrecondition, "error.jobs.no_file",
                "job " + std::to_string(id) + " has no file");
  }
  ZJ_ASSIGN_OR_RETURN(FileKey key, KeyOf(job));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      AuditActor::From(actor),
      AuditEvent{"jobs.download", "job", std::to_string(id), "ok", {}, {{"kind", job.kind}}}));
  ZJ_ASSIGN_OR_RETURN(const std::string dir, EnsureDir(config_.files_dir));
  ZJ_ASSIGN_OR_RETURN(PlainFile file, OpenSealedFile(FilePath(*job.result_file), key, dir));
  struct stat st {};
  if (::fstat(file.fd(), &st) != 0) {
    return Fail(ErrorCode::kInternal, "error.internal", "fstat of a decrypted result");
  }
  const auto params = nlohmann::json::parse(job.params, nullptr, false);
  const bool xlsx = params.is_object() && params.value("format", "xlsx") == "xlsx";
  return JobDownload{std::move(file), static_cast<std::int64_t>(st.st_size),
                     job.kind == kMemberExportJob ? "members" : "result", xlsx};
}

Result<std::optional<store::JobRow>> JobService::JobOfImport(std::int64_t import_id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto job, store::FindJob(*lease, import_id));
  if (job && job->kind != kMemberImportJob) job.reset();
  return job;
}

Result<FileKey> JobService::KeyOf(const store::JobRow& job) const {
  if (!job.file_key) return Fail(ErrorCode::kFailedPrecondition, "error.jobs.no_file", "no key");
  return FileKey::Open(vault_, *job.file_key);
}

Result<PlainFile> JobService::OpenInput(const store::JobRow& job) const {
  if (!job.input_file) {
    return Fail(ErrorCode::kFailedPrecondition, "error.jobs.no_file",
                "job " + std::to_string(job.id) + " keeps no upload");
  }
  ZJ_ASSIGN_OR_RETURN(FileKey key, KeyOf(job));
  ZJ_ASSIGN_OR_RETURN(const std::string dir, EnsureDir(config_.files_dir));
  return OpenSealedFile(FilePath(*job.input_file), key, dir);
}

Result<std::int64_t> JobService::DeleteExpiredFiles() {
  std::int64_t done = 0;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(auto jobs, store::JobsWithExpiredFiles(*lease, clock_.NowMs(), 100));
    for (const auto& job : jobs) {
      if (job.input_file) ::unlink(FilePath(*job.input_file).c_str());
      if (job.result_file) ::unlink(FilePath(*job.result_file).c_str());
      ZJ_RETURN_IF_ERROR(store::ClearJobFiles(*lease, job.id));
      ++done;
    }
    if (jobs.size() < 100) return done;
  }
}

Result<std::int64_t> JobService::DeleteLegacyUploads() {
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec) / "zhijia-imports";
  std::int64_t removed = 0;
  if (!ec && fs::is_directory(dir, ec)) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().starts_with("roster-") && fs::remove(entry.path(), ec)) {
        ++removed;
      }
    }
  }
  if (auto files = FilesDir()) RemoveScratch(*files);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::ForgetLegacyImportFiles(*lease));
  return removed;
}

}  // namespace zj::app
