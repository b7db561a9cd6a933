#include "app/jobs/import_job.h"

#include "app/members/member_access.h"

namespace zj::app {

Result<std::optional<store::JobRow>> ImportJobFor(JobService& jobs, const Actor& actor,
                                                  std::int64_t import_id) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(auto job, jobs.JobOfImport(import_id));
  if (!job) return job;
  ZJ_ASSIGN_OR_RETURN(store::JobRow seen, jobs.Get(actor, import_id));
  return std::optional<store::JobRow>(std::move(seen));
}

}  // namespace zj::app
