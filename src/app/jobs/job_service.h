// Long work as background jobs (DESIGN.md "Long work runs as a job with progress"): roster,
// enterprise and org imports of uploaded files, and exports too large to answer at once. A
// job is submitted (checked at once: scope, role, options), queued, taken up by a JobRunner
// (job_runner.h), shows its progress while it runs and its outcome when it ends; it can be
// cancelled. Who may see a job: whoever may do its kind within the subtree that holds the
// job's org; anyone else gets kNotFound, as if it did not exist (org_scope.h).
// Files: uploads and results are sealed (sealed_file.h) in the files folder and deleted a while
// after the job ends (JobsConfig::files_keep_ms).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/jobs/sealed_file.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"
#include "store/jobs.h"

namespace zj::app {

inline constexpr const char* kMemberImportJob = "members.import";
inline constexpr const char* kEnterpriseImportJob = "enterprises.import";
inline constexpr const char* kOrgImportJob = "orgs.import";
inline constexpr const char* kMemberExportJob = "members.export";

struct JobsConfig {
  //! Where sealed uploads and results are kept; "" → uploads are refused.
  std::string files_dir;
  //! How long a finished job's files are kept (the report is rebuilt from the upload).
  std::int64_t files_keep_ms = std::int64_t{7} * 24 * 3600 * 1000;
  //! Exports of more members than this run as jobs; smaller ones are answered at once.
  std::int64_t export_job_rows = 20000;
};

//! A file being received: written sealed as it arrives, under a key of its own.
struct Upload {
  std::string name;  //!< the file's name in the files folder
  std::unique_ptr<SealedFileWriter> writer;
  store::Blob sealed_key;
  std::int64_t key_version = 0;
};

struct MemberImportJobRequest {
  std::int64_t union_id = 0;
  std::string mode = "valid-rows";
  std::string sheet;
  std::string file_name;
};

struct MemberExportJobRequest {
  std::int64_t org_id = 0;
  bool subtree = false;
  bool full = false;
  std::string reason;
  bool xlsx = true;
};

struct JobFilter {
  std::string kind;   //!< "" for every kind the actor may see
  std::string state;  //!< "" for any
  bool mine = false;  //!< only the actor's own
  std::optional<std::int64_t> before_id;
  int limit = 50;
};

//! A finished job's result file, decrypted into an unnamed file (streamed to the client from
//! there: an export of a whole district is hundreds of megabytes).
struct JobDownload {
  PlainFile file;
  std::int64_t size = 0;
  std::string file_name;  //!< ASCII, for Content-Disposition
  bool xlsx = false;
};

class JobService {
 public:
  JobService(store::Database& db, const Clock& clock, Random& random, Vault& vault,
             AuditService& audit, JobsConfig config);

  const JobsConfig& config() const { return config_; }
  //! Called with a job's id after it is queued or cancelled (the runner wakes up, and a job
  //! it runs learns of its cancellation at once).
  void OnChange(std::function<void(std::int64_t job_id)> notify) { notify_ = std::move(notify); }
  //! The files folder (created on first use).
  Result<std::string> FilesDir() const;

  //! A new sealed file in the files folder for an upload. kFailedPrecondition
  //! "error.jobs.no_files" when no folder is configured, "error.keys.missing" without keys.
  Result<Upload> NewUpload();

  //! Queues the import of the finished upload into a grassroots union. The checks of
  //! RosterImportService::Run that need no file come now (kNotFound outside the scope,
  //! kPermissionDenied, kInvalidArgument for the union's kind or the mode); the file's own
  //! problems end the job as failed. The upload's file is removed when this fails.
  Result<store::JobRow> SubmitMemberImport(const Actor& actor, const MemberImportJobRequest& req,
                                           Upload upload);
  //! Queues an org (kOrgImportJob) or enterprise (kEnterpriseImportJob) table import.
  Result<store::JobRow> SubmitTableImport(const Actor& actor, const std::string& kind,
                                          const std::string& file_name, Upload upload);
  //! Queues the export when it holds more than config().export_job_rows members; nullopt
  //! when it is small enough to be answered at once. Checks as RosterExportService::Export.
  Result<std::optional<store::JobRow>> SubmitMemberExport(const Actor& actor,
                                                          const MemberExportJobRequest& req);

  //! A job the actor may see (kNotFound otherwise).
  Result<store::JobRow> Get(const Actor& actor, std::int64_t id);
  //! Jobs in the actor's scope, newest first.
  Result<std::vector<store::JobRow>> List(const Actor& actor, const JobFilter& filter);
  //! Cancels a queued or interrupted job at once, or asks a running one to stop after its
  //! current step; kConflict "error.jobs.finished" for a finished one.
  Result<store::JobRow> Cancel(const Actor& actor, std::int64_t id);
  //! The result file of a succeeded job (audited). kFailedPrecondition "error.jobs.no_file"
  //! when it has none (or no more).
  Result<JobDownload> Download(const Actor& actor, std::int64_t id);

  //! The job that ran (or runs) member import run `import_id`, if any (no scope check).
  Result<std::optional<store::JobRow>> JobOfImport(std::int64_t import_id);
  //! The plain bytes of the job's upload, in an unlinked temporary file.
  Result<PlainFile> OpenInput(const store::JobRow& job) const;
  //! The job's file key.
  Result<FileKey> KeyOf(const store::JobRow& job) const;
  //! The path of a file of the files folder.
  std::string FilePath(const std::string& name) const;
  //! A new, unused name in the files folder.
  std::string NewFileName(const std::string& prefix);

  //! Deletes the files of jobs whose time is up; returns how many jobs lost their files.
  Result<std::int64_t> DeleteExpiredFiles();
  //! Deletes the plain rosters that servers before the jobs kept in $TMPDIR/zhijia-imports
  //! and forgets them in member_imports.
  Result<std::int64_t> DeleteLegacyUploads();

  //! The kinds the actor may submit and see.
  static std::vector<std::string> KindsFor(const Actor& actor);

 private:
  Result<store::JobRow> Queue(const Actor& actor, store::JobRow job, Upload* upload);
  void Notify(std::int64_t job_id) const {
    if (notify_) notify_(job_id);
  }

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  Vault& vault_;
  AuditService& audit_;
  JobsConfig config_;
  std::function<void(std::int64_t)> notify_;
};

}  // namespace zj::app
