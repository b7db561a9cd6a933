// Rows of the workers' notifications inbox (migration 0018): one entry per account, a kind and
// its JSON parameters, read or not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct WorkerNotificationRow {
  std::int64_t id = 0;
  std::int64_t worker_id = 0;
  std::string kind;    //!< e.g. request.accepted (app/worker_accounts/inbox.h lists them)
  std::string params;  //!< a JSON object, the message's arguments
  std::optional<std::int64_t> subject_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};

Result<void> InsertWorkerNotification(Connection& conn, const WorkerNotificationRow& row);
//! The worker's entries with id < before_id (0: from the newest), newest first.
Result<std::vector<WorkerNotificationRow>> WorkerNotificationsOf(Connection& conn,
                                                                 std::int64_t worker_id,
                                                                 std::int64_t before_id, int limit);
//! The worker's unread entries, counted up to `cap` (the badge shows "99+").
Result<std::int64_t> CountUnreadWorkerNotifications(Connection& conn, std::int64_t worker_id,
                                                    std::int64_t cap);
//! Marks the worker's entry `id` read; false when the worker has no such entry.
Result<bool> MarkWorkerNotificationRead(Connection& conn, std::int64_t worker_id, std::int64_t id,
                                        std::int64_t at);
//! Marks every unread entry of the worker read; how many were.
Result<std::int64_t> MarkAllWorkerNotificationsRead(Connection& conn, std::int64_t worker_id,
                                                    std::int64_t at);

}  // namespace zj::store
