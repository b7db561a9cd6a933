// The JSON of a background job (the Job object of the API): kind, state, progress with rows/s
// and the time left while it runs, the error in the caller's language when it failed, and,
// for a table import, its report (problems with their messages).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/i18n/messages.h"
#include "store/jobs.h"

namespace zj::http {

//! `now_ms` is the server's time, for rows/s and the time left.
nlohmann::json JobJson(const store::JobRow& job, i18n::Locale locale, std::int64_t now_ms);

//! Whether the job has stopped for good (succeeded, failed, cancelled).
bool JobFinished(const store::JobRow& job);

}  // namespace zj::http
