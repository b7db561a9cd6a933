// Rows of the worker's data rights (migration 0021): the privacy notice version accepted on the
// account, and the grants and withdrawals of consent for optional uses (appended, never changed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct NoticeAcceptance {
  std::optional<int> version;  //!< none before the first acceptance
  std::optional<std::int64_t> accepted_at;
};

Result<NoticeAcceptance> WorkerNoticeOf(Connection& conn, std::int64_t worker_id);
Result<void> SetWorkerNotice(Connection& conn, std::int64_t worker_id, int version,
                             std::int64_t at);

struct WorkerConsentRow {
  std::int64_t id = 0;
  std::int64_t worker_id = 0;
  std::string purpose;  //!< one of app/worker_accounts/consents.h's uses
  bool granted = false;
  std::int64_t created_at = 0;
};

Result<void> InsertWorkerConsent(Connection& conn, const WorkerConsentRow& row);
//! Every grant and withdrawal of the worker, newest first.
Result<std::vector<WorkerConsentRow>> WorkerConsentsOf(Connection& conn, std::int64_t worker_id);
//! The newest row of `purpose` for the worker, if any.
Result<std::optional<WorkerConsentRow>> LatestWorkerConsent(Connection& conn,
                                                            std::int64_t worker_id,
                                                            const std::string& purpose);

}  // namespace zj::store
