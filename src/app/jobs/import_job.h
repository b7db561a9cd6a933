// The job of a member import run, as an actor reading the run may see it: the same checks as
// RosterImportService::Get, in the same order, so every route of a run (read, cancel) answers a
// role that imports no members 403 before it looks anything up, and 404 outside the subtree.
#pragma once

#include <cstdint>
#include <optional>

#include "app/jobs/job_service.h"

namespace zj::app {

//! kPermissionDenied unless the actor may import members; kNotFound for a job outside the
//! actor's scope; nullopt for a run without a job (one of the command line).
Result<std::optional<store::JobRow>> ImportJobFor(JobService& jobs, const Actor& actor,
                                                  std::int64_t import_id);

}  // namespace zj::app
